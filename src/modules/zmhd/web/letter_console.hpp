#pragma once
// 政民互动, the office side (console):
//   GET  /console/letters/                  工作台: 待受理, 两个工作日内到期, 已超期 (督办), 超过两个月
//                                           未答复 (red), 待评价, by department; the list (?state=, ?page=)
//   GET  /console/letters/{number}/         one letter: content, attachments, the writer (zmhd.view_writer,
//                                           audited), due date, history, the forms its state allows
//   POST /console/letters/{number}/step     one step (kind=accept|reject|merge|assign|draft_reply|
//                                           request_extension|approve_extension|return_reply|
//                                           approve_reply|supervise)
//   POST /console/letters/{number}/publish, /unpublish      信件选登
//   GET  /console/letters/{number}/attachments/{id}         an attachment (staff)
//   GET  /console/letters/settings, POST …                  信箱, 办理期限, 套话, 部门联系人, 对接系统
// Who: the permission registry's zmhd.* actions (zmhd_permissions.cpp). A refused action shows
// the Chinese reason and changes nothing; every action is audited with the letter number and
// no personal data.
#include <string>

#include "domain/calendar_source.hpp"
#include "http/router.hpp"
#include "store/database.hpp"
#include "web/console/console.hpp"
#include "web/site_app.hpp"

namespace zwgk::web::console {

struct LetterConsoleOptions {
  std::string secret;                 // opens the writers' sealed contact data
  domain::CalendarSourcePtr calendar;  // the working-day calendar; empty = weekends only
};

void register_letter_console_pages(ConsoleApp& app, http::Router& router, LetterConsoleOptions options);
// /console/letters/settings (letter_settings_page.cpp).
void register_letter_settings_page(ConsoleApp& app, http::Router& router);

}  // namespace zwgk::web::console

namespace zwgk::web {

// The 12345 API (docs/api.md): a bearer token per integrating system, bound to one site.
//   POST /api/v1/letters              push a 工单 (JSON) -> 201 {number, state, ...}
//   GET  /api/v1/letters/{number}     its state and reply (only letters of the token's site)
void register_letter_api(http::Router& router, store::Database& db, const WebOptions& options);
// Its part of /api/v1/openapi.json (SiteApp::add_api_description).
const char* letter_api_description();

}  // namespace zwgk::web
