#pragma once
// "Today" from an injected clock. The public site (WebOptions::clock) and the console
// (ConsoleOptions::clock) take the time from a clock they are given, so tests can fix the
// day; only the command line (src/app) reads the real clock, through system_unix_seconds().
#include <cstdint>
#include <functional>

#include "domain/date.hpp"

namespace zwgk::domain {

// Seconds since the Unix epoch; the same shape as store::Clock.
using UnixClock = std::function<std::int64_t()>;

// The real clock.
std::int64_t system_unix_seconds();
// `clock`, or the real clock when none was given (options whose clock tests may leave unset).
inline UnixClock or_system_clock(const UnixClock& clock) { return clock ? clock : UnixClock(system_unix_seconds); }

// The calendar day in China Standard Time (UTC+8 all year, no daylight saving) at
// `unix_seconds`; china_date(system_unix_seconds()) == Date::today().
Date china_date(std::int64_t unix_seconds);

// A clock stopped at the start (00:00 China Standard Time) of `day` (tests).
UnixClock clock_at(Date day);

}  // namespace zwgk::domain
