// See letter_statistics.hpp.
#include "modules/zmhd/domain/letter_statistics.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <tuple>

#include "domain/errors.hpp"

namespace zwgk::domain {

namespace {

using namespace std::chrono;

// numerator / denominator in units of 1/scale, rounded half up; nullopt when denominator <= 0.
std::optional<int> share(long long numerator, long long denominator, long long scale) {
  if (denominator <= 0) return std::nullopt;
  return static_cast<int>((2 * numerator * scale + denominator) / (2 * denominator));
}

std::optional<double> tenths_value(std::optional<int> tenths) {
  if (!tenths) return std::nullopt;
  return *tenths / 10.0;
}

// 935 tenths -> "93.5" + suffix; "—" for none.
std::string tenths_text(std::optional<int> tenths, const char* suffix) {
  if (!tenths) return "—";
  return std::to_string(*tenths / 10) + "." + std::to_string(*tenths % 10) + suffix;
}

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  if (s.empty() || s.size() > 4) return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// What one letter adds to the figures of `period`.
LetterFigures figures_of(const Letter& l, const StatisticsPeriod& period, Date today, const WorkingDayCalendar& cal,
                         const LetterDeadlines& deadlines, CalendarWarning& warning) {
  LetterFigures f;
  if (period.contains(l.received_on)) {
    f.received = 1;
    if (l.accepted_on) {
      f.accepted = 1;
    } else if (l.state == LetterState::Merged) {
      f.merged = 1;
    } else if (l.state == LetterState::Rejected) {
      f.rejected = 1;
    } else {
      f.awaiting_screening = 1;
    }
    if (l.accepted_on && !l.replied_on && !is_terminal(l.state)) {
      const auto due = letter_due_on(l, cal, deadlines);
      if (due && today > *due) f.overdue = 1;
    }
    if (unanswered_too_long(l, today)) f.unanswered_too_long = 1;
  }
  if (l.replied_on && l.accepted_on && period.contains(*l.replied_on)) {
    f.answered = 1;
    const auto due = letter_due_on(l, cal, deadlines);
    if (due && *l.replied_on <= *due) f.answered_on_time = 1;
    // A reply dated before its 受理 (events are dated by people) counts as 0 days, not fewer.
    const auto days = cal.working_days_between(*l.accepted_on, *l.replied_on);
    f.reply_working_days = std::max(0, days.days);
    warning.merge(days.warning);
    const auto rating = effective_rating(l, cal, deadlines, today);
    if (!rating.rating) {
      f.awaiting_rating = 1;
    } else {
      switch (*rating.rating) {
        case Satisfaction::Satisfied:
          f.satisfied = 1;
          if (rating.by_default) f.default_satisfied = 1;
          break;
        case Satisfaction::BasicallySatisfied: f.basically_satisfied = 1; break;
        case Satisfaction::Dissatisfied: f.dissatisfied = 1; break;
      }
    }
  }
  return f;
}

// The department row a letter belongs to: (0, id) | (1, name) | (2, "") for 未转办.
using DepartmentKey = std::tuple<int, std::int64_t, std::string>;
DepartmentKey department_key(const Letter& l) {
  if (l.department_id) return {0, *l.department_id, {}};
  if (!l.department.empty()) return {1, 0, l.department};
  return {2, 0, {}};
}

}  // namespace

StatisticsPeriod StatisticsPeriod::of_year(int y) {
  if (y < 2000 || y > 2100) throw ValidationError({"统计年份应在2000年至2100年之间"});
  return StatisticsPeriod{y, std::nullopt};
}

StatisticsPeriod StatisticsPeriod::of_month(int y, unsigned m) {
  auto p = of_year(y);
  if (m < 1 || m > 12) throw ValidationError({"统计月份应为1至12月"});
  p.month = m;
  return p;
}

Date StatisticsPeriod::first() const {
  return Date{std::chrono::year{year} / std::chrono::month{month.value_or(1)} / 1};
}

Date StatisticsPeriod::last() const {
  return Date{year_month_day{std::chrono::year{year} / std::chrono::month{month.value_or(12)} / std::chrono::last}};
}

std::string StatisticsPeriod::label() const {
  return std::to_string(year) + "年" + (month ? std::to_string(*month) + "月" : "");
}

std::string StatisticsPeriod::code() const {
  if (!month) return std::to_string(year);
  return std::to_string(year) + (*month < 10 ? "-0" : "-") + std::to_string(*month);
}

std::optional<StatisticsPeriod> parse_statistics_period(std::string_view text) {
  const auto dash = text.find('-');
  const auto y = parse_int(text.substr(0, dash));
  if (!y || text.substr(0, dash).size() != 4 || *y < 2000 || *y > 2100) return std::nullopt;
  if (dash == std::string_view::npos) return StatisticsPeriod::of_year(*y);
  const auto m_text = text.substr(dash + 1);
  const auto m = parse_int(m_text);
  if (!m || m_text.size() > 2 || *m < 1 || *m > 12) return std::nullopt;
  return StatisticsPeriod::of_month(*y, static_cast<unsigned>(*m));
}

std::optional<int> Rate::per_mille() const { return share(numerator, denominator, 1000); }
std::optional<double> Rate::percent() const { return tenths_value(per_mille()); }
std::string Rate::text() const { return tenths_text(per_mille(), "%"); }

std::optional<int> AverageWorkingDays::tenths() const { return share(total_days, count, 10); }
std::optional<double> AverageWorkingDays::value() const { return tenths_value(tenths()); }
std::string AverageWorkingDays::text() const { return tenths_text(tenths(), ""); }

LetterFigures& LetterFigures::operator+=(const LetterFigures& o) {
  received += o.received;
  accepted += o.accepted;
  rejected += o.rejected;
  merged += o.merged;
  awaiting_screening += o.awaiting_screening;
  overdue += o.overdue;
  unanswered_too_long += o.unanswered_too_long;
  answered += o.answered;
  answered_on_time += o.answered_on_time;
  reply_working_days += o.reply_working_days;
  satisfied += o.satisfied;
  default_satisfied += o.default_satisfied;
  basically_satisfied += o.basically_satisfied;
  dissatisfied += o.dissatisfied;
  awaiting_rating += o.awaiting_rating;
  return *this;
}

LetterStatistics compute_letter_statistics(const std::vector<Letter>& letters, StatisticsPeriod period, Date today,
                                           const WorkingDayCalendar& calendar, const LetterDeadlines& deadlines) {
  LetterStatistics s;
  s.period = period;
  s.today = today;
  struct DepartmentRow {
    LetterStatisticsRow row;
    Date named_on;  // received_on of the letter whose name the row shows
  };
  std::map<DepartmentKey, DepartmentRow> departments;
  std::map<LetterCategory, LetterFigures> categories;
  const LetterFigures none;
  for (const auto& l : letters) {
    const LetterFigures f = figures_of(l, period, today, calendar, deadlines, s.warning);
    if (f == none) continue;
    s.total += f;
    categories[l.category] += f;
    const auto key = department_key(l);
    auto [it, inserted] = departments.try_emplace(key);
    auto& d = it->second;
    if (inserted || (!l.department.empty() && l.received_on >= d.named_on)) {
      d.row.label = std::get<0>(key) == 2 ? std::string(kUnassignedDepartmentLabel) : l.department;
      d.row.department_id = l.department_id;
      d.named_on = l.received_on;
    }
    d.row.figures += f;
  }
  for (auto& [key, d] : departments) {
    if (d.row.label.empty()) d.row.label = "部门" + std::to_string(std::get<1>(key));  // an id without a name
    s.by_department.push_back(std::move(d.row));
  }
  for (auto c : letter_categories()) {
    auto it = categories.find(c);
    if (it == categories.end()) continue;
    s.by_category.push_back(LetterStatisticsRow{to_label(c), std::nullopt, c, it->second});
  }
  return s;
}

LetterMonthlySeries compute_letter_monthly_series(const std::vector<Letter>& letters, int year, Date today,
                                                  const WorkingDayCalendar& calendar,
                                                  const LetterDeadlines& deadlines) {
  LetterMonthlySeries series;
  series.year = StatisticsPeriod::of_year(year).year;
  for (unsigned m = 1; m <= 12; ++m) {
    const auto period = StatisticsPeriod::of_month(year, m);
    LetterFigures f;
    for (const auto& l : letters) f += figures_of(l, period, today, calendar, deadlines, series.warning);
    series.months.push_back(period);
    series.figures.push_back(f);
  }
  return series;
}

}  // namespace zwgk::domain
