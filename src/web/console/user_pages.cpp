// 用户管理: list, add, edit role/department, disable/enable, reset password. Site
// administrators of the user's own site only; auditors may read the list.
#include <map>

#include "domain/errors.hpp"
#include "http/router.hpp"
#include "store/department_repository.hpp"
#include "web/console/console_pages.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {

View role_options(domain::Role selected) {
  View out{View::type::list};
  for (auto r : domain::all_roles()) {
    View o{View::type::object};
    o.set("code", domain::to_code(r));
    o.set("label", domain::to_label(r));
    if (r == selected) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

View department_options(ConsoleRequest& c, std::optional<std::int64_t> selected) {
  View out{View::type::list};
  for (const auto& d : store::DepartmentRepository(c.db).by_site(c.site.id)) {
    View o{View::type::object};
    o.set("id", std::to_string(d.id));
    o.set("name", d.name);
    if (selected && *selected == d.id) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

domain::Role role_field(ConsoleRequest& c) {
  auto r = domain::role_from(field(c, "role"));
  if (!r) throw domain::ValidationError({"请选择角色"});
  return *r;
}

std::optional<std::int64_t> department_field(ConsoleRequest& c) {
  const std::string v = field(c, "department_id");
  if (v.empty()) return std::nullopt;
  auto id = parse_positive_integer(v);
  if (!id) throw domain::ValidationError({"所选部门无效"});
  return id;
}

// The account {id} of the admin's own site, or nullopt (-> 404 page).
std::optional<domain::Account> own_account(ConsoleRequest& c) {
  auto id = id_param(c);
  if (!id) return std::nullopt;
  auto a = c.app.accounts().by_id(*id);
  if (!a || a->site_id != c.site.id) return std::nullopt;
  return a;
}

http::Response list_page(ConsoleRequest& c) {
  View rows{View::type::list};
  std::map<std::int64_t, std::string> dep_names;
  for (const auto& d : store::DepartmentRepository(c.db).by_site(c.site.id)) dep_names[d.id] = d.name;
  for (const auto& a : c.app.accounts().by_site(c.site.id)) {
    View r{View::type::object};
    r.set("id", std::to_string(a.id));
    r.set("username", a.username);
    r.set("display_name", a.display_name);
    r.set("role", domain::to_label(a.role));
    r.set("department", a.department_id ? dep_names[*a.department_id] : std::string("—"));
    r.set("status", std::string(a.disabled ? "已停用" : "正常"));
    if (a.totp_enabled) r.set("totp", true);
    rows.push_back(r);
  }
  View v{View::type::object};
  v.set("rows", rows);
  if (may(c, "kernel.manage_users")) v.set("can_manage", true);
  v.set("roles", role_options(domain::Role::DepartmentEditor));
  v.set("departments", department_options(c, std::nullopt));
  return c.page("用户管理", "console_users", v);
}

}  // namespace

void register_user_pages(ConsoleApp& app, http::Router& router) {
  app.add_navigation("用户", "/console/users/", Access::to("kernel.view_settings"), 70);
  app.get(router, "/console/users/", Access::to("kernel.view_settings"), list_page);

  app.post(router, "/console/users/", Access::to("kernel.manage_users"), [](ConsoleRequest& c) {
    domain::Account a;
    a.username = field(c, "username");
    a.display_name = field(c, "display_name");
    a.role = role_field(c);
    a.department_id = department_field(c);
    a.site_id = c.site.id;
    a = c.app.accounts().create(a, c.form.value("password"));
    c.audit("kernel.user_create", "account", std::to_string(a.id), "role=" + domain::to_code(a.role));
    return c.see_other("/console/users/");
  });

  app.get(router, "/console/users/{id}/", Access::to("kernel.manage_users"), [](ConsoleRequest& c) {
    auto a = own_account(c);
    if (!a) return c.refuse("本网站没有这个用户。", 404);
    View v{View::type::object};
    v.set("id", std::to_string(a->id));
    v.set("username", a->username);
    v.set("display_name", a->display_name);
    v.set("roles", role_options(a->role));
    v.set("departments", department_options(c, a->department_id));
    if (a->disabled) v.set("disabled", true);
    return c.page("编辑用户", "console_user_edit", v);
  });

  app.post(router, "/console/users/{id}/", Access::to("kernel.manage_users"), [](ConsoleRequest& c) {
    auto a = own_account(c);
    if (!a) return c.refuse("本网站没有这个用户。", 404);
    a->display_name = field(c, "display_name");
    a->role = role_field(c);
    a->department_id = department_field(c);
    // The administrator may not take from themselves the right to manage users.
    if (a->id == c.user.id && !domain::permission_registry().allows_role(a->role, "kernel.manage_users"))
      return c.refuse("不能取消自己的网站管理员角色（以免网站无人管理），操作未执行。");
    c.app.accounts().update(*a);
    c.audit("kernel.user_update", "account", std::to_string(a->id), "role=" + domain::to_code(a->role));
    return c.see_other("/console/users/");
  });

  app.post(router, "/console/users/{id}/disable", Access::to("kernel.manage_users"), [](ConsoleRequest& c) {
    auto a = own_account(c);
    if (!a) return c.refuse("本网站没有这个用户。", 404);
    const bool disable = field(c, "disabled") != "0";
    if (a->id == c.user.id && disable) return c.refuse("不能停用自己的账号，操作未执行。");
    c.app.accounts().set_disabled(a->id, disable);
    c.audit(disable ? "kernel.user_disable" : "kernel.user_enable", "account", std::to_string(a->id));
    return c.see_other("/console/users/");
  });

  app.post(router, "/console/users/{id}/password", Access::to("kernel.manage_users"), [](ConsoleRequest& c) {
    auto a = own_account(c);
    if (!a) return c.refuse("本网站没有这个用户。", 404);
    c.app.accounts().set_password(a->id, c.form.value("password"));
    c.audit("kernel.user_password_reset", "account", std::to_string(a->id));
    return c.see_other("/console/users/");
  });
}

}  // namespace zwgk::web::console
