#pragma once
// 回应关切, the public side (P = the site's path prefix):
//   GET P/hygq/   the 回应关切 column: the responses linked to the site's incidents (the
//                 published document, the 新闻发布会, a response made elsewhere: title, link,
//                 date) under their incident's title and date. The internal clock (due,
//                 met / missed) only when the site turns it on (hygq settings); the summary
//                 never. Cached under incidents:<site> and site:<id>:lists (a linked
//                 document's publication refreshes it); with the clock shown, until the next
//                 running clock falls due.
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

// For SiteApp's router: seg[0] == "hygq". nullopt = no such page (404).
std::optional<http::Response> incident_page(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
