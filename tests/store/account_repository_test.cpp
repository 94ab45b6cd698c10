// Accounts, sessions, throttling and TOTP against a real database (both backends).
#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "domain/totp.hpp"
#include "store/account_repository.hpp"
#include "store/database_impl.hpp"
#include "store/personal_data_key.hpp"
#include "store/secrets.hpp"
#include "store_fixture.hpp"

namespace zwgk::store::test {
namespace {

class AccountRepositoryTest : public StoreTest {
 protected:
  std::int64_t now = 1'700'000'000;
  const std::string secret = std::string(32, 's');  // the installation secret
  PersonalDataKey totp_key() const {
    return PersonalDataKey::derive_from(secret, PersonalDataKey::Purpose::TotpKeys);
  }
  AccountRepository repo() {
    return AccountRepository(*db, [this] { return now; }, LoginPolicy{}, totp_key());
  }
  // accounts.totp_secret as stored.
  std::string stored_totp(std::int64_t id) {
    Lease lease(*db);
    long long i = id;
    std::string v;
    soci::indicator ind = soci::i_null;
    lease.sql() << "SELECT totp_secret FROM accounts WHERE id = :id", soci::use(i, "id"), soci::into(v, ind);
    return ind == soci::i_ok ? v : std::string();
  }
  bool has(const std::vector<std::string>& problems, const std::string& part) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& x) { return x.find(part) != std::string::npos; });
  }
  std::vector<std::string> create_problems(const std::string& username, const std::string& password) {
    domain::Account a;
    a.username = username;
    a.display_name = "某";
    a.role = domain::Role::Auditor;
    a.site_id = site.id;
    try {
      repo().create(a, password);
    } catch (const domain::ValidationError& e) {
      return e.problems();
    }
    return {};
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
    EXPECT_TRUE(has("密码至少 10 个字符"));
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

// Was (ADR 0018): "12345678" and "password" were accepted. The rule (libpwquality with the
// cracklib dictionary, at least 10 characters, not the user name) holds for create and
// set_password alike, with a Chinese reason.
TEST_F(AccountRepositoryTest, WeakPasswordsAreRefusedWithAChineseReason) {
  EXPECT_TRUE(has(create_problems("wangwu", "12345678"), "密码至少 10 个字符"));
  EXPECT_TRUE(has(create_problems("wangwu", "password"), "密码至少 10 个字符"));
  EXPECT_TRUE(has(create_problems("wangwu", "password12"), "弱口令词典"));
  EXPECT_TRUE(has(create_problems("wangwu", "qwertyuiop"), "弱口令词典"));
  EXPECT_TRUE(has(create_problems("wangwu", "1234567890"), "过于简单或有规律"));
  EXPECT_TRUE(has(create_problems("wangwu", "wangwu2024x"), "密码不能包含用户名"));
  EXPECT_TRUE(has(create_problems("wangwu", std::string(129, 'x')), "密码最多 128 个字节"));
  EXPECT_FALSE(repo().by_username("wangwu"));
  EXPECT_TRUE(create_problems("wangwu", "correct horse").empty());

  const auto a = editor();
  for (const char* weak : {"12345678", "password", "password12", "zhangsan-2024"}) {
    try {
      repo().set_password(a.id, weak);
      ADD_FAILURE() << weak << " accepted";
    } catch (const domain::ValidationError& e) {
      EXPECT_FALSE(e.problems().empty());
    }
  }
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "", "10.0.0.1").outcome, LoginOutcome::Ok);
}

// Was (ADR 0018): five wrong passwords locked a user name for 15 minutes even for the right
// password. Now: after 5 failures the next attempt waits 1 s, then 2 s, 4 s ... (15 min at
// most), and the right password after the wait logs in.
TEST_F(AccountRepositoryTest, FailuresDelayTheNextAttemptExponentiallyNeverLock) {
  editor();
  const LoginPolicy p = repo().policy();  // a copy: repo() is a temporary
  ASSERT_EQ(p.account_free_failures, 5);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(repo().login("zhangsan", "wrong password", "", "10.0.0." + std::to_string(i)).outcome,
              LoginOutcome::WrongCredentials);
    now += 10;
  }
  // The delay after the fifth failure is 1 s: it has long passed (10 s), so the sixth is evaluated.
  auto sixth = repo().login("zhangsan", "wrong password", "", "10.0.0.5");
  EXPECT_EQ(sixth.outcome, LoginOutcome::WrongCredentials);
  EXPECT_EQ(sixth.retry_at, now + 2);  // the sixth failure: 2 s
  EXPECT_NE(sixth.message.find("请 2 秒后再试"), std::string::npos) << sixth.message;

  // Inside the delay even the right password is not evaluated, and nothing is counted.
  auto early = repo().login("zhangsan", "correct horse", "", "10.0.0.99");
  EXPECT_EQ(early.outcome, LoginOutcome::Throttled);
  EXPECT_FALSE(early.session);
  EXPECT_EQ(early.retry_at, now + 2);
  EXPECT_NE(early.message.find("请 2 秒后再试"), std::string::npos) << early.message;
  EXPECT_EQ(repo().delayed_until("zhangsan", "10.0.0.99"), now + 2);

  // The delay doubles with each further failure ...
  std::int64_t expected = 2;
  for (int i = 0; i < 12; ++i) {
    now = *repo().delayed_until("zhangsan", "10.0.0.99");
    auto r = repo().login("zhangsan", "wrong password", "", "10.0.0.99");
    ASSERT_EQ(r.outcome, LoginOutcome::WrongCredentials) << i;
    expected = std::min<std::int64_t>(expected * 2, 15 * 60);
    EXPECT_EQ(r.retry_at - now, expected) << i;  // 4, 8, 16 ... 512, then 900 (15 min) at most
  }
  EXPECT_EQ(expected, 15 * 60);
  // ... and after it the right password logs in (an attacker cannot lock the user out).
  now = *repo().delayed_until("zhangsan", "10.0.0.99");
  auto ok = repo().login("zhangsan", "correct horse", "", "10.0.0.99");
  ASSERT_EQ(ok.outcome, LoginOutcome::Ok) << ok.message;
  // A success forgets the account's failures.
  EXPECT_EQ(repo().login("zhangsan", "wrong password", "", "10.0.0.98").retry_at, 0);
  // Another account is never affected.
  editor("lisi");
  EXPECT_EQ(repo().login("lisi", "correct horse", "", "10.0.0.97").outcome, LoginOutcome::Ok);
}

TEST_F(AccountRepositoryTest, DelayDoublesFromTheFirstDelayUpToTheCap) {
  LoginPolicy p;
  p.first_delay_seconds = 1;
  p.max_delay_seconds = 900;
  EXPECT_EQ(p.delay_after(4, 5), 0);
  EXPECT_EQ(p.delay_after(5, 5), 1);
  EXPECT_EQ(p.delay_after(6, 5), 2);
  EXPECT_EQ(p.delay_after(7, 5), 4);
  EXPECT_EQ(p.delay_after(14, 5), 512);
  EXPECT_EQ(p.delay_after(15, 5), 900);
  EXPECT_EQ(p.delay_after(100000, 5), 900);
}

// Was (ADR 0018): 20 failures from one address locked everyone behind it (an office's NAT).
// Now they delay that address only, and the right password after the delay logs in.
TEST_F(AccountRepositoryTest, ManyFailuresFromOneAddressDelayThatAddressOnly) {
  editor();
  const auto limit = repo().policy().address_free_failures;
  ASSERT_EQ(limit, 20);
  for (int i = 0; i < limit + 3; ++i) {
    now = repo().delayed_until("guess" + std::to_string(i), "192.0.2.7").value_or(now);
    EXPECT_NE(repo().login("guess" + std::to_string(i), "wrong password", "", "192.0.2.7").outcome, LoginOutcome::Ok);
  }
  auto r = repo().login("zhangsan", "correct horse", "", "192.0.2.7");
  EXPECT_EQ(r.outcome, LoginOutcome::Throttled);
  EXPECT_EQ(r.retry_at - now, 8);  // 23 failures, 20 free: 1, 2, 4, 8 s
  EXPECT_NE(r.message.find("请 8 秒后再试"), std::string::npos) << r.message;
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "", "192.0.2.8").outcome, LoginOutcome::Ok);
  now = r.retry_at;
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
  const LoginPolicy p = repo().policy();  // a copy: repo() is a temporary
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

// Was (ADR 0018): TOTP keys were stored in clear. Now sealed with the installation secret.
TEST_F(AccountRepositoryTest, TotpKeyIsStoredSealedAndStillLogsIn) {
  const auto a = editor();
  const std::string key = "12345678901234567890";
  repo().set_totp_key(a.id, key);
  const std::string stored = stored_totp(a.id);
  EXPECT_EQ(stored.rfind("sealed1:", 0), 0u) << stored;
  EXPECT_EQ(stored.find(domain::base32_encode(key)), std::string::npos);
  EXPECT_EQ(stored.find(to_hex(key)), std::string::npos);
  EXPECT_EQ(stored.find(key), std::string::npos);
  now = 1111111109;
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "081804", "10.0.0.1").outcome, LoginOutcome::Ok);
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "000000", "10.0.0.1").outcome, LoginOutcome::WrongTotp);

  // Another installation's secret (or none) opens nothing; saving needs the key.
  AccountRepository other(*db, [this] { return now; }, LoginPolicy{},
                          PersonalDataKey::derive_from(std::string(32, 'o'), PersonalDataKey::Purpose::TotpKeys));
  EXPECT_EQ(other.login("zhangsan", "correct horse", "081804", "10.0.0.2").outcome, LoginOutcome::WrongTotp);
  AccountRepository keyless(*db, [this] { return now; });
  EXPECT_THROW(keyless.set_totp_key(a.id, key), StoreError);
  EXPECT_EQ(stored_totp(a.id), stored);
  // The applicants' ID-number key is another subkey: it does not open a TOTP key.
  EXPECT_FALSE(PersonalDataKey::derive_from(secret).open(stored.substr(8)));
  EXPECT_TRUE(totp_key().open(stored.substr(8)));
}

TEST_F(AccountRepositoryTest, AClearTotpKeyFromBeforeIsResealed) {
  const auto a = editor(), b = editor("lisi");
  const std::string key = "12345678901234567890";
  // What versions before ADR 0018 wrote: the raw key in hex.
  db->execute("UPDATE accounts SET totp_secret = '" + to_hex(key) + "' WHERE id IN (" + std::to_string(a.id) + ", " +
              std::to_string(b.id) + ")");
  EXPECT_EQ(repo().clear_totp_key_count(), 2);
  // A login reads it, accepts the code and seals it.
  now = 1111111109;
  EXPECT_EQ(repo().login("zhangsan", "correct horse", "081804", "10.0.0.1").outcome, LoginOutcome::Ok);
  EXPECT_EQ(stored_totp(a.id).rfind("sealed1:", 0), 0u);
  EXPECT_EQ(stored_totp(a.id).find(to_hex(key)), std::string::npos);
  EXPECT_EQ(repo().clear_totp_key_count(), 1);
  // `zwgk serve` / `zwgk migrate` seal the rest at once.
  EXPECT_EQ(repo().seal_clear_totp_keys(), 1);
  EXPECT_EQ(repo().clear_totp_key_count(), 0);
  EXPECT_EQ(stored_totp(b.id).find(to_hex(key)), std::string::npos);
  EXPECT_EQ(repo().seal_clear_totp_keys(), 0);
  EXPECT_EQ(repo().login("lisi", "correct horse", "081804", "10.0.0.1").outcome, LoginOutcome::Ok);
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
