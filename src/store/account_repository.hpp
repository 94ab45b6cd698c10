#pragma once
// 用户账号 in the database: accounts with argon2id password hashes, console sessions,
// login throttling and the optional TOTP second factor. Everything lives in the database
// (no process-local state), so any app node serves any session and a throttle holds
// across nodes. Design and parameters: docs/adr/0008-accounts-sessions-csrf.md; the
// password rule, the exponential login delay and the sealed TOTP keys:
// docs/adr/0018-password-quality-login-delay-sealed-totp.md.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::store {

// Unix seconds. Injected so that tests can move time (delays, expiry) without sleeping.
using Clock = std::function<std::int64_t()>;
Clock system_clock();

// Login throttling is an exponential delay, never a lock (OWASP Authentication Cheat
// Sheet): once a user name (or an address) has `*_free_failures` failed logins within the
// window, its next attempt is not evaluated before newest failure + delay, where the delay
// is first_delay_seconds after that many failures and doubles with each further failure up
// to max_delay_seconds (1 s, 2 s, 4 s ... 15 min). A refused-early attempt is not a failure
// and changes nothing. The right password after the delay logs in, so nobody can lock a
// known user out at will; a guesser gets at most one try per max_delay_seconds.
struct LoginPolicy {
  int account_free_failures = 5;    // failed logins of one user name within the window ...
  int address_free_failures = 20;   // ... or from one address (offices share a NAT address)
  std::int64_t window_seconds = 24 * 3600;  // failures older than this are forgotten
  std::int64_t first_delay_seconds = 1;
  std::int64_t max_delay_seconds = 15 * 60;
  // The delay after `failures` failures with `free_failures` free: 0, or first << (n - free), capped.
  std::int64_t delay_after(int failures, int free_failures) const;
  std::int64_t session_lifetime_seconds = 12 * 3600;  // absolute: one working day
  std::int64_t idle_timeout_seconds = 30 * 60;        // no request for this long -> logged out
};

// argon2id via libsodium crypto_pwhash_str: opslimit 2, memlimit 19 MiB (OWASP's minimum
// for argon2id; ~20 ms here). The parameters are stored inside each hash, so raising them
// later re-hashes on the next successful login.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& stored_hash, const std::string& password);
// The password rule itself (length, dictionary, user name) is domain::password_problems
// (domain/password_quality.hpp); create() and set_password() apply it.

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
  Throttled,         // not evaluated: the delay after failures for this user name or address runs
};

struct LoginResult {
  LoginOutcome outcome = LoginOutcome::WrongCredentials;
  std::optional<domain::Account> account;  // Ok (and Disabled/TotpRequired/WrongTotp)
  std::optional<Session> session;          // Ok only
  std::int64_t retry_at = 0;  // Throttled (or a failure that starts a delay): the next attempt's earliest time
  std::string message;                     // Chinese, for the login page (empty when Ok)
};

class AccountRepository {
 public:
  // `totp_sealing`: PersonalDataKey::derive_from(installation secret, Purpose::TotpKeys).
  // Without it, accounts, passwords and sessions work; saving a TOTP key throws StoreError
  // and a sealed key cannot be checked (the login is refused as a wrong code).
  explicit AccountRepository(Database& db, Clock clock = system_clock(), LoginPolicy policy = {},
                             std::optional<PersonalDataKey> totp_sealing = std::nullopt);

  // Validates (user name [a-z0-9_.-]{2,32}, display name, password by
  // domain::password_problems, department required
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
  // Replaces the password (domain::password_problems: ValidationError) and ends every
  // session of the account.
  void set_password(std::int64_t id, const std::string& password);
  void set_disabled(std::int64_t id, bool disabled);
  // Raw RFC 6238 key (20 random bytes from new_totp_key()); nullopt removes the factor.
  // Stored sealed: accounts.totp_secret = "sealed1:" + hex(nonce || secretbox(key)).
  void set_totp_key(std::int64_t id, const std::optional<std::string>& raw_key);
  static std::string new_totp_key();
  // Seals every TOTP key still stored in clear (hex, from before ADR 0018); returns how
  // many. Run at `zwgk serve` and `zwgk migrate`; login re-seals a clear key it reads too.
  // Requires the sealing key (StoreError without).
  int seal_clear_totp_keys();
  // How many TOTP keys are still in clear (no key needed).
  int clear_totp_key_count();

  // Throttle check, password (and TOTP) verification, failure bookkeeping and, on success,
  // a new session — one call so the login page cannot forget a step.
  LoginResult login(const std::string& username, const std::string& password, const std::string& totp_code,
                    const std::string& remote_address);
  // The live session for a cookie token and its (enabled) account; refreshes the idle
  // timer. nullopt for unknown, expired, idle or disabled — the row is then removed.
  std::optional<std::pair<domain::Account, Session>> session(const std::string& token);
  void end_session(const std::string& token);
  int end_sessions_of(std::int64_t account_id);

  // Throttle state without attempting a login: the unix time before which an attempt for
  // this user name from this address is refused unevaluated, or nullopt.
  std::optional<std::int64_t> delayed_until(const std::string& username, const std::string& remote_address);

  const LoginPolicy& policy() const { return policy_; }

 private:
  Database& db_;
  Clock clock_;
  LoginPolicy policy_;
  std::optional<PersonalDataKey> totp_sealing_;
};

// "15:42" in China time (UTC+8) for a unix time.
std::string china_clock_time(std::int64_t unix_seconds);

}  // namespace zwgk::store
