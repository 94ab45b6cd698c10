#pragma once
// 预决算公开, the console pages:
//   GET  /console/budgets/?year=2026   the year's matrix (overdue cells in red) and the form
//   POST /console/budgets/             file a cell: unit, year, kind, 批复日期, document number
// and the part of 我的工作: cells overdue or due within 5 days for the caller's units.
namespace zwgk::http {
class Router;
}

namespace zwgk::web::console {

class ConsoleApp;

void register_budget_console_pages(ConsoleApp& app, http::Router& router);

}  // namespace zwgk::web::console
