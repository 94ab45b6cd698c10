#pragma once
// The working-day calendar (工作日): weekends, public holidays (节假日) and make-up working
// days (调休), from the State Council's yearly notice 《国务院办公厅关于YYYY年部分节假日安排
// 的通知》 as published in data/holiday-cn/ (one JSON file per year; format in that folder's
// README.md). Statutory periods of 《政府信息公开条例》 (2019) are counted in working days:
// Art. 26 (proactive disclosure, 20), Art. 30 (补正 notice, 7), Art. 32 (third party, 15),
// Art. 33 (answer, 20, extension at most 20).
//
// Counting convention (day zero). The day something is received is day zero and is not
// counted; counting starts on the next working day, so add_working_days(d, n) is the Nth
// working day after d, and a period ends at the end of that day. This is how practice reads
// Art. 33 ¶2 ("自收到申请之日起20个工作日内") together with Art. 31 (which day counts as
// received), and the general rule 《民法典》 Art. 201 (开始的当日不计入，自下一日开始计算).
// Whether day zero itself is a working day does not matter: an application received on a
// Saturday has day zero on Saturday and day 1 on the next working day.
//
// A date is a working day by this rule, and only this rule: if a published notice lists the
// date, its `isOffDay` decides; otherwise Monday-Friday are working days and Saturday/Sunday
// are not. A file for year Y may also list late-December dates of Y-1 (2019.json holds
// 2018-12-29..31), so a date is looked up in its own year's file and the next year's.
//
// Missing years. A year is MISSING when its file is absent or cites no notice (`papers`
// empty, as 2027.json is before the notice is published); the days such a file lists are
// ignored. Dates in a missing year fall back to weekends alone, and every computation that
// counts across one carries a CalendarWarning naming it. Because the New Year arrangement of
// year Y+1 can reach back into December of Y, the last seven days of December (12-25..12-31)
// are known only when both Y and Y+1 are published; counting across them while Y+1 is
// missing warns about Y+1. Adding the year's file is all an operator does to clear it.
//
// Invariants (tested):
//  - add_working_days(d, 0) == d; for n >= 1 the result is a working day after d, and
//    working_days_between(d, add_working_days(d, n)) == n.
//  - working_days_between(a, b) counts working days in (a, b]; it is 0 when a == b and
//    -working_days_between(b, a) when b < a.
//  - The calendar is a value built from data; nothing computed from it is stored. Due dates
//    are derived from it every time they are shown, so a corrected or newly added year's
//    file moves every open deadline at once.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.hpp"

namespace zwgk::domain {

// One day a notice lists: a day off (节假日, off_day) or a make-up working day (调休上班).
struct HolidayArrangement {
  Date date;
  std::string name;  // as the notice writes it: 国庆节, 国庆节、中秋节, ...
  bool off_day = true;
};

// One year's notice, parsed from data/holiday-cn/YYYY.json.
struct HolidayYear {
  int year = 0;
  std::vector<std::string> papers;  // URLs of the notice(s); empty = not published
  std::vector<HolidayArrangement> days;
  bool published() const { return !papers.empty(); }
};

// A holiday file that cannot be used; the message is one line in Chinese, without the file
// name (the loader that knows the file adds it).
class HolidayDataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses one year's JSON text. `year` is the year the file is for (its name, YYYY.json);
// the text's "year" must agree, and every listed date must fall in that year or in December
// of the year before. Throws HolidayDataError.
HolidayYear parse_holiday_year(int year, std::string_view json_text);

// The years a computation relied on without data. Empty = the result is exact.
struct CalendarWarning {
  std::vector<int> missing_years;  // ascending, unique
  bool empty() const { return missing_years.empty(); }
  // "2027年的节假日安排尚未发布（缺少国务院通知），按周末推算，结果可能不准确"; "" when empty.
  std::string message() const;
  void merge(const CalendarWarning& other);
};

struct WorkingDayDate {
  Date date;
  CalendarWarning warning;
};

struct WorkingDayCount {
  int days = 0;
  CalendarWarning warning;
};

// The most working days one computation may count (a bound on the work, not a legal limit).
inline constexpr int kMaxCountedWorkingDays = 1000;

class WorkingDayCalendar {
 public:
  WorkingDayCalendar() = default;  // no data: every year is missing
  // Later years win if two files list the same date (the later notice is the newer word).
  explicit WorkingDayCalendar(std::vector<HolidayYear> years);
  // Convenience: parse (year, JSON text) pairs. Throws HolidayDataError, prefixed "YYYY.json: ".
  static WorkingDayCalendar from_json(const std::vector<std::pair<int, std::string>>& files);

  bool is_working_day(Date d) const;
  // The notice's entry for d, if a published notice lists it.
  std::optional<HolidayArrangement> arrangement(Date d) const;
  // Years with a published notice, ascending.
  std::vector<int> published_years() const;
  bool is_published(int year) const { return published_.contains(year); }
  // Missing years that d's status depends on (none = d is known exactly).
  CalendarWarning warning_for(Date d) const;
  // Missing years among all dates in [first, last].
  CalendarWarning warning_for(Date first, Date last) const;

  // The Nth working day after start (start is day zero). n in [0, kMaxCountedWorkingDays],
  // else ValidationError. The warning covers (start, result].
  WorkingDayDate add_working_days(Date start, int n) const;
  // Working days in (a, b]; negative when b < a. The warning covers the dates counted.
  // ValidationError if a and b are more than 10 years apart.
  WorkingDayCount working_days_between(Date a, Date b) const;

 private:
  std::map<Date, HolidayArrangement> listed_;
  std::set<int> published_;
};

// "星期一" .. "星期日".
std::string chinese_weekday(Date d);
// "2024年10月30日 星期三".
std::string chinese_date_with_weekday(Date d);

}  // namespace zwgk::domain
