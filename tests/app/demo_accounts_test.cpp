// `zwgk demo --with-accounts` through the real binary: one account per role with a random
// password printed once (each one logs in; a second run shows no password and changes
// none), documents in several workflow stages, two applications of which one is overdue.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "app/run_binary.hpp"
#include "modules/ysqgk/domain/disclosure_request.hpp"
#include "store/account_repository.hpp"
#include "store/database.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/document_repository.hpp"
#include "store/personal_data_key.hpp"
#include "store/site_repository.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "support/test_database.hpp"

namespace {

using namespace zwgk;
using zwgk::test::run_zwgk;

const std::string kSecretHex(64, 'a');

TEST(DemoAccounts, OneAccountPerRoleWithPasswordsPrintedOnce) {
  const auto url = test_database_url();
  const std::vector<std::string> env = {"ZWGK_SECRET_KEY=" + kSecretHex};
  const auto first = run_zwgk({"demo", "--with-accounts", "--database", url, "--per-column", "0"}, env);
  ASSERT_EQ(first.exit_code, 0) << first.err;

  // "  demo_editor      部门编辑   密码 xxxxxxxxxxxxxxxx"
  std::map<std::string, std::string> passwords;
  const std::regex line(R"((demo_[a-z]+)\s+\S+\s+密码 ([A-Za-z0-9]{16}))");
  for (std::sregex_iterator it(first.out.begin(), first.out.end(), line), end; it != end; ++it)
    passwords[(*it)[1]] = (*it)[2];
  ASSERT_EQ(passwords.size(), 5u) << first.out;
  std::set<std::string> distinct;
  for (const auto& [_, p] : passwords) distinct.insert(p);
  EXPECT_EQ(distinct.size(), 5u);
  EXPECT_NE(first.out.find("密码只显示这一次"), std::string::npos);

  auto db = store::Database::open(url, 2);
  store::AccountRepository accounts(*db);
  std::set<domain::Role> roles;
  for (const auto& [user, password] : passwords) {
    auto a = accounts.by_username(user);
    ASSERT_TRUE(a) << user;
    roles.insert(a->role);
    EXPECT_EQ(accounts.login(user, password, "", "127.0.0.1").outcome, store::LoginOutcome::Ok) << user;
  }
  EXPECT_EQ(roles.size(), domain::all_roles().size());

  // Documents in different workflow stages, of the demo city site.
  const auto site = store::SiteRepository(*db).by_code("shaoyang");
  ASSERT_TRUE(site);
  store::DocumentRepository docs(*db);
  store::WorkflowRepository wf(*db);
  std::set<domain::Stage> stages;
  for (const char* id : {"demo-console-draft", "demo-console-submitted", "demo-console-approved", "demo-console-returned"}) {
    auto d = docs.by_external_id(site->id, id);
    ASSERT_TRUE(d) << id;
    stages.insert(wf.info(d->id)->status.stage);
  }
  EXPECT_EQ(stages, (std::set<domain::Stage>{domain::Stage::Draft, domain::Stage::Submitted, domain::Stage::Approved,
                                             domain::Stage::Returned}));

  // Two applications, one overdue.
  const auto key = store::PersonalDataKey::derive_from(*store::secret_from_hex(kSecretHex));
  store::DisclosureRequestRepository requests(*db, key);
  const auto open = requests.open_requests(site->id, domain::WorkingDayCalendar(), domain::Date::today());
  ASSERT_EQ(open.size(), 2u);
  int overdue = 0;
  for (const auto& o : open) overdue += o.status == domain::DueStatus::Overdue;
  EXPECT_EQ(overdue, 1);

  // A second run: nothing new, no password shown or changed.
  const auto second = run_zwgk({"demo", "--with-accounts", "--database", url, "--per-column", "0"}, env);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out.find("密码 "), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("已存在，密码未改动"), std::string::npos);
  EXPECT_NE(second.out.find("新增 0 篇，依申请公开申请新增 0 件"), std::string::npos) << second.out;
  EXPECT_EQ(accounts.login("demo_admin", passwords["demo_admin"], "", "127.0.0.1").outcome, store::LoginOutcome::Ok);
}

TEST(DemoAccounts, PlainDemoCreatesNoAccounts) {
  const auto url = test_database_url();
  const auto r = run_zwgk({"demo", "--database", url, "--per-column", "0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("密码"), std::string::npos);
  auto db = store::Database::open(url, 2);
  EXPECT_FALSE(store::AccountRepository(*db).by_username("demo_admin"));
}

}  // namespace
