// The outbox table: see outbox_repository.hpp for the states and invariants.
#include "store/outbox_repository.hpp"

#include "store/node_lock.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>

#include "domain/email_address.hpp"
#include "store/database_impl.hpp"
#include "store/secrets.hpp"

namespace zwgk::store {

namespace {

// "YYYY-MM-DDTHH:MM:SSZ": the only form compared as text.
std::string checked_time(std::string_view t, const char* what) {
  auto digit = [&](std::size_t i) { return t[i] >= '0' && t[i] <= '9'; };
  bool ok = t.size() == 20 && t[4] == '-' && t[7] == '-' && t[10] == 'T' && t[13] == ':' && t[16] == ':' && t[19] == 'Z';
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) ok = ok && digit(i);
  if (!ok) throw StoreError(std::string("发件箱时间格式应为 YYYY-MM-DDTHH:MM:SSZ（") + what + "）: " + std::string(t));
  return std::string(t);
}

// The sender's calls commit on their own (header: "The sender's calls").
void require_no_batch(Database& db) {
  if (current_batch(db.impl())) throw StoreError("发件箱的发送操作不能在批处理事务中进行");
}

// Errors are stored and listed: one line, bounded.
std::string stored_error(std::string_view error) {
  std::string e = one_line(error);
  if (e.size() > 500) {
    e.resize(500);
    while (!e.empty() && (static_cast<unsigned char>(e.back()) & 0xC0) == 0x80) e.pop_back();  // mid-character
    if (!e.empty() && static_cast<unsigned char>(e.back()) >= 0xC0) e.pop_back();
    e += "…";
  }
  return e;
}

// Moves a claimed row on, if the claim is still this caller's (invariant 2).
bool finish_claim(Database& db, const ClaimedMail& mail, const std::string& state, const std::string& error,
                  const NullableText& next_attempt, const NullableText& sent_at, const char* what) {
  require_no_batch(db);
  return guarded(what, [&] {
    Lease lease(db);
    Transaction tx(lease);
    long long id = mail.id;
    std::string st_value = state, err = error, token = mail.claim_token, sending = kOutboxSending;
    std::string next = next_attempt.value;
    soci::indicator next_ind = next_attempt.ind;
    std::string sent = sent_at.value;
    soci::indicator sent_ind = sent_at.ind;
    soci::statement st = (lease.sql().prepare << "UPDATE outbox SET state = :s, last_error = :e, "
                                                 "next_attempt_at = COALESCE(:n, next_attempt_at), sent_at = :t, "
                                                 "claim_token = '' "
                                                 "WHERE id = :id AND state = :sending AND claim_token = :tok",
                          soci::use(st_value, "s"), soci::use(err, "e"), soci::use(next, next_ind, "n"),
                          soci::use(sent, sent_ind, "t"), soci::use(id, "id"), soci::use(sending, "sending"),
                          soci::use(token, "tok"));
    st.execute(true);
    const bool moved = st.get_affected_rows() > 0;
    tx.commit();
    return moved;
  });
}

}  // namespace

std::string outbox_time(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

OutboxRepository::OutboxRepository(Database& db, const PersonalDataKey& key) : db_(db), key_(key) {}

std::int64_t OutboxRepository::enqueue(const OutboundMail& mail, std::string_view now_iso) {
  if (!domain::is_valid_email_address(mail.to)) return 0;
  if (mail.kind.empty()) throw StoreError("发件箱邮件缺少类别（kind）");
  std::string now = checked_time(now_iso, "enqueue");
  return guarded("写入发件箱失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    NullableId site(mail.site_id);
    std::string kind = mail.kind, object_type = mail.object_type, object_id = mail.object_id;
    std::string recipient = key_.seal(mail.to), hint = domain::masked_email_address(mail.to);
    std::string subject = key_.seal(mail.subject), body = key_.seal(mail.body);
    std::string token = random_token_hex(12), state = kOutboxPending, next = now;
    long long id = 0;
    lease.sql() << "INSERT INTO outbox (site_id, kind, object_type, object_id, recipient_sealed, recipient_hint, "
                   "subject_sealed, body_sealed, message_token, state, attempts, next_attempt_at, created_at) "
                   "VALUES (:site, :kind, :ot, :oi, :rs, :rh, :ss, :bs, :mt, :st, 0, :na, :ca) RETURNING id",
        soci::use(site.value, site.ind, "site"), soci::use(kind, "kind"), soci::use(object_type, "ot"),
        soci::use(object_id, "oi"), soci::use(recipient, "rs"), soci::use(hint, "rh"), soci::use(subject, "ss"),
        soci::use(body, "bs"), soci::use(token, "mt"), soci::use(state, "st"), soci::use(next, "na"),
        soci::use(now, "ca"), soci::into(id);
    tx.commit();
    return static_cast<std::int64_t>(id);
  });
}

std::optional<ClaimedMail> OutboxRepository::claim_next(std::string_view now_iso, std::string_view lease_cutoff_iso) {
  require_no_batch(db_);
  const std::string now = checked_time(now_iso, "claim");
  const std::string cutoff = checked_time(lease_cutoff_iso, "lease");
  // Each round claims one row or finds none due; a round loses only when another sender
  // claimed the same row in between (then the next due row is tried), or when a row does
  // not open (marked failed). Bounded so that a storm of those cannot spin forever.
  for (int round = 0; round < 100; ++round) {
    auto claimed = guarded("领取待发邮件失败", [&]() -> std::optional<std::optional<ClaimedMail>> {
      Lease lease(db_);
      Transaction tx(lease);
      std::string pending = kOutboxPending, sending = kOutboxSending;
      std::string now1 = now, cutoff1 = cutoff;
      long long id = 0;
      soci::indicator id_ind = soci::i_null;
      lease.sql() << "SELECT id FROM outbox WHERE (state = :p AND next_attempt_at <= :n) "
                     "OR (state = :s AND claimed_at <= :c) ORDER BY next_attempt_at, id LIMIT 1",
          soci::use(pending, "p"), soci::use(now1, "n"), soci::use(sending, "s"), soci::use(cutoff1, "c"),
          soci::into(id, id_ind);
      if (id_ind == soci::i_null || !lease.sql().got_data()) {
        tx.commit();
        return std::optional<ClaimedMail>{};  // nothing due
      }
      std::string token = random_token_hex(16);
      std::string pending2 = kOutboxPending, sending2 = kOutboxSending, sending3 = kOutboxSending;
      std::string now2 = now, now3 = now, cutoff2 = cutoff;
      soci::statement up = (lease.sql().prepare << "UPDATE outbox SET state = :s1, claim_token = :tok, claimed_at = :n1, "
                                                   "attempts = attempts + 1 WHERE id = :id AND "
                                                   "((state = :p AND next_attempt_at <= :n2) OR (state = :s2 AND claimed_at <= :c))",
                            soci::use(sending2, "s1"), soci::use(token, "tok"), soci::use(now2, "n1"), soci::use(id, "id"),
                            soci::use(pending2, "p"), soci::use(now3, "n2"), soci::use(sending3, "s2"),
                            soci::use(cutoff2, "c"));
      up.execute(true);
      if (up.get_affected_rows() == 0) {
        tx.commit();
        return std::nullopt;  // another sender took it: next round
      }
      ClaimedMail m;
      m.id = id;
      m.claim_token = token;
      long long site = 0;
      soci::indicator site_ind = soci::i_null;
      std::string recipient, subject, body;
      int attempts = 0;
      lease.sql() << "SELECT site_id, kind, object_type, object_id, recipient_sealed, subject_sealed, body_sealed, "
                     "message_token, attempts FROM outbox WHERE id = :id",
          soci::use(id, "id"), soci::into(site, site_ind), soci::into(m.kind), soci::into(m.object_type),
          soci::into(m.object_id), soci::into(recipient), soci::into(subject), soci::into(body),
          soci::into(m.message_token), soci::into(attempts);
      m.site_id = id_from(site, site_ind);
      m.attempts = attempts;
      auto to = key_.open(recipient);
      auto subj = key_.open(subject);
      auto text = key_.open(body);
      if (!to || !subj || !text) {
        std::string failed = kOutboxFailed, sending4 = kOutboxSending;
        std::string why = "收件人或内容无法解封（安装密钥已更换？）";
        lease.sql() << "UPDATE outbox SET state = :f, last_error = :e, claim_token = '' WHERE id = :id AND state = :s",
            soci::use(failed, "f"), soci::use(why, "e"), soci::use(id, "id"), soci::use(sending4, "s");
        tx.commit();
        spdlog::error("outbox id={} kind={} object={} error=sealed fields do not open with this key", m.id, m.kind,
                      m.object_id);
        return std::nullopt;
      }
      m.to = std::move(*to);
      m.subject = std::move(*subj);
      m.body = std::move(*text);
      tx.commit();
      return std::optional<ClaimedMail>{std::move(m)};
    });
    if (claimed) return std::move(*claimed);
  }
  return std::nullopt;
}

bool OutboxRepository::mark_sent(const ClaimedMail& mail, std::string_view now_iso) {
  const std::string now = checked_time(now_iso, "sent");
  return finish_claim(db_, mail, kOutboxSent, "", NullableText(), NullableText(std::optional<std::string>(now)),
                      "记录邮件已发送失败");
}

bool OutboxRepository::retry_later(const ClaimedMail& mail, std::string_view error, std::string_view next_attempt_iso) {
  const std::string next = checked_time(next_attempt_iso, "next attempt");
  return finish_claim(db_, mail, kOutboxPending, stored_error(error), NullableText(std::optional<std::string>(next)),
                      NullableText(), "记录邮件稍后重发失败");
}

bool OutboxRepository::mark_failed(const ClaimedMail& mail, std::string_view error) {
  return finish_claim(db_, mail, kOutboxFailed, stored_error(error), NullableText(), NullableText(), "记录邮件发送失败失败");
}

std::vector<OutboxEntry> OutboxRepository::list(const OutboxQuery& q) {
  return guarded("读取发件箱失败", [&] {
    Lease lease(db_);
    Binds binds;
    std::string sql =
        "SELECT id, site_id, kind, object_type, object_id, recipient_hint, state, attempts, last_error, created_at, "
        "next_attempt_at, sent_at FROM outbox WHERE 1 = 1";
    if (q.site_id) sql += " AND site_id = " + binds.add(static_cast<long long>(*q.site_id));
    if (!q.state.empty()) sql += " AND state = " + binds.add(q.state);
    sql += " ORDER BY id DESC LIMIT " + binds.add(static_cast<long long>(std::clamp(q.limit, 1, 10000)));
    soci::statement st(lease.sql());
    OutboxEntry e;
    long long id = 0, site = 0;
    soci::indicator site_ind = soci::i_null, sent_ind = soci::i_null;
    int attempts = 0;
    st.exchange(soci::into(id));
    st.exchange(soci::into(site, site_ind));
    st.exchange(soci::into(e.kind));
    st.exchange(soci::into(e.object_type));
    st.exchange(soci::into(e.object_id));
    st.exchange(soci::into(e.recipient_hint));
    st.exchange(soci::into(e.state));
    st.exchange(soci::into(attempts));
    st.exchange(soci::into(e.last_error));
    st.exchange(soci::into(e.created_at));
    st.exchange(soci::into(e.next_attempt_at));
    st.exchange(soci::into(e.sent_at, sent_ind));
    binds.apply(st);
    prepare_and_execute(st, sql);
    std::vector<OutboxEntry> out;
    while (st.fetch()) {
      OutboxEntry row = e;
      row.id = id;
      row.site_id = id_from(site, site_ind);
      row.attempts = attempts;
      if (sent_ind == soci::i_null) row.sent_at.clear();
      out.push_back(std::move(row));
    }
    return out;
  });
}

OutboxCounts OutboxRepository::counts(std::optional<std::int64_t> site_id) {
  return guarded("统计发件箱失败", [&] {
    Lease lease(db_);
    Binds binds;
    std::string sql = "SELECT state, count(*) FROM outbox";
    if (site_id) sql += " WHERE site_id = " + binds.add(static_cast<long long>(*site_id));
    sql += " GROUP BY state";
    soci::statement st(lease.sql());
    std::string state;
    long long n = 0;
    st.exchange(soci::into(state));
    st.exchange(soci::into(n));
    binds.apply(st);
    prepare_and_execute(st, sql);
    OutboxCounts c;
    while (st.fetch()) {
      if (state == kOutboxPending) c.pending = n;
      else if (state == kOutboxSending) c.sending = n;
      else if (state == kOutboxSent) c.sent = n;
      else if (state == kOutboxFailed) c.failed = n;
    }
    return c;
  });
}

int OutboxRepository::requeue_failed(std::optional<std::int64_t> id, std::string_view now_iso) {
  std::string now = checked_time(now_iso, "requeue");
  return guarded("重新排队失败的邮件失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    Binds binds;
    std::string sql = "UPDATE outbox SET state = " + binds.add(std::string(kOutboxPending)) +
                      ", attempts = 0, next_attempt_at = " + binds.add(now) + " WHERE state = " +
                      binds.add(std::string(kOutboxFailed));
    if (id) sql += " AND id = " + binds.add(static_cast<long long>(*id));
    soci::statement st(lease.sql());
    binds.apply(st);
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute(true);
    const int n = static_cast<int>(st.get_affected_rows());
    tx.commit();
    return n;
  });
}

// ---- the sending lock: a NodeLock (node_lock.hpp) on kOutboxLockKey ----

struct OutboxSendLock::Impl {
  std::unique_ptr<NodeLock> lock;
};

std::unique_ptr<OutboxSendLock> OutboxSendLock::try_acquire(Database& db) {
  auto lock = NodeLock::try_acquire(db, kOutboxLockKey, "发件箱");
  if (!lock) return nullptr;
  return std::unique_ptr<OutboxSendLock>(new OutboxSendLock(std::make_unique<Impl>(Impl{std::move(lock)})));
}

OutboxSendLock::OutboxSendLock(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

OutboxSendLock::~OutboxSendLock() = default;

}  // namespace zwgk::store
