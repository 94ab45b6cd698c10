// LetterService::enqueue: one notice, composed (letter_notices.hpp) and written to the
// outbox (store/outbox_repository.hpp) in the transaction that is open on this thread: the
// change and its mail commit together, or neither.
#include "modules/zmhd/service/letter_service.hpp"

#include "modules/zmhd/domain/letter_notices.hpp"
#include "store/outbox_repository.hpp"
#include "store/site_repository.hpp"

namespace zwgk::modules::zmhd {

bool LetterService::enqueue(const store::StoredLetter& s, domain::LetterNoticeKind kind, const std::string& to,
                            const std::string& once_key, const std::string& note) {
  if (to.empty()) return false;
  // A reminder is written once per letter, kind and round, on whichever node gets there first.
  if (!once_key.empty() && !store::LetterRepository(db_, key_).mark_reminder(s.id, once_key, today_)) return false;
  const auto settings = store::MailboxRepository(db_).settings(s.site_id);
  domain::LetterNoticeContext ctx;
  std::string prefix;
  if (auto site = store::SiteRepository(db_).by_id(s.site_id)) {
    ctx.site_name = site->name;
    prefix = site->path_prefix;
  }
  if (s.mailbox_id)
    if (auto m = store::MailboxRepository(db_).mailbox_by_id(*s.mailbox_id)) ctx.mailbox_name = m->name;
  if (!links_.public_base.empty()) ctx.status_url = links_.public_base + prefix + "/zmhd/status/?number=" + s.letter.number;
  if (!links_.console_base.empty()) ctx.console_url = links_.console_base + "/console/letters/" + s.letter.number + "/";
  ctx.due_on = domain::letter_due_on(s.letter, calendar_, settings.deadlines);
  ctx.rating_due_on = domain::rating_due_on(s.letter, calendar_, settings.deadlines);
  if (s.letter.rejection) {
    ctx.rejection_notice = domain::rejection_notice(*s.letter.rejection);
    if (*s.letter.rejection == domain::RejectionReason::Petition && !settings.petition_channel.empty())
      ctx.rejection_notice += "\n" + settings.petition_channel;
  }
  ctx.note = note;
  const auto text = domain::letter_notice(kind, s.letter, s.title, ctx);
  const auto id = store::OutboxRepository(db_, key_).enqueue(
      {s.site_id, domain::to_code(kind), "letter", s.letter.number, to, text.subject, text.body},
      store::outbox_time(clock_()));
  return id != 0;
}

}  // namespace zwgk::modules::zmhd
