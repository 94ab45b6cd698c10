#pragma once
// Reads the holiday calendar files (data/holiday-cn/YYYY.json) and builds the
// working-day calendar the deadlines are counted on (domain/working_day_calendar.hpp).
#include <stdexcept>
#include <string>

#include "app/config.hpp"
#include "domain/working_day_calendar.hpp"

namespace zwgk::app {

// config.holiday_dir (zwgk.toml holiday_dir / ZWGK_HOLIDAY_DIR), else <source>/data/holiday-cn.
std::string holiday_dir(const Config& config);

// Every file named YYYY.json in `dir` (other files, such as schema.json and README.md, are
// ignored). Throws domain::HolidayDataError with a one-line message naming the directory or
// the file: missing directory, no year files, unreadable or malformed file.
domain::WorkingDayCalendar load_working_day_calendar(const std::string& dir);

}  // namespace zwgk::app
