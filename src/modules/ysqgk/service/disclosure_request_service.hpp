#pragma once
// 依申请公开, the use cases: each public function is one, taking the caller (who), its
// input, and working on the clock and the calendar the service was made with. Each one, in
// one transaction (store::UnitOfWork): asks the permission registry (ysqgk.* actions on the
// application: its site and the department it is assigned to), validates, applies the
// domain rule (registration.hpp, disclosure_request.hpp, request_review.hpp), writes the
// rows through the repositories, and writes its audit entry (ysqgk.<verb>, the tracking
// number, no personal data). A refusal is the error family (domain/errors.hpp): Invalid,
// Forbidden, NotFound (also for an application of another site), Conflict (the state does
// not allow it); then nothing is written.
//
// Handlers (web/) parse a form into the inputs here and call one function; reads for pages
// go to the repositories' public-safe queries.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/caller.hpp"
#include "domain/clock.hpp"
#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"
#include "modules/ysqgk/domain/registration.hpp"
#include "modules/ysqgk/domain/request_review.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::modules::ysqgk {

struct Registered {
  std::string tracking_number;  // YSQ-2026-000123
  std::string query_code;       // shown to the applicant once
  domain::DisclosureRequest request;
  domain::Date due_on;          // Art. 33 on the calendar of today
};

// 答复意见稿 as the department drafts it.
struct DraftInput {
  domain::ReplyOutcome outcome = domain::ReplyOutcome::Disclosed;
  std::string legal_basis;
  std::string note;
};

class DisclosureRequestService {
 public:
  // `public_base`: the installation's base URL for the status link in e-mail notices;
  // `clock`: when a notice is written to the outbox (the real clock by default).
  DisclosureRequestService(store::Database& db, const store::PersonalDataKey& key,
                           const domain::WorkingDayCalendar& calendar, domain::Date today, std::string public_base = {},
                           domain::UnixClock clock = domain::system_unix_seconds)
      : db_(db), key_(key), calendar_(calendar), today_(today), public_base_(std::move(public_base)),
        clock_(std::move(clock)) {}

  // The online form (Art. 29, 31): received today; audited as ysqgk.submit by "public"
  // (no account, no address: the applicant's identity stays in the sealed table only).
  // Invalid lists every problem, in form order.
  // The receipt also goes to the applicant's e-mail, if given, through the outbox in the
  // same transaction (request_notices.hpp: receipt_notice, with the 查询码).
  Registered submit_online(std::int64_t site_id, domain::Registration input);
  // 找回查询码: when `email` is the address the applicant gave (domain::is_applicants_address)
  // for application `tracking_number` of this site, a new 查询码 replaces the old one and is
  // sent there through the outbox; audited as ysqgk.query_code_reset by "public". Otherwise
  // nothing happens — and the caller learns nothing either way (no number enumeration).
  void reset_query_code(std::int64_t site_id, const std::string& tracking_number, const std::string& email);
  // The office registers a letter, a visit, a fax or a phone call (Art. 29 ¶1, Art. 43) on
  // the caller's site: ysqgk.handle; audited as ysqgk.register.
  Registered register_received(const domain::Caller& caller, const domain::Registration& input);

  // One processing step on an application of the caller's site (ysqgk.handle): 补正, 分办,
  // ... The 补正 notice, the extension notice and the reply also go to the applicant's
  // e-mail, if given, through the outbox in the same transaction (request_notices.hpp).
  // 征求第三方意见, 延期, 答复, 撤回 ... The event's actor is the caller's name; a Reply
  // without a legal basis gets the outcome's default (reply_letter_wording.hpp) and, when
  // `letter` is given, its letter rendered from the replied application. Returns the
  // application after the step.
  domain::DisclosureRequest apply(const domain::Caller& caller, const std::string& tracking_number,
                                  domain::RequestEvent event, const store::ReplyLetterMaker& letter = {});

  // 答复意见稿 (ysqgk.draft_reply: the assigned department, or the office).
  void save_draft(const domain::Caller& caller, const std::string& tracking_number, const DraftInput& draft);
  // A file given to the applicant (ysqgk.handle); the bytes already checked by the caller's
  // file-type sniffing (`media_type` is what it found).
  store::DisclosedFile add_disclosed_file(const domain::Caller& caller, const std::string& tracking_number,
                                          const std::string& file_name, std::string_view data,
                                          const std::string& media_type);
  // 行政复议 / 行政诉讼 records (ysqgk.handle; Art. 51).
  domain::RequestReview add_review(const domain::Caller& caller, domain::RequestReview review);
  domain::RequestReview decide_review(const domain::Caller& caller, const std::string& tracking_number,
                                      std::int64_t review_id, domain::ReviewOutcome outcome,
                                      std::optional<domain::Date> decided_on);

 private:
  // The application of the caller's site allowed to `action`, else NotFound / Forbidden.
  store::StoredRequest permitted(const domain::Caller& caller, const std::string& tracking_number,
                                 std::string_view action, bool lock);
  Registered insert(std::int64_t site_id, const domain::Registration& input);
  struct NoticeSender {
    std::string body_name;   // the site's name, signing the notice
    std::string status_url;  // absolute; empty without a public base URL
  };
  NoticeSender notice_sender(std::int64_t site_id);
  void notify_applicant(const store::StoredRequest& found, const domain::RequestEvent& step,
                        const domain::DisclosureRequest& after);

  store::Database& db_;
  const store::PersonalDataKey& key_;
  const domain::WorkingDayCalendar& calendar_;
  domain::Date today_;
  std::string public_base_;
  domain::UnixClock clock_;
};

}  // namespace zwgk::modules::ysqgk
