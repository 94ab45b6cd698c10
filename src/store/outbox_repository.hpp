#pragma once
// The outbox: e-mail notices waiting to be sent, sent, or given up on (table `outbox`,
// migrations/*/0014_outbox.sql; docs/adr/0022-outbox-and-smtp.md).
//
// Writing. A use case enqueues its notice inside its own transaction:
//
//   store::UnitOfWork unit(db);
//   ... the change ...
//   store::OutboxRepository(db, key).enqueue({site, "zmhd.letter_received", "letter", number,
//                                             writer_email, subject, body}, now_iso);
//   unit.commit();     // the change and its mail, or neither
//
// enqueue() joins the store::Batch / store::UnitOfWork open on this thread (like every
// repository write), so a rolled-back change leaves no mail. Mail to an address that is
// empty or not an address (domain::is_valid_email_address) is not enqueued: enqueue()
// returns 0 and writes nothing; the caller need not check first.
//
// Sealing. The recipient address, the subject and the body are personal data (names, case
// numbers, query codes): they are stored sealed with the PersonalDataKey the caller passes
// (the installation's key for personal data, PersonalDataKey::derive_from(secret)); staff
// lists show recipient_hint ("z***@example.com"). Nothing here logs an address or a body.
//
// Sending (app/outbox_sender.hpp). Each row moves
//   pending --claim_next--> sending --mark_sent--> sent
//                                   --retry_later--> pending (next_attempt_at later)
//                                   --mark_failed--> failed --requeue_failed--> pending
// Invariants:
//   1. A row is claimed in its own committed transaction before any SMTP exchange, with a
//      fresh claim_token and attempts + 1; so an attempt that crashes still counts.
//   2. Only the holder of the current claim_token moves a 'sending' row on (mark_sent,
//      retry_later, mark_failed return false otherwise: the claim expired and another
//      sender took it).
//   3. A 'sending' row is claimed again only when its claim is older than the lease
//      (claimed_at <= lease_cutoff): the sender that held it is presumed dead. This is the
//      one way a message can go out twice (a node dying between the server's 250 and
//      mark_sent).
//   4. Claims are conditional UPDATEs re-checked under the row lock, so two senders never
//      hold the same row, on SQLite (one writer) and PostgreSQL (READ COMMITTED re-checks
//      the WHERE clause after waiting for the other writer) alike.
// The sender's calls (claim_next, mark_*, retry_later) commit on their own: calling them
// while a Batch is open on this thread is a StoreError.
//
// Times are UTC text "YYYY-MM-DDTHH:MM:SSZ" (outbox_time()); anything else is a StoreError.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/personal_data_key.hpp"

namespace zwgk::store {

class Database;

struct OutboundMail {
  std::optional<std::int64_t> site_id;
  std::string kind;         // "zmhd.letter_received", "ysqgk.correction_notice" ...
  std::string object_type;  // "letter", "disclosure_request"
  std::string object_id;    // the case number
  std::string to;           // e-mail address (sealed in the row)
  std::string subject;      // UTF-8
  std::string body;         // UTF-8 plain text
};

// Row states, as stored.
inline constexpr const char* kOutboxPending = "pending";
inline constexpr const char* kOutboxSending = "sending";
inline constexpr const char* kOutboxSent = "sent";
inline constexpr const char* kOutboxFailed = "failed";

// A row as staff lists show it: no address, no subject, no body.
struct OutboxEntry {
  std::int64_t id = 0;
  std::optional<std::int64_t> site_id;
  std::string kind;
  std::string object_type;
  std::string object_id;
  std::string recipient_hint;  // "z***@example.com"
  std::string state;           // kOutbox*
  int attempts = 0;
  std::string last_error;      // one line, from the SMTP exchange
  std::string created_at;
  std::string next_attempt_at;
  std::string sent_at;         // "" until sent
};

struct OutboxCounts {
  std::int64_t pending = 0;
  std::int64_t sending = 0;
  std::int64_t sent = 0;
  std::int64_t failed = 0;
};

// A claimed row, opened for sending.
struct ClaimedMail {
  std::int64_t id = 0;
  std::optional<std::int64_t> site_id;
  std::string kind;
  std::string object_type;
  std::string object_id;
  std::string to;
  std::string subject;
  std::string body;
  std::string message_token;  // stable per row: the sender makes the Message-ID from it
  int attempts = 0;           // including this one
  std::string claim_token;
};

struct OutboxQuery {
  std::optional<std::int64_t> site_id;  // nullopt: every site
  std::string state;                    // "": every state
  int limit = 100;
};

// Unix seconds -> "YYYY-MM-DDTHH:MM:SSZ".
std::string outbox_time(std::int64_t unix_seconds);

class OutboxRepository {
 public:
  OutboxRepository(Database& db, const PersonalDataKey& key);

  // Joins this thread's transaction. Returns the new row's id, or 0 (nothing written) when
  // `mail.to` is empty or not an e-mail address. Throws StoreError if `kind` is empty.
  std::int64_t enqueue(const OutboundMail& mail, std::string_view now_iso);

  // The sender's side (invariants above). The next due row — pending with
  // next_attempt_at <= now, or sending with claimed_at <= lease_cutoff — claimed for this
  // caller; nullopt when none is due. A row whose sealed fields do not open with this key
  // (the installation secret changed) is marked failed on the way and skipped.
  std::optional<ClaimedMail> claim_next(std::string_view now_iso, std::string_view lease_cutoff_iso);
  bool mark_sent(const ClaimedMail& mail, std::string_view now_iso);
  bool retry_later(const ClaimedMail& mail, std::string_view error, std::string_view next_attempt_iso);
  bool mark_failed(const ClaimedMail& mail, std::string_view error);

  // The operator's side. Newest first.
  std::vector<OutboxEntry> list(const OutboxQuery& query = {});
  OutboxCounts counts(std::optional<std::int64_t> site_id = std::nullopt);
  // Failed rows (all, or the one with `id`) back to pending with attempts 0, due at `now`.
  // Returns how many.
  int requeue_failed(std::optional<std::int64_t> id, std::string_view now_iso);

 private:
  Database& db_;
  const PersonalDataKey& key_;
};

// One sending pass's hold on the outbox across nodes. PostgreSQL: pg_try_advisory_lock
// (kOutboxLockKey) on one connection kept for the pass, released on destruction (or with
// the connection if the node dies). SQLite: one node by construction; always acquired.
class OutboxSendLock {
 public:
  static constexpr long long kOutboxLockKey = 0x7a776f62;  // "zwob"; migrations use 0x7a77676b
  // nullptr if another node holds it.
  static std::unique_ptr<OutboxSendLock> try_acquire(Database& db);
  ~OutboxSendLock();
  OutboxSendLock(const OutboxSendLock&) = delete;
  OutboxSendLock& operator=(const OutboxSendLock&) = delete;

  struct Impl;

 private:
  explicit OutboxSendLock(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace zwgk::store
