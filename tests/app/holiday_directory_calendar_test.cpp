// app::HolidayDirectoryCalendar: `zwgk serve`'s one calendar source. It reloads when a year
// file is added or rewritten, not more often than asked, keeps the last good calendar when
// a new file is bad, and hands out the same calendar while nothing changed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/working_day_calendar_loader.hpp"
#include "support/holiday_calendar.hpp"

namespace zwgk::test {
namespace {

namespace fs = std::filesystem;

struct HolidayDir {
  HolidayDir() {
    std::string tmpl = (fs::temp_directory_path() / "zwgk-holidays-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
    write(2024, holiday_year_file(2024));
    write(2025, holiday_year_file(2025));
  }
  ~HolidayDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(int year, const std::string& text) const {
    std::ofstream(path / (std::to_string(year) + ".json"), std::ios::binary) << text;
  }
  fs::path path;
};

TEST(HolidayDirectoryCalendar, ReloadsWhenAYearFileIsAddedAndKeepsTheCalendarOtherwise) {
  const HolidayDir dir;
  const app::HolidayDirectoryCalendar source(dir.path.string(), std::chrono::seconds(0));
  const auto first = source.current();
  EXPECT_EQ(first->published_years(), (std::vector<int>{2024, 2025}));
  EXPECT_EQ(source.current(), first);  // unchanged directory: the same calendar, not a reload

  dir.write(2026, holiday_year_file(2026));
  const auto second = source.current();
  EXPECT_EQ(second->published_years(), (std::vector<int>{2024, 2025, 2026}));
  EXPECT_FALSE(second->is_working_day(d("2026-10-05")));  // 国庆节
  EXPECT_EQ(first->published_years().size(), 2u);          // a page holding the old one keeps it
}

TEST(HolidayDirectoryCalendar, LooksAtTheDirectoryAtMostOncePerInterval) {
  const HolidayDir dir;
  const app::HolidayDirectoryCalendar source(dir.path.string(), std::chrono::hours(1));
  dir.write(2026, holiday_year_file(2026));
  EXPECT_FALSE(source.current()->is_published(2026));
}

TEST(HolidayDirectoryCalendar, ABadNewFileKeepsTheLastGoodCalendarUntilItIsFixed) {
  const HolidayDir dir;
  const app::HolidayDirectoryCalendar source(dir.path.string(), std::chrono::seconds(0));
  const auto good = source.current();
  dir.write(2026, "{\"year\": 2026, \"days\": [");  // cut off mid-copy
  EXPECT_EQ(source.current(), good);
  EXPECT_NE(source.last_error().find("2026.json"), std::string::npos) << source.last_error();

  dir.write(2026, holiday_year_file(2026));
  EXPECT_TRUE(source.current()->is_published(2026));
  EXPECT_EQ(source.last_error(), "");
}

TEST(HolidayDirectoryCalendar, AMissingDirectoryStartsWithWeekendsOnly) {
  const app::HolidayDirectoryCalendar source((fs::temp_directory_path() / "zwgk-no-such-holiday-dir").string());
  EXPECT_TRUE(source.current()->published_years().empty());
  EXPECT_NE(source.last_error().find("节假日数据目录不存在"), std::string::npos) << source.last_error();
}

}  // namespace
}  // namespace zwgk::test
