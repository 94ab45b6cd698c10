#pragma once
// Where the deadlines get their working-day calendar from (working_day_calendar.hpp).
//
// One CalendarSource serves the whole process: `zwgk serve` gives the same one to the
// public site (WebOptions::calendar) and to the console (ConsoleOptions::calendar), so a
// holiday file added to the holiday directory moves every deadline at the same moment —
// 依申请公开 reply deadlines (Art. 33) and document publication deadlines (Art. 26) alike.
// The file-backed source is app::HolidayDirectoryCalendar (app/working_day_calendar_loader.hpp);
// tests and one-shot commands use fixed_calendar.
#include <memory>

#include "domain/working_day_calendar.hpp"

namespace zwgk::domain {

class CalendarSource {
 public:
  virtual ~CalendarSource() = default;
  // The calendar as it is now; never null. Take it once per page and use that one pointer
  // for every date on the page, so a reload in between cannot mix two calendars.
  virtual std::shared_ptr<const WorkingDayCalendar> current() const = 0;
};

using CalendarSourcePtr = std::shared_ptr<const CalendarSource>;

// Always the same calendar. Default: no holiday data (weekends only, with the missing-year
// warning).
CalendarSourcePtr fixed_calendar(WorkingDayCalendar calendar = {});

}  // namespace zwgk::domain
