#pragma once
// 清单, the public side (P = the site's path prefix):
//   GET P/qd/                         the site's published lists with their current version
//   GET P/qd/{id}/?on=2026-06-30&q=   the version in force on `on` (today by default; the page
//                                     says when none was yet), its items filtered by `q`, 50 a
//                                     page, what changed from the version before, every version
//   GET P/qd/{id}/v{n}/               version n at its own URL
//   GET P/qd/{id}/v{n}.csv|.xlsx|.json  its items to download (CSV with BOM for Excel and WPS)
// A 黑名单 shows its current entries (not 移出 by `on`) unless ?all=1.
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"
#include "web/site_app.hpp"

namespace zwgk::web {

std::optional<http::Response> list_page(PageContext& ctx, const std::vector<std::string_view>& seg);

// 清单事项 in the site search (SiteApp::add_search_source): the first 3 items of the versions
// in force whose cells contain the words, each linking to its list filtered by them.
std::optional<SearchSourceResult> list_search(PageContext& ctx, const std::string& query);

}  // namespace zwgk::web
