#pragma once
// Reads the holiday calendar files (data/holiday-cn/YYYY.json) and builds the
// working-day calendar the deadlines are counted on (domain/working_day_calendar.hpp).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "app/config.hpp"
#include "domain/calendar_source.hpp"
#include "domain/working_day_calendar.hpp"

namespace zwgk::app {

// config.holiday_dir (zwgk.toml holiday_dir / ZWGK_HOLIDAY_DIR), else <source>/data/holiday-cn.
std::string holiday_dir(const Config& config);

// Every file named YYYY.json in `dir` (other files, such as schema.json and README.md, are
// ignored). Throws domain::HolidayDataError with a one-line message naming the directory or
// the file: missing directory, no year files, unreadable or malformed file.
domain::WorkingDayCalendar load_working_day_calendar(const std::string& dir);

// The holiday directory as `zwgk serve` sees it (domain/calendar_source.hpp): loaded once,
// and loaded again when a year file in it is added, removed or rewritten.
//
//  - current() looks at the directory at most once per `check_every` (names, sizes and
//    modification times of the YYYY.json files; nothing is read when they are unchanged)
//    and reloads only when that listing changed.
//  - A reload that fails (a malformed new file, the directory gone) is logged once per
//    change and the last good calendar stays in use; the next change is tried again.
//  - If the first load fails the source starts with weekends only (last_error() says why).
//  - Thread-safe: every server thread may call current(); one of them does the check while
//    the others wait for it (a check is a directory listing; a reload parses ~20 small files).
class HolidayDirectoryCalendar final : public domain::CalendarSource {
 public:
  explicit HolidayDirectoryCalendar(std::string dir,
                                    std::chrono::steady_clock::duration check_every = std::chrono::seconds(1));
  std::shared_ptr<const domain::WorkingDayCalendar> current() const override;
  // Why the last load failed; "" when it succeeded.
  std::string last_error() const;

 private:
  using Listing = std::vector<std::tuple<std::string, std::uintmax_t, std::filesystem::file_time_type>>;
  void reload_if_changed() const;  // with mutex_ held

  const std::string dir_;
  const std::chrono::steady_clock::duration check_every_;
  mutable std::mutex mutex_;
  mutable std::chrono::steady_clock::time_point last_check_;
  mutable Listing listing_;
  mutable std::shared_ptr<const domain::WorkingDayCalendar> calendar_;
  mutable std::string error_;
};

}  // namespace zwgk::app
