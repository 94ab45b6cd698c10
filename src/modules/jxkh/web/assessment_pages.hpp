#pragma once
// 政务公开绩效考核, the public side (P = the site's path prefix; 《2017年邵阳市政务公开工作要点》
// 六（八）: 评分结果在市政府门户网站公开):
//   GET P/jxkh/          the released years (a column page)
//   GET P/jxkh/{year}/   that year's results once released: each unit's rank and score and
//                        its deductions in words, the adjustments with their reasons (a
//                        content page); 404 before release. No evidence rows: they name
//                        letters and applications, which are not the public's to read here.
// Cached until the office releases a year (tag assessments:<site>) or the site changes.
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

std::optional<http::Response> assessment_page(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
