#include "domain/china_time.hpp"

#include <gtest/gtest.h>

#include "domain/one_line.hpp"

using namespace zwgk::domain;

TEST(ChinaTime, IsUtcPlusEightAcrossMidnight) {
  // 2017-05-01T16:30:05Z is 2017-05-02 00:30:05 in Beijing.
  const auto t = china_time_of_unix(1493656205);
  EXPECT_EQ(t.date.iso(), "2017-05-02");
  EXPECT_EQ(t.time.hours().count(), 0);
  EXPECT_EQ(t.time.minutes().count(), 30);
  EXPECT_EQ(t.time.seconds().count(), 5);
  // One second before 16:00Z is still the day before.
  EXPECT_EQ(china_date_of_unix(1493654399).iso(), "2017-05-01");
  EXPECT_EQ(china_date_of_unix(1493654400).iso(), "2017-05-02");
}

TEST(ChinaTime, MidnightIsSixteenHundredUtcTheDayBefore) {
  const auto d = *Date::parse("2017-05-02");
  EXPECT_EQ(china_midnight(d).time_since_epoch().count(), 1493654400);
  EXPECT_EQ(china_time(china_midnight(d)).date, d);
  // Before 1970 the day still floors the right way.
  EXPECT_EQ(china_date_of_unix(-1).iso(), "1970-01-01");
  EXPECT_EQ(china_date_of_unix(-8 * 3600 - 1).iso(), "1969-12-31");
}

TEST(ChinaTime, TextFormsOfAnInstant) {
  // 2017-05-01T16:30:05Z: the page shows the China minute, the store keeps UTC seconds.
  const auto t = instant_of_unix(1493656205);
  EXPECT_EQ(format_china_minute(t), "2017-05-02 00:30");
  EXPECT_EQ(format_china_local_input(t), "2017-05-02T00:30");
  EXPECT_EQ(to_utc_iso(t), "2017-05-01T16:30:05Z");
  EXPECT_EQ(parse_utc_iso("2017-05-01T16:30:05Z"), t);
  EXPECT_EQ(parse_china_minute(" 2017-05-02 00:30:05 "), t);
  EXPECT_EQ(parse_china_minute("2017-05-02T00:30"), t - std::chrono::seconds(5));
  for (const char* bad : {"2017-05-02", "2017-05-02 24:00", "2017-05-02 08:60", "2017-02-30 08:00", "2017-05-02 08:00:5"})
    EXPECT_FALSE(parse_china_minute(bad)) << bad;
  EXPECT_FALSE(parse_utc_iso("2017-05-01T16:30:05")) << "the stored form only, with its Z";
  // 0 is "not yet": no text, and no text reads back as 0.
  EXPECT_EQ(format_china_minute_of_unix(0), "");
  EXPECT_EQ(format_china_minute_of_unix(0, "—"), "—");
  EXPECT_EQ(format_china_minute_of_unix(1493656205), "2017-05-02 00:30");
  EXPECT_EQ(to_utc_iso_of_unix(0), "");
  EXPECT_EQ(unix_of_utc_iso(""), 0);
  EXPECT_EQ(unix_of_utc_iso(to_utc_iso_of_unix(1493656205)), 1493656205);
}

TEST(OneLine, CollapsesLineBreaksTabsAndRunsOfSpaces) {
  EXPECT_EQ(one_line("ERROR:  duplicate key\nDETAIL:\tKey (id)=(1)\r\n"), "ERROR: duplicate key DETAIL: Key (id)=(1)");
  EXPECT_EQ(one_line("  已回滚  "), "已回滚");
  EXPECT_EQ(one_line(""), "");
}
