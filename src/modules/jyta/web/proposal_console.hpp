#pragma once
// 建议提案办理, the office side (console):
//   GET  /console/proposals/                 the list (?overdue=1 the overdue answers, ?page=); editors
//                                            see their own unit's items
//   GET  /console/proposals/{id}/            one item: the record, the answer form (jyta.answer), the
//                                            publication decision and the satisfaction (jyta.publish)
//   POST /console/proposals/{id}/answer      text, answered_on, class, publication, summary, ground, reason
//   POST /console/proposals/{id}/publication publication=full|summary|withheld (+ summary / ground, reason)
//   POST /console/proposals/{id}/satisfaction satisfaction=satisfied|basically_satisfied|dissatisfied
//   GET  /console/proposals/import, POST …   the year's 交办清单 (.xlsx, field "file"): all rows or none;
//                                            a bad row is a 400 listing every problem by row and column
//   GET  /console/proposals/settings, POST … the answer deadline in months (jyta.manage)
// and a 我的工作 section: the overdue answers of the user's scope.
#include "http/router.hpp"
#include "web/console/console.hpp"

namespace zwgk::web::console {

void register_proposal_console_pages(ConsoleApp& app, http::Router& router);

}  // namespace zwgk::web::console
