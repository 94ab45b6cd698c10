#pragma once
// 意见征集, the public side (P = the site's path prefix):
//   GET  P/yjzj/                      the list: 征集中 (with 未开始), 已结束待反馈, 已反馈
//                                     (?tab=open|ended|answered), with dates and counts
//   GET  P/yjzj/{id}/                 one consultation: the notice (kind, dates, 起草单位,
//                                     起草说明, the reason for a short period), the draft with
//                                     its articles anchored (#art-5), the attachments, the
//                                     published opinions against their article, the
//                                     questionnaire's results once ended (SVG), the 反馈
//   GET  P/yjzj/{id}/opinion          the opinion form (?anchor=art-5 preselects 第五条);
//   POST P/yjzj/{id}/opinion          pre-moderated, name and phone sealed
//   GET  P/yjzj/{id}/survey, POST     the questionnaire while it is open
//   GET  P/yjzj/{id}/attachments/{a}  an attachment
// The forms are pages of their own so the consultation page stays cached (until the next
// change, or the next midnight when its phase moves). Nothing here shows a writer's name or
// phone, an opinion before staff publish it, or a free-text questionnaire answer.
#include <optional>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

std::optional<http::Response> consultation_page(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
