#include "domain/date.hpp"

#include <cstdio>

#include "domain/china_time.hpp"

namespace zwgk::domain {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
int digits(std::string_view s, std::size_t from, std::size_t n) {
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}
}  // namespace

std::optional<Date> Date::parse(std::string_view iso) {
  // Exactly yyyy-mm-dd: no signs, no single-digit months or days, no trailing time.
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(iso[i])) return std::nullopt;
  const int y = digits(iso, 0, 4);
  const int m = digits(iso, 5, 2);
  const int d = digits(iso, 8, 2);
  if (y < 1) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;  // 2017-02-30, month 13, day 00 ...
  return Date{ymd};
}

Date Date::from_sys_days(std::chrono::sys_days d) { return Date{std::chrono::year_month_day{d}}; }

Date Date::today() {
  return china_time(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())).date;
}

long long today_ends_at_unix() {
  const auto next_day = china_midnight(Date::from_sys_days(Date::today().days() + std::chrono::days{1}));
  return next_day.time_since_epoch().count();
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string Date::chinese() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d年%02u月%02u日", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

int Date::year() const { return static_cast<int>(ymd.year()); }

std::chrono::sys_days Date::days() const { return std::chrono::sys_days{ymd}; }

}  // namespace zwgk::domain
