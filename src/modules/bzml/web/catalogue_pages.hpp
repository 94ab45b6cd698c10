#pragma once
// 基层政务公开标准目录, the public side (P = the site's path prefix):
//   GET P/bzml/          the 领域 the site has its catalogue of, with how many items are
//                        published on time, pending and overdue
//   GET P/bzml/{code}/   one 领域: its items by 一级事项 — 公开内容（要素）, 公开依据, 公开时限,
//                        公开主体, 渠道, 对象, 方式, 层级 — each with the 公开目录 column and the
//                        清单 where it is published, and its 落实情况
// Cached until a catalogue, a mapping or a document changes, and at most until the next
// midnight (a due date passes at midnight).
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

std::optional<http::Response> standard_catalogue_page(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
