#pragma once
// 安全事件日志: what was refused — failed logins, CSRF refusals, 403s — beside the audit
// log (which records what was done). Flood-proof by construction: events are counted in
// memory per (minute, kind, account, place) and written at most once a minute as counters
// (an upsert adding to security_events.count), so a million refused requests from an
// anonymous client cost one row per minute and kind, not a million rows or writes.
// Rows older than `retention_days` are deleted on each flush. Every node counts its own
// events and adds them to the shared rows (counts are sums, exact up to a crash of a node,
// which loses at most its last minute).
//
// Never recorded: user names typed at the login form (they may be a password typed into
// the wrong field), passwords, addresses, raw paths. `place` is a route pattern.
//
//   store::SecurityLog security(db, clock);
//   security.record({"csrf_refused", account.id, "/console/users/{id}/role"});
//   security.flush();  // also on destruction and when a minute has passed
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "store/account_repository.hpp"  // Clock

namespace zwgk::store {

class Database;

struct SecurityEvent {
  std::string kind;            // login_failed | login_throttled | csrf_refused | forbidden | session_missing ...
  std::int64_t account_id = 0;  // the signed-in (or named, existing) account; 0 = unknown
  std::string place;           // route pattern
};

struct SecurityCount {
  std::string minute;  // "2026-12-01T08:30Z"
  std::string kind;
  std::int64_t account_id = 0;
  std::string place;
  std::int64_t count = 0;
};

struct SecurityLogLimits {
  std::int64_t flush_seconds = 60;  // the longest time counts wait in memory
  std::size_t max_pending = 10000;  // distinct keys held before the rest is counted under place "*"
  int retention_days = 90;
};

class SecurityLog {
 public:
  explicit SecurityLog(Database& db, Clock clock = system_clock(), SecurityLogLimits limits = {});
  ~SecurityLog();  // flushes
  SecurityLog(const SecurityLog&) = delete;
  SecurityLog& operator=(const SecurityLog&) = delete;

  // Counts the event; writes (flush) when flush_seconds have passed since the last write.
  // Never throws: a failing write is logged (kinds and counts only) and retried next time.
  void record(const SecurityEvent& event) noexcept;
  // Writes every pending count now.
  void flush() noexcept;
  // The stored counters, newest minute first.
  std::vector<SecurityCount> recent(int limit = 200);

 private:
  using Key = std::tuple<std::string, std::string, std::int64_t, std::string>;  // minute, kind, account, place
  bool write(const std::map<Key, std::int64_t>& counts);
  Database& db_;
  Clock clock_;
  SecurityLogLimits limits_;
  std::mutex mutex_;
  std::map<Key, std::int64_t> pending_;
  std::int64_t last_flush_ = 0;
};

}  // namespace zwgk::store
