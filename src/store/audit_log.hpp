#pragma once
// 审计日志: an append-only log of every action (who, when, from which address, what, what
// changed), each entry chained to the previous one by SHA-256 so that an altered or removed
// row is found by verify() (and by `zwgk audit verify`).
//
// For other modules (accounts: logins, password changes, user changes; management pages):
//
//   store::AuditLog(db).append({
//       .actor = {account.id, account.username, request.remote_address},
//       .action = "login",                  // short ASCII verb: login, login_failed, user_add ...
//       .object_type = "account",           // what was acted on: document, account, site ...
//       .object_id = std::to_string(account.id),
//       .changes = {{"role", {{"from", "editor"}, {"to", "publisher"}}}},  // any JSON; no secrets,
//       .site_id = account.site_id,         // no passwords, no full ID numbers
//   });                                     // the site whose auditors may read it (0 = none)
//
// append() commits its own transaction. The workflow (workflow_repository.hpp) writes its
// entries inside the transaction of the change itself.
//
// Chain: hash = SHA-256(prev_hash || canonical), both lowercase hex, where canonical is the
// compact JSON array [id, at, actor_id, actor_username, address, action, object_type,
// object_id, changes] (changes as the stored JSON text), followed by site_id when it is not
// 0 (migration 0008; entries written before it have site 0 and keep their hashes, and
// changing any entry's site breaks its link). The first entry's prev_hash is 64 zeros. audit_head keeps the last id and hash, so removing the newest entries shows too.
// Appends are serialised by the row lock on audit_head (one writer at a time).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace zwgk::store {

// Who did it. The system (scheduled publishing) is {0, "system", ""}.
struct Actor {
  std::int64_t account_id = 0;
  std::string username;
  std::string address;  // client IP address; "" for the command line
};

struct AuditEntryInput {
  Actor actor;
  std::string action;
  std::string object_type;
  std::string object_id;
  nlohmann::json changes = nlohmann::json::object();
  std::int64_t site_id = 0;  // the site the entry belongs to; 0 = no site (only `zwgk audit` shows it)
};

struct AuditEntry {
  std::int64_t id = 0;  // sequence number, 1, 2, ...
  std::string at;       // ISO UTC
  Actor actor;
  std::string action, object_type, object_id;
  std::string changes;  // JSON text
  std::string prev_hash, hash;
  std::int64_t site_id = 0;
};

// The first broken link.
struct AuditBreak {
  std::int64_t entry_id = 0;  // the first entry that does not verify (or is missing)
  std::string problem;        // Chinese: 记录内容被修改 / 记录缺失 / ...
};

class AuditLog {
 public:
  explicit AuditLog(Database& db) : db_(db) {}

  AuditEntry append(const AuditEntryInput& entry);
  // nullopt when every link holds.
  std::optional<AuditBreak> verify();
  // Entries about one object, oldest first ("" object_type = every entry), at most limit.
  std::vector<AuditEntry> entries(const std::string& object_type = "", const std::string& object_id = "",
                                  int limit = 1000);
  std::int64_t count();
  // Every entry, newest first, skipping `offset`.
  std::vector<AuditEntry> newest(std::int64_t offset, int limit);
  // One site's entries (the console's paged viewer: a user sees only their own site's).
  std::int64_t count_for_site(std::int64_t site_id);
  std::vector<AuditEntry> newest_for_site(std::int64_t site_id, std::int64_t offset, int limit);

 private:
  Database& db_;
};

}  // namespace zwgk::store
