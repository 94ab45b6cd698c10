#pragma once
// 用户账号 in the database: accounts with argon2id password hashes, console sessions,
// login throttling and the optional TOTP second factor. Everything lives in the database
// (no process-local state), so any app node serves any session and a throttle holds
// across nodes. Design and parameters: docs/adr/0008-accounts-sessions-csrf.md.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "store/database.hpp"

namespace zwgk::store {

// Unix seconds. Injected so that tests can move time (lockouts, expiry) without sleeping.
using Clock = std::function<std::int64_t()>;
Clock system_clock();

struct LoginPolicy {
  int account_failures = 5;       // failed logins of one user name within the window ...
  int address_failures = 20;      // ... or from one address (offices share a NAT address)
  std::int64_t window_seconds = 15 * 60;
  std::int64_t lockout_seconds = 15 * 60;  // locked until the newest failure + this
  std::int64_t session_lifetime_seconds = 12 * 3600;  // absolute: one working day
  std::int64_t idle_timeout_seconds = 30 * 60;        // no request for this long -> logged out
};

// argon2id via libsodium crypto_pwhash_str: opslimit 2, memlimit 19 MiB (OWASP's minimum
// for argon2id; ~20 ms here). The parameters are stored inside each hash, so raising them
// later re-hashes on the next successful login.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& stored_hash, const std::string& password);
// Chinese problems with a proposed password (empty = acceptable): 8..128 bytes.
std::vector<std::string> password_problems(const std::string& password);

struct Session {
  std::string token;  // the cookie value; only set by login() (the database keeps its SHA-256)
  std::int64_t account_id = 0;
  std::string csrf_token;  // per session, 256-bit hex; compare with constant_time_equal
  std::string remote_address;
  std::int64_t created_at = 0, last_seen_at = 0, expires_at = 0;
};

enum class LoginOutcome {
  Ok,
  WrongCredentials,  // unknown user or wrong password (never says which)
  TotpRequired,      // password right; the account has a second factor and no code was given
  WrongTotp,
  Disabled,          // password right, account disabled
  Throttled,         // too many failures for this user name or address
};

struct LoginResult {
  LoginOutcome outcome = LoginOutcome::WrongCredentials;
  std::optional<domain::Account> account;  // Ok (and Disabled/TotpRequired/WrongTotp)
  std::optional<Session> session;          // Ok only
  std::int64_t retry_at = 0;               // Throttled: unix time the lock ends
  std::string message;                     // Chinese, for the login page (empty when Ok)
};

class AccountRepository {
 public:
  explicit AccountRepository(Database& db, Clock clock = system_clock(), LoginPolicy policy = {});

  // Validates (user name [a-z0-9_.-]{2,32}, display name, password, department required
  // for editors and reviewers and of the same site) and inserts. ValidationError with
  // Chinese problems; a taken user name is a ValidationError too.
  domain::Account create(domain::Account account, const std::string& password);
  std::optional<domain::Account> by_id(std::int64_t id);
  std::optional<domain::Account> by_username(const std::string& username);
  std::vector<domain::Account> by_site(std::int64_t site_id);  // ordered by user name
  // Saves display name, role, department and disabled (user name, site, password and TOTP
  // are changed by their own calls). Disabling ends the account's sessions.
  domain::Account update(const domain::Account& account);
  // True if `password` is the account's current password (constant-time; false for an
  // unknown id). For "change my password", which asks for the current one.
  bool check_password(std::int64_t id, const std::string& password);
  // Replaces the password and ends every session of the account.
  void set_password(std::int64_t id, const std::string& password);
  void set_disabled(std::int64_t id, bool disabled);
  // Raw RFC 6238 key (20 random bytes from new_totp_key()); nullopt removes the factor.
  void set_totp_key(std::int64_t id, const std::optional<std::string>& raw_key);
  static std::string new_totp_key();

  // Throttle check, password (and TOTP) verification, failure bookkeeping and, on success,
  // a new session — one call so the login page cannot forget a step.
  LoginResult login(const std::string& username, const std::string& password, const std::string& totp_code,
                    const std::string& remote_address);
  // The live session for a cookie token and its (enabled) account; refreshes the idle
  // timer. nullopt for unknown, expired, idle or disabled — the row is then removed.
  std::optional<std::pair<domain::Account, Session>> session(const std::string& token);
  void end_session(const std::string& token);
  int end_sessions_of(std::int64_t account_id);

  // Throttle state without attempting a login: unix time the lock ends, or nullopt.
  std::optional<std::int64_t> locked_until(const std::string& username, const std::string& remote_address);

  const LoginPolicy& policy() const { return policy_; }

 private:
  Database& db_;
  Clock clock_;
  LoginPolicy policy_;
};

// "15:42" in China time (UTC+8) for a unix time; used in the lock-out message.
std::string china_clock_time(std::int64_t unix_seconds);

}  // namespace zwgk::store
