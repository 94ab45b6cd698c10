#pragma once
// Sends what the outbox holds (store/outbox_repository.hpp) over SMTP (mail/), inside
// `zwgk serve` when [smtp] is configured and once from `zwgk outbox send`
// (docs/adr/0022-outbox-and-smtp.md, docs/operations.md "E-mail").
//
// One pass (run_once):
//   1. takes the sending lock (store::OutboxSendLock: pg_try_advisory_lock on PostgreSQL,
//      held on one connection for the pass); another node holding it -> the pass does
//      nothing (locked_out);
//   2. claims due rows one at a time (each claim committed before the SMTP exchange), up to
//      `batch_limit`;
//   3. builds the message (mail::build_message, Message-ID "outbox.<id>.<token>@<from
//      domain>", the same on every attempt) and sends it (mail::send_message);
//   4. 250 -> sent. A failure -> pending again after outbox_retry_delay(attempts)
//      (1, 2, 4 ... minutes, at most 6 hours), or failed once `max_attempts` attempts have
//      been made; a message that cannot be built -> failed at once. When the server
//      itself is unavailable (no connection, TLS, login) the pass stops after that row:
//      the others would fail the same way and keep their attempts.
// Log lines carry the outbox id, kind, object id, attempt and error: never the recipient,
// the subject or the body.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "domain/clock.hpp"
#include "mail/smtp_sender.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::store {
class Database;
}

namespace zwgk::app {

struct Config;
struct SmtpConfig;

struct OutboxSenderSettings {
  mail::SmtpSettings smtp;
  std::string from_address;  // envelope and From:
  std::string from_name;     // From: display name (UTF-8)
  int max_attempts = 12;     // then failed (12 attempts span about 20 hours)
  std::int64_t lease_seconds = 600;  // a claim older than this is presumed dead and taken again
  int batch_limit = 20;              // rows per pass
};

// The settings `zwgk serve` and `zwgk outbox send` use: [smtp] from the configuration,
// checked (a host needs a from address; the security mode; the port defaults by mode).
// Throws CommandError (exit 2) with the reason in Chinese.
OutboxSenderSettings outbox_sender_settings(const SmtpConfig& smtp);

// Seconds to wait after the `attempts`-th failed attempt: 60 * 2^(attempts-1), at most 6 h.
std::int64_t outbox_retry_delay(int attempts);

struct OutboxPass {
  bool locked_out = false;  // another node was sending
  int sent = 0;
  int retried = 0;          // back to pending, with a later next attempt
  int failed = 0;           // given up (max_attempts, or a message that cannot be built)
  bool server_unavailable = false;  // the pass stopped early
  int handled() const { return sent + retried + failed; }
};

class OutboxSender {
 public:
  // `key`: the installation's PersonalDataKey (derive_from(secret)), the one enqueue used.
  OutboxSender(store::Database& db, const store::PersonalDataKey& key, OutboxSenderSettings settings);

  // One pass at `now_unix` (seconds since the epoch: every time it writes is this one).
  OutboxPass run_once(std::int64_t now_unix);

  const OutboxSenderSettings& settings() const { return settings_; }

 private:
  store::Database& db_;
  store::PersonalDataKey key_;
  OutboxSenderSettings settings_;
};

// The background thread of `zwgk serve`: a pass every `interval`, and at once again while
// a pass found a full batch. A failing pass (database unavailable) is logged and retried
// at the next interval. Destroying it finishes the current message and stops.
class OutboxSenderJob {
 public:
  OutboxSenderJob(OutboxSender& sender, domain::UnixClock clock, std::chrono::milliseconds interval);
  ~OutboxSenderJob();
  OutboxSenderJob(const OutboxSenderJob&) = delete;
  OutboxSenderJob& operator=(const OutboxSenderJob&) = delete;

 private:
  void run();

  OutboxSender& sender_;
  domain::UnixClock clock_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;  // last: starts after the members it uses
};

}  // namespace zwgk::app
