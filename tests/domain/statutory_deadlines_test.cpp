// The answer deadline (答复期限) with pauses (补正, third-party consultation) and extension
// (延期), on the real calendar. Expected dates were counted by hand from data/holiday-cn/.
#include "domain/statutory_deadlines.hpp"

#include <gtest/gtest.h>


#include "domain/clock.hpp"
#include "domain/errors.hpp"
#include "support/holiday_calendar.hpp"

namespace {

using zwgk::domain::Date;
using zwgk::domain::explain_reply_deadline;
using zwgk::domain::PausedSpan;
using zwgk::domain::ReplyDeadline;
using zwgk::domain::ReplyPeriod;
using zwgk::domain::ValidationError;
using zwgk::domain::WorkingDayCalendar;

using zwgk::test::calendar;
using zwgk::test::d;


ReplyDeadline due(const char* received, std::vector<PausedSpan> pauses = {}, int extension = 0, int period = 20) {
  return compute_reply_deadline(calendar(), ReplyPeriod{d(received), period, std::move(pauses), extension});
}

std::string validation_message(const ReplyPeriod& p) {
  try {
    compute_reply_deadline(calendar(), p);
  } catch (const ValidationError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(ReplyDeadline, TwentyWorkingDaysAfterReceipt) {
  // 2024-09-27 + 20 = 2024-10-30 (see working_day_calendar_test for the count).
  const auto r = due("2024-09-27");
  EXPECT_EQ(r.received_on, d("2024-09-27"));
  EXPECT_EQ(r.due_on, d("2024-10-30"));
  EXPECT_EQ(r.due_without_extension, d("2024-10-30"));
  EXPECT_TRUE(r.warning.empty());
  // The notice's entries that moved the date: 09-29 调休, 10-01..07 off, 10-12 调休.
  ASSERT_EQ(r.arrangements.size(), 9u);
  EXPECT_EQ(r.arrangements.front().date, d("2024-09-29"));
  EXPECT_FALSE(r.arrangements.front().off_day);
  EXPECT_EQ(r.arrangements.back().date, d("2024-10-12"));
}

TEST(ReplyDeadline, ThirdPartyPauseRemovesItsWorkingDaysBothEndsIncluded) {
  // Letter sent Tue 10-08, reply received Thu 10-10: 10-08, 10-09 and 10-10 are not counted,
  // so the deadline moves three working days: 10-31, 11-01, 11-04.
  const auto r = due("2024-09-27", {{d("2024-10-08"), d("2024-10-10"), "征求第三方意见"}});
  EXPECT_EQ(r.due_on, d("2024-11-04"));
  ASSERT_EQ(r.pauses.size(), 1u);
  EXPECT_EQ(r.pauses[0].working_days_removed, 3);
  // A one-day pause removes exactly that day: the start day and the end day are the same.
  const auto one = due("2024-09-27", {{d("2024-10-08"), d("2024-10-08"), ""}});
  EXPECT_EQ(one.due_on, d("2024-10-31"));
  EXPECT_EQ(one.pauses[0].working_days_removed, 1);
  // Ending on 10-09 instead: 10-10 counts again -> two removed, due 11-01.
  EXPECT_EQ(due("2024-09-27", {{d("2024-10-08"), d("2024-10-09"), ""}}).due_on, d("2024-11-01"));
}

TEST(ReplyDeadline, APauseOverAHolidayRemovesOnlyItsWorkingDays) {
  // 09-30 .. 10-08: working days 09-30 and 10-08 only (10-01..07 off) -> due 11-01.
  const auto r = due("2024-09-27", {{d("2024-09-30"), d("2024-10-08"), ""}});
  EXPECT_EQ(r.pauses[0].working_days_removed, 2);
  EXPECT_EQ(r.due_on, d("2024-11-01"));
}

TEST(ReplyDeadline, CorrectionMakesTheDayItArrivesTheNewDayZero) {
  // Art. 30: the period runs from receipt of the correction. Received 09-27, correction in on
  // Wed 10-09: the span 09-27..10-09 removes 09-29, 09-30, 10-08, 10-09 (4), and the result is
  // the 20th working day after 10-09: 10-10, 10-11, 10-12 Sat 调休, 10-14..18, 10-21..25,
  // 10-28..11-01, 11-04, 11-05 -> Tue 2024-11-05.
  const auto r = due("2024-09-27", {{d("2024-09-27"), d("2024-10-09"), "补正"}});
  EXPECT_EQ(r.pauses[0].working_days_removed, 4);
  EXPECT_EQ(r.due_on, d("2024-11-05"));
  EXPECT_EQ(r.due_on, calendar().add_working_days(d("2024-10-09"), 20).date);
}

TEST(ReplyDeadline, ConsultationAcrossSpringFestival2025) {
  // Received Mon 2025-01-20; consultation 01-22 .. 02-06 removes 01-22, 01-23, 01-24, 01-26 Sun
  // 调休, 01-27, 02-05, 02-06 (7). Counted: 01-21 (1), 02-07 (2), 02-08 Sat 调休 (3), 02-10..14
  // (4-8), 02-17..21 (9-13), 02-24..28 (14-18), 03-03 (19), Tue 03-04 (20).
  EXPECT_EQ(due("2025-01-20").due_on, d("2025-02-21"));
  const auto r = due("2025-01-20", {{d("2025-01-22"), d("2025-02-06"), "征求第三方意见"}});
  EXPECT_EQ(r.pauses[0].working_days_removed, 7);
  EXPECT_EQ(r.due_on, d("2025-03-04"));
}

TEST(ReplyDeadline, PausesInAnyOrderAreSortedAndAPauseAfterTheDeadlineChangesNothing) {
  const auto r = due("2024-09-27", {{d("2024-10-14"), d("2024-10-14"), ""}, {d("2024-10-08"), d("2024-10-08"), ""}});
  EXPECT_EQ(r.due_on, d("2024-11-01"));
  ASSERT_EQ(r.pauses.size(), 2u);
  EXPECT_EQ(r.pauses[0].span.from, d("2024-10-08"));

  const auto late = due("2024-09-27", {{d("2024-11-10"), d("2024-11-12"), ""}});
  EXPECT_EQ(late.due_on, d("2024-10-30"));
  EXPECT_EQ(late.pauses[0].working_days_removed, 0);
}

TEST(ReplyDeadline, ExtensionAddsWorkingDaysAfterTheOriginalDeadline) {
  // 10-30 is day 20; 10-31, 11-01, 11-04..08, 11-11..15, 11-18..22, 11-25..27 -> Wed 11-27 (40).
  const auto r = due("2024-09-27", {}, 20);
  EXPECT_EQ(r.due_without_extension, d("2024-10-30"));
  EXPECT_EQ(r.due_on, d("2024-11-27"));
  // With the three-day pause as well: 11-04 + 20 working days -> Mon 12-02.
  const auto both = due("2024-09-27", {{d("2024-10-08"), d("2024-10-10"), ""}}, 20);
  EXPECT_EQ(both.due_without_extension, d("2024-11-04"));
  EXPECT_EQ(both.due_on, d("2024-12-02"));
}

TEST(ReplyDeadline, RejectsWhatTheRegulationsDoNotAllow) {
  EXPECT_EQ(validation_message({d("2024-09-27"), 20, {}, 21}),
            "延长的期限最长不得超过 20 个工作日（《政府信息公开条例》第三十三条第二款）");
  EXPECT_EQ(validation_message({d("2024-09-27"), 201, {}, 0}), "期限应为 0 到 200 个工作日");
  EXPECT_EQ(validation_message({d("2024-09-27"), 20, {{d("2024-09-26"), d("2024-10-08"), ""}}, 0}),
            "暂停期间 2024-09-26 至 2024-10-08 开始于收到申请（2024-09-27）之前");
  EXPECT_EQ(validation_message({d("2024-09-27"), 20, {{d("2024-10-10"), d("2024-10-08"), ""}}, 0}),
            "暂停期间 2024-10-10 至 2024-10-08 的结束日期早于开始日期");
  EXPECT_EQ(validation_message({d("2024-09-27"), 20,
                                {{d("2024-10-08"), d("2024-10-10"), ""}, {d("2024-10-10"), d("2024-10-15"), ""}}, 0}),
            "暂停期间 2024-10-08 至 2024-10-10 与 2024-10-10 至 2024-10-15 重叠");
}

TEST(ReplyDeadline, ZeroDaysIsTheDayOfReceipt) {
  const auto r = due("2024-09-27", {}, 0, 0);
  EXPECT_EQ(r.due_on, d("2024-09-27"));
  EXPECT_TRUE(r.arrangements.empty());
}

TEST(ReplyDeadline, ExplanationShowsHowTheDateWasCounted) {
  const auto lines = explain_reply_deadline(due("2024-09-27", {{d("2024-10-08"), d("2024-10-10"), "征求第三方意见"}}, 20));
  const std::vector<std::string> expected = {
      "收到申请：2024年09月27日 星期五，为第0日（当日不计入，自次一工作日起算）",
      "答复期限：20个工作日（《政府信息公开条例》第三十三条第二款）",
      "节假日不计：2024年10月01日至2024年10月07日 国庆节",
      "调休上班计入：2024年09月29日 星期日（国庆节）、2024年10月12日 星期六（国庆节）",
      "暂停计算：2024年10月08日至2024年10月10日（征求第三方意见），扣除3个工作日（首尾两日均不计入）",
      "原届满日：2024年11月04日 星期一（第20个工作日）",
      "延长期限：20个工作日（第三十三条第二款，最长20个工作日）",
      "届满日：2024年12月02日 星期一（第40个工作日，当日结束前答复）",
  };
  EXPECT_EQ(lines, expected);
}

TEST(ReplyDeadline, AcrossAMissingYearTheResultAndItsExplanationWarn) {
  const auto r = due("2026-12-18");
  EXPECT_EQ(r.due_on, d("2027-01-15"));
  EXPECT_EQ(r.warning.missing_years, std::vector<int>{2027});
  const auto lines = explain_reply_deadline(r);
  EXPECT_EQ(lines.back(), "注意：2027年的节假日安排尚未发布（缺少国务院通知），按周末推算，结果可能不准确");
}

// The one 即将到期 threshold (3 working days, due day included), across 国庆 2026.
TEST(DueState, DueSoonCountsWorkingDaysLeftOnTheHolidayCalendar) {
  using zwgk::domain::DueState;
  using zwgk::domain::due_state;
  const auto due = d("2026-10-09");  // Friday after the 国庆 week
  EXPECT_EQ(due_state(due, d("2026-09-21"), calendar()), DueState::OnTime);   // 8 working days left
  EXPECT_EQ(due_state(due, d("2026-09-29"), calendar()), DueState::DueSoon);  // 09-30, 10-08, 10-09
  EXPECT_EQ(due_state(due, d("2026-09-28"), calendar()), DueState::OnTime);   // 4 left
  EXPECT_EQ(due_state(due, due, calendar()), DueState::DueSoon);
  EXPECT_EQ(due_state(due, d("2026-10-10"), calendar()), DueState::Overdue);
  // Weekends only, the same span has 8 working days left on 09-29: not due soon.
  EXPECT_EQ(due_state(due, d("2026-09-29"), WorkingDayCalendar()), DueState::OnTime);
}

TEST(PublicationDeadline, TwentyWorkingDaysFromCreationArt26) {
  using zwgk::domain::publication_deadline;
  using zwgk::domain::PublicationDue;
  const auto p = publication_deadline(d("2026-09-28"), d("2026-09-29"), calendar());
  EXPECT_EQ(p.due_on, calendar().add_working_days(d("2026-09-28"), zwgk::domain::kPublicationWorkingDays).date);
  EXPECT_EQ(p.due_on, d("2026-10-30"));  // 国庆 off, 10-10 (Saturday) worked
  EXPECT_EQ(p.status, PublicationDue::OnTime);
  EXPECT_EQ(publication_deadline(d("2026-09-28"), d("2026-11-03"), calendar()).status, PublicationDue::Overdue);
}

TEST(InjectedClock, TheDayIsChinaStandardTime) {
  using zwgk::domain::china_date;
  EXPECT_EQ(china_date(1790611200 - 1), d("2026-09-28"));  // 2026-09-28 23:59:59 CST
  EXPECT_EQ(china_date(1790611200), d("2026-09-29"));      // 2026-09-29 00:00:00 CST
  EXPECT_EQ(china_date(zwgk::domain::clock_at(d("2026-09-29"))()), d("2026-09-29"));
  EXPECT_EQ(china_date(zwgk::domain::system_unix_seconds()), Date::today());
}

}  // namespace
