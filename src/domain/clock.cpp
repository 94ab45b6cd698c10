// The day of an injected clock (clock.hpp).
#include "domain/clock.hpp"

#include <chrono>

namespace zwgk::domain {

namespace {
constexpr std::int64_t kChinaOffsetSeconds = 8 * 3600;  // China Standard Time = UTC+8
}

std::int64_t system_unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Date china_date(std::int64_t unix_seconds) {
  const std::chrono::sys_seconds t{std::chrono::seconds{unix_seconds + kChinaOffsetSeconds}};
  return Date::from_sys_days(std::chrono::floor<std::chrono::days>(t));
}

UnixClock clock_at(Date day) {
  const std::int64_t at =
      std::chrono::duration_cast<std::chrono::seconds>(day.days().time_since_epoch()).count() - kChinaOffsetSeconds;
  return [at] { return at; };
}

}  // namespace zwgk::domain
