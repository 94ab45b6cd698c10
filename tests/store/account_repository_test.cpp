// Accounts, sessions, throttling and TOTP against a real database (both backends).
#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "domain/totp.hpp"
#include "store/account_repository.hpp"
#include "store/secrets.hpp"
#include "store_fixture.hpp"

namespace zwgk::store::test {
namespace {

class AccountRepositoryTest : public StoreTest {
 protected:
  std::int64_t now = 1'700'000'000;
  AccountRepository repo() {
    return AccountRepository(*db, [this] { return now; });
  }
  domain::Account editor(const std::string& username = "zhangsan") {
    domain::Account a;
    a.username = username;
    a.display_name = "张三";
    a.role = domain::Role::DepartmentEditor;
    a.site_id = site.id;
    a.department_id = department.id;
    return repo().create(a, "correct horse");
  }
};

TEST_F(AccountRepositoryTest, PasswordIsStoredAsArgon2idAndVerifies) {
  const auto h = hash_password("correct horse");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u) << h;
  EXPECT_EQ(h.find("correct"), std::string::npos);
  EXPECT_TRUE(verify_password(h, "correct horse"));
  EXPECT_FALSE(verify_password(h, "correct horsE"));
  EXPECT_NE(hash_password("correct horse"), h);  // salted
}

TEST_F(AccountRepositoryTest, CreateValidatesInChinese) {
  domain::Account a;
  a.username = "A b";
  a.role = domain::Role::DepartmentEditor;
  a.site_id = site.id;
  try {
    repo().create(a, "short");
    FAIL();
  } catch (const domain::ValidationError& e) {
    const auto& p = e.problems();
    auto has = [&](const std::string& s) {
      return std::any_of(p.begin(), p.end(), [&](const std::string& x) { return x.find(s) != std::string::npos; });
    };
    EXPECT_TRUE(has("用户名"));
    EXPECT_TRUE(has("密码至少 8 个字符"));
    EXPECT_TRUE(has("请填写姓名"));
    EXPECT_TRUE(has("必须属于一个部门"));
  }
  EXPECT_TRUE(repo().by_site(site.id).empty());
  editor();
  EXPECT_THROW(editor(), domain::ValidationError);  // name taken
  EXPECT_EQ(repo().by_site(site.id).size(), 1u);
}

TEST_F(AccountRepositoryTest, LoginWithRightPasswordCreatesASessionOthersDoNot) {
  const auto a = editor();
  auto wrong = repo().login("zhangsan", "wrong password", "", "10.0.0.1");
  EXPECT_EQ(wrong.outcome, LoginOutcome::WrongCredentials);
  EXPECT_EQ(wrong.message, "用户名或密码错误。");
  EXPECT_FALSE(wrong.session);
  auto unknown = repo().login("nobody", "correct horse", "", "10.0.0.1");
  EXPECT_EQ(unknown.outcome, LoginOutcome::WrongCredentials);
  EXPECT_EQ(unknown.message, wrong.message);  // never says which

  auto ok = repo().login("ZhangSan", "correct horse", "", "10.0.0.1");
  ASSERT_EQ(ok.outcome, LoginOutcome::Ok) << ok.message;
  ASSERT_TRUE(ok.session);
  EXPECT_EQ(ok.session->token.size(), 64u);
  EXPECT_EQ(ok.session->csrf_token.size(), 64u);
  auto found = repo().session(ok.session->token);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->first.id, a.id);
  EXPECT_EQ(found->first.display_name, "张三");
  EXPECT_EQ(found->second.csrf_token, ok.session->csrf_token);
  EXPECT_FALSE(repo().session(random_token_hex(32)));
}

TEST_F(AccountRepositoryTest, OnlyTheTokensHashIsStored) {
  editor();
  auto ok = repo().login("zhangsan", "correct horse", "", "10.0.0.1");
  ASSERT_TRUE(ok.session);
  // The digest the table holds is not a token that logs in.
  auto other = AccountRepository(*db, [this] { return now; });
  EXPECT_TRUE(other.session(ok.session->token));
  EXPECT_FALSE(other.session(sha256_hex(ok.session->token)));
}

TEST_F(AccountRepositoryTest, FiveFailuresLockTheAccountForFifteenMinutesThenItUnlocks) {
  editor();
  for (int i = 0; i < 5; ++i) {
    auto r = repo().login("zhangsan", "wrong password", "", "10.0.0." + std::to_string(i));
    EXPECT_EQ(r.outcome, LoginOutcome::WrongCredentials);
    now += 10;
  }
  auto locked = repo().login("zhangsan", "correct horse", "", "10.0.0.99");
  EXPECT_EQ(locked.outcome, LoginOutcome::Throttled);
  EXPECT_FALSE(locked.session);
  EXPECT_EQ(locked.retry_at, 1'700'000'040 + 15 * 60);
  EXPECT_NE(locked.message.find("请在 " + china_clock_time(locked.retry_at) + "（北京时间）之后再试"), std::string::npos)
      << locked.message;
  // Another account from the same addresses is not affected.
  editor("lisi");
  EXPECT_EQ(repo().login("lisi", "correct horse", "", "10.0.0.1").outcome, LoginOutcome::Ok);

  now = locked.retry_at;
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "", "10.0.0.99").outcome, LoginOutcome::Ok);
}

TEST_F(AccountRepositoryTest, ManyFailuresFromOneAddressLockThatAddress) {
  editor();
  const auto limit = repo().policy().address_failures;
  for (int i = 0; i < limit; ++i) repo().login("guess" + std::to_string(i), "wrong password", "", "192.0.2.7");
  auto r = repo().login("zhangsan", "correct horse", "", "192.0.2.7");
  EXPECT_EQ(r.outcome, LoginOutcome::Throttled);
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "", "192.0.2.8").outcome, LoginOutcome::Ok);
  now += repo().policy().lockout_seconds;
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "", "192.0.2.7").outcome, LoginOutcome::Ok);
}

TEST_F(AccountRepositoryTest, DisabledAccountIsRefusedAndLosesItsSessions) {
  const auto a = editor();
  auto ok = repo().login("zhangsan", "correct horse", "", "10.0.0.1");
  ASSERT_TRUE(ok.session);
  repo().set_disabled(a.id, true);
  EXPECT_FALSE(repo().session(ok.session->token));
  auto r = repo().login("zhangsan", "correct horse", "", "10.0.0.1");
  EXPECT_EQ(r.outcome, LoginOutcome::Disabled);
  EXPECT_FALSE(r.session);
  EXPECT_EQ(r.message, "该账号已停用，请联系网站管理员。");
  repo().set_disabled(a.id, false);
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "", "10.0.0.1").outcome, LoginOutcome::Ok);
}

TEST_F(AccountRepositoryTest, SessionsExpireWhenIdleAndAfterTheirLifetime) {
  editor();
  auto s = *repo().login("zhangsan", "correct horse", "", "10.0.0.1").session;
  const auto& p = repo().policy();
  now += p.idle_timeout_seconds - 1;
  EXPECT_TRUE(repo().session(s.token));  // used: idle timer restarts
  now += p.idle_timeout_seconds - 1;
  EXPECT_TRUE(repo().session(s.token));
  now += p.idle_timeout_seconds;
  EXPECT_FALSE(repo().session(s.token));

  now = 1'800'000'000;
  auto t = *repo().login("zhangsan", "correct horse", "", "10.0.0.1").session;
  for (std::int64_t passed = 0; passed + 600 < p.session_lifetime_seconds; passed += 600) {
    now += 600;
    ASSERT_TRUE(repo().session(t.token)) << passed;
  }
  now = t.expires_at;
  EXPECT_FALSE(repo().session(t.token));
}

TEST_F(AccountRepositoryTest, PasswordChangeEndsSessionsAndOldPasswordFails) {
  const auto a = editor();
  auto s = *repo().login("zhangsan", "correct horse", "", "10.0.0.1").session;
  repo().set_password(a.id, "battery staple");
  EXPECT_FALSE(repo().session(s.token));
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "", "10.0.0.1").outcome, LoginOutcome::WrongCredentials);
  EXPECT_EQ(repo().login("zhangsan", "battery staple", "", "10.0.0.1").outcome, LoginOutcome::Ok);
  EXPECT_THROW(repo().set_password(a.id, "short"), domain::ValidationError);
}

TEST_F(AccountRepositoryTest, EndSessionLogsOut) {
  editor();
  auto s = *repo().login("zhangsan", "correct horse", "", "10.0.0.1").session;
  repo().end_session(s.token);
  EXPECT_FALSE(repo().session(s.token));
}

// RFC 6238 appendix B, SHA-1 key "12345678901234567890".
TEST(Totp, Rfc6238TestVectors) {
  const std::string key = "12345678901234567890";
  EXPECT_EQ(domain::totp_code(key, 59, 8), "94287082");
  EXPECT_EQ(domain::totp_code(key, 1111111109, 8), "07081804");
  EXPECT_EQ(domain::totp_code(key, 1234567890, 8), "89005924");
  EXPECT_EQ(domain::totp_code(key, 2000000000, 8), "69279037");
  EXPECT_EQ(domain::totp_code(key, 59), "287082");
  EXPECT_TRUE(domain::totp_matches(key, "287 082", 59));
  EXPECT_TRUE(domain::totp_matches(key, "287082", 59 + 30));  // one step of drift
  EXPECT_FALSE(domain::totp_matches(key, "287082", 59 + 120));
  EXPECT_FALSE(domain::totp_matches(key, "28708x", 59));
  EXPECT_EQ(domain::base32_encode(key), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(*domain::base32_decode("gezdgnbvgy3tqojqgezdgnbvgy3tqojq"), key);
}

TEST_F(AccountRepositoryTest, TotpIsRequiredOnceEnabled) {
  const auto a = editor();
  const std::string key = "12345678901234567890";
  repo().set_totp_key(a.id, key);
  EXPECT_TRUE(repo().by_id(a.id)->totp_enabled);
  now = 1111111109;
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "", "10.0.0.1").outcome, LoginOutcome::TotpRequired);
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "000000", "10.0.0.1").outcome, LoginOutcome::WrongTotp);
  auto ok = repo().login("zhangsan", "correct horse", "081804", "10.0.0.1");
  EXPECT_EQ(ok.outcome, LoginOutcome::Ok) << ok.message;
  repo().set_totp_key(a.id, std::nullopt);
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "", "10.0.0.1").outcome, LoginOutcome::Ok);
}

TEST_F(AccountRepositoryTest, ASessionFromOneDatabaseHandleIsAcceptedByAnother) {
  editor();
  auto s = *repo().login("zhangsan", "correct horse", "", "10.0.0.1").session;
  auto second = Database::open(db->url(), 2);  // another app node on the same database
  AccountRepository other(*second, [this] { return now; });
  auto found = other.session(s.token);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->first.username, "zhangsan");
}

}  // namespace
}  // namespace zwgk::store::test
