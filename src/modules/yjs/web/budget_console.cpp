// 预决算公开 console pages: see budget_console.hpp. Handlers parse, call one use case
// (modules/yjs/service/budget_service.hpp), render.
#include "modules/yjs/web/budget_console.hpp"

#include "domain/errors.hpp"
#include "modules/yjs/service/budget_service.hpp"
#include "modules/yjs/web/budget_views.hpp"
#include "web/console/page_helpers.hpp"
#include "web/urls.hpp"

namespace zwgk::web::console {

namespace {

modules::yjs::BudgetService service(const ConsoleRequest& c) {
  return modules::yjs::BudgetService(c.db, domain::or_system_clock(c.app.options().clock));
}

int year_of(const ConsoleRequest& c, int fallback) {
  const auto v = field(c, "year");
  if (v.empty()) return fallback;
  auto n = parse_positive_integer(v);
  if (!n || *n < 2000 || *n > 2100) throw domain::Invalid({"年度应在2000至2100之间"});
  return static_cast<int>(*n);
}

http::Response matrix_page(ConsoleRequest& c) {
  auto s = service(c);
  const int year = year_of(c, s.today().year());
  const auto m = s.matrix(c.site.id, year, "本级政府（" + c.site.name + "）");
  const auto& site = c.site;
  const std::string base = c.app.options().base_url;
  View v = budget_matrix_view(m, [&site, &base](std::int64_t id) { return base + document_url(site, id); });
  View years{View::type::list};
  for (int y : m.years) {
    View t{View::type::object};
    t.set("label", std::to_string(y) + "年度");
    t.set("url", "/console/budgets/?year=" + std::to_string(y));
    t.set("current", y == year);
    years.push_back(t);
  }
  v.set("years", years);
  std::vector<std::pair<std::string, std::string>> units;
  if (may(c, "yjs.manage", {c.site.id, std::nullopt})) units.emplace_back("", "本级政府");
  for (const auto& r : m.rows)
    if (r.department_id && may(c, "yjs.manage", {c.site.id, r.department_id}))
      units.emplace_back(std::to_string(*r.department_id), r.unit);
  v.set("units", select_options(units, c.user.department_id ? std::to_string(*c.user.department_id) : ""));
  v.set("can_manage", !units.empty());
  v.set("kinds", select_options({{domain::to_code(domain::BudgetKind::Budget), "预算"},
                                  {domain::to_code(domain::BudgetKind::FinalAccounts), "决算"},
                                  {domain::to_code(domain::BudgetKind::ThreePublic), "三公经费（部门）"}}));
  return c.page(std::to_string(year) + "年度预决算公开", "yjs/console_budgets", v);
}

}  // namespace

void register_budget_console_pages(ConsoleApp& app, http::Router& router) {
  const Access readers = Access::to("yjs.view");
  app.add_navigation("预决算公开", "/console/budgets/", readers, 58);
  app.get(router, "/console/budgets/", readers, [](ConsoleRequest& c) { return matrix_page(c); });
  app.post(router, "/console/budgets/", Access::to("yjs.manage"), [](ConsoleRequest& c) {
    modules::yjs::CellInput in;
    if (auto id = parse_positive_integer(field(c, "department_id"))) in.department_id = *id;
    in.year = year_of(c, 0);
    in.kind = field(c, "kind");
    in.approved_on = field(c, "approved_on");
    in.document_id = field(c, "document_id");
    service(c).record(caller_of(c), in);
    return c.see_other("/console/budgets/?year=" + std::to_string(in.year));
  });
  // 我的工作: the caller's cells overdue, or due within 5 days.
  app.add_work_section([&app](ConsoleRequest& c) -> std::string {
    if (!may(c, "yjs.manage", {c.site.id, c.user.department_id})) return {};
    auto s = service(c);
    const auto today = s.today();
    View items{View::type::list};
    for (int year : {today.year(), today.year() - 1}) {
      const auto m = s.matrix(c.site.id, year, "本级政府");
      for (const auto& r : m.rows) {
        if (!may(c, "yjs.manage", {c.site.id, r.department_id})) continue;
        for (const auto& cell : r.cells) {
          const auto& st = cell.status;
          const bool soon = st.state == domain::DisclosureState::Due && (st.due->days() - today.days()).count() <= 5;
          if (!cell.applies || (!st.missing() && !soon)) continue;
          View i{View::type::object};
          i.set("text", std::to_string(year) + "年度" + r.unit + cell.label + "：" + st.text());
          i.set("overdue", st.missing());
          i.set("url", "/console/budgets/?year=" + std::to_string(year));
          items.push_back(i);
        }
      }
    }
    if (items.is_empty_list()) return {};
    View v{View::type::object};
    v.set("items", items);
    return app.templates().render("yjs/console_my_work", v);
  });
}

}  // namespace zwgk::web::console
