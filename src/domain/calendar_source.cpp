// A calendar that never changes (calendar_source.hpp).
#include "domain/calendar_source.hpp"

#include <utility>

namespace zwgk::domain {

namespace {

class FixedCalendar final : public CalendarSource {
 public:
  explicit FixedCalendar(WorkingDayCalendar c) : calendar_(std::make_shared<const WorkingDayCalendar>(std::move(c))) {}
  std::shared_ptr<const WorkingDayCalendar> current() const override { return calendar_; }

 private:
  std::shared_ptr<const WorkingDayCalendar> calendar_;
};

}  // namespace

CalendarSourcePtr fixed_calendar(WorkingDayCalendar calendar) {
  return std::make_shared<const FixedCalendar>(std::move(calendar));
}

}  // namespace zwgk::domain
