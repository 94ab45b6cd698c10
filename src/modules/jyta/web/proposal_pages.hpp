#pragma once
// 建议提案办理, the public side (P = the site's path prefix):
//   GET P/jyta/               the list: ?q= (title, number, 领衔人), ?year=, ?department= (主办单位),
//                             ?class=A|B|C, ?type=suggestion|proposal, ?page=
//   GET P/jyta/{id}/          one record with the answer in full (or the published summary,
//                             or the reason it is not published: 国办发〔2014〕46号)
//   GET P/jyta/stats/         per-unit statistics (?year=): a table and an SVG bar chart
//   GET P/jyta/stats.xlsx     the same table as a spreadsheet
// Every page carries the page-identity meta tags; none needs JavaScript. No contact data
// of a deputy or member exists to be shown. Bad parameters are a 400 in Chinese.
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

std::optional<http::Response> proposal_page(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
