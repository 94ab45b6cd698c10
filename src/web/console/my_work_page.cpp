// 我的工作: what waits for the signed-in user, with counts.
// INTERIM (until the workflow branch is merged): only drafts exist in the documents table
// of this branch, so "待我审查" and "定时发布" show "—"; "即将到期" and "已超期" count drafts by
// their creation day against the 20-working-day limit of Art. 26 (即将到期: 5 or fewer
// working days left). The workflow engineer replaces store/work_counts with real queries.
#include "domain/date.hpp"
#include "http/router.hpp"
#include "store/work_counts.hpp"
#include "web/console/console_pages.hpp"

namespace zwgk::web::console {

namespace {

// The day `n` working days before `today` (today not counted).
domain::Date working_days_back(const domain::WorkingDayCalendar& cal, domain::Date today, int n) {
  auto d = today.days();
  for (int counted = 0; counted < n;) {
    d -= std::chrono::days(1);
    if (cal.is_working_day(domain::Date::from_sys_days(d))) ++counted;
  }
  return domain::Date::from_sys_days(d);
}

}  // namespace

void register_my_work_page(ConsoleApp& app, http::Router& router) {
  app.add_navigation("我的工作", "/console/", Access::any());
  app.get(router, "/console/", Access::any(), [&app](ConsoleRequest& c) {
    const auto& cal = *app.options().calendar;
    const auto today = domain::Date::today();
    constexpr int kLimit = 20;  // Art. 26: within 20 working days of its creation
    const auto overdue = working_days_back(cal, today, kLimit);
    const auto soon = working_days_back(cal, today, kLimit - 5);
    const bool department_scope = c.user.role == domain::Role::DepartmentEditor ||
                                  c.user.role == domain::Role::DepartmentReviewer;
    const auto counts = store::count_work(c.db, c.site.id, department_scope ? c.user.department_id : std::nullopt,
                                          soon.iso(), overdue.iso());
    View v{View::type::object};
    v.set("scope", std::string(department_scope ? "本部门" : "本网站"));
    v.set("drafts", std::to_string(counts.drafts));
    v.set("due_soon", std::to_string(counts.due_soon));
    v.set("overdue", std::to_string(counts.overdue));
    v.set("user_name", c.user.display_name);
    return c.page("我的工作", "console_my_work", v);
  });
}

}  // namespace zwgk::web::console
