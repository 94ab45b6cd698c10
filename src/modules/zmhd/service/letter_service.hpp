#pragma once
// 政民互动, the use cases: each public function is one, taking the caller (who), its input,
// and working on the clock and the calendar the service was made with. Each one, in one
// transaction (store::UnitOfWork): asks the permission registry (zmhd.* actions on the
// letter: its site and the department it is assigned to), validates, applies the domain
// rule (letter_submission.hpp, letter.hpp), writes the rows, writes the notices it causes to
// the outbox (letter_notices.hpp; the e-mail leaves after commit) and its audit entry
// (zmhd.<verb>, the letter number, no personal data). A refusal is the error family
// (domain/errors.hpp): Invalid, Forbidden, NotFound (also a letter of another site), Conflict
// (the state does not allow it); then nothing is written.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/caller.hpp"
#include "domain/clock.hpp"
#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"
#include "modules/zmhd/domain/letter.hpp"
#include "modules/zmhd/domain/letter_notices.hpp"
#include "modules/zmhd/domain/letter_settings.hpp"
#include "modules/zmhd/domain/letter_submission.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::modules::zmhd {

struct AttachmentInput {
  std::string file_name;
  std::string data;
  std::string media_type;  // what the caller's type sniffing found: image/png, image/jpeg, application/pdf
};

struct SubmittedLetter {
  std::string number;      // XJ-2026-000123
  std::string query_code;  // shown to the writer once
  domain::Letter letter;
  std::string mailbox_name;
  // What the privacy scan found in what would be published (kinds, Chinese labels): the
  // receipt tells the writer these will be masked.
  std::vector<std::string> masked_on_publication;
};

// Where the notices' links point (absolute, for e-mail).
struct NoticeLinks {
  std::string public_base;   // "https://www.shaoyang.gov.cn" (the site's prefix is added per letter)
  std::string console_base;  // "https://admin.example.gov.cn"
};

// What the console step gives besides the event.
struct StepInput {
  domain::LetterEvent event;
  std::string co_departments;  // Assign: 协办, names
};

class LetterService {
 public:
  // `clock`: when a notice is written to the outbox (its send time), the real clock by default.
  LetterService(store::Database& db, const store::PersonalDataKey& key, const domain::WorkingDayCalendar& calendar,
                domain::Date today, NoticeLinks links = {}, domain::UnixClock clock = domain::system_unix_seconds)
      : db_(db), key_(key), calendar_(calendar), today_(today), links_(std::move(links)), clock_(std::move(clock)) {}

  // The public form: received today into the site's mailbox `mailbox_code`; attachments
  // (at most 3; images or PDF, checked by the caller's sniffing) with it. Audited as
  // zmhd.submit by "public". Invalid lists every problem, in form order.
  SubmittedLetter submit(std::int64_t site_id, const std::string& mailbox_code, domain::LetterSubmission input,
                         const std::vector<AttachmentInput>& attachments = {});
  // A 12345 工单 pushed through the API by `client` into the client's site (channel 12345).
  // The same 工单号 twice is a Conflict naming the letter it already is.
  SubmittedLetter submit_from_system(const store::IntegrationClient& client, const std::string& mailbox_code,
                                     domain::LetterSubmission input);

  // The writer rates the reply on the site's status page with the number and the query code
  // (NotFound for a wrong code or another site's letter); 不满意 reopens the case once for
  // 二次办理. Audited as zmhd.rate by "public".
  store::StoredLetter rate(std::int64_t site_id, const std::string& number, const std::string& query_code,
                           domain::Satisfaction rating);

  // One console step on a letter of the caller's site: 受理 / 不予受理 / 合并 / 转办 / 批准延期
  // / 退回重办 / 审核通过 / 督办 need zmhd.screen (the office); 拟答复 and 申请延期 need
  // zmhd.reply (the department it is assigned to, or the office). Returns the letter after.
  store::StoredLetter apply(const domain::Caller& caller, const std::string& number, StepInput step);

  // 信件选登: the letter (answered, with the writer's consent) published with every ID
  // number, phone, card number, e-mail and the writer's own name masked (zmhd.publish), or
  // taken down (zmhd.unpublish).
  store::LetterPublication publish(const domain::Caller& caller, const std::string& number);
  void unpublish(const domain::Caller& caller, const std::string& number);

  // The daily reminders (a job; idempotent per day through the history it leaves): staff
  // of letters due tomorrow or overdue, and writers whose rating period ends in 3 working
  // days. Returns how many notices were written.
  int send_reminders(std::int64_t site_id);

  const domain::WorkingDayCalendar& calendar() const { return calendar_; }
  domain::Date today() const { return today_; }

 private:
  store::StoredLetter permitted(const domain::Caller& caller, const std::string& number, const char* action, bool lock);
  SubmittedLetter insert(std::int64_t site_id, const domain::Mailbox& mailbox, domain::LetterSubmission input,
                         const std::vector<AttachmentInput>& attachments, std::optional<std::int64_t> source);
  void notify_writer(const store::StoredLetter& letter, domain::LetterNoticeKind kind);
  void notify_staff(const store::StoredLetter& letter, domain::LetterNoticeKind kind, const std::string& note = {});
  // Writes one notice to the outbox in the open transaction (letter_mail.cpp); false when
  // the address is empty or the notice was already written (`once_key`).
  bool enqueue(const store::StoredLetter& letter, domain::LetterNoticeKind kind, const std::string& to,
               const std::string& once_key, const std::string& note = {});

  store::Database& db_;
  const store::PersonalDataKey& key_;
  const domain::WorkingDayCalendar& calendar_;
  domain::Date today_;
  NoticeLinks links_;
  domain::UnixClock clock_;
};

}  // namespace zwgk::modules::zmhd
