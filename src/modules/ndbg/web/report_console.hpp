#pragma once
// 政府信息公开工作年度报告 in the console, under /console/annual-reports/:
//   GET  /                  the reports the reader may view; the deadline notice; 编制 form
//   POST prepare            a body's report for a year, from the records          ndbg.edit
//   GET  {id}/              the report: checks, the text, the tables, corrections   ndbg.view
//   POST {id}/text          sections 一、五、六 (and a government's scope)           ndbg.edit
//   POST {id}/figure        one figure with its reason or source                    ndbg.edit
//   POST {id}/refresh       the records read again                                  ndbg.edit
//   POST {id}/send          to the workflow as a 年报 column document              ndbg.send
//   GET  {id}/preview, {id}/report.docx, {id}/report.xlsx
// 我的工作 shows the year's deadline (31 January / 31 March) until the report is published.
// Handlers parse, call one use case (modules/ndbg/service/annual_report_service.hpp), render.
#include "web/console/console.hpp"
#include "web/site_app.hpp"

namespace zwgk::web::console {

void register_report_console_pages(ConsoleApp& app, http::Router& router, const web::WebOptions& web);

}  // namespace zwgk::web::console
