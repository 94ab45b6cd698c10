#pragma once
// 审计日志: an append-only log of every action (who, when, from which address, what, what
// changed), each entry chained to the previous one so that an altered or removed row is
// found by verify() (and by `zwgk audit verify`).
//
// For other modules (accounts: logins, password changes, user changes; management pages):
//
//   store::AuditedChange change(db);        // one transaction for the change and its entry
//   repo.update_something(...);             // repository calls on this thread join it
//   change.commit({
//       .actor = {account.id, account.username, request.remote_address},
//       .action = "user.update",            // short ASCII verb: login, user.create ...
//       .object_type = "account",           // what was acted on: document, account, site ...
//       .object_id = std::to_string(account.id),
//       .changes = {{"role", {{"from", "editor"}, {"to", "publisher"}}}},  // any JSON; no secrets,
//       .site_id = account.site_id,         // no passwords, no full ID numbers
//   });                                     // the site whose auditors may read it (0 = none)
//
// A failing audit write throws and rolls the change back: there is no unaudited change.
// AuditLog::append() alone commits its own transaction, or joins the store::Batch open on
// this thread (AuditedChange is one). The workflow (workflow_repository.hpp) writes its
// entries inside the transaction of the change itself (append_audit in audit_rows.hpp).
//
// Chain (ADR 0017). canonical is the compact JSON array [id, at, actor_id, actor_username,
// address, action, object_type, object_id, changes] (changes as the stored JSON text),
// followed by site_id when it is not 0 (migration 0008). The first entry's prev_hash is 64
// zeros. Two link kinds, told apart by chain_version (migration 0012):
//   1  hash = SHA-256(prev_hash || canonical)             entries written without the key
//   2  hash = HMAC-SHA-256(audit key, prev_hash || canonical)
// The audit key is derived from the installation secret (a file or config value, never in
// the database) with crypto_kdf, context "zwgkaudt"; AuditLog::use_key() registers it for
// a Database (the command line does so for every database it opens). Invariants checked
// by verify() when the key is known:
//   1. ids run 1, 2, 3 ... without gaps; each prev_hash is the previous entry's hash;
//   2. each hash matches its kind; no version 1 entry follows a version 2 entry, so a
//      chain recomputed with plain SHA-256 by someone without the key is found;
//   3. audit_head (seq, last_hash) names the last entry and head_mac = HMAC(key,
//      "head:" seq ":" last_hash), so cutting the newest entries and fixing audit_head to
//      match is found;
//   4. with an anchor (id, hash) the operator kept outside (`zwgk audit head`), entry id
//      still exists with that hash: nothing up to it was changed or removed, even by
//      someone who had the key.
// A log with no keyed entry at all (written before migration 0012, or cut back to that by
// someone without the key) cannot prove its own tail: only an anchor can (4.). use_key()
// therefore writes a keyed entry at once. Appends are serialised by the row lock on
// audit_head.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/actor.hpp"
#include "store/database.hpp"

namespace zwgk::store {

// Who did it: store::Actor (store/actor.hpp).

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
  int chain_version = 1;  // 1 = SHA-256, 2 = HMAC under the audit key
};

// The newest entry: what an operator writes down to anchor the chain outside the database.
struct AuditHead {
  std::int64_t id = 0;  // 0 = empty log
  std::string hash;     // lowercase hex
  std::string text() const { return std::to_string(id) + ":" + hash; }
};
// "id:hash" or a bare 64-digit hash; nullopt if malformed.
std::optional<AuditHead> parse_audit_head(const std::string& text);

// The key that links the chain (32 bytes), derived from the installation secret.
class AuditKey {
 public:
  // crypto_kdf subkey 2, context "zwgkaudt" (the personal-data key is "zwgkpers").
  static AuditKey derive_from(std::string_view master_secret);
  // HMAC-SHA-256 of data, lowercase hex.
  std::string mac_hex(std::string_view data) const;

 private:
  std::string key_;
};

// The first broken link.
struct AuditBreak {
  std::int64_t entry_id = 0;  // the first entry that does not verify (or is missing)
  std::string problem;        // Chinese: 记录内容被修改 / 记录缺失 / ...
};

class AuditLog {
 public:
  explicit AuditLog(Database& db) : db_(db) {}

  // Registers `key` for every append and verify on `db` for the lifetime of db. With
  // `seal`, a log with no keyed entry yet gets one ("audit.chain_keyed"), which also writes
  // head_mac: from then on the tail is protected. Throws StoreError when it cannot.
  static void use_key(Database& db, const AuditKey& key, bool seal = true);
  // True when use_key() was called for this database.
  bool keyed() const;

  AuditEntry append(const AuditEntryInput& entry);
  // nullopt when every link holds; with `anchor`, also that the anchored entry is intact.
  std::optional<AuditBreak> verify(const std::optional<AuditHead>& anchor = std::nullopt);
  // The newest entry ({0, 64 zeros} for an empty log).
  AuditHead head();
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

// One change and its audit entry in one transaction (a store::Batch: repository calls on
// this thread join it). Destroyed without commit(): everything is rolled back.
class AuditedChange {
 public:
  explicit AuditedChange(Database& db);
  ~AuditedChange();
  AuditedChange(const AuditedChange&) = delete;
  AuditedChange& operator=(const AuditedChange&) = delete;
  // Appends the entry and commits both; throws (and rolls back) when either fails.
  AuditEntry commit(const AuditEntryInput& entry);

 private:
  Database& db_;
  std::unique_ptr<Batch> batch_;
};

}  // namespace zwgk::store
