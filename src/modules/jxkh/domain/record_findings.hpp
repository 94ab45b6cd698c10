#pragma once
// What each source's records say about a unit's year, as findings with their evidence
// (unit_score.hpp). Pure: the service reads the records through the stores (and the other
// modules' repositories), fills these rows — with the console URL of each record — and calls
// one function per source. The rules of a single record stay in their own module: the Art. 26
// period (statutory_deadlines.hpp), the Art. 33 answer deadline (ysqgk), a letter's due date
// and effective rating (zmhd), a consultation's 反馈 due date (yjzj).
//
// Which day a record belongs to:
//  - a document is published on its 发布日期 when it was imported (published_on, what the
//    source system recorded); one published through the workflow on the day of its first
//    publication (first_published_at, China time) — the day the public could read it;
//  - a document is formed (形成) on its 成文日期, else on the day it entered the workflow;
//  - a request or a letter belongs to the year it was received; an unanswered one is judged
//    on `today` (the day the office computes).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"
#include "modules/jxkh/domain/unit_score.hpp"
#include "modules/ysqgk/domain/disclosure_request.hpp"
#include "modules/ysqgk/domain/request_review.hpp"
#include "modules/zmhd/domain/letter.hpp"

namespace zwgk::domain {

// The day a document was published: see above. nullopt when neither is known.
std::optional<Date> publication_day(std::optional<Date> published_on, const std::string& first_published_at,
                                    bool through_workflow);
// The day it was formed: 成文日期, else the day it entered the workflow.
std::optional<Date> formed_day(std::optional<Date> written_on, std::optional<Date> workflow_created_on);

// --- 主动公开时效 (Art. 26) ------------------------------------------------------------
struct PublishedRecord {
  std::int64_t id = 0;
  std::string title;
  std::optional<Date> formed_on;  // nullopt: not judged (no date to count from)
  Date published_on;
  std::string url;
};
// Late: published after the 20th working day after it was formed (publication_deadline).
SourceFacts publication_timeliness(const std::vector<PublishedRecord>& docs, const WorkingDayCalendar& calendar);

// --- 政策解读同步发布 (三同步) ----------------------------------------------------------
struct PolicyRecord {
  std::int64_t id = 0;
  std::string title;
  Date published_on;
  bool exempted = false;                 // 无需解读, with its reason on record
  std::optional<Date> interpreted_on;    // the first published 解读's publication day
  std::string url;
};
// A finding: no 解读, or a 解读 published after the policy. Exempted policies are not checked.
SourceFacts policy_interpretation(const std::vector<PolicyRecord>& policies);

// --- 主要负责人解读 (第一解读人, at least once a year) ---------------------------------
struct InterpretationEvent {
  std::int64_t id = 0;
  std::string title;
  Date on;
  bool principal = false;  // a guest is the unit's 主要负责人
  std::string url;
};
// One finding when none of the unit's ended events of the year had its principal; its
// evidence points at the events page (`events_url`).
SourceFacts principal_interpretation(const std::vector<InterpretationEvent>& events, int year,
                                     const std::string& events_url);

// --- 清单动态调整 ------------------------------------------------------------------------
inline constexpr int kListReviewDays = 365;  // a list not reviewed for a year is not current (a local rule)
struct ListRecord {
  std::int64_t id = 0;
  std::string title;
  std::optional<Date> in_force_since;  // the effective date of the version in force on the day judged
  std::string url;
};
// Lists with no version in force on `on` are not judged (not yet established); a version in
// force for more than kListReviewDays is a finding.
SourceFacts lists_current(const std::vector<ListRecord>& lists, Date on);

// --- 年度报告按时公布 (Art. 49) ---------------------------------------------------------
struct ReportRecord {
  int report_year = 0;                 // the year reported on (the assessment year − 1)
  Date due_on;                         // 31 January of the assessment year
  std::optional<Date> published_on;    // nullopt: not published
  std::string title;
  std::string url;                     // the report (or where to write it)
};
SourceFacts annual_report_on_time(const ReportRecord& report, Date today);

// --- 依申请公开按时答复 (Art. 33) --------------------------------------------------------
struct RequestRecord {
  std::string tracking_number;
  Date received_on;
  Date due_on;
  std::optional<Date> answered_on;  // replied or closed (Art. 30 不再处理); nullopt: open
  bool withdrawn = false;           // closed without an answer: not judged
  std::string url;
};
RequestRecord request_record(const DisclosureRequest& request, const WorkingDayCalendar& calendar, Date today,
                             std::string url);
SourceFacts request_timeliness(const std::vector<RequestRecord>& requests, Date today);

// --- 复议诉讼纠错 (Art. 51) -------------------------------------------------------------
// A 行政复议 or 行政诉讼 against the unit's answer, decided in the year.
struct DecidedReview {
  std::string tracking_number;
  ReviewKind kind = ReviewKind::Reconsideration;
  ReviewOutcome outcome = ReviewOutcome::Upheld;
  Date decided_on;
  std::string url;
};
// A finding for each decision that corrected the answer (结果纠正).
SourceFacts review_corrections(const std::vector<DecidedReview>& reviews);

// --- 来信按时答复, 来信满意度 -----------------------------------------------------------
struct LetterRecord {
  std::string number;
  std::string title;
  Date received_on;
  std::optional<Date> due_on;
  std::optional<Date> replied_on;
  bool open = false;                   // accepted, in hand, not answered
  std::optional<Satisfaction> rating;  // effective on `today` (默认满意 counts as 满意)
  std::string url;
};
LetterRecord letter_record(const Letter& letter, std::string title, const WorkingDayCalendar& calendar,
                           const LetterDeadlines& deadlines, Date today, std::string url);
SourceFacts letter_timeliness(const std::vector<LetterRecord>& letters, Date today);
SourceFacts letter_satisfaction(const std::vector<LetterRecord>& letters);

// --- 意见征集反馈 -----------------------------------------------------------------------
struct FeedbackRecord {
  std::int64_t id = 0;
  std::string title;
  Date ends_on;
  Date feedback_due_on;
  std::optional<Date> feedback_on;  // the day the 反馈 was published
  std::string url;
};
// Judged once the 反馈 is due (on `today`): missing, or published after the due day.
SourceFacts consultation_feedback(const std::vector<FeedbackRecord>& consultations, Date today);

// --- 工作要点落实 -------------------------------------------------------------------------
struct TaskReportRecord {
  std::int64_t id = 0;               // the unit's row of the task (gzyd)
  std::string task;                  // "一(一) 做好政策解读宣传和预期引导"
  Date due_on;                       // its 工作方案 (20 working days) or 落实情况 (12月20日) date
  std::optional<Date> reported_on;   // the day the unit reported (China time)
  bool returned = false;             // the office returned it and it was not reported again
  std::string url;
};
// Judged once due (on `today`): not reported (or returned and not again) by the due day, or reported after it.
SourceFacts work_plan_reports(const std::vector<TaskReportRecord>& tasks, Date today);

// --- 日常监测 ---------------------------------------------------------------------------
// Whether a 自查监测 check's findings count here: not 发布解读 and 互动回应差, which their own
// indicators count from the records (no finding is deducted twice).
bool monitoring_counts(std::string_view check_code);
struct MonitoringFinding {
  std::string check;  // the check's name: 栏目不更新
  Evidence evidence;  // the check's evidence row (its URL, or the day's report)
};
// `checks`: how many of the run's checks count here (monitoring_counts).
SourceFacts monitoring_findings(const std::vector<MonitoringFinding>& findings, int checks, Date run_on);

}  // namespace zwgk::domain
