#pragma once
// 预决算公开统一专栏, the public side (P = the site's path prefix):
//   GET P/yjs/?year=2026   the year's matrix: the government's 预算 and 决算 and every
//                          department's 部门预算, 部门决算 and 三公经费 — the document with its
//                          发布日期, or 待公开 (with the due date), 逾期未公开, 待批复.
// Cached until a cell or a document changes, and at most until the site's next midnight
// (a due date passes at midnight).
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

std::optional<http::Response> budget_page(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
