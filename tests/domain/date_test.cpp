#include "domain/date.hpp"

#include <gtest/gtest.h>

using zwgk::domain::Date;
using namespace std::chrono;

TEST(Date, ParsesIsoDates) {
  const auto d = Date::parse("2017-05-02");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year(), 2017);
  EXPECT_EQ(d->ymd, year_month_day(year{2017}, month{5}, day{2}));
  EXPECT_EQ(d->iso(), "2017-05-02");
  EXPECT_EQ(d->chinese(), "2017年05月02日");
}

TEST(Date, RejectsMalformedText) {
  for (const char* bad : {"", "abc", "2017-1-2", "2017-01-2", "17-01-02", "2017/05/02", "2017-05-02 ",
                          " 2017-05-02", "2017-05-02T10:00", "+017-05-02", "2017-0a-02", "２０１７-05-02",
                          "20170502"}) {
    EXPECT_FALSE(Date::parse(bad)) << bad;
  }
}

TEST(Date, RejectsImpossibleDays) {
  for (const char* bad : {"2017-02-30", "2017-02-29", "2100-02-29", "2017-13-01", "2017-00-10",
                          "2017-04-31", "2017-01-00", "2017-01-32", "0000-01-01"}) {
    EXPECT_FALSE(Date::parse(bad)) << bad;
  }
}

TEST(Date, AcceptsLeapDays) {
  EXPECT_TRUE(Date::parse("2016-02-29"));
  EXPECT_TRUE(Date::parse("2000-02-29"));  // divisible by 400
  EXPECT_TRUE(Date::parse("2024-02-29"));
  EXPECT_TRUE(Date::parse("2017-12-31"));
}

TEST(Date, RoundTripsThroughSysDays) {
  const auto d = *Date::parse("2020-03-01");
  EXPECT_EQ(Date::from_sys_days(d.days() - days{1}).iso(), "2020-02-29");
  EXPECT_EQ(Date::from_sys_days(d.days()), d);
}

TEST(Date, OrdersChronologically) {
  EXPECT_LT(*Date::parse("2016-12-31"), *Date::parse("2017-01-01"));
  EXPECT_EQ(*Date::parse("2017-01-01"), *Date::parse("2017-01-01"));
  EXPECT_GT(*Date::parse("2017-02-01"), *Date::parse("2017-01-31"));
}

TEST(Date, TodayIsChinaStandardTime) {
  // UTC+8: today() is the UTC date of (now + 8h); allow for the clock ticking over midnight.
  const auto before = floor<days>(system_clock::now() + hours{8});
  const auto today = Date::today().days();
  const auto after = floor<days>(system_clock::now() + hours{8});
  EXPECT_TRUE(today == before || today == after);
}

TEST(Date, TodayEndsAtTheNextMidnightInChina) {
  using namespace std::chrono;
  const long long now = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
  const long long end = zwgk::domain::today_ends_at_unix();
  EXPECT_GT(end, now);
  EXPECT_LE(end - now, 24 * 3600);
  EXPECT_EQ((end + 8 * 3600) % 86400, 0) << "00:00 in UTC+8";
}
