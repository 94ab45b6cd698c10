#pragma once
// 建议提案办理 (国办发〔2014〕46号《国务院办公厅关于做好全国人大代表建议和全国政协委员提案
// 办理结果公开工作的通知》 and the local rules modelled on it): the record of one 人大代表建议 or
// 政协委员提案 assigned (交办) to a 主办单位, with its 会办单位, the answer deadline, the answer and
// its 类别 (A/B/C), the deputy's satisfaction and how the answer is published.
//
// Rules enforced here (each function names its source):
//   1. The answer is due `months` calendar months after 交办 (default 3, a site setting;
//      answer_due_on). A day that does not exist in the target month is its last day
//      (交办 11-30 + 3 months = 02-28/29).
//   2. Overdue: not answered and today is after the due day (is_overdue). On time: answered
//      on or before the due day.
//   3. Publication (国办发〔2014〕46号 二: "原则上都应全文公开"): Full by default; Summary only with
//      the summary text (very long answers); Withheld only with a ground from the negative
//      list (publishing::nondisclosure_grounds(), e.g. 属于国家秘密) and a reason
//      (publication_problems).
//   4. The deputy's contact data is not part of the record: nothing here can reach a public
//      page (the import reads no phone column).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/reply_outcome.hpp"

namespace zwgk::domain {

enum class ProposalKind { Suggestion, Proposal };  // 人大代表建议 / 政协委员提案
enum class ResultClass { A, B, C };
enum class ProposalSatisfaction { Satisfied, BasicallySatisfied, Dissatisfied };  // 满意 / 基本满意 / 不满意
enum class ProposalPublication { Full, Summary, Withheld };  // 全文公开 / 摘要公开 / 不予公开

std::string to_code(ProposalKind);          // suggestion | proposal
std::string to_label(ProposalKind);         // 人大代表建议 | 政协委员提案
std::string number_label(ProposalKind, const std::string& number);  // 建议第123号 / 提案第123号
std::optional<ProposalKind> proposal_kind_from(std::string_view code_or_label);  // code, label, 建议, 提案, 人大, 政协 ...

std::string to_code(ResultClass);   // A | B | C
// The official wording exactly: "A 所提问题已经解决或基本解决" etc. (to_label without the letter: description)
std::string to_label(ResultClass);
std::string description(ResultClass);
std::optional<ResultClass> result_class_from(std::string_view code);  // "A", "a", "A类"
const std::vector<ResultClass>& result_classes();

std::string to_code(ProposalSatisfaction);   // satisfied | basically_satisfied | dissatisfied
std::string to_label(ProposalSatisfaction);  // 满意 | 基本满意 | 不满意
std::optional<ProposalSatisfaction> proposal_satisfaction_from(std::string_view code_or_label);

std::string to_code(ProposalPublication);   // full | summary | withheld
std::string to_label(ProposalPublication);  // 全文公开 | 摘要公开 | 不予公开
std::optional<ProposalPublication> proposal_publication_from(std::string_view code);

// The negative-list grounds a withheld answer may cite (the publishing workflow's list).
const std::vector<ReplyOutcome>& proposal_withholding_grounds();
// "属于国家秘密" (the row label without its number).
std::string withholding_label(ReplyOutcome ground);

inline constexpr int kDefaultAnswerMonths = 3;

struct Proposal {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  ProposalKind kind = ProposalKind::Suggestion;
  std::string session;    // 届次: 十七届
  std::string meeting;    // 会次: 三次会议
  int year = 0;           // the year of the session (from 交办日期 when not given)
  std::string number;     // 编号: 123 (digits, or the office's own form)
  std::string title;
  std::string lead;        // 领衔 deputy / member
  std::string co_signers;  // 附议人, names separated by 、
  std::int64_t main_department_id = 0;  // 主办单位
  std::string main_department;
  std::string co_departments;           // 会办单位, names separated by 、
  Date assigned_on;                     // 交办日期
  Date due_on;                          // answer_due_on(assigned_on, the site's months) at import
  // The answer (答复).
  std::string answer;
  std::optional<Date> answered_on;
  std::optional<ResultClass> result_class;
  std::optional<ProposalSatisfaction> satisfaction;
  ProposalPublication publication = ProposalPublication::Full;
  std::string summary;                    // Summary: what is published instead of the answer
  std::optional<ReplyOutcome> withheld_ground;
  std::string withheld_reason;

  bool answered() const { return answered_on.has_value(); }
  // "十七届人大三次会议" / "十二届政协三次会议".
  std::string session_label() const;
};

// 1. `assigned_on` + `months` calendar months (the last day of a short month).
Date answer_due_on(Date assigned_on, int months = kDefaultAnswerMonths);
// 2.
bool is_overdue(const Proposal& p, Date today);
bool answered_on_time(const Proposal& p);

// What the answer form gives.
struct ProposalAnswer {
  std::string text;
  std::optional<Date> answered_on;
  std::optional<ResultClass> result_class;
  ProposalPublication publication = ProposalPublication::Full;
  std::string summary;
  std::optional<ReplyOutcome> withheld_ground;
  std::string withheld_reason;
};
// Chinese problems, in form order; empty = the answer may be recorded on `p`.
std::vector<std::string> answer_problems(const Proposal& p, const ProposalAnswer& a, Date today);
// 3. The publication choice alone (also used when it is changed later).
std::vector<std::string> publication_problems(ProposalPublication publication, const std::string& summary,
                                              const std::optional<ReplyOutcome>& ground, const std::string& reason);

// What a public page shows of the answer: the full text, the summary, or why it is not.
struct PublishedAnswer {
  bool answered = false;
  ProposalPublication publication = ProposalPublication::Full;
  std::string text;    // Full: the answer; Summary: the summary; Withheld: ""
  std::string reason;  // Withheld: "属于国家秘密：…"
};
PublishedAnswer published_answer(const Proposal& p);

// Per-unit statistics (统计: 主办单位).
struct UnitStatistics {
  std::string unit;
  int received = 0, answered = 0, answered_on_time = 0, overdue = 0, published = 0;
  int a = 0, b = 0, c = 0;
};
struct ProposalStatistics {
  std::vector<UnitStatistics> units;  // by unit name
  UnitStatistics total;               // unit "合计"
};
// Published: answered and not withheld (全文 or 摘要公开).
ProposalStatistics compute_proposal_statistics(const std::vector<Proposal>& items, Date today);

}  // namespace zwgk::domain
