// The working-day calendar on the real State Council arrangements in data/holiday-cn/.
// Every expected date below was counted by hand from the JSON files (comments show the
// count); none was copied from the implementation's output.
#include "domain/working_day_calendar.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/errors.hpp"
#include "support/holiday_calendar.hpp"

namespace {

using zwgk::domain::CalendarWarning;
using zwgk::domain::Date;
using zwgk::domain::HolidayDataError;
using zwgk::domain::HolidayYear;
using zwgk::domain::parse_holiday_year;
using zwgk::domain::ValidationError;
using zwgk::domain::WorkingDayCalendar;

using zwgk::test::calendar;
using zwgk::test::d;
using zwgk::test::holiday_year_file;
using zwgk::test::shipped_calendar;

const std::string kWarning2026 = "2026年的节假日安排尚未发布（缺少国务院通知），按周末推算，结果可能不准确";
const std::string kWarning2027 = "2027年的节假日安排尚未发布（缺少国务院通知），按周末推算，结果可能不准确";

// --- which days are working days ---------------------------------------------------------

TEST(WorkingDayCalendar, OrdinaryWeekdaysWorkAndWeekendsRest) {
  EXPECT_TRUE(calendar().is_working_day(d("2024-10-21")));   // Monday, not listed
  EXPECT_TRUE(calendar().is_working_day(d("2024-10-25")));   // Friday
  EXPECT_FALSE(calendar().is_working_day(d("2024-10-19")));  // Saturday, not listed
  EXPECT_FALSE(calendar().is_working_day(d("2024-10-20")));  // Sunday
}

TEST(WorkingDayCalendar, NationalDay2024IsOffOnWeekdays) {
  for (const char* day : {"2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-07"})
    EXPECT_FALSE(calendar().is_working_day(d(day))) << day;
  const auto a = calendar().arrangement(d("2024-10-01"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->name, "国庆节");
  EXPECT_TRUE(a->off_day);
  EXPECT_FALSE(calendar().arrangement(d("2024-10-21")));  // not listed
}

TEST(WorkingDayCalendar, MakeUpSaturdayAndSundayAreWorkingDays) {
  EXPECT_TRUE(calendar().is_working_day(d("2024-10-12")));  // Saturday, 国庆节 调休
  EXPECT_TRUE(calendar().is_working_day(d("2024-09-29")));  // Sunday, 国庆节 调休
  EXPECT_TRUE(calendar().is_working_day(d("2024-02-04")));  // Sunday, 春节 调休
  // The working day before a make-up Saturday: the next working day is that Saturday.
  EXPECT_EQ(calendar().add_working_days(d("2024-10-11"), 1).date, d("2024-10-12"));
}

TEST(WorkingDayCalendar, LateDecemberDatesComeFromTheNextYearsFile) {
  // 2019.json lists 2018-12-29 (Sat) as a working day and 2018-12-30/31 as days off.
  EXPECT_TRUE(calendar().is_working_day(d("2018-12-29")));
  EXPECT_FALSE(calendar().is_working_day(d("2018-12-31")));  // a Monday, off
  EXPECT_EQ(calendar().add_working_days(d("2018-12-28"), 1).date, d("2018-12-29"));
  // 12-30, 12-31, 01-01 off -> the next working day after the make-up Saturday is 2019-01-02.
  EXPECT_EQ(calendar().add_working_days(d("2018-12-29"), 1).date, d("2019-01-02"));
  EXPECT_TRUE(calendar().add_working_days(d("2018-12-28"), 3).warning.empty());

  // Without 2019.json those days are plain weekend/weekday, and counting there warns.
  const auto no2019 = shipped_calendar({2019});
  EXPECT_FALSE(no2019.is_working_day(d("2018-12-29")));
  EXPECT_TRUE(no2019.is_working_day(d("2018-12-31")));
  const auto r = no2019.add_working_days(d("2018-12-28"), 1);
  EXPECT_EQ(r.date, d("2018-12-31"));
  EXPECT_EQ(r.warning.missing_years, std::vector<int>{2019});
}

TEST(WorkingDayCalendar, CovidExtensionOf2020SpringFestival) {
  EXPECT_FALSE(calendar().is_working_day(d("2020-01-31")));  // Friday, extended holiday
  EXPECT_FALSE(calendar().is_working_day(d("2020-02-01")));  // Saturday; its make-up day was cancelled
  EXPECT_TRUE(calendar().is_working_day(d("2020-02-03")));   // Monday, back to work
}

TEST(WorkingDayCalendar, EveryShippedYearUpTo2026IsPublishedWithNationalDayOff) {
  EXPECT_EQ(calendar().published_years().front(), 2007);
  EXPECT_EQ(calendar().published_years().back(), 2026);
  for (int y = 2007; y <= 2026; ++y) {
    EXPECT_TRUE(calendar().is_published(y)) << y;
    const auto oct1 = Date{std::chrono::year{y} / 10 / 1};
    EXPECT_FALSE(calendar().is_working_day(oct1)) << oct1.iso();
  }
  EXPECT_FALSE(calendar().is_published(2027));  // empty placeholder: no notice yet
  EXPECT_FALSE(calendar().is_published(2006));
}

// --- counting: day zero, add_working_days, working_days_between ---------------------------

TEST(WorkingDayCalendar, ReceiptDayIsDayZero) {
  EXPECT_EQ(calendar().add_working_days(d("2024-10-08"), 0).date, d("2024-10-08"));
  // Received on a working day (Tuesday): day 1 is the next working day, not the same day.
  EXPECT_EQ(calendar().add_working_days(d("2024-10-08"), 1).date, d("2024-10-09"));
  EXPECT_EQ(calendar().working_days_between(d("2024-10-08"), d("2024-10-08")).days, 0);
}

TEST(WorkingDayCalendar, TwentyWorkingDaysAcrossNationalDay2024) {
  // Received Fri 2024-09-27 (day 0). 09-28 Sat rest; 09-29 Sun 调休 (1); 09-30 (2);
  // 10-01..07 off; 10-08..11 (3-6); 10-12 Sat 调休 (7); 10-14..18 (8-12); 10-21..25 (13-17);
  // 10-28 (18), 10-29 (19), 10-30 Wed (20).
  const auto r = calendar().add_working_days(d("2024-09-27"), 20);
  EXPECT_EQ(r.date, d("2024-10-30"));
  EXPECT_TRUE(r.warning.empty());
  EXPECT_EQ(calendar().working_days_between(d("2024-09-27"), d("2024-10-30")).days, 20);
  EXPECT_EQ(calendar().working_days_between(d("2024-09-27"), d("2024-10-29")).days, 19);
}

TEST(WorkingDayCalendar, ReceivedOnASaturdayBeforeDragonBoat2024) {
  // Sat 2024-06-08 (day 0); 06-09 Sun; 06-10 Mon 端午节 off; 06-11..14 (1-4); 06-17..21 (5-9);
  // 06-24..28 (10-14); 07-01..05 (15-19); Mon 07-08 (20).
  EXPECT_EQ(calendar().add_working_days(d("2024-06-08"), 20).date, d("2024-07-08"));
}

TEST(WorkingDayCalendar, ReceivedTheDayBeforeSpringFestival2024) {
  // Fri 2024-02-09 (day 0); 02-10..17 off; 02-18 Sun 调休 (1); 02-19..23 (2-6); 02-26..03-01
  // (7-11); 03-04..08 (12-16); 03-11..14 (17-20) -> Thu 2024-03-14.
  EXPECT_EQ(calendar().add_working_days(d("2024-02-09"), 20).date, d("2024-03-14"));
}

TEST(WorkingDayCalendar, SpringFestivalAndNationalDay2025) {
  // Fri 2025-01-24; 01-26 Sun 调休 (1); 01-27 (2); 01-28..02-04 off; 02-05..07 (3-5);
  // 02-08 Sat 调休 (6); 02-10..14 (7-11); 02-17..21 (12-16); 02-24..27 (17-20).
  EXPECT_EQ(calendar().add_working_days(d("2025-01-24"), 20).date, d("2025-02-27"));
  // Fri 2025-09-26; 09-28 Sun 调休 (1); 09-29, 09-30 (2-3); 10-01..08 off; 10-09, 10-10 (4-5);
  // 10-11 Sat 调休 (6); 10-13..17 (7-11); 10-20..24 (12-16); 10-27..30 (17-20).
  EXPECT_EQ(calendar().add_working_days(d("2025-09-26"), 20).date, d("2025-10-30"));
}

TEST(WorkingDayCalendar, WorkingDaysBetweenIsSignedAndConsistentWithAdding) {
  EXPECT_EQ(calendar().working_days_between(d("2024-09-30"), d("2024-10-08")).days, 1);  // only 10-08
  EXPECT_EQ(calendar().working_days_between(d("2024-10-30"), d("2024-09-27")).days, -20);
  for (Date start = d("2024-01-01"); start < d("2025-03-01");
       start = Date::from_sys_days(start.days() + std::chrono::days{11})) {
    for (int n : {1, 7, 15, 20, 40}) {
      const auto end = calendar().add_working_days(start, n).date;
      EXPECT_TRUE(calendar().is_working_day(end)) << start.iso() << " + " << n;
      EXPECT_EQ(calendar().working_days_between(start, end).days, n) << start.iso() << " + " << n;
    }
  }
}

TEST(WorkingDayCalendar, RejectsANegativeCount) {
  EXPECT_THROW(calendar().add_working_days(d("2024-09-27"), -1), ValidationError);
}

// --- missing years -----------------------------------------------------------------------

TEST(WorkingDayCalendar, AMissingYearFallsBackToWeekendsAndWarns) {
  // Without 2026.json: Fri 2026-02-13 + 20 counts plain weekdays, 02-16 .. 03-13.
  const auto no2026 = shipped_calendar({2026});
  const auto r = no2026.add_working_days(d("2026-02-13"), 20);
  EXPECT_EQ(r.date, d("2026-03-13"));
  EXPECT_EQ(r.warning.missing_years, std::vector<int>{2026});
  EXPECT_EQ(r.warning.message(), kWarning2026);
  EXPECT_EQ(no2026.working_days_between(d("2026-02-13"), d("2026-03-13")).warning.missing_years,
            std::vector<int>{2026});

  // With it: 02-14 Sat 调休 (1); 02-15..23 off; 02-24..27 (2-5); 02-28 Sat 调休 (6);
  // 03-02..06 (7-11); 03-09..13 (12-16); 03-16..19 (17-20) -> 2026-03-19, no warning.
  const auto exact = calendar().add_working_days(d("2026-02-13"), 20);
  EXPECT_EQ(exact.date, d("2026-03-19"));
  EXPECT_TRUE(exact.warning.empty());
  EXPECT_EQ(exact.warning.message(), "");

  // A computation entirely inside published years does not warn about the missing one.
  EXPECT_TRUE(no2026.add_working_days(d("2025-09-26"), 20).warning.empty());
}

TEST(WorkingDayCalendar, EmptyPapers2027CountsAsMissing) {
  // Fri 2026-12-18: 12-21..25 (1-5), 12-28..31 (6-9), Fri 2027-01-01 (10: weekends only),
  // 01-04..08 (11-15), 01-11..15 (16-20).
  const auto r = calendar().add_working_days(d("2026-12-18"), 20);
  EXPECT_EQ(r.date, d("2027-01-15"));
  EXPECT_EQ(r.warning.missing_years, std::vector<int>{2027});
  EXPECT_EQ(r.warning.message(), kWarning2027);
  EXPECT_TRUE(calendar().is_working_day(d("2027-01-01")));  // unknown, so a plain Friday
}

TEST(WorkingDayCalendar, LastWeekOfDecemberDependsOnTheNextYearsNotice) {
  // 2026-12-01 (Tue) + 16: 12-02..04 (1-3), 12-07..11 (4-8), 12-14..18 (9-13), 12-21..23 (14-16).
  const auto before = calendar().add_working_days(d("2026-12-01"), 16);
  EXPECT_EQ(before.date, d("2026-12-23"));
  EXPECT_TRUE(before.warning.empty());
  // + 20 reaches 12-29: the 2027 notice could still change 12-25..31, so it warns.
  const auto into = calendar().add_working_days(d("2026-12-01"), 20);
  EXPECT_EQ(into.date, d("2026-12-29"));
  EXPECT_EQ(into.warning.missing_years, std::vector<int>{2027});
  EXPECT_TRUE(calendar().warning_for(d("2026-12-24")).empty());
  EXPECT_EQ(calendar().warning_for(d("2026-12-25")).missing_years, std::vector<int>{2027});
}

TEST(WorkingDayCalendar, AFileWithoutPapersIsIgnoredEvenIfItListsDays) {
  HolidayYear placeholder{2027, {}, {{d("2027-01-04"), "元旦", true}}};
  const WorkingDayCalendar c({placeholder});
  EXPECT_TRUE(c.is_working_day(d("2027-01-04")));  // Monday: the unpublished entry is ignored
  EXPECT_FALSE(c.is_published(2027));
}

TEST(WorkingDayCalendar, SeveralMissingYearsAreNamedTogether) {
  const WorkingDayCalendar empty;
  const auto r = empty.add_working_days(d("2026-12-18"), 20);
  EXPECT_EQ(r.warning.missing_years, (std::vector<int>{2026, 2027}));
  EXPECT_EQ(r.warning.message(),
            "2026年、2027年的节假日安排尚未发布（缺少国务院通知），按周末推算，结果可能不准确");
}

// --- parsing -----------------------------------------------------------------------------

TEST(HolidayYearFile, ParsesTheShippedFile) {
  const auto y = parse_holiday_year(2024, holiday_year_file(2024));
  EXPECT_EQ(y.year, 2024);
  EXPECT_TRUE(y.published());
  ASSERT_FALSE(y.days.empty());
  EXPECT_EQ(y.days.front().date, d("2024-01-01"));
  EXPECT_EQ(y.days.back().date, d("2024-10-12"));
  EXPECT_FALSE(y.days.back().off_day);
  EXPECT_FALSE(parse_holiday_year(2027, holiday_year_file(2027)).published());
}

TEST(HolidayYearFile, RejectsMalformedFilesWithAReason) {
  const auto message = [](int year, const std::string& text) {
    try {
      parse_holiday_year(year, text);
    } catch (const HolidayDataError& e) {
      return std::string(e.what());
    }
    return std::string("(accepted)");
  };
  EXPECT_TRUE(message(2024, "{ not json").starts_with("不是有效的 JSON")) << message(2024, "{ not json");
  EXPECT_EQ(message(2024, R"({"year": 2023, "papers": [], "days": []})"),
            "字段 year 为 2023，与文件名的年份 2024 不一致");
  EXPECT_EQ(message(2024, R"({"year": 2024, "days": []})"), "缺少字段 papers");
  EXPECT_EQ(message(2024, R"({"year": 2024, "papers": ["u"], "days": [{"name": "x", "date": "2024-02-30", "isOffDay": true}]})"),
            "days 第 1 项 的日期无效: 2024-02-30");
  EXPECT_EQ(message(2024, R"({"year": 2024, "papers": ["u"], "days": [{"name": "x", "date": "2022-05-01", "isOffDay": true}]})"),
            "days 第 1 项 的日期 2022-05-01 不属于 2024 年的安排");
  EXPECT_EQ(message(2024, R"({"year": 2024, "papers": ["u"], "days": [{"name": "x", "date": "2024-05-01", "isOffDay": "yes"}]})"),
            "days 第 1 项 缺少布尔字段 isOffDay");
  // December of the year before is allowed (2019.json holds 2018-12-29).
  EXPECT_EQ(message(2019, R"({"year": 2019, "papers": ["u"], "days": [{"name": "元旦", "date": "2018-12-29", "isOffDay": false}]})"),
            "(accepted)");
  try {
    WorkingDayCalendar::from_json({{2024, "[]"}});
    ADD_FAILURE() << "accepted";
  } catch (const HolidayDataError& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with("2024.json: ")) << e.what();
  }
}

TEST(WorkingDayCalendar, ChineseDateWithWeekday) {
  EXPECT_EQ(zwgk::domain::chinese_date_with_weekday(d("2024-10-30")), "2024年10月30日 星期三");
  EXPECT_EQ(zwgk::domain::chinese_date_with_weekday(d("2024-09-29")), "2024年09月29日 星期日");
}

}  // namespace
