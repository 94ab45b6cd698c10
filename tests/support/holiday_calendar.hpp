#pragma once
// The shipped State Council holiday calendar (data/holiday-cn/) for domain tests that count
// working days on real arrangements.
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"

namespace zwgk::test {

// A date the test spells out; a typo fails loudly instead of testing nothing.
inline domain::Date d(const char* iso) {
  auto x = domain::Date::parse(iso);
  if (!x) throw std::runtime_error(std::string("bad test date ") + iso);
  return *x;
}

inline std::string holiday_year_file(int year) {
  std::ifstream in(std::string(ZWGK_SOURCE_DIR) + "/data/holiday-cn/" + std::to_string(year) + ".json");
  if (!in) throw std::runtime_error("missing data file " + std::to_string(year));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The shipped data, 2007..2027, except the years in `without`.
inline domain::WorkingDayCalendar shipped_calendar(const std::set<int>& without = {}) {
  std::vector<std::pair<int, std::string>> files;
  for (int y = 2007; y <= 2027; ++y)
    if (!without.contains(y)) files.emplace_back(y, holiday_year_file(y));
  return domain::WorkingDayCalendar::from_json(files);
}

// The shipped data, loaded once per test binary.
inline const domain::WorkingDayCalendar& calendar() {
  static const domain::WorkingDayCalendar c = shipped_calendar();
  return c;
}

}  // namespace zwgk::test
