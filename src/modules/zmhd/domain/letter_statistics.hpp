#pragma once
// 受理反馈统计: the figures a site publishes about its mailboxes (the national inspection,
// 国办秘函〔2019〕19号, deducts points when they are not published), per month or per year,
// in total and broken down by department and by category. Pure: computed from the letters a
// site holds, the day `today`, the working-day calendar and the site's LetterDeadlines; no
// storage, no HTTP. The rules of a single letter are letter.hpp's (letter_due_on,
// effective_rating, unanswered_too_long) and are only called here.
//
// Which date puts a letter in a period:
//  - received_on: 收到 (received), 受理 (accepted), 不予受理 (rejected), 已合并 (merged),
//    待受理 (awaiting_screening), and the snapshot figures 超期未答复 (overdue) and
//    超过两个月未答复 (unanswered_too_long), which are the state on `today` of the letters
//    received in the period.
//  - replied_on: 已答复 (answered), 按期答复 (answered_on_time), 平均答复用时, and the
//    ratings (满意率): the reply is what is rated.
// A caller may therefore pass only the site's letters with received_on or replied_on in the
// period (the rest add nothing), e.g. a store's `received_on BETWEEN first() AND last() OR
// replied_on BETWEEN first() AND last()`.
// So every letter received in a period is in exactly one of 受理 / 不予受理 / 已合并 / 待受理
// (invariant 1 below). A merged letter (合并到原来信) counts as neither 受理 nor 不予受理:
// its matter is handled, and counted, as the letter it joined.
//
// Definitions:
//  - 受理: the letter has accepted_on (whatever its state since).
//  - 已答复: replied_on is set. A letter the writer rated 不满意 is in 二次办理 and has no
//    replied_on until it is answered again, so it leaves the answered figures of its first
//    reply's period until then; the published figures describe each case as it stands.
//  - 按期答复: replied_on <= letter_due_on(letter). Nothing moves a letter's due date after
//    its reply (an extension is approved only while the letter is in hand, and a second
//    handling resets replied_on), so letter_due_on of the answered letter is the due date at
//    the time of answering.
//  - 平均答复用时: working days from 受理 to 答复, working_days_between(accepted_on,
//    replied_on) on the calendar (day zero not counted), averaged over the answered letters;
//    for a letter handled twice it runs to the second reply (how long the writer waited).
//  - 满意率: (满意 + 基本满意) / rated, the ratings as effective_rating() gives them on
//    `today`: 默认满意 (no rating within the rating period) counts as 满意 and is also counted
//    on its own (default_satisfied); a reply still within its rating period and not rated is
//    awaiting_rating and in neither numerator nor denominator.
//  - 超期未答复: accepted, not terminal, not answered, and today > letter_due_on.
//  - Rates: numerator / denominator as integer per-mille rounded half up, shown as "93.5%";
//    "—" when the denominator is 0. 按期答复率 = 按期答复 / 已答复.
//
// Invariants (tested):
//  1. received == accepted + rejected + merged + awaiting_screening.
//  2. answered_on_time <= answered; default_satisfied <= satisfied;
//     rated == satisfied + basically_satisfied + dissatisfied.
//  3. Every letter is in exactly one department row (letters never assigned — awaiting
//     screening, rejected, merged, accepted but not yet 转办 — in the row "未转办") and in
//     exactly one category row, so the rows of each breakdown add up to the total, figure by
//     figure.
//  4. The months of a year's series add up to the year, figure by figure (the average and
//     rates are derived from sums).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"
#include "modules/zmhd/domain/letter.hpp"

namespace zwgk::domain {

// A calendar month or a calendar year.
struct StatisticsPeriod {
  int year = 0;
  std::optional<unsigned> month;  // 1..12; nullopt: the whole year

  // ValidationError for a month outside 1..12 or a year outside 2000..2100.
  static StatisticsPeriod of_year(int year);
  static StatisticsPeriod of_month(int year, unsigned month);
  Date first() const;
  Date last() const;
  bool contains(Date d) const { return first() <= d && d <= last(); }
  std::string label() const;  // "2024年" | "2024年10月"
  std::string code() const;   // "2024" | "2024-10" (what parse_statistics_period reads)
  bool operator==(const StatisticsPeriod&) const = default;
};

// "2024" or "2024-10" (also "2024-1"); nullopt for anything else, for a handler's 400.
std::optional<StatisticsPeriod> parse_statistics_period(std::string_view text);

// A share: numerator / denominator.
struct Rate {
  int numerator = 0;
  int denominator = 0;
  std::optional<int> per_mille() const;  // rounded half up; nullopt when denominator == 0
  std::optional<double> percent() const;  // per_mille / 10.0 (for charts)
  std::string text() const;               // "93.5%", "100.0%"; "—" when denominator == 0
};

// An average of working days, kept as its sum and count so that periods add up.
struct AverageWorkingDays {
  long long total_days = 0;
  int count = 0;
  std::optional<int> tenths() const;     // rounded half up; nullopt when count == 0
  std::optional<double> value() const;   // tenths / 10.0
  std::string text() const;              // "3.5"; "—" when count == 0
};

struct LetterFigures {
  // By received_on.
  int received = 0;            // 收到
  int accepted = 0;            // 受理
  int rejected = 0;            // 不予受理
  int merged = 0;              // 已合并 (neither 受理 nor 不予受理)
  int awaiting_screening = 0;  // 待受理
  int overdue = 0;             // 超期未答复, on `today`
  int unanswered_too_long = 0;  // 超过两个月未答复, on `today`
  // By replied_on.
  int answered = 0;                  // 已答复
  int answered_on_time = 0;          // 按期答复
  long long reply_working_days = 0;  // sum over the answered letters (平均答复用时 = / answered)
  int satisfied = 0;                 // 满意, including 默认满意
  int default_satisfied = 0;         // 默认满意
  int basically_satisfied = 0;       // 基本满意
  int dissatisfied = 0;              // 不满意
  int awaiting_rating = 0;           // answered, still within the rating period, not rated

  int answered_late() const { return answered - answered_on_time; }
  int rated() const { return satisfied + basically_satisfied + dissatisfied; }
  Rate on_time_rate() const { return {answered_on_time, answered}; }                        // 按期答复率
  Rate satisfaction_rate() const { return {satisfied + basically_satisfied, rated()}; }     // 满意率
  AverageWorkingDays average_reply_time() const { return {reply_working_days, answered}; }  // 平均答复用时
  LetterFigures& operator+=(const LetterFigures& other);
  bool operator==(const LetterFigures&) const = default;
};

// One row of a breakdown.
struct LetterStatisticsRow {
  std::string label;                         // the department's name | "未转办" | the category's label
  std::optional<std::int64_t> department_id;  // by department: the department, nullopt for 未转办
  std::optional<LetterCategory> category;     // by category
  LetterFigures figures;
};

struct LetterStatistics {
  StatisticsPeriod period;
  Date today;
  LetterFigures total;
  // Rows with at least one letter in the period. Departments: by department_id (a letter
  // without an id but with a name is grouped by its name), ascending id, then named ones by
  // name, "未转办" last; the label is the name on the most recently received letter.
  // Categories: in letter_categories() order.
  std::vector<LetterStatisticsRow> by_department;
  std::vector<LetterStatisticsRow> by_category;
  // Years the working-day counts (平均答复用时) relied on without a published notice.
  CalendarWarning warning;
};

inline constexpr std::string_view kUnassignedDepartmentLabel = "未转办";

LetterStatistics compute_letter_statistics(const std::vector<Letter>& letters, StatisticsPeriod period, Date today,
                                           const WorkingDayCalendar& calendar, const LetterDeadlines& deadlines);

// The 12 months of a year, for the charts: months[0] is January.
struct LetterMonthlySeries {
  int year = 0;
  std::vector<StatisticsPeriod> months;  // 12
  std::vector<LetterFigures> figures;    // 12, figures[i] is months[i]
  CalendarWarning warning;
};

LetterMonthlySeries compute_letter_monthly_series(const std::vector<Letter>& letters, int year, Date today,
                                                  const WorkingDayCalendar& calendar,
                                                  const LetterDeadlines& deadlines);

}  // namespace zwgk::domain
