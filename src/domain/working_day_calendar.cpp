// The working-day calendar (工作日): see working_day_calendar.hpp for the rules.
#include "domain/working_day_calendar.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/errors.hpp"
#include "domain/one_line.hpp"

namespace zwgk::domain {
namespace {

using std::chrono::days;

// The New Year arrangement of year Y+1 has reached back to 12-29 of Y (2007.json ... 2023.json);
// the last seven days of December are treated as depending on the next year's notice.
constexpr unsigned kNextYearReachesBackFrom = 25;

bool is_weekend(Date d) {
  const std::chrono::weekday wd{d.days()};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

bool in_last_week_of_december(Date d) {
  return d.ymd.month() == std::chrono::December && static_cast<unsigned>(d.ymd.day()) >= kNextYearReachesBackFrom;
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; users need the rest.
std::string json_error_text(std::string_view s) {
  if (s.starts_with("[json.exception.")) {
    const auto close = s.find("] ");
    if (close != std::string_view::npos) s.remove_prefix(close + 2);
  }
  return one_line(s);
}

}  // namespace

HolidayYear parse_holiday_year(int year, std::string_view json_text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::exception& e) {
    throw HolidayDataError("不是有效的 JSON: " + json_error_text(e.what()));
  }
  if (!j.is_object()) throw HolidayDataError("应为 JSON 对象（含 year、papers、days）");
  const auto field = [&](const char* name) -> const nlohmann::json& {
    const auto it = j.find(name);
    if (it == j.end()) throw HolidayDataError(std::string("缺少字段 ") + name);
    return *it;
  };
  const auto& y = field("year");
  if (!y.is_number_integer()) throw HolidayDataError("字段 year 应为整数");
  if (y.get<long long>() != year)
    throw HolidayDataError("字段 year 为 " + std::to_string(y.get<long long>()) + "，与文件名的年份 " +
                           std::to_string(year) + " 不一致");
  HolidayYear out;
  out.year = year;
  const auto& papers = field("papers");
  if (!papers.is_array()) throw HolidayDataError("字段 papers 应为数组");
  for (const auto& p : papers) {
    if (!p.is_string()) throw HolidayDataError("字段 papers 的每一项应为字符串（通知网址）");
    out.papers.push_back(p.get<std::string>());
  }
  const auto& list = field("days");
  if (!list.is_array()) throw HolidayDataError("字段 days 应为数组");
  std::set<Date> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& e = list[i];
    const std::string where = "days 第 " + std::to_string(i + 1) + " 项";
    if (!e.is_object()) throw HolidayDataError(where + " 应为对象");
    const auto name = e.find("name");
    const auto date = e.find("date");
    const auto off = e.find("isOffDay");
    if (name == e.end() || !name->is_string()) throw HolidayDataError(where + " 缺少字符串字段 name");
    if (date == e.end() || !date->is_string()) throw HolidayDataError(where + " 缺少字符串字段 date");
    if (off == e.end() || !off->is_boolean()) throw HolidayDataError(where + " 缺少布尔字段 isOffDay");
    const auto text = date->get<std::string>();
    const auto d = Date::parse(text);
    if (!d) throw HolidayDataError(where + " 的日期无效: " + text);
    const bool own_year = d->year() == year;
    const bool december_before = d->year() == year - 1 && d->ymd.month() == std::chrono::December;
    if (!own_year && !december_before)
      throw HolidayDataError(where + " 的日期 " + text + " 不属于 " + std::to_string(year) + " 年的安排");
    if (!seen.insert(*d).second) throw HolidayDataError(where + " 的日期 " + text + " 重复");
    out.days.push_back({*d, name->get<std::string>(), off->get<bool>()});
  }
  return out;
}

std::string CalendarWarning::message() const {
  if (missing_years.empty()) return {};
  std::string years;
  for (std::size_t i = 0; i < missing_years.size(); ++i) {
    if (i) years += "、";
    years += std::to_string(missing_years[i]) + "年";
  }
  return years + "的节假日安排尚未发布（缺少国务院通知），按周末推算，结果可能不准确";
}

void CalendarWarning::merge(const CalendarWarning& other) {
  std::vector<int> all = missing_years;
  all.insert(all.end(), other.missing_years.begin(), other.missing_years.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  missing_years = std::move(all);
}

WorkingDayCalendar::WorkingDayCalendar(std::vector<HolidayYear> years) {
  std::sort(years.begin(), years.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
  for (const auto& y : years) {
    if (!y.published()) continue;  // a file that cites no notice is a placeholder: ignore its days
    published_.insert(y.year);
    for (const auto& day : y.days) listed_.insert_or_assign(day.date, day);
  }
}

WorkingDayCalendar WorkingDayCalendar::from_json(const std::vector<std::pair<int, std::string>>& files) {
  std::vector<HolidayYear> years;
  for (const auto& [year, text] : files) {
    try {
      years.push_back(parse_holiday_year(year, text));
    } catch (const HolidayDataError& e) {
      throw HolidayDataError(std::to_string(year) + ".json: " + e.what());
    }
  }
  return WorkingDayCalendar(std::move(years));
}

std::optional<HolidayArrangement> WorkingDayCalendar::arrangement(Date d) const {
  const auto it = listed_.find(d);
  if (it == listed_.end()) return std::nullopt;
  return it->second;
}

bool WorkingDayCalendar::is_working_day(Date d) const {
  const auto it = listed_.find(d);
  if (it != listed_.end()) return !it->second.off_day;
  return !is_weekend(d);
}

std::vector<int> WorkingDayCalendar::published_years() const { return {published_.begin(), published_.end()}; }

CalendarWarning WorkingDayCalendar::warning_for(Date d) const {
  CalendarWarning w;
  if (!is_published(d.year())) w.missing_years.push_back(d.year());
  if (in_last_week_of_december(d) && !is_published(d.year() + 1)) w.missing_years.push_back(d.year() + 1);
  return w;
}

CalendarWarning WorkingDayCalendar::warning_for(Date first, Date last) const {
  CalendarWarning w;
  if (last < first) return w;
  // Per year rather than per day: a year's own status is uniform, and only its last week
  // also depends on the next year.
  for (int y = first.year(); y <= last.year(); ++y) {
    if (!is_published(y)) w.missing_years.push_back(y);
    const Date until = y == last.year() ? last : Date{std::chrono::year{y} / 12 / 31};
    if (in_last_week_of_december(until) && !is_published(y + 1)) w.missing_years.push_back(y + 1);
  }
  w.merge({});  // sort and de-duplicate
  return w;
}

WorkingDayDate WorkingDayCalendar::add_working_days(Date start, int n) const {
  if (n < 0 || n > kMaxCountedWorkingDays)
    throw ValidationError({"工作日数应为 0 到 " + std::to_string(kMaxCountedWorkingDays) + " 之间的整数"});
  auto d = start.days();
  for (int counted = 0; counted < n;) {
    d += days{1};
    if (is_working_day(Date::from_sys_days(d))) ++counted;
  }
  const Date end = Date::from_sys_days(d);
  WorkingDayDate out{end, {}};
  if (n > 0) out.warning = warning_for(Date::from_sys_days(start.days() + days{1}), end);
  return out;
}

WorkingDayCount WorkingDayCalendar::working_days_between(Date a, Date b) const {
  if (b < a) {
    auto r = working_days_between(b, a);
    r.days = -r.days;
    return r;
  }
  if ((b.days() - a.days()).count() > 3660)
    throw ValidationError({"两个日期相隔超过 10 年，无法计算工作日"});
  WorkingDayCount out;
  for (auto d = a.days() + days{1}; d <= b.days(); d += days{1})
    if (is_working_day(Date::from_sys_days(d))) ++out.days;
  if (a < b) out.warning = warning_for(Date::from_sys_days(a.days() + days{1}), b);
  return out;
}

std::string chinese_weekday(Date d) {
  static const char* const names[] = {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"};
  return names[std::chrono::weekday{d.days()}.c_encoding()];
}

std::string chinese_date_with_weekday(Date d) { return d.chinese() + " " + chinese_weekday(d); }

}  // namespace zwgk::domain
