#pragma once
// China Standard Time (北京时间): UTC+8 all year, no daylight saving. The one place that
// turns an instant into the civil date and time of day a reader in China expects, and a
// civil date back into the instant it starts. Timestamps are stored in UTC.
#include <chrono>
#include <cstdint>

#include "domain/date.hpp"

namespace zwgk::domain {

inline constexpr std::chrono::hours kChinaUtcOffset{8};

struct ChinaTime {
  Date date;
  std::chrono::hh_mm_ss<std::chrono::seconds> time{std::chrono::seconds{0}};
};

// The date and time of day in China Standard Time at `instant`.
inline ChinaTime china_time(std::chrono::sys_seconds instant) {
  const auto local = instant + kChinaUtcOffset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  return {Date::from_sys_days(day), std::chrono::hh_mm_ss<std::chrono::seconds>{local - day}};
}
inline ChinaTime china_time_of_unix(std::int64_t unix_seconds) {
  return china_time(std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}});
}

// The date in China Standard Time at `instant` (a Unix time in seconds).
inline Date china_date_of_unix(std::int64_t unix_seconds) { return china_time_of_unix(unix_seconds).date; }

// The instant at which `date` begins (00:00 China Standard Time).
inline std::chrono::sys_seconds china_midnight(const Date& date) {
  return std::chrono::sys_seconds{date.days()} - kChinaUtcOffset;
}

}  // namespace zwgk::domain
