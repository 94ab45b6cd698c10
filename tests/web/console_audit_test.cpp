// The console's audit through the real server, with the real store sink: a change and its
// audit entry are one transaction (a failing audit write leaves nothing changed, for the
// management pages and for 依申请公开 actions alike), and refusals — failed logins, CSRF,
// 403 — are counted in the security log, never as audit rows and never with a user name.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/department_repository.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/personal_data_key.hpp"
#include "store/security_log.hpp"
#include "web/console/console.hpp"
#include "modules/ysqgk/web/request_console.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

std::string resident_id(std::string_view first17) {
  static constexpr int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view check = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * w[i];
  return std::string(first17) + check[static_cast<std::size_t>(sum % 11)];
}

class AuditedConsoleServer : public SiteServer {
 public:
  AuditedConsoleServer() {
    web::console::ConsoleOptions o;  // audit: the default store sink
    o.templates_dir = web::default_web_options().templates_dir;
    o.base_url = base_url();
    console = std::make_unique<web::console::ConsoleApp>(o, *db);
    console->register_routes(router);
    secret = store::random_secret();
    register_module_consoles(*console, secret);
    store::AccountRepository accounts(*db);
    auto make = [&](const std::string& u, domain::Role r, std::optional<std::int64_t> dep) {
      domain::Account a;
      a.username = u;
      a.display_name = u;
      a.role = r;
      a.site_id = seed.site.id;
      a.department_id = dep;
      return accounts.create(a, "correct horse");
    };
    admin = make("admin", domain::Role::SiteAdmin, std::nullopt);
    publisher = make("publisher", domain::Role::Publisher, std::nullopt);
    editor = make("editor", domain::Role::DepartmentEditor, seed.department.id);
  }
  // Every later INSERT into audit_log fails, as when the audit table is unwritable.
  void break_audit_inserts() {
    if (db->backend() == store::Backend::Sqlite)
      db->execute("CREATE TRIGGER audit_log_fail BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;");
    else
      db->execute("CREATE FUNCTION audit_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit "
                  "down'; END $$; CREATE TRIGGER audit_log_fail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE "
                  "FUNCTION audit_fail();");
  }
  std::unique_ptr<web::console::ConsoleApp> console;
  std::string secret;
  domain::Account admin, publisher, editor;
};

class ConsoleAuditTest : public ::testing::Test {
 protected:
  AuditedConsoleServer s;
  ConsoleSession login(const std::string& user) { return ConsoleSession::login(s.port, user, "correct horse"); }
};

TEST_F(ConsoleAuditTest, AManagementChangeAndItsEntryCommitTogether) {
  auto admin = login("admin");
  auto r = admin.post("/console/departments/", {{"name", "邵阳市统计局"}});
  ASSERT_EQ(r.status, 303) << visible_text(r.body);
  ASSERT_TRUE(store::DepartmentRepository(*s.db).by_name(s.seed.site.id, "邵阳市统计局"));
  const auto entries = store::AuditLog(*s.db).entries("department");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "kernel.department_create");
  EXPECT_EQ(entries[0].actor.username, "admin");
  EXPECT_FALSE(store::AuditLog(*s.db).verify());
}

// 排序号 (issue 17): the portal's 公开责任部门 and the console list departments in the order
// the site configured, not by name; a bad number is refused with nothing saved.
TEST_F(ConsoleAuditTest, DepartmentsAreListedInTheirConfiguredOrder) {
  auto admin = login("admin");
  ASSERT_EQ(admin.post("/console/departments/", {{"name", "邵阳市统计局"}, {"sort_order", "20"}}).status, 303);
  ASSERT_EQ(admin.post("/console/departments/", {{"name", "邵阳市财政局"}, {"sort_order", "10"}}).status, 303);
  auto bad = admin.post("/console/departments/", {{"name", "邵阳市审计局"}, {"sort_order", "第一"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(visible_text(bad.body).find("排序号应为 0 到 9999 的整数"), std::string::npos) << visible_text(bad.body);
  EXPECT_FALSE(store::DepartmentRepository(*s.db).by_name(s.seed.site.id, "邵阳市审计局"));
  for (const auto& body : {admin.get("/console/departments/").body, s.get("/xxgk/").body}) {
    const auto finance = body.find("邵阳市财政局"), statistics = body.find("邵阳市统计局");
    ASSERT_NE(finance, std::string::npos);
    ASSERT_NE(statistics, std::string::npos);
    EXPECT_LT(finance, statistics) << "排序号 10 before 20 (by name 统 would come first)";
  }
  // Edited: the order changes.
  const auto stats = store::DepartmentRepository(*s.db).by_name(s.seed.site.id, "邵阳市统计局");
  ASSERT_EQ(admin.post("/console/departments/" + std::to_string(stats->id) + "/",
                       {{"name", "邵阳市统计局"}, {"sort_order", "5"}})
                .status,
            303);
  const auto body = s.get("/xxgk/").body;
  EXPECT_LT(body.find("邵阳市统计局"), body.find("邵阳市财政局"));
}

TEST_F(ConsoleAuditTest, AFailingAuditWriteRollsTheManagementChangeBack) {
  auto admin = login("admin");
  s.break_audit_inserts();
  auto r = admin.post("/console/departments/", {{"name", "邵阳市统计局"}});
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(visible_text(r.body).find("审计日志写入失败，操作未执行"), std::string::npos) << visible_text(r.body);
  EXPECT_FALSE(store::DepartmentRepository(*s.db).by_name(s.seed.site.id, "邵阳市统计局"));
  // A user change too: the role stays.
  r = admin.post("/console/users/" + std::to_string(s.editor.id) + "/disable", {});
  EXPECT_EQ(r.status, 500) << visible_text(r.body);
  EXPECT_FALSE(store::AccountRepository(*s.db).by_id(s.editor.id)->disabled);
}

TEST_F(ConsoleAuditTest, AFailingAuditWriteRollsARequestActionBack) {
  auto pub = login("publisher");
  auto reg = pub.post("/console/requests/new",
                      {{"channel", "letter"}, {"applicant_kind", "natural_person"}, {"name", "司马登记"},
                       {"id_type", "resident_id"}, {"id_number", resident_id("43052219850615882")}, {"address", "湖南省邵阳市大祥区登记路8号"},
                       {"phone", "13973955502"}, {"description", "2025年老旧小区改造计划"}, {"medium", "paper"},
                       {"delivery", "post"}, {"signed_for", domain::Date::today().iso()}});
  ASSERT_EQ(reg.status, 201) << visible_text(reg.body);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(reg.body, m, std::regex(R"(class="tracking-number">(YSQ-\d{4}-\d{6})<)")));
  const std::string tn = m[1];
  auto key = store::PersonalDataKey::derive_from(s.secret);
  store::DisclosureRequestRepository repo(*s.db, key);
  ASSERT_TRUE(repo.find(tn));
  const auto before = repo.find(tn)->request.history.size();
  EXPECT_EQ(store::AuditLog(*s.db).entries("disclosure_request", tn).size(), 1u);  // request.register

  s.break_audit_inserts();
  auto r = pub.post("/console/requests/" + tn + "/assign", {{"department", s.seed.department.name}});
  EXPECT_EQ(r.status, 500) << visible_text(r.body);
  const auto after = repo.find(tn);
  EXPECT_EQ(after->request.history.size(), before);
  EXPECT_TRUE(after->request.department.empty());
}

TEST_F(ConsoleAuditTest, RefusalsAreCountedInTheSecurityLogWithoutNames) {
  // Failed logins: an unknown name and a wrong password for a known one.
  EXPECT_TRUE(ConsoleSession::login(s.port, "no-such-user-13812345678", "x").cookie.empty());
  EXPECT_TRUE(ConsoleSession::login(s.port, "editor", "wrong password").cookie.empty());
  auto editor = login("editor");
  // CSRF refusal and a role refusal.
  EXPECT_EQ(editor.post("/console/departments/", {{"name", "x"}}, false).status, 403);
  EXPECT_EQ(editor.post("/console/departments/", {{"name", "x"}}).status, 403);
  s.console->security().flush();

  std::map<std::string, std::int64_t> by_kind;
  for (const auto& row : store::SecurityLog(*s.db).recent()) {
    by_kind[row.kind] += row.count;
    EXPECT_EQ(row.place.find("no-such-user"), std::string::npos);
    if (row.kind == "csrf_refused" || row.kind == "forbidden") {
      EXPECT_EQ(row.account_id, s.editor.id);
      EXPECT_EQ(row.place, "/console/departments/");
    }
  }
  EXPECT_EQ(by_kind["login_failed"], 2);
  EXPECT_EQ(by_kind["csrf_refused"], 1);
  EXPECT_EQ(by_kind["forbidden"], 1);
  // The audit log records what was done, not what was refused: no rows for the refusals,
  // and nothing anywhere with the typed user name.
  for (const auto& e : store::AuditLog(*s.db).entries()) {
    EXPECT_NE(e.action, "login_failed");
    EXPECT_EQ(e.actor.username.find("no-such-user"), std::string::npos);
  }
  EXPECT_EQ(store::AuditLog(*s.db).entries("department").size(), 0u);
}

}  // namespace
}  // namespace zwgk::test
