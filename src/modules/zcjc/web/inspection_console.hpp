#pragma once
// 自查监测 in the console, under /console/inspection/:
//   GET  /                 a site's dashboard (?site=CODE for another site the reader may view):
//                          every check by urgency with its evidence, the 30-day history chart
//   GET  report            the printable 自查报告 (?site=&day=)
//   GET  sites             the installation's overview: every site the reader may view
//   POST run               run now, with the latest walk over the pages   zcjc.run
//   GET|POST columns       each column's update rule                      zcjc.configure
//   GET|POST wording       the list of wrong → right forms (+ remove, examples)
//   GET|POST settings      contacts, thresholds, external links
// Handlers parse, call one use case (modules/zcjc/service/inspection_service.hpp), render.
#include "web/console/console.hpp"
#include "web/site_app.hpp"

namespace zwgk::web::console {

void register_inspection_console_pages(ConsoleApp& app, http::Router& router, const web::WebOptions& web);

}  // namespace zwgk::web::console
