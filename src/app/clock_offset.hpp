#pragma once
// A testing aid for end-to-end tests of rules that wait for days (a consultation closing, a
// 反馈 falling due): with ZWGK_CLOCK_OFFSET_FILE=<path>, `zwgk serve` tells the time as the
// system clock plus the whole seconds the file holds ("0", "2592000" for 30 days later).
// The file is read again whenever it changes, so a test moves the server's time without a
// restart. Absent, empty or unreadable: offset 0. `zwgk serve` warns at start when it is
// set; it is never set in production (docs/operations.md).
#include <string>

#include "domain/clock.hpp"

namespace zwgk::app {

domain::UnixClock offset_clock(std::string path);

}  // namespace zwgk::app
