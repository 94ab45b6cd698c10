// 部门管理: list, add, edit (name, short name, 统一社会信用代码, 排序号: the order the portal
// and the console list them in).
#include "domain/errors.hpp"
#include "domain/index_number.hpp"
#include "http/router.hpp"
#include "store/department_repository.hpp"
#include "web/console/console_pages.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {

domain::Department from_form(ConsoleRequest& c, domain::Department d) {
  d.name = field(c, "name");
  d.short_name = field(c, "short_name");
  d.credit_code = field(c, "credit_code");
  std::vector<std::string> problems;
  const std::string order = field(c, "sort_order");
  if (order.empty()) {
    d.sort_order = 0;
  } else if (auto n = parse_positive_integer(order); n && *n <= 9999) {
    d.sort_order = static_cast<int>(*n);
  } else if (order == "0") {
    d.sort_order = 0;
  } else {
    problems.push_back("排序号应为 0 到 9999 的整数：" + order);
  }
  if (d.name.empty()) problems.push_back("请填写部门名称");
  if (!d.credit_code.empty() && !domain::is_valid_org_code(d.credit_code))
    problems.push_back("统一社会信用代码无效（应为 18 位，校验位正确）：" + d.credit_code);
  if (!problems.empty()) throw domain::ValidationError(problems);
  return d;
}

std::optional<domain::Department> own_department(ConsoleRequest& c) {
  auto id = id_param(c);
  if (!id) return std::nullopt;
  auto d = store::DepartmentRepository(c.db).by_id(*id);
  if (!d || d->site_id != c.site.id) return std::nullopt;
  return d;
}

}  // namespace

void register_department_pages(ConsoleApp& app, http::Router& router) {
  app.add_navigation("部门", "/console/departments/", Access::to("kernel.view_settings"), 71);
  app.get(router, "/console/departments/", Access::to("kernel.view_settings"), [](ConsoleRequest& c) {
    View rows{View::type::list};
    for (const auto& d : store::DepartmentRepository(c.db).by_site(c.site.id)) {
      View r{View::type::object};
      r.set("id", std::to_string(d.id));
      r.set("name", d.name);
      r.set("short_name", d.short_name);
      r.set("credit_code", d.credit_code);
      r.set("sort_order", std::to_string(d.sort_order));
      rows.push_back(r);
    }
    View v{View::type::object};
    v.set("rows", rows);
    if (may(c, "kernel.manage_departments")) v.set("can_manage", true);
    return c.page("部门管理", "console_departments", v);
  });
  app.post(router, "/console/departments/", Access::to("kernel.manage_departments"), [](ConsoleRequest& c) {
    domain::Department d;
    d.site_id = c.site.id;
    d = store::DepartmentRepository(c.db).save(from_form(c, d));  // a duplicate name: Invalid, 400
    c.audit("kernel.department_create", "department", std::to_string(d.id));
    return c.see_other("/console/departments/");
  });
  app.get(router, "/console/departments/{id}/", Access::to("kernel.manage_departments"), [](ConsoleRequest& c) {
    auto d = own_department(c);
    if (!d) return c.refuse("本网站没有这个部门。", 404);
    View v{View::type::object};
    v.set("id", std::to_string(d->id));
    v.set("name", d->name);
    v.set("short_name", d->short_name);
    v.set("credit_code", d->credit_code);
    v.set("sort_order", std::to_string(d->sort_order));
    return c.page("编辑部门", "console_department_edit", v);
  });
  app.post(router, "/console/departments/{id}/", Access::to("kernel.manage_departments"), [](ConsoleRequest& c) {
    auto d = own_department(c);
    if (!d) return c.refuse("本网站没有这个部门。", 404);
    store::DepartmentRepository(c.db).save(from_form(c, *d));
    c.audit("kernel.department_update", "department", std::to_string(d->id));
    return c.see_other("/console/departments/");
  });
}

}  // namespace zwgk::web::console
