#pragma once
// 工作要点落实, the public side (P = the site's path prefix):
//   GET P/gzyd/          the site's 工作要点 by year
//   GET P/gzyd/{year}/   every task with its responsible units, where each stands, and the
//                        落实情况 the office has passed (seed 结尾段: 各单位 report by 12月20日)
// No JavaScript; the page-identity meta tags; an unknown year is a 404.
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

std::optional<http::Response> work_plan_page(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
