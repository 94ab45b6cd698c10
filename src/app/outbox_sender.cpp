// See outbox_sender.hpp.
#include "app/outbox_sender.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "app/cli.hpp"
#include "app/config.hpp"
#include "domain/email_address.hpp"
#include "mail/mail_message.hpp"
#include "store/database.hpp"
#include "store/outbox_repository.hpp"

namespace zwgk::app {

namespace {

constexpr std::int64_t kFirstRetrySeconds = 60;
constexpr std::int64_t kMaxRetrySeconds = 6 * 3600;

}  // namespace

OutboxSenderSettings outbox_sender_settings(const SmtpConfig& c) {
  OutboxSenderSettings s;
  if (c.host.empty()) throw CommandError{kExitUsage, "未配置发信服务器（zwgk.toml 的 [smtp] host 或 ZWGK_SMTP_HOST）"};
  if (!mail::parse_smtp_security(c.security, s.smtp.security))
    throw CommandError{kExitUsage, "[smtp] security 应为 none、starttls 或 tls: " + c.security};
  if (!domain::is_valid_email_address(c.from))
    throw CommandError{kExitUsage, "[smtp] from 应为发信地址，例如 notices@example.gov.cn（ZWGK_SMTP_FROM）"};
  if (c.from_name.find_first_of("\r\n") != std::string::npos)
    throw CommandError{kExitUsage, "[smtp] from_name 不能包含换行"};
  s.smtp.host = c.host;
  s.smtp.port = c.port != 0 ? c.port
                : s.smtp.security == mail::SmtpSecurity::Tls      ? 465
                : s.smtp.security == mail::SmtpSecurity::StartTls ? 587
                                                                  : 25;
  s.smtp.user = c.user;
  s.smtp.password = c.password;
  s.smtp.timeout_seconds = c.timeout_seconds;
  s.from_address = c.from;
  s.from_name = c.from_name;
  return s;
}

std::int64_t outbox_retry_delay(int attempts) {
  std::int64_t d = kFirstRetrySeconds;
  for (int i = 1; i < attempts && d < kMaxRetrySeconds; ++i) d *= 2;
  return std::min(d, kMaxRetrySeconds);
}

OutboxSender::OutboxSender(store::Database& db, const store::PersonalDataKey& key, OutboxSenderSettings settings)
    : db_(db), key_(key), settings_(std::move(settings)) {}

OutboxPass OutboxSender::run_once(std::int64_t now) {
  OutboxPass pass;
  const auto lock = store::OutboxSendLock::try_acquire(db_);
  if (!lock) {
    pass.locked_out = true;
    return pass;
  }
  store::OutboxRepository outbox(db_, key_);
  const std::string now_iso = store::outbox_time(now);
  const std::string lease_cutoff = store::outbox_time(now - settings_.lease_seconds);
  const std::string domain = settings_.from_address.substr(settings_.from_address.rfind('@') + 1);
  for (int i = 0; i < settings_.batch_limit; ++i) {
    const auto m = outbox.claim_next(now_iso, lease_cutoff);
    if (!m) break;
    std::string bytes;
    try {
      mail::MailMessage message;
      message.from_address = settings_.from_address;
      message.from_name = settings_.from_name;
      message.to_address = m->to;
      message.subject = m->subject;
      message.body = m->body;
      message.date_unix = now;
      message.message_id = "outbox." + std::to_string(m->id) + "." + m->message_token + "@" + domain;
      bytes = mail::build_message(message);
    } catch (const mail::MailError& e) {
      // The same input fails the same way on every attempt: give up now.
      outbox.mark_failed(*m, std::string("邮件无法生成: ") + e.what());
      ++pass.failed;
      spdlog::error("outbox failed id={} kind={} object={} attempt={} error=cannot build message: {}", m->id, m->kind,
                    m->object_id, m->attempts, e.what());
      continue;
    }
    const auto r = mail::send_message(settings_.smtp, settings_.from_address, m->to, bytes);
    if (r.ok) {
      if (!outbox.mark_sent(*m, now_iso))
        spdlog::warn("outbox id={} kind={} object={}: sent, but its claim had expired (another sender may send it too)",
                     m->id, m->kind, m->object_id);
      ++pass.sent;
      spdlog::info("outbox sent id={} kind={} object={} attempt={}", m->id, m->kind, m->object_id, m->attempts);
      continue;
    }
    if (m->attempts >= settings_.max_attempts) {
      outbox.mark_failed(*m, r.error);
      ++pass.failed;
      spdlog::error("outbox failed id={} kind={} object={} attempt={} error={}", m->id, m->kind, m->object_id,
                    m->attempts, r.error);
    } else {
      const std::string next = store::outbox_time(now + outbox_retry_delay(m->attempts));
      outbox.retry_later(*m, r.error, next);
      ++pass.retried;
      spdlog::warn("outbox retry id={} kind={} object={} attempt={} next={} error={}", m->id, m->kind, m->object_id,
                   m->attempts, next, r.error);
    }
    if (r.server_unavailable) {
      pass.server_unavailable = true;
      break;
    }
  }
  return pass;
}

OutboxSenderJob::OutboxSenderJob(OutboxSender& sender, domain::UnixClock clock, std::chrono::milliseconds interval)
    : sender_(sender), clock_(std::move(clock)), interval_(interval), thread_([this] { run(); }) {}

OutboxSenderJob::~OutboxSenderJob() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void OutboxSenderJob::run() {
  std::unique_lock lock(mutex_);
  auto wait = std::chrono::milliseconds(0);  // the first pass at start
  while (!cv_.wait_for(lock, wait, [this] { return stop_; })) {
    lock.unlock();
    wait = interval_;
    try {
      const auto pass = sender_.run_once(clock_());
      // A full batch: more may be due; go on at once (with a fresh clock).
      if (!pass.locked_out && !pass.server_unavailable && pass.handled() >= sender_.settings().batch_limit)
        wait = std::chrono::milliseconds(0);
    } catch (const std::exception& e) {
      spdlog::error("outbox pass error={}", e.what());
    }
    lock.lock();
  }
}

}  // namespace zwgk::app
