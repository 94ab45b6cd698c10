// The command line audited (ADR 0017), through the real binary on both backends: user and
// catalogue changes and imports write entries naming the operating-system user, chained
// with the installation's key; `audit head` / `verify --head` anchor the chain outside; a
// failing audit write leaves the change undone; import holds lines with personal data as
// drafts unless --allow-privacy-findings gives a reason.
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/demo.hpp"
#include "app/run_binary.hpp"
#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "support/test_database.hpp"

namespace zwgk::test {
namespace {

namespace fs = std::filesystem;

const std::string kSecretHex(64, 'a');
const std::vector<std::string> kEnv = {"ZWGK_SECRET_KEY=" + kSecretHex};

std::string os_actor() {
  const passwd* pw = ::getpwuid(::geteuid());
  return "cli:" + std::string(pw && pw->pw_name ? pw->pw_name : "uid" + std::to_string(::geteuid()));
}

// A valid 身份证号码 (GB 11643 check character).
std::string resident_id(std::string_view first17) {
  static constexpr int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view check = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * w[i];
  return std::string(first17) + check[static_cast<std::size_t>(sum % 11)];
}

class AuditCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url = test_database_url();
    ASSERT_EQ(run_zwgk({"migrate", "--database", url}).exit_code, 0);
    db = store::Database::open(url, 2);
    domain::Site s;
    s.code = "shaoyang";
    s.name = "邵阳市人民政府";
    site = store::SiteRepository(*db).save(s);
    store::CatalogueRepository(*db).ensure_default(site.id);
    char tmpl[] = "/tmp/zwgk-audit-cli-XXXXXX";
    dir = ::mkdtemp(tmpl);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  RunResult zwgk(std::vector<std::string> args) {
    args.push_back("--database");
    args.push_back(url);
    return run_zwgk(args, kEnv, dir.string());
  }
  void drop_guard() {
    if (db->backend() == store::Backend::Sqlite)
      db->execute("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    else
      db->execute("DROP TRIGGER audit_log_no_update ON audit_log");
  }
  std::vector<store::AuditEntry> entries(const std::string& type = "") { return store::AuditLog(*db).entries(type); }
  std::string url;
  std::unique_ptr<store::Database> db;
  domain::Site site;
  fs::path dir;
};

TEST_F(AuditCliTest, UserAndCatalogueCommandsAreAuditedAsTheOperatingSystemUser) {
  domain::Account a;
  a.username = "admin";
  a.display_name = "管理员";
  a.role = domain::Role::SiteAdmin;
  a.site_id = site.id;
  a = store::AccountRepository(*db).create(a, "long enough password");
  ASSERT_EQ(zwgk({"user", "disable", "admin"}).exit_code, 0);
  ASSERT_EQ(zwgk({"user", "enable", "admin"}).exit_code, 0);
  ASSERT_EQ(zwgk({"user", "totp", "admin"}).exit_code, 0);
  ASSERT_EQ(zwgk({"user", "totp", "admin", "--remove"}).exit_code, 0);
  auto add = zwgk({"catalogue", "add", "--code", "tjsj", "--name", "统计数据"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  ASSERT_EQ(zwgk({"catalogue", "rename", "--code", "tjsj", "--name", "统计信息"}).exit_code, 0);
  ASSERT_EQ(zwgk({"catalogue", "move", "--code", "tjsj", "--position", "0"}).exit_code, 0);

  std::vector<std::string> actions;
  for (const auto& e : entries()) {
    if (e.action == "kernel.audit_chain_keyed") continue;
    actions.push_back(e.action);
    EXPECT_EQ(e.actor.username, os_actor());
    EXPECT_EQ(e.actor.account_id, 0);
    EXPECT_EQ(e.chain_version, 2) << e.action;  // chained with the installation's key
    EXPECT_EQ(e.site_id, site.id);
    EXPECT_EQ(e.changes.find("long enough"), std::string::npos);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"kernel.user_disable", "kernel.user_enable", "kernel.account_totp_enable",
                                               "kernel.account_totp_disable", "kernel.catalogue_create", "kernel.catalogue_rename",
                                               "kernel.catalogue_move"}));
  auto verify = zwgk({"audit", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  // Without the key, keyed entries cannot be verified.
  auto keyless = run_zwgk({"audit", "verify", "--database", url}, {"ZWGK_SECRET_KEY=" + std::string(64, 'b')}, dir.string());
  EXPECT_EQ(keyless.exit_code, 1) << keyless.out << keyless.err;
}

TEST_F(AuditCliTest, AFailingAuditWriteLeavesTheCommandsChangeUndone) {
  if (db->backend() == store::Backend::Sqlite)
    db->execute("CREATE TRIGGER audit_log_fail BEFORE INSERT ON audit_log WHEN NEW.action <> 'kernel.audit_chain_keyed' "
                "BEGIN SELECT RAISE(ABORT, 'audit down'); END;");
  else
    db->execute("CREATE FUNCTION audit_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.action <> "
                "'kernel.audit_chain_keyed' THEN RAISE EXCEPTION 'audit down'; END IF; RETURN NEW; END $$; CREATE TRIGGER "
                "audit_log_fail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_fail();");
  auto add = zwgk({"catalogue", "add", "--code", "tjsj", "--name", "统计数据"});
  EXPECT_NE(add.exit_code, 0);
  EXPECT_FALSE(store::CatalogueRepository(*db).by_code(site.id, "tjsj"));
}

TEST_F(AuditCliTest, HeadAnchorsTheChainAndVerifyHeadFindsRemovalAndTruncation) {
  ASSERT_EQ(zwgk({"catalogue", "add", "--code", "a1", "--name", "甲"}).exit_code, 0);
  ASSERT_EQ(zwgk({"catalogue", "add", "--code", "a2", "--name", "乙"}).exit_code, 0);
  auto head = zwgk({"audit", "head"});
  ASSERT_EQ(head.exit_code, 0) << head.err;
  std::string anchor = head.out.substr(0, head.out.find('\n'));
  const auto parsed = store::parse_audit_head(anchor);
  ASSERT_TRUE(parsed) << anchor;
  EXPECT_EQ(parsed->id, 3);  // chain_keyed + 2
  ASSERT_EQ(zwgk({"catalogue", "add", "--code", "a3", "--name", "丙"}).exit_code, 0);
  ASSERT_EQ(zwgk({"catalogue", "add", "--code", "a4", "--name", "丁"}).exit_code, 0);
  auto ok = zwgk({"audit", "verify", "--head", anchor});
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_NE(ok.out.find("及之前的记录未被修改或删除"), std::string::npos) << ok.out;
  EXPECT_EQ(zwgk({"audit", "verify", "--head", "3:nothex"}).exit_code, 2);

  // Cut the newest two and fix audit_head to match: found even without the anchor.
  drop_guard();
  const auto all = entries();
  db->execute("DELETE FROM audit_log WHERE id >= 4");
  db->execute("UPDATE audit_head SET seq = 3, last_hash = '" + all[2].hash + "'");
  auto cut = zwgk({"audit", "verify"});
  EXPECT_EQ(cut.exit_code, 1) << cut.out;
  // Cut up to and past the anchor.
  db->execute("DELETE FROM audit_log WHERE id >= 2");
  db->execute("UPDATE audit_head SET seq = 1, last_hash = '" + all[0].hash + "'");
  auto past = zwgk({"audit", "verify", "--head", anchor});
  EXPECT_EQ(past.exit_code, 1) << past.out;
  EXPECT_NE(past.out.find("已不在审计日志中"), std::string::npos) << past.out;
}

TEST_F(AuditCliTest, ImportHoldsLinesWithPersonalDataAsDraftsUnlessAReasonIsGiven) {
  domain::Department dep;
  dep.site_id = site.id;
  dep.name = "邵阳市民政局";
  dep.credit_code = app::make_credit_code("430500", "00696755");
  store::DepartmentRepository(*db).save(dep);
  const std::string id_number = resident_id("43050219900101123");
  auto line = [&](const std::string& ext, const std::string& body) {
    return nlohmann::json{{"external_id", ext}, {"site", "shaoyang"}, {"title", "关于" + ext + "的通知"},
                          {"department", "邵阳市民政局"}, {"catalogue", "ghjh"}, {"legacy", true},
                          {"published_on", "2024-05-01"}, {"body_text", body}}
        .dump();
  };
  std::ofstream(dir / "docs.jsonl") << line("clean", "现将有关事项通知如下。") << "\n"
                                    << line("leaky", "联系人身份证号" + id_number + "。") << "\n";
  auto r = zwgk({"import", "--no-progress", (dir / "docs.jsonl").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("第 2 行: 含个人信息（身份证号码（正文））"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(id_number), std::string::npos);
  EXPECT_EQ(r.out.find(id_number), std::string::npos);
  store::DocumentRepository docs(*db);
  EXPECT_EQ(docs.by_external_id(site.id, "clean")->state, domain::DocumentState::Published);
  EXPECT_EQ(docs.by_external_id(site.id, "leaky")->state, domain::DocumentState::Draft);
  auto imports = entries("import");
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_EQ(imports[0].action, "publishing.import");
  EXPECT_EQ(imports[0].actor.username, os_actor());
  EXPECT_EQ(imports[0].object_id, "docs.jsonl");

  // With a reason: published, and the reason is in the audit log.
  r = zwgk({"import", "--no-progress", "--allow-privacy-findings", "经当事人书面同意公开", (dir / "docs.jsonl").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(docs.by_external_id(site.id, "leaky")->state, domain::DocumentState::Published);
  bool found = false;
  for (const auto& e : entries("document"))
    if (e.action == "publishing.import_privacy_override") {
      found = true;
      EXPECT_NE(e.changes.find("经当事人书面同意公开"), std::string::npos);
      EXPECT_EQ(e.changes.find(id_number), std::string::npos);
    }
  EXPECT_TRUE(found);
  EXPECT_EQ(zwgk({"audit", "verify"}).exit_code, 0);
}

}  // namespace
}  // namespace zwgk::test
