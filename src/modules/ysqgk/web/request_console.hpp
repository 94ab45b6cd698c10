#pragma once
// 依申请公开, the office side (console): registration of applications received by letter,
// in person, by fax or recorded by phone for the online channel; the list, the dashboard,
// one application with its due date counted, its history and the actions its state allows;
// the reply letter; disclosed files; reconsideration and litigation records; the annual
// report's counts as JSON.
//
//   GET  /console/requests/                       list (all states; filter ?state=)
//   GET  /console/requests/dashboard              即将到期 / 已逾期 / 暂停计时 / 按承办部门; 年报 三、四
//   GET  /console/api/requests/annual-report?year=YYYY   JSON, the user's site
//   GET  /console/requests/new  POST /console/requests/new   staff registration (Art. 31)
//   GET  /console/requests/{tn}/                  detail
//   POST /console/requests/{tn}/{action}          correction | correction-received |
//        close-no-correction | assign | consultation-start | consultation-end | extend |
//        reply | files | reviews | reviews/{id}/decide
//   GET  /console/requests/{tn}/letter            the reply letter as a file
//
// Who (domain/permissions.hpp): 公开工作机构 handles everything of its site and sees the
// applicant's ID number; the department an application is assigned to reads it; auditors
// and site administrators read (ID number masked). A refused action shows the Chinese
// reason and changes nothing; every action is written to the audit log with the tracking
// number and no personal data.
#include <functional>
#include <string>

#include "domain/calendar_source.hpp"
#include "web/console/console.hpp"

namespace zwgk::web::console {

struct RequestConsoleOptions {
  std::string secret;  // the installation secret: derives the key that opens ID numbers
  // The working-day calendar (the public site's source: a holiday file added counts at
  // once); empty = weekends only.
  domain::CalendarSourcePtr calendar;
};

void register_request_console_pages(ConsoleApp& app, http::Router& router, RequestConsoleOptions options);

}  // namespace zwgk::web::console
