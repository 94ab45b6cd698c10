#pragma once
// 政务公开绩效考核 in the console, under /console/assessment/:
//   GET  ?year=2025                         the year: state, 计算, the units' ranking       jxkh.view
//   POST compute                            the year's facts from the records             jxkh.run
//   GET  {year}/units/{id}/                 one unit: every indicator, its deductions
//                                           and the evidence links; 调整; 手工填报          jxkh.view (its unit)
//   POST {year}/units/{id}/adjust           points and reason (400 without a reason)      jxkh.run
//   POST {year}/units/{id}/figure           a 手工填报 figure with its basis                jxkh.run
//   GET  {year}/indicators, POST            the year's indicator text                     jxkh.view / jxkh.configure
//   POST {year}/release                     to the portal (P/jxkh/{year}/)                 jxkh.release
//   GET  {year}/assessment.xlsx             the ranking as a spreadsheet                  jxkh.view
// A department's editor or reviewer sees only their own department's row and page.
// Handlers parse, call one use case (modules/jxkh/service/assessment_service.hpp), render.
#include "web/console/console.hpp"
#include "web/site_app.hpp"

namespace zwgk::web::console {

void register_assessment_console_pages(ConsoleApp& app, http::Router& router, const web::WebOptions& web);

}  // namespace zwgk::web::console
