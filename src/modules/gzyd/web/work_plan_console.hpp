#pragma once
// 工作要点 and 任务督办 in the console, under /console/work-plans/:
//   GET  /                      the plans; the import form (office); 本单位的任务 with report forms
//   POST import                 a 要点 into tasks and units                        gzyd.manage
//   GET  {id}/                  the plan: units to map by hand, overdue units, every task
//   POST {id}/map               one name → a department (remembered)               gzyd.manage
//   POST {id}/notify            the 督办 mail to the overdue units now              gzyd.manage
//   POST tasks/{id}/due         a task's own date                                   gzyd.manage
//   POST units/{id}/report      the unit's 落实情况                                  gzyd.report
//   POST units/{id}/review      通过 / 退回 (with the reason)                        gzyd.manage
// 我的工作 lists the caller's unreported tasks (and the office's overdue count).
#include "web/console/console.hpp"
#include "web/site_app.hpp"

namespace zwgk::web::console {

void register_work_plan_console_pages(ConsoleApp& app, http::Router& router, const web::WebOptions& web);

}  // namespace zwgk::web::console
