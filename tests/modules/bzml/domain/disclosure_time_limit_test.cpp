// The 标准目录's 公开时限 read into a rule that can be counted (国办发〔2019〕54号): working days
// on the shipped State Council calendar, calendar days, a date each year, a period, 及时;
// anything else kept as written and never guessed.
#include "modules/bzml/domain/disclosure_time_limit.hpp"

#include <gtest/gtest.h>

#include "support/holiday_calendar.hpp"

namespace zwgk::domain {
namespace {

Date d(const char* s) { return *Date::parse(s); }

TEST(DisclosureTimeLimit, TwentyWorkingDaysFromTheInformationBeingMadeOrChanged) {
  const auto l = parse_time_limit("自信息形成或者变更之日起20个工作日内");
  EXPECT_EQ(l.kind, TimeLimitKind::WithinDays);
  EXPECT_EQ(l.count, 20);
  EXPECT_TRUE(l.working_days);
  EXPECT_EQ(l.from, "信息形成或者变更");
  EXPECT_EQ(l.rule_text(), "信息形成或者变更之日起20个工作日内");
  // Made on Monday 2026-09-28: 中秋 is over, 国庆 (10-01..10-07) is skipped and the working
  // Saturday 10-10 counts, so the 20th working day is 2026-10-30 (not 10-26 as weekdays alone).
  EXPECT_EQ(time_limit_due(l, d("2026-09-28"), zwgk::test::calendar()), d("2026-10-30"));
  const auto written = parse_time_limit("信息形成或变更之日起二十个工作日内");
  EXPECT_EQ(written.count, 20) << "a Chinese numeral";
  EXPECT_EQ(written.from, "信息形成或变更");
  const auto full_width = parse_time_limit("收到申请后１５个工作日内");
  EXPECT_EQ(full_width.count, 15);
  EXPECT_EQ(full_width.from, "收到申请");
}

TEST(DisclosureTimeLimit, CalendarDaysDatesPeriodsAndPromptly) {
  const auto days = parse_time_limit("30日内");
  EXPECT_EQ(days.kind, TimeLimitKind::WithinDays);
  EXPECT_FALSE(days.working_days);
  EXPECT_EQ(time_limit_due(days, d("2026-09-28"), zwgk::test::calendar()), d("2026-10-28")) << "holidays count";
  EXPECT_EQ(parse_time_limit("批准后三十天内").count, 30);

  const auto yearly = parse_time_limit("每年3月31日前");
  EXPECT_EQ(yearly.kind, TimeLimitKind::ByDateEachYear);
  EXPECT_EQ(yearly.month, 3);
  EXPECT_EQ(yearly.day, 31);
  EXPECT_EQ(time_limit_due(yearly, d("2026-02-01"), zwgk::test::calendar()), d("2026-03-31"));
  EXPECT_EQ(time_limit_due(yearly, d("2026-04-01"), zwgk::test::calendar()), d("2027-03-31")) << "next year's";
  const auto month_end = parse_time_limit("每年2月底前公开上年度情况");
  EXPECT_EQ(month_end.day, 0);
  EXPECT_EQ(time_limit_due(month_end, d("2028-01-10"), zwgk::test::calendar()), d("2028-02-29")) << "a leap year";

  EXPECT_EQ(parse_time_limit("按季度公开").period, "季度");
  EXPECT_EQ(parse_time_limit("每半年更新").period, "半年");
  EXPECT_EQ(parse_time_limit("每月").rule_text(), "每月");
  EXPECT_EQ(parse_time_limit("实时公开").kind, TimeLimitKind::Promptly);
  EXPECT_EQ(parse_time_limit("常态化公开").kind, TimeLimitKind::Promptly);
  EXPECT_FALSE(time_limit_due(parse_time_limit("及时"), d("2026-01-01"), zwgk::test::calendar()));

  const auto odd = parse_time_limit("按有关规定");
  EXPECT_EQ(odd.kind, TimeLimitKind::Unparsed) << "never guessed";
  EXPECT_EQ(odd.text, "按有关规定");
  EXPECT_EQ(odd.rule_text(), "");
}

}  // namespace
}  // namespace zwgk::domain
