#pragma once
// China Standard Time (北京时间): UTC+8 all year, no daylight saving. The one place that
// turns an instant into the civil date and time of day a reader in China expects, and a
// civil date back into the instant it starts. Timestamps are stored in UTC.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

// The text forms of an instant (china_time.cpp). What a page, a notice or a form shows is
// China time to the minute; what the store keeps is UTC to the second.
std::optional<std::chrono::sys_seconds> parse_china_minute(std::string_view text);  // "YYYY-MM-DD[T ]HH:MM[:SS]"
std::string format_china_minute(std::chrono::sys_seconds t);                         // "2026-12-05 22:30"
std::string format_china_local_input(std::chrono::sys_seconds t);                    // "2026-12-05T22:30" (datetime-local)
std::string to_utc_iso(std::chrono::sys_seconds t);                                  // "2026-12-05T14:30:00Z"
std::optional<std::chrono::sys_seconds> parse_utc_iso(std::string_view text);        // the form above only
inline std::chrono::sys_seconds instant_of_unix(std::int64_t s) { return std::chrono::sys_seconds{std::chrono::seconds{s}}; }
// The same for Unix seconds, where 0 (or less) means "not yet": "" (or `none`) and 0.
std::string format_china_minute_of_unix(std::int64_t unix_seconds, std::string_view none = {});
std::string to_utc_iso_of_unix(std::int64_t unix_seconds);       // "" for 0
std::int64_t unix_of_utc_iso(std::string_view text);             // 0 for "" or anything else

// The instant the day after `date` begins: until when something true on `date` holds (a
// page whose phase or deadline moves with the China date is cached until then).
inline std::chrono::sys_seconds china_midnight_after(const Date& date) {
  return china_midnight(Date::from_sys_days(date.days() + std::chrono::days(1)));
}

}  // namespace zwgk::domain
