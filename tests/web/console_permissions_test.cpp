// Console routes declare the registered action they need (console::Access::to, issue 11);
// the wrapper asks the permission registry (domain/permission_registry.hpp). Over the real
// server: a refused route answers 403 in Chinese and changes nothing, the role the registry
// grants is let in, and every route the console registered (as `zwgk serve` wires it)
// declares signed-in-only or a registered action that refuses the roles without a grant.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "domain/permission_registry.hpp"
#include "store/account_repository.hpp"
#include "store/department_repository.hpp"
#include "web/console/console.hpp"
#include "web/console/hot_query_page.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

class RolesServer : public SiteServer {
 public:
  RolesServer() {
    web::console::ConsoleOptions o;
    o.templates_dir = web::default_web_options().templates_dir;
    o.base_url = base_url();
    o.audit = [](const web::console::AuditEvent&) {};
    console = std::make_unique<web::console::ConsoleApp>(o, *db);
    // As src/app/serve_command.cpp: the shell, 热门搜索, then every module.
    console->register_routes(router);
    web::console::register_hot_query_page(*console, router, {});
    register_module_consoles(*console);
    store::AccountRepository accounts(*db);
    for (domain::Role r : domain::all_roles()) {
      domain::Account a;
      a.username = domain::to_code(r);
      a.display_name = domain::to_label(r);
      a.role = r;
      a.site_id = seed.site.id;
      if (r == domain::Role::DepartmentEditor || r == domain::Role::DepartmentReviewer) a.department_id = seed.department.id;
      accounts.create(a, "correct horse");
    }
  }
  ConsoleSession as(domain::Role r) const { return ConsoleSession::login(port, domain::to_code(r), "correct horse"); }
  std::unique_ptr<web::console::ConsoleApp> console;
};

class ConsolePermissionsTest : public ::testing::Test {
 protected:
  RolesServer s;
};

TEST_F(ConsolePermissionsTest, ARouteTheRegistryRefusesIs403InChineseAndChangesNothing) {
  const auto& registry = domain::permission_registry();
  ASSERT_FALSE(registry.allows_role(domain::Role::DepartmentEditor, "kernel.view_audit"));
  ASSERT_FALSE(registry.allows_role(domain::Role::Auditor, "kernel.manage_departments"));

  auto editor = s.as(domain::Role::DepartmentEditor);
  ASSERT_FALSE(editor.cookie.empty());
  auto refused = editor.get("/console/audit/");
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("您的角色（部门编辑）无权访问此页面或执行此操作"), std::string::npos);
  EXPECT_EQ(editor.get("/console/users/").status, 403);

  // The auditor reads the management pages (kernel.view_settings) but may not change them.
  auto auditor = s.as(domain::Role::Auditor);
  EXPECT_EQ(auditor.get("/console/audit/").status, 200);
  EXPECT_EQ(auditor.get("/console/departments/").status, 200);
  auto write = auditor.post("/console/departments/", {{"name", "审计员建的部门"}});
  EXPECT_EQ(write.status, 403);
  EXPECT_NE(write.body.find("您的角色（审计员）无权"), std::string::npos);
  EXPECT_FALSE(store::DepartmentRepository(*s.db).by_name(s.seed.site.id, "审计员建的部门"));

  // The role the registry grants kernel.manage_departments is let through.
  ASSERT_TRUE(registry.allows_role(domain::Role::SiteAdmin, "kernel.manage_departments"));
  auto admin = s.as(domain::Role::SiteAdmin);
  EXPECT_EQ(admin.post("/console/departments/", {{"name", "管理员建的部门"}}).status, 303);
  EXPECT_TRUE(store::DepartmentRepository(*s.db).by_name(s.seed.site.id, "管理员建的部门"));
}

TEST_F(ConsolePermissionsTest, NavigationShowsOnlyTheEntriesWhoseActionTheRoleHolds) {
  const auto editor_home = s.as(domain::Role::DepartmentEditor).get("/console/").body;
  EXPECT_EQ(editor_home.find("href=\"/console/audit/\""), std::string::npos);
  EXPECT_NE(editor_home.find("href=\"/console/documents/\""), std::string::npos);
  const auto auditor_home = s.as(domain::Role::Auditor).get("/console/").body;
  EXPECT_NE(auditor_home.find("href=\"/console/audit/\""), std::string::npos);
  EXPECT_NE(auditor_home.find("href=\"/console/requests/\""), std::string::npos);
  const auto reviewer_home = s.as(domain::Role::DepartmentReviewer).get("/console/").body;
  EXPECT_EQ(reviewer_home.find("href=\"/console/requests/\""), std::string::npos);  // no ysqgk.view
}

// Routes open to every signed-in user: the user's own account and work, and the document
// routes whose handler asks the registry on the document itself (its department).
const std::set<std::string>& signed_in_routes() {
  static const std::set<std::string> routes = {
      "GET /console/",
      "GET /console/account/",
      "POST /console/account/totp",
      "POST /console/account/totp/disable",
      "POST /console/account/password",
      "POST /console/logout",
      "GET /console/documents/{id}/edit",
      "POST /console/documents/{id}/edit",
      "POST /console/documents/{id}/attachments",
      "POST /console/documents/{id}/attachments/remove",
      "POST /console/documents/{id}/import-docx",
  };
  return routes;
}

TEST_F(ConsolePermissionsTest, EveryRouteDeclaresARegisteredActionAndRefusesTheRolesWithoutIt) {
  const auto& registry = domain::permission_registry();
  const auto& routes = s.console->routes();
  ASSERT_GT(routes.size(), 30u);
  std::map<domain::Role, ConsoleSession> sessions;
  for (domain::Role r : domain::all_roles()) sessions.emplace(r, s.as(r));
  int guarded_gets = 0, refusals = 0;
  for (const auto& route : routes) {
    const std::string name = route.method + " " + route.pattern;
    if (route.access.action.empty()) {
      EXPECT_TRUE(signed_in_routes().count(name) || route.pattern.find("/documents/{id}/") != std::string::npos)
          << name << " is open to every signed-in user: declare the registered action it needs";
      continue;
    }
    ASSERT_NE(registry.find(route.access.action), nullptr) << name << " declares unregistered " << route.access.action;
    if (route.method != "GET") continue;
    ++guarded_gets;
    const std::string target = std::regex_replace(route.pattern, std::regex("\\{[a-z0-9_]+\\}"), "1");
    for (domain::Role r : domain::all_roles()) {
      if (registry.allows_role(r, route.access.action)) continue;
      const auto res = sessions.at(r).get(target);
      EXPECT_EQ(res.status, 403) << domain::to_code(r) << " " << name << " (" << route.access.action << ")";
      EXPECT_NE(res.body.find("您的角色（" + domain::to_label(r) + "）无权"), std::string::npos) << name;
      ++refusals;
    }
  }
  EXPECT_GT(guarded_gets, 10);
  EXPECT_GT(refusals, 20);
}

}  // namespace
}  // namespace zwgk::test
