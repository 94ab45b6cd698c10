#include "store/account_repository.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/password_quality.hpp"
#include "domain/totp.hpp"
#include "store/database_impl.hpp"
#include "store/secrets.hpp"

namespace zwgk::store {

namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19u * 1024u * 1024u;

void ensure_sodium() {
  static const int rc = sodium_init();
  if (rc < 0) throw StoreError("libsodium 初始化失败");
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool valid_username(const std::string& u) {
  if (u.size() < 2 || u.size() > 32) return false;
  return std::all_of(u.begin(), u.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

struct AccountRow {
  long long id = 0, site_id = 0, department_id = 0;
  soci::indicator department_ind = soci::i_null;
  std::string username, display_name, role, created_at, password_hash, totp;
  int disabled = 0;
  soci::indicator totp_ind = soci::i_null;
  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(site_id));
    st.exchange(soci::into(department_id, department_ind));
    st.exchange(soci::into(username));
    st.exchange(soci::into(display_name));
    st.exchange(soci::into(role));
    st.exchange(soci::into(disabled));
    st.exchange(soci::into(totp, totp_ind));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(password_hash));
  }
  domain::Account value() const {
    domain::Account a;
    a.id = id;
    a.site_id = site_id;
    a.department_id = id_from(department_id, department_ind);
    a.username = username;
    a.display_name = display_name;
    a.role = domain::role_from(role).value_or(domain::Role::Auditor);
    a.disabled = disabled != 0;
    a.totp_enabled = totp_ind == soci::i_ok && !totp.empty();
    a.created_at = created_at;
    return a;
  }
};

// accounts.totp_secret: "sealed1:" + PersonalDataKey::seal(raw key) (ADR 0018), or, from
// before that, the raw key in plain hex (40 digits) — re-sealed by seal_clear_totp_keys()
// and by a login that reads it.
constexpr std::string_view kSealedPrefix = "sealed1:";

bool is_sealed(const std::string& stored) { return stored.rfind(kSealedPrefix, 0) == 0; }

std::string hex_to_raw(const std::string& hex) {
  std::string raw(hex.size() / 2, '\0');
  std::size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0)
    return {};
  raw.resize(len);
  return raw;
}

// The raw key from the stored text; empty if it cannot be opened (no or another key).
std::string open_totp(const std::string& stored, const std::optional<PersonalDataKey>& key) {
  if (!is_sealed(stored)) return hex_to_raw(stored);
  if (!key) return {};
  return key->open(std::string_view(stored).substr(kSealedPrefix.size())).value_or(std::string());
}

std::string seal_totp(const std::string& raw, const std::optional<PersonalDataKey>& key) {
  if (!key) throw StoreError("未配置安装密钥（secret_key），无法保存两步验证密钥");
  return std::string(kSealedPrefix) + key->seal(raw);
}

const char* kColumns =
    "SELECT id, site_id, department_id, username, display_name, role, disabled, totp_secret, created_at, "
    "password_hash FROM accounts ";

std::vector<AccountRow> query(Lease& lease, const std::string& where, Binds& binds) {
  std::vector<AccountRow> out;
  soci::statement st(lease.sql());
  AccountRow row;
  row.into(st);
  binds.apply(st);
  prepare_and_execute(st, kColumns + where);
  while (st.fetch()) {
    out.push_back(row);
    row.department_ind = soci::i_null;
    row.totp_ind = soci::i_null;
  }
  return out;
}

std::optional<AccountRow> first(Lease& lease, const std::string& where, Binds& binds) {
  auto rows = query(lease, where, binds);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

void validate(Lease& lease, const domain::Account& a, std::vector<std::string>& problems) {
  if (a.display_name.empty()) problems.push_back("请填写姓名");
  if (a.display_name.size() > 100) problems.push_back("姓名过长（最多 100 个字节）");
  const bool needs_department =
      a.role == domain::Role::DepartmentEditor || a.role == domain::Role::DepartmentReviewer;
  if (needs_department && !a.department_id) problems.push_back("部门编辑和保密审查员必须属于一个部门");
  long long site = a.site_id;
  int n = 0;
  lease.sql() << "SELECT count(*) FROM sites WHERE id = :s", soci::use(site, "s"), soci::into(n);
  if (n == 0) problems.push_back("所属网站不存在");
  if (a.department_id) {
    long long dep = *a.department_id;
    lease.sql() << "SELECT count(*) FROM departments WHERE id = :d AND site_id = :s", soci::use(dep, "d"),
        soci::use(site, "s"), soci::into(n);
    if (n == 0) problems.push_back("所选部门不属于本网站");
  }
}

void record_failure(Lease& lease, const char* scope, const std::string& key, long long now, long long window) {
  std::string s = scope, k = key;
  lease.sql() << "INSERT INTO login_failures (scope, key, failed_at) VALUES (:s, :k, :t)", soci::use(s, "s"),
      soci::use(k, "k"), soci::use(now, "t");
  long long cutoff = now - window;
  lease.sql() << "DELETE FROM login_failures WHERE failed_at <= :c", soci::use(cutoff, "c");
}

// The time before which the next attempt for one key is not evaluated (LoginPolicy), or 0.
long long delay_end(Lease& lease, const char* scope, const std::string& key, long long now, const LoginPolicy& policy,
                    int free_failures) {
  std::string s = scope, k = key;
  long long since = now - policy.window_seconds;
  int n = 0;
  long long newest = 0;
  soci::indicator ind = soci::i_null;
  lease.sql() << "SELECT count(*), max(failed_at) FROM login_failures WHERE scope = :s AND key = :k AND failed_at > :t",
      soci::use(s, "s"), soci::use(k, "k"), soci::use(since, "t"), soci::into(n), soci::into(newest, ind);
  if (ind != soci::i_ok) return 0;
  const long long delay = policy.delay_after(n, free_failures);
  if (delay == 0) return 0;
  const long long end = newest + delay;
  return end > now ? end : 0;
}

// "请 N 秒后再试" for an attempt refused (or a failure delayed) until `until`.
std::string retry_text(long long until, long long now) {
  const long long wait = std::max(1LL, until - now);
  return "请 " + std::to_string(wait) + " 秒后再试。";
}

const std::string& dummy_hash() {
  static const std::string h = hash_password("zwgk-dummy-password-for-timing");
  return h;
}

}  // namespace

Clock system_clock() {
  return [] {
    return static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  };
}

std::string hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw StoreError("计算密码散列失败（内存不足）");
  return out;
}

bool verify_password(const std::string& stored_hash, const std::string& password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

std::int64_t LoginPolicy::delay_after(int failures, int free_failures) const {
  if (failures < free_failures || first_delay_seconds <= 0) return 0;
  std::int64_t delay = first_delay_seconds;
  for (int i = free_failures; i < failures && delay < max_delay_seconds; ++i) delay *= 2;
  return std::min(delay, max_delay_seconds);
}

std::string china_clock_time(std::int64_t unix_seconds) {
  const auto local = domain::china_time_of_unix(unix_seconds);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(local.time.hours().count()),
                static_cast<int>(local.time.minutes().count()));
  return buf;
}

AccountRepository::AccountRepository(Database& db, Clock clock, LoginPolicy policy,
                                     std::optional<PersonalDataKey> totp_sealing)
    : db_(db), clock_(std::move(clock)), policy_(policy), totp_sealing_(std::move(totp_sealing)) {}

domain::Account AccountRepository::create(domain::Account a, const std::string& password) {
  a.username = lower(a.username);
  std::vector<std::string> problems;
  if (!valid_username(a.username)) problems.push_back("用户名须为 2-32 个小写字母、数字或 . _ -");
  for (auto& p : domain::password_problems(password, a.username)) problems.push_back(p);
  const std::string hash = problems.empty() ? hash_password(password) : std::string();
  return guarded("创建账号失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    validate(lease, a, problems);
    int taken = 0;
    lease.sql() << "SELECT count(*) FROM accounts WHERE username = :u", soci::use(a.username, "u"), soci::into(taken);
    if (taken > 0) problems.push_back("用户名已被使用: " + a.username);
    if (!problems.empty()) throw domain::ValidationError(problems);
    long long site = a.site_id, id = 0;
    NullableId dep(a.department_id);
    std::string role = domain::to_code(a.role), now = now_utc_iso();
    int disabled = a.disabled ? 1 : 0;
    lease.sql() << "INSERT INTO accounts (site_id, department_id, username, display_name, role, password_hash, "
                   "disabled, created_at, updated_at) VALUES (:site, :dep, :u, :n, :r, :h, :d, :c, :c2) RETURNING id",
        soci::use(site, "site"), soci::use(dep.value, dep.ind, "dep"), soci::use(a.username, "u"),
        soci::use(a.display_name, "n"), soci::use(role, "r"), soci::use(hash, "h"), soci::use(disabled, "d"),
        soci::use(now, "c"), soci::use(now, "c2"), soci::into(id);
    tx.commit();
    a.id = id;
    a.created_at = now;
    a.totp_enabled = false;
    return a;
  });
}

std::optional<domain::Account> AccountRepository::by_id(std::int64_t id) {
  return guarded("读取账号失败", [&]() -> std::optional<domain::Account> {
    Lease lease(db_);
    Binds b;
    auto row = first(lease, "WHERE id = " + b.add(id), b);
    if (!row) return std::nullopt;
    return row->value();
  });
}

std::optional<domain::Account> AccountRepository::by_username(const std::string& username) {
  return guarded("读取账号失败", [&]() -> std::optional<domain::Account> {
    Lease lease(db_);
    Binds b;
    auto row = first(lease, "WHERE username = " + b.add(lower(username)), b);
    if (!row) return std::nullopt;
    return row->value();
  });
}

std::vector<domain::Account> AccountRepository::by_site(std::int64_t site_id) {
  return guarded("读取账号列表失败", [&] {
    Lease lease(db_);
    Binds b;
    std::vector<domain::Account> out;
    for (const auto& r : query(lease, "WHERE site_id = " + b.add(site_id) + " ORDER BY username", b))
      out.push_back(r.value());
    return out;
  });
}

domain::Account AccountRepository::update(const domain::Account& in) {
  return guarded("保存账号失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    Binds b;
    auto row = first(lease, "WHERE id = " + b.add(in.id), b);
    if (!row) throw NotFound("账号不存在: " + std::to_string(in.id));
    domain::Account a = row->value();
    a.display_name = in.display_name;
    a.role = in.role;
    a.department_id = in.department_id;
    a.disabled = in.disabled;
    std::vector<std::string> problems;
    validate(lease, a, problems);
    if (!problems.empty()) throw domain::ValidationError(problems);
    long long id = a.id;
    NullableId dep(a.department_id);
    std::string role = domain::to_code(a.role), now = now_utc_iso();
    int disabled = a.disabled ? 1 : 0;
    lease.sql() << "UPDATE accounts SET display_name = :n, role = :r, department_id = :dep, disabled = :d, "
                   "updated_at = :t WHERE id = :id",
        soci::use(a.display_name, "n"), soci::use(role, "r"), soci::use(dep.value, dep.ind, "dep"),
        soci::use(disabled, "d"), soci::use(now, "t"), soci::use(id, "id");
    if (a.disabled) lease.sql() << "DELETE FROM sessions WHERE account_id = :id", soci::use(id, "id");
    tx.commit();
    return a;
  });
}

bool AccountRepository::check_password(std::int64_t id, const std::string& password) {
  auto stored = guarded("读取账号失败", [&]() -> std::optional<std::string> {
    Lease lease(db_);
    long long i = id;
    std::string hash;
    lease.sql() << "SELECT password_hash FROM accounts WHERE id = :id", soci::use(i, "id"), soci::into(hash);
    if (!lease.sql().got_data()) return std::nullopt;
    return hash;
  });
  return stored && verify_password(*stored, password);
}

void AccountRepository::set_password(std::int64_t id, const std::string& password) {
  auto account = by_id(id);
  if (!account) throw NotFound("账号不存在: " + std::to_string(id));
  auto problems = domain::password_problems(password, account->username);
  if (!problems.empty()) throw domain::ValidationError(problems);
  const std::string hash = hash_password(password);
  guarded("修改密码失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long i = id;
    std::string now = now_utc_iso(), h = hash;
    soci::statement st = (lease.sql().prepare << "UPDATE accounts SET password_hash = :h, updated_at = :t WHERE id = :id",
                          soci::use(h, "h"), soci::use(now, "t"), soci::use(i, "id"));
    st.execute(true);
    if (st.get_affected_rows() == 0) throw NotFound("账号不存在: " + std::to_string(id));
    lease.sql() << "DELETE FROM sessions WHERE account_id = :id", soci::use(i, "id");
    tx.commit();
  });
}

void AccountRepository::set_disabled(std::int64_t id, bool disabled) {
  auto a = by_id(id);
  if (!a) throw NotFound("账号不存在: " + std::to_string(id));
  a->disabled = disabled;
  update(*a);
}

void AccountRepository::set_totp_key(std::int64_t id, const std::optional<std::string>& raw_key) {
  guarded("保存动态验证码密钥失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    NullableText hex;
    if (raw_key) hex = NullableText(std::optional<std::string>(seal_totp(*raw_key, totp_sealing_)));
    long long i = id;
    std::string now = now_utc_iso();
    soci::statement st =
        (lease.sql().prepare << "UPDATE accounts SET totp_secret = :k, updated_at = :t WHERE id = :id",
         soci::use(hex.value, hex.ind, "k"), soci::use(now, "t"), soci::use(i, "id"));
    st.execute(true);
    if (st.get_affected_rows() == 0) throw NotFound("账号不存在: " + std::to_string(id));
    tx.commit();
  });
}

std::string AccountRepository::new_totp_key() {
  ensure_sodium();
  std::string key(20, '\0');
  randombytes_buf(key.data(), key.size());
  return key;
}

int AccountRepository::clear_totp_key_count() {
  return guarded("读取两步验证密钥失败", [&] {
    Lease lease(db_);
    int n = 0;
    lease.sql() << "SELECT count(*) FROM accounts WHERE totp_secret IS NOT NULL AND totp_secret <> '' AND "
                   "totp_secret NOT LIKE 'sealed1:%'",
        soci::into(n);
    return n;
  });
}

int AccountRepository::seal_clear_totp_keys() {
  if (!totp_sealing_) throw StoreError("未配置安装密钥（secret_key），无法加密两步验证密钥");
  return guarded("加密两步验证密钥失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    Binds b;
    const auto clear =
        query(lease, "WHERE totp_secret IS NOT NULL AND totp_secret <> '' AND totp_secret NOT LIKE 'sealed1:%'", b);
    for (const auto& row : clear) {
      std::string sealed = seal_totp(hex_to_raw(row.totp), totp_sealing_), hex = row.totp;
      long long i = row.id;
      lease.sql() << "UPDATE accounts SET totp_secret = :k WHERE id = :id AND totp_secret = :c", soci::use(sealed, "k"),
          soci::use(i, "id"), soci::use(hex, "c");
    }
    tx.commit();
    return static_cast<int>(clear.size());
  });
}

std::optional<std::int64_t> AccountRepository::delayed_until(const std::string& username,
                                                             const std::string& remote_address) {
  return guarded("读取登录限制失败", [&]() -> std::optional<std::int64_t> {
    Lease lease(db_);
    const long long now = clock_();
    long long end = std::max(delay_end(lease, "account", lower(username), now, policy_, policy_.account_free_failures),
                             delay_end(lease, "address", remote_address, now, policy_, policy_.address_free_failures));
    if (end == 0) return std::nullopt;
    return end;
  });
}

LoginResult AccountRepository::login(const std::string& username_in, const std::string& password,
                                     const std::string& totp_code, const std::string& remote_address) {
  const std::string username = lower(username_in);
  LoginResult result;
  // Refused before any evaluation (no password check, no failure recorded): the delay runs.
  if (auto until = delayed_until(username, remote_address)) {
    result.outcome = LoginOutcome::Throttled;
    result.retry_at = *until;
    result.message = "登录失败次数较多，" + retry_text(*until, clock_());
    return result;
  }
  std::optional<AccountRow> row;
  guarded("读取账号失败", [&] {
    Lease lease(db_);
    Binds b;
    row = first(lease, "WHERE username = " + b.add(username), b);
  });
  const long long now = clock_();
  auto fail = [&](LoginOutcome outcome, std::string message) {
    guarded("记录登录失败", [&] {
      Lease lease(db_);
      Transaction tx(lease);
      record_failure(lease, "account", username, now, policy_.window_seconds);
      record_failure(lease, "address", remote_address, now, policy_.window_seconds);
      tx.commit();
    });
    result.outcome = outcome;
    result.message = std::move(message);
    if (auto until = delayed_until(username, remote_address)) {
      result.retry_at = *until;
      result.message += " 失败次数较多，" + retry_text(*until, now);
    }
    return result;
  };
  if (!row) {
    verify_password(dummy_hash(), password);  // same work as for a real account
    return fail(LoginOutcome::WrongCredentials, "用户名或密码错误。");
  }
  if (!verify_password(row->password_hash, password)) return fail(LoginOutcome::WrongCredentials, "用户名或密码错误。");
  result.account = row->value();
  if (row->disabled != 0) {
    result.outcome = LoginOutcome::Disabled;
    result.message = "该账号已停用，请联系网站管理员。";
    return result;
  }
  if (result.account->totp_enabled) {
    if (totp_code.empty()) {
      result.outcome = LoginOutcome::TotpRequired;
      result.message = "该账号已启用两步验证，请输入手机验证器上的 6 位动态验证码。";
      return result;
    }
    if (!domain::totp_matches(open_totp(row->totp, totp_sealing_), totp_code, now))
      return fail(LoginOutcome::WrongTotp, "动态验证码错误。");
  }
  // A key still in clear (from before ADR 0018) is sealed now that it was used.
  const bool reseal = result.account->totp_enabled && !is_sealed(row->totp) && totp_sealing_;
  const bool rehash = crypto_pwhash_str_needs_rehash(row->password_hash.c_str(), kOpsLimit, kMemLimit) != 0;
  const std::string new_hash = rehash ? hash_password(password) : std::string();
  Session s;
  s.token = random_token_hex(32);
  s.csrf_token = random_token_hex(32);
  s.account_id = row->id;
  s.remote_address = remote_address;
  s.created_at = s.last_seen_at = now;
  s.expires_at = now + policy_.session_lifetime_seconds;
  guarded("创建会话失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    std::string key = username, id_hash = sha256_hex(s.token);
    long long account = s.account_id, created = s.created_at, expires = s.expires_at;
    lease.sql() << "DELETE FROM login_failures WHERE scope = 'account' AND key = :k", soci::use(key, "k");
    long long idle_cutoff = now - policy_.idle_timeout_seconds, n = now;
    lease.sql() << "DELETE FROM sessions WHERE expires_at <= :n OR last_seen_at <= :i", soci::use(n, "n"),
        soci::use(idle_cutoff, "i");
    lease.sql() << "INSERT INTO sessions (id_hash, account_id, csrf_token, remote_address, created_at, last_seen_at, "
                   "expires_at) VALUES (:h, :a, :c, :r, :t, :t2, :e)",
        soci::use(id_hash, "h"), soci::use(account, "a"), soci::use(s.csrf_token, "c"),
        soci::use(s.remote_address, "r"), soci::use(created, "t"), soci::use(created, "t2"),
        soci::use(expires, "e");
    if (rehash) {
      std::string h = new_hash;
      lease.sql() << "UPDATE accounts SET password_hash = :h WHERE id = :a", soci::use(h, "h"),
          soci::use(account, "a");
    }
    if (reseal) {
      std::string sealed = seal_totp(hex_to_raw(row->totp), totp_sealing_), clear = row->totp;
      lease.sql() << "UPDATE accounts SET totp_secret = :k WHERE id = :a AND totp_secret = :c", soci::use(sealed, "k"),
          soci::use(account, "a"), soci::use(clear, "c");
    }
    tx.commit();
  });
  result.outcome = LoginOutcome::Ok;
  result.session = std::move(s);
  return result;
}

std::optional<std::pair<domain::Account, Session>> AccountRepository::session(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  return guarded("读取会话失败", [&]() -> std::optional<std::pair<domain::Account, Session>> {
    Lease lease(db_);
    std::string id_hash = sha256_hex(token);
    Session s;
    long long account = 0, created = 0, seen = 0, expires = 0;
    lease.sql() << "SELECT account_id, csrf_token, remote_address, created_at, last_seen_at, expires_at FROM sessions "
                   "WHERE id_hash = :h",
        soci::use(id_hash, "h"), soci::into(account), soci::into(s.csrf_token), soci::into(s.remote_address),
        soci::into(created), soci::into(seen), soci::into(expires);
    if (!lease.sql().got_data()) return std::nullopt;
    long long now = clock_();
    Binds b;
    auto row = first(lease, "WHERE id = " + b.add(account), b);
    if (now >= expires || now >= seen + policy_.idle_timeout_seconds || !row || row->disabled != 0) {
      lease.sql() << "DELETE FROM sessions WHERE id_hash = :h", soci::use(id_hash, "h");
      return std::nullopt;
    }
    if (now - seen >= 60) {  // one write a minute at most per session
      lease.sql() << "UPDATE sessions SET last_seen_at = :n WHERE id_hash = :h", soci::use(now, "n"),
          soci::use(id_hash, "h");
      seen = now;
    }
    s.account_id = account;
    s.created_at = created;
    s.last_seen_at = seen;
    s.expires_at = expires;
    return std::make_pair(row->value(), std::move(s));
  });
}

void AccountRepository::end_session(const std::string& token) {
  guarded("结束会话失败", [&] {
    Lease lease(db_);
    std::string id_hash = sha256_hex(token);
    lease.sql() << "DELETE FROM sessions WHERE id_hash = :h", soci::use(id_hash, "h");
  });
}

int AccountRepository::end_sessions_of(std::int64_t account_id) {
  return guarded("结束会话失败", [&] {
    Lease lease(db_);
    long long a = account_id;
    soci::statement st = (lease.sql().prepare << "DELETE FROM sessions WHERE account_id = :a", soci::use(a, "a"));
    st.execute(true);
    return static_cast<int>(st.get_affected_rows());
  });
}

}  // namespace zwgk::store
