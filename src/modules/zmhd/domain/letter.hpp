#pragma once
// 政民互动: a letter to a 领导信箱 or a department's 信箱, a 咨询投诉 message, a 我为政府网站找错
// report or a 12345 工单, tracked as a case with a clock like 依申请公开. Pure domain: no
// storage, no HTTP. Rules (docs: ../shared/domain/README.md §9; the seed's 工作要点 六(四)):
//  - Deadlines are local rules, so they are the site's settings (LetterDeadlines), counted in
//    working days on the State Council calendar from the day of 受理: default 咨询 5, 找错 3
//    (辽宁 rule), every other category 10.
//  - One extension, asked for before the due date with a reason, approved by the office, at
//    most the original length.
//  - The reply goes out only after the office approves it, and not when the reply-quality
//    check flags it (reply_quality.hpp): the office sends it back (退回重办) instead.
//  - The writer rates within LetterDeadlines::rating_working_days (default 10) of the reply:
//    满意 / 基本满意 / 不满意; no rating counts as 满意 ("默认满意"). 不满意 reopens the case
//    once for a second handling (二次办理) with the original period again.
//  - 不予受理 names its reason; 信访 matters are told the 信访 channel (《信访工作条例》).
//  - An accepted letter unanswered for more than 2 months is a red warning: the national
//    inspection (国办秘函〔2019〕19号) fails a site with one unanswered for more than 3.
//
//  - 督办 presses an accepted case that is not yet answered; it changes nothing but the
//    history (and the notice to the department).
//
// apply_letter_event() applies one event or returns a Chinese refusal and leaves the letter
// unchanged; every applied event is kept in `history`.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"

namespace zwgk::domain {

enum class LetterCategory { Consultation, Complaint, Suggestion, HelpRequest, Praise, Other, ErrorReport };
std::string to_label(LetterCategory);  // 咨询 | 投诉 | 建议 | 求助 | 表扬 | 其他 | 找错
std::string to_code(LetterCategory);   // consultation | complaint | suggestion | help | praise | other | error_report
std::optional<LetterCategory> letter_category_from(std::string_view code);
const std::vector<LetterCategory>& letter_categories();  // in the form's order

// Where it came from: the site's forms or a 12345 hotline platform through the API.
enum class LetterChannel { Website, Hotline12345 };
std::string to_label(LetterChannel);  // 网站 | 12345热线
std::string to_code(LetterChannel);   // website | 12345

// The site's settings (working days).
struct LetterDeadlines {
  std::map<LetterCategory, int> working_days;  // a category not listed: 10
  int rating_working_days = 10;
  int days_for(LetterCategory c) const;
};
LetterDeadlines default_letter_deadlines();  // 咨询 5, 找错 3, the rest 10; rating 10

enum class RejectionReason { Duplicate, NoSubstance, Petition, LitigationRelated, Unlawful };
std::string to_label(RejectionReason);  // 重复来信 | 无实质内容 | 属信访事项 | 涉法涉诉 | 违法违规内容
std::string to_code(RejectionReason);
std::optional<RejectionReason> rejection_reason_from(std::string_view code);
// What the writer is told (the 信访 and 涉法涉诉 reasons name the proper channel).
std::string rejection_notice(RejectionReason);

enum class LetterState {
  Received,      // 已收到: waiting for screening
  Rejected,      // 不予受理 (terminal)
  Merged,        // 已合并 into another letter (terminal)
  Accepted,      // 已受理: the clock runs
  Assigned,      // 办理中: with a department
  ReplyPending,  // 待审核: the department's reply waits for the office
  Replied,       // 已答复: waiting for the rating
  Closed,        // 已办结 (terminal)
};
std::string to_label(LetterState);
std::string to_code(LetterState);
bool is_terminal(LetterState);

enum class Satisfaction { Satisfied, BasicallySatisfied, Dissatisfied };
std::string to_label(Satisfaction);  // 满意 | 基本满意 | 不满意
std::string to_code(Satisfaction);
std::optional<Satisfaction> satisfaction_from(std::string_view code);

enum class LetterEventKind {
  Accept,            // 受理
  Reject,            // 不予受理 (reason)
  Merge,             // 合并到另一件来信 (merged_into)
  Assign,            // 转办 (department)
  DraftReply,        // 承办部门拟答复 (text)
  RequestExtension,  // 申请延期 (working_days, reason)
  ApproveExtension,  // 批准延期
  ReturnReply,       // 退回重办 (reason)
  ApproveReply,      // 审核通过，答复
  Rate,              // 评价 (satisfaction)
  Supervise,         // 督办 (reason): an open case pressed on its department; no state change
};
std::string to_label(LetterEventKind);
std::string to_code(LetterEventKind);  // accept | reject | merge | assign | draft_reply | ...
std::optional<LetterEventKind> letter_event_kind_from(std::string_view code);
std::optional<LetterState> letter_state_from(std::string_view code);
std::optional<LetterChannel> letter_channel_from(std::string_view code);

struct LetterEvent {
  LetterEventKind kind;
  Date on;
  std::string actor;
  std::optional<RejectionReason> rejection{};
  std::string merged_into{};  // Merge: the letter number it joins
  std::string department{};   // Assign: name at the time
  std::optional<std::int64_t> department_id{};
  std::string text{};    // DraftReply: the reply
  std::string reason{};  // RequestExtension / ReturnReply
  int working_days = 0;  // RequestExtension
  std::optional<Satisfaction> satisfaction{};
};

struct LetterExtension {
  int working_days = 0;
  std::string reason;
  Date requested_on;
  bool approved = false;
};

struct Letter {
  std::string number;  // 信件编号
  LetterCategory category = LetterCategory::Consultation;
  LetterChannel channel = LetterChannel::Website;
  Date received_on;
  LetterState state = LetterState::Received;
  std::optional<Date> accepted_on;
  std::optional<RejectionReason> rejection;
  std::string merged_into;
  std::string department;
  std::optional<std::int64_t> department_id;
  std::optional<LetterExtension> extension;
  int round = 1;                      // 2 = 二次办理 after a 不满意
  std::optional<Date> round_started;  // the day the second handling began
  std::string draft_reply;
  std::string reply;
  std::optional<Date> replied_on;
  std::optional<Satisfaction> rating;
  std::vector<LetterEvent> history;
};

struct LetterApplyResult {
  bool applied = false;
  std::string refusal;  // Chinese, when !applied
  explicit operator bool() const { return applied; }
};

// `stock_phrases`: the site's list for the reply-quality check (reply_quality.hpp).
LetterApplyResult apply_letter_event(Letter& letter, const LetterEvent& event, const WorkingDayCalendar& calendar,
                                     const LetterDeadlines& deadlines, const std::vector<std::string>& stock_phrases);

// The due date of the current handling: accepted_on (second handling: the day it began) +
// the category's working days (+ an approved extension). nullopt before 受理 and for
// rejected or merged letters.
std::optional<Date> letter_due_on(const Letter& letter, const WorkingDayCalendar& calendar,
                                  const LetterDeadlines& deadlines);

// The last day the writer may rate: replied_on + rating_working_days.
std::optional<Date> rating_due_on(const Letter& letter, const WorkingDayCalendar& calendar,
                                  const LetterDeadlines& deadlines);

// The rating as the statistics count it on `today`: the writer's, or 满意 by default once
// the rating period is over without one.
struct EffectiveRating {
  std::optional<Satisfaction> rating;  // nullopt: still within the period, not rated
  bool by_default = false;             // shown as "默认满意"
};
EffectiveRating effective_rating(const Letter& letter, const WorkingDayCalendar& calendar,
                                 const LetterDeadlines& deadlines, Date today);

// Accepted, not yet answered, and accepted more than 2 calendar months before `today`.
bool unanswered_too_long(const Letter& letter, Date today);

// What an open letter asks of the staff on `today` (the 工作台 and 我的工作 lists):
// 待甄别 (received), 待审核 (a reply awaiting approval), 待评价 (replied; nothing else),
// 已逾期 (past its due day, letter_due_on) or else 即将到期 (due within kLetterDueSoonWorkingDays
// working days), and 超过两个月未办结 (unanswered_too_long).
inline constexpr int kLetterDueSoonWorkingDays = 2;
struct LetterWork {
  std::optional<Date> due_on;
  bool to_screen = false, pending_review = false, awaiting_rating = false;
  bool overdue = false, due_soon = false, too_long = false;
};
LetterWork letter_work(const Letter& letter, const WorkingDayCalendar& calendar, const LetterDeadlines& deadlines,
                       Date today);

}  // namespace zwgk::domain
