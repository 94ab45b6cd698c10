#pragma once
// 政民互动, the public side (P = the site's path prefix):
//   GET  P/zmhd/                        the site's 信箱 (which ones is data) and the links below
//   GET  P/zmhd/write/{mailbox}/        the form (?url= fills in the page of a 找错 report);
//   POST P/zmhd/write/{mailbox}/        submit (multipart, up to 3 images/PDF): errors -> the
//                                       form again, every value kept; accepted -> the receipt
//                                       (信件编号 + 查询码, shown once)
//   GET  P/zmhd/status/                 lookup form (?number= pre-fills); POST: the status,
//                                       the reply and the rating form (same answer for an
//                                       unknown number and a wrong code)
//   POST P/zmhd/rate/                   the rating (number + code in the body)
//   GET  P/zmhd/letters/                信件选登 (?q= searches, ?mailbox=, ?page=)
//   GET  P/zmhd/letters/{number}/       one published letter
//   GET  P/zmhd/stats/                  受理反馈统计 (?year=, ?month=), SVG charts
//   GET  P/zmhd/stats.csv, stats.xlsx   the same figures as a spreadsheet
// No page here shows the writer's name, phone or e-mail; published letters are the masked
// copies the office made (letter_repository.hpp).
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

// For SiteApp's router: seg[0] == "zmhd". nullopt = no such page (404).
std::optional<http::Response> letter_page(PageContext& ctx, const std::vector<std::string_view>& seg);

// 信件选登 in the site search (SiteApp::add_search_source): the newest 3 published letters
// whose masked title, question or answer contain the query.
std::optional<SearchSourceResult> letter_search(PageContext& ctx, const std::string& query);

}  // namespace zwgk::web
