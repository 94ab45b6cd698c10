// zwgk user add|passwd|disable through the real binary, password on stdin.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/run_binary.hpp"
#include "domain/totp.hpp"
#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/database_impl.hpp"
#include "store/personal_data_key.hpp"
#include "store/site_repository.hpp"
#include "support/test_database.hpp"

namespace zwgk::test {
namespace {

// run_zwgk with `input` as standard input (a temporary file).
RunResult run_with_stdin(const std::vector<std::string>& args, const std::string& input) {
  char path[] = "/tmp/zwgk-stdin-XXXXXX";
  const int fd = ::mkstemp(path);
  if (fd < 0) throw std::runtime_error("mkstemp");
  ::close(fd);
  std::ofstream(path) << input;
  int out[2], err[2];
  if (::pipe(out) != 0 || ::pipe(err) != 0) throw std::runtime_error("pipe");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  posix_spawn_file_actions_addopen(&fa, 0, path, O_RDONLY, 0);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  posix_spawn_file_actions_addclose(&fa, err[0]);
  std::vector<std::string> argv_s = {zwgk_binary()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  auto env_s = child_environment({});
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, zwgk_binary(), &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  ::close(out[1]);
  ::close(err[1]);
  if (rc != 0) throw std::runtime_error("posix_spawn");
  auto slurp = [](int f) {
    std::string s;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(f, buf, sizeof buf)) > 0) s.append(buf, static_cast<std::size_t>(n));
    ::close(f);
    return s;
  };
  std::string o = slurp(out[0]);
  std::string e = slurp(err[0]);
  auto r = wait_result(pid);
  r.out = o;
  r.err = e;
  std::filesystem::remove(path);
  return r;
}

class UserCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url = test_database_url();
    ASSERT_EQ(run_zwgk({"migrate", "--database", url}).exit_code, 0);
    db = store::Database::open(url, 2);
    domain::Site s;
    s.code = "shaoyang";
    s.name = "邵阳市人民政府";
    store::SiteRepository(*db).save(s);
  }
  std::string url;
  std::unique_ptr<store::Database> db;
};

TEST_F(UserCommandTest, AddTheFirstAdministratorThenChangePasswordThenDisable) {
  auto add = run_with_stdin({"user", "add", "admin", "--role", "site_admin", "--site", "shaoyang", "--name", "管理员",
                             "--password-stdin", "--database", url},
                            "first password\n");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.out.find("已添加用户 admin（网站管理员"), std::string::npos) << add.out;
  store::AccountRepository accounts(*db);
  auto a = accounts.by_username("admin");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->display_name, "管理员");
  EXPECT_EQ(a->role, domain::Role::SiteAdmin);
  EXPECT_EQ(accounts.login("admin", "first password", "", "127.0.0.1").outcome, store::LoginOutcome::Ok);

  auto passwd = run_with_stdin({"user", "passwd", "admin", "--password-stdin", "--database", url}, "second password\n");
  ASSERT_EQ(passwd.exit_code, 0) << passwd.err;
  EXPECT_EQ(accounts.login("admin", "first password", "", "127.0.0.2").outcome, store::LoginOutcome::WrongCredentials);
  EXPECT_EQ(accounts.login("admin", "second password", "", "127.0.0.2").outcome, store::LoginOutcome::Ok);

  auto disable = run_zwgk({"user", "disable", "admin", "--database", url});
  ASSERT_EQ(disable.exit_code, 0) << disable.err;
  EXPECT_EQ(accounts.login("admin", "second password", "", "127.0.0.3").outcome, store::LoginOutcome::Disabled);

  // Each change is audited with the operating-system user as the actor (ADR 0017).
  std::vector<std::string> actions;
  for (const auto& e : store::AuditLog(*db).entries("account")) {
    actions.push_back(e.action);
    EXPECT_EQ(e.actor.username.rfind("cli:", 0), 0u) << e.actor.username;
    EXPECT_EQ(e.object_id, std::to_string(a->id));
    EXPECT_EQ(e.changes.find("password"), std::string::npos);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"kernel.user_create", "kernel.user_password_reset", "kernel.user_disable"}));
}

// ADR 0018: the CLI applies the same password rule as the console (libpwquality).
TEST_F(UserCommandTest, WeakPasswordsAreRefusedByUserAddAndUserPasswd) {
  for (const char* weak : {"12345678", "password", "password12"}) {
    auto add = run_with_stdin({"user", "add", "admin", "--role", "site_admin", "--password-stdin", "--database", url},
                              std::string(weak) + "\n");
    EXPECT_NE(add.exit_code, 0) << weak;
    EXPECT_TRUE(add.err.find("密码至少 10 个字符") != std::string::npos ||
                add.err.find("弱口令词典") != std::string::npos)
        << add.err;
  }
  EXPECT_FALSE(store::AccountRepository(*db).by_username("admin"));
  ASSERT_EQ(run_with_stdin({"user", "add", "admin", "--role", "site_admin", "--password-stdin", "--database", url},
                           "first password\n")
                .exit_code,
            0);
  auto passwd = run_with_stdin({"user", "passwd", "admin", "--password-stdin", "--database", url}, "admin-12345\n");
  EXPECT_NE(passwd.exit_code, 0);
  EXPECT_NE(passwd.err.find("密码不能包含用户名"), std::string::npos) << passwd.err;
  EXPECT_EQ(store::AccountRepository(*db).login("admin", "first password", "", "127.0.0.1").outcome,
            store::LoginOutcome::Ok);
}

// ADR 0018: `zwgk user totp` stores the key sealed; `zwgk migrate` seals a key left in clear
// by an older version (ADR 0018).
TEST_F(UserCommandTest, TotpKeysAreSealedWithTheInstallationSecret) {
  const std::vector<std::string> env = {"ZWGK_SECRET_KEY=" + std::string(64, 'a')};
  ASSERT_EQ(run_with_stdin({"user", "add", "admin", "--role", "site_admin", "--password-stdin", "--database", url},
                           "first password\n")
                .exit_code,
            0);
  auto totp = run_zwgk({"user", "totp", "admin", "--database", url}, env);
  ASSERT_EQ(totp.exit_code, 0) << totp.err;
  const auto at = totp.out.find("密钥: ");
  ASSERT_NE(at, std::string::npos) << totp.out;
  const std::string secret = totp.out.substr(at + std::string("密钥: ").size(), 32);
  const auto key = domain::base32_decode(secret);
  ASSERT_TRUE(key);
  auto stored = [&] {
    store::Lease lease(*db);
    std::string v;
    lease.sql() << "SELECT totp_secret FROM accounts WHERE username = 'admin'", soci::into(v);
    return v;
  };
  EXPECT_EQ(stored().rfind("sealed1:", 0), 0u);
  EXPECT_EQ(stored().find(secret), std::string::npos);

  db->execute("UPDATE accounts SET totp_secret = '" + store::to_hex(*key) + "' WHERE username = 'admin'");
  auto migrate = run_zwgk({"migrate", "--database", url}, env);
  ASSERT_EQ(migrate.exit_code, 0) << migrate.err;
  EXPECT_NE(migrate.err.find("已用安装密钥加密 1 个两步验证密钥"), std::string::npos) << migrate.err;
  EXPECT_EQ(stored().rfind("sealed1:", 0), 0u);
  EXPECT_EQ(stored().find(store::to_hex(*key)), std::string::npos);
  const auto sealing =
      store::PersonalDataKey::derive_from(std::string(32, '\xaa'), store::PersonalDataKey::Purpose::TotpKeys);
  EXPECT_EQ(sealing.open(stored().substr(8)).value_or(""), *key);
}

TEST_F(UserCommandTest, BadInputIsOneChineseLineAndNothingIsCreated) {
  auto short_pw = run_with_stdin({"user", "add", "admin", "--role", "site_admin", "--password-stdin", "--database", url},
                                 "short\n");
  EXPECT_NE(short_pw.exit_code, 0);
  EXPECT_NE(short_pw.err.find("密码至少 10 个字符"), std::string::npos) << short_pw.err;
  auto role = run_with_stdin({"user", "add", "admin", "--role", "boss", "--password-stdin", "--database", url},
                             "long enough\n");
  EXPECT_NE(role.exit_code, 0);
  EXPECT_NE(role.err.find("未知角色"), std::string::npos);
  // No terminal and no --password-stdin: refuses instead of reading a password it cannot hide.
  auto no_tty = run_zwgk({"user", "add", "admin", "--role", "site_admin", "--database", url});
  EXPECT_NE(no_tty.exit_code, 0);
  EXPECT_NE(no_tty.err.find("--password-stdin"), std::string::npos);
  auto unknown = run_zwgk({"user", "disable", "nobody", "--database", url});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("没有这个用户"), std::string::npos);
  EXPECT_FALSE(store::AccountRepository(*db).by_username("admin"));
}

}  // namespace
}  // namespace zwgk::test
