#pragma once
// 依申请公开 <-> DisclosureRequest: one application for government information, its
// processing steps and its derived answer deadline. Pure domain: no storage, no HTTP.
//
// Rules enforced here (《政府信息公开条例》 2019):
//  - Art. 29: what an application contains (applicant: applicant.hpp; the information
//    wanted, the form wanted, how to receive it: the fields below).
//  - Art. 31: the day it counts as received depends on the channel: received_on().
//  - Art. 30: a correction notice (补正) once, within 7 working days of receipt
//    (kCorrectionNoticeWorkingDays); the answer period runs from receipt of the correction;
//    no correction within the period set = closed, outcome （六）1 (NoCorrectionInTime).
//  - Art. 32, 33 ¶3: consulting a third party pauses the clock; the third party has 15
//    working days (kThirdPartyWorkingDays).
//  - Art. 33 ¶2: answer within 20 working days; one extension of at most 20 working days,
//    approved by the head of the disclosure office and notified to the applicant.
//  - Art. 36-39: the answer is one ReplyOutcome (reply_outcome.hpp).
//
// The state machine is the table request_transitions(); apply_event() applies one event
// or returns a Chinese refusal and leaves the request unchanged. The due date is never
// stored: due_date() derives it with compute_reply_deadline from the receipt date, the
// pauses and the extension on the current calendar.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/ysqgk/domain/applicant.hpp"
#include "domain/date.hpp"
#include "domain/statutory_deadlines.hpp"
#include "domain/reply_outcome.hpp"
#include "domain/working_day_calendar.hpp"

namespace zwgk::domain {

// The periods (Art. 30 补正 notice, Art. 32 third party, Art. 33 answer) and the due-soon
// threshold are the kernel's: domain/statutory_deadlines.hpp.

// How the application arrived (Art. 29 ¶1: in writing — letter, electronic data — or orally
// with staff filling in the form, registered as in person).
enum class RequestChannel { Online, Letter, InPerson, Fax };
std::string to_label(RequestChannel);  // 网上申请 | 信函申请 | 当面申请 | 传真申请
std::string to_code(RequestChannel);   // online | letter | in_person | fax
std::optional<RequestChannel> request_channel_from(std::string_view code);

// What happened on arrival; only the fields of the channel are read.
struct ReceiptEvents {
  std::optional<Date> handed_in;             // in person: the day handed in
  std::optional<Date> signed_for;            // letter: the day the office signed for it
  bool ordinary_letter = false;              // letter without signature (平常信函)
  std::optional<Date> confirmed_by_office;   // ordinary letter: the day the office confirms with the applicant
  std::optional<Date> both_sides_confirmed;  // online / fax: the day both sides confirm
};

// Art. 31: in person — the day handed in; by post — the day the office signs for it
// (ordinary letter: the day the office confirms receipt with the applicant); online or fax —
// the day both sides confirm. Throws ValidationError (Chinese) when the channel's day is
// missing.
Date received_on(RequestChannel channel, const ReceiptEvents& events);

enum class MediumWanted { Paper, Electronic };          // 纸质 | 电子
enum class DeliveryMethod { Post, Email, Collect, Online };  // 邮寄 | 电子邮件 | 自行领取 | 网上获取
std::string to_label(MediumWanted);
std::string to_label(DeliveryMethod);

enum class RequestState {
  Received,              // 已收到
  CorrectionRequested,   // 待补正 (clock paused)
  Corrected,             // 已补正
  Assigned,              // 办理中
  ConsultingThirdParty,  // 征求第三方意见中 (clock paused)
  Replied,               // 已答复 (terminal)
  ClosedNoCorrection,    // 逾期未补正，终止办理 (terminal; outcome （六）1)
  Withdrawn,             // 申请人撤回 (terminal)
};
std::string to_label(RequestState);
std::string to_code(RequestState);
bool is_terminal(RequestState);
// 待补正 and 征求第三方意见中: the answer period does not run (Art. 30, Art. 32 / 33 ¶3).
bool is_clock_paused(RequestState);
// The states an application is still open in (not terminal), for lists and queries.
std::vector<RequestState> open_states();

enum class RequestEventKind {
  RequestCorrection,  // 发出补正通知
  ReceiveCorrection,  // 收到补正材料
  CloseNoCorrection,  // 逾期未补正结案
  Assign,             // 分办至承办部门
  StartConsultation,  // 征求第三方意见
  EndConsultation,    // 第三方意见收回 / 征求期满
  Extend,             // 延期答复
  Reply,              // 答复
  Withdraw,           // 申请人撤回
};
std::string to_label(RequestEventKind);

struct RequestEvent {
  RequestEventKind kind;
  Date on;                                   // the day it happened
  std::string actor;                         // who recorded it (account name)
  // Members other than kind, on and actor start empty ({}), so an event is written
  // {kind, on, actor} and then given what its kind needs.
  // RequestCorrection: the day by which the applicant must correct (Art. 30).
  std::optional<Date> correction_due_on{};
  // Assign: the department that drafts the reply: its id (what scopes the application to
  // that department's editors) and its name at the time (for display and history).
  std::string department{};
  std::optional<std::int64_t> department_id{};
  // StartConsultation: the third party consulted.
  std::string third_party{};
  // Extend: working days added (1..20), the approving head, notice given to the applicant.
  int extension_working_days = 0;
  std::string approver{};
  bool applicant_notified = false;
  // Reply.
  std::optional<ReplyOutcome> outcome{};
  std::string legal_basis{};  // Reply: the articles relied on (reply_letter_wording.hpp gives the default)
  std::string note{};
};

// One row of the transition table.
struct RequestTransition {
  RequestState from;
  RequestEventKind event;
  RequestState to;
  std::string_view who;   // in words
  std::string_view rule;  // the article and the guard, in words
};
const std::vector<RequestTransition>& request_transitions();

struct Consultation {
  std::string third_party;
  Date started_on;
  std::optional<Date> ended_on;  // open while consulting
};

struct Extension {
  int working_days = 0;
  std::string approver;
  Date decided_on;
};

struct DisclosureRequest {
  std::string tracking_number;
  RequestChannel channel = RequestChannel::Online;
  Date received_on;               // Art. 31, from received_on(channel, events)
  Applicant applicant;
  std::string description;        // 所需政府信息的名称或内容描述
  std::string doc_number;         // 文号, if known
  MediumWanted medium = MediumWanted::Electronic;
  DeliveryMethod delivery = DeliveryMethod::Online;

  RequestState state = RequestState::Received;
  std::string department;                       // name when assigned (display)
  std::optional<std::int64_t> department_id;    // the assigned department (scope)
  std::optional<Date> correction_requested_on;
  std::optional<Date> correction_due_on;
  std::optional<Date> corrected_on;
  std::vector<Consultation> consultations;
  std::optional<Extension> extension;
  std::optional<ReplyOutcome> outcome;  // set on Reply and on CloseNoCorrection (（六）1)
  std::optional<Date> closed_on;        // replied, closed or withdrawn
  std::vector<RequestEvent> history;    // every applied event, in order
};

// A new request in state Received.
DisclosureRequest new_disclosure_request(RequestChannel channel, const ReceiptEvents& events, Applicant applicant,
                                         std::string description);

struct ApplyResult {
  bool applied = false;
  std::string refusal;  // Chinese, when !applied
  explicit operator bool() const { return applied; }
};

// Applies `event` if the table allows it from the current state and its guard holds;
// otherwise returns the refusal and leaves `request` untouched. The calendar is needed for
// the Art. 30 seven-working-day limit and the extension's "before the deadline" check.
ApplyResult apply_event(DisclosureRequest& request, const RequestEvent& event, const WorkingDayCalendar& calendar);

// The events the table allows from the request's state that are not spent: an extension is
// granted once (Art. 33 ¶2). What the detail page offers; apply_event() still decides.
std::vector<RequestEventKind> offered_events(const DisclosureRequest& request);

// 答复意见稿: the assigned department drafts the reply after assignment and before the
// answer (办理中 or 征求第三方意见中); "" = allowed, else the Chinese refusal.
std::string draft_refusal(const DisclosureRequest& request);

// Rebuilds a stored request: applies `events` in order by the transition table without the
// guards (they held when each event was recorded; a later calendar change must not make a
// stored history unreadable). Throws ValidationError if an event has no transition from
// the state reached, i.e. the stored history is corrupt.
void replay_events(DisclosureRequest& request, const std::vector<RequestEvent>& events);

// The answer period as compute_reply_deadline takes it: pauses for the correction span
// [received_on, corrected_on] and each consultation [started_on, ended_on]; spans still
// open are taken to run until `as_of`. Overlapping or adjacent spans are merged.
ReplyPeriod reply_period(const DisclosureRequest& request, Date as_of);
// Derived, never stored.
ReplyDeadline due_date(const DisclosureRequest& request, const WorkingDayCalendar& calendar, Date as_of);
// The deadline as the applicant's status page explains it: its calendar caveat ("YYYY年的
// 节假日安排尚未发布…") names only the unpublished years the counting actually enters (a
// counted day, day one .. due_on, falls in that year). The kernel's warning also names the
// next year when the count merely ends in the last week of December (that notice may still
// move those days); the office's console keeps that caution, the applicant is not told of a
// year the deadline does not reach (issue 17).
ReplyDeadline deadline_for_applicant(ReplyDeadline deadline);

// The dashboard's column for a request on `today`.
enum class DueStatus {
  OnTime,   // more than 3 working days left
  DueSoon,  // due within 3 working days (due today included)
  Overdue,  // past the due date and not answered
  Paused,   // waiting for 补正 or a third party
  Closed,   // replied, closed or withdrawn: not on the dashboard
};
std::string to_label(DueStatus);  // 正常 | 即将到期 | 已逾期 | 暂停计时 | 已办结
DueStatus classify_due(const DisclosureRequest& request, const WorkingDayCalendar& calendar, Date today);

}  // namespace zwgk::domain
