// 受理反馈统计: letters taken through their real life cycle with apply_letter_event on the
// shipped State Council calendar — 2024 国庆节 10-01..07 off, 09-29 (Sun) and 10-12 (Sat)
// are make-up working days — and every figure of October 2024 spelled out by hand.
#include "modules/zmhd/domain/letter_statistics.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "modules/zmhd/domain/reply_quality.hpp"
#include "support/holiday_calendar.hpp"

namespace {

using namespace zwgk::domain;
using zwgk::test::d;
using E = LetterEventKind;
using C = LetterCategory;

const WorkingDayCalendar& cal() { return zwgk::test::calendar(); }
const LetterDeadlines kDeadlines = default_letter_deadlines();
const std::string kReply = "经核查，该路段路灯因线路老化损坏，已于近日更换线路并恢复照明，感谢您的监督。";
const Date kToday = d("2024-11-20");

void apply(Letter& l, LetterEvent e) {
  const auto r = apply_letter_event(l, e, cal(), kDeadlines, default_stock_phrases());
  if (!r) ADD_FAILURE() << l.number << " " << to_label(e.kind) << " " << e.on.iso() << ": " << r.refusal;
}
LetterEvent ev(E kind, const char* on) { return LetterEvent{kind, d(on), "office"}; }

Letter received(const char* number, C c, const char* on) {
  Letter l;
  l.number = number;
  l.category = c;
  l.received_on = d(on);
  return l;
}
// Accepted and assigned on the day it arrived.
Letter in_hand(const char* number, C c, const char* on, std::int64_t department_id, const char* department) {
  auto l = received(number, c, on);
  apply(l, ev(E::Accept, on));
  auto a = ev(E::Assign, on);
  a.department_id = department_id;
  a.department = department;
  apply(l, a);
  return l;
}
void reply(Letter& l, const char* on) {
  auto e = ev(E::DraftReply, on);
  e.text = kReply;
  apply(l, e);
  apply(l, ev(E::ApproveReply, on));
}
void rate(Letter& l, const char* on, Satisfaction s) {
  auto e = ev(E::Rate, on);
  e.satisfaction = s;
  apply(l, e);
}

const char* kHousing = "邵阳市住房和城乡建设局";
const char* kTransport = "邵阳市交通运输局";

// The mailbox of one site. Working days are counted on the calendar above.
std::vector<Letter> mailbox() {
  std::vector<Letter> all;
  // A 咨询 (5 days) accepted 09-27: 09-29 (make-up) 09-30 10-08 10-09 10-10 -> due 10-10,
  // answered on the due day: on time, 5 working days. Received in September.
  auto a = in_hand("A", C::Consultation, "2024-09-27", 7, kHousing);
  reply(a, "2024-10-10");
  rate(a, "2024-10-11", Satisfaction::Satisfied);
  all.push_back(a);
  // B 咨询 accepted 10-08: 10-09 10-10 10-11 10-12 (make-up) 10-14 -> due 10-14; answered
  // 10-16: late, 7 working days. Never rated: the period ends 10-30 -> 默认满意 on 11-20.
  auto b = in_hand("B", C::Consultation, "2024-10-08", 7, kHousing);
  reply(b, "2024-10-16");
  all.push_back(b);
  // C 投诉 (10) accepted 10-09 -> due 10-22; answered 10-21: on time, 9 days; 基本满意.
  auto c = in_hand("C", C::Complaint, "2024-10-09", 9, kTransport);
  reply(c, "2024-10-21");
  rate(c, "2024-10-22", Satisfaction::BasicallySatisfied);
  all.push_back(c);
  // D 建议 accepted 10-10 -> due 10-23; answered 10-24, rated 不满意 10-25: 二次办理 from
  // 10-25, due 11-08, not answered by 11-20: overdue, and not an answer any more.
  auto dd = in_hand("D", C::Suggestion, "2024-10-10", 9, kTransport);
  reply(dd, "2024-10-24");
  rate(dd, "2024-10-25", Satisfaction::Dissatisfied);
  all.push_back(dd);
  // E 求助: 不予受理 (属信访事项).
  auto e = received("E", C::HelpRequest, "2024-10-11");
  auto reject = ev(E::Reject, "2024-10-11");
  reject.rejection = RejectionReason::Petition;
  apply(e, reject);
  all.push_back(e);
  // F 投诉 received on the make-up Saturday, merged into C: neither 受理 nor 不予受理.
  auto f = received("F", C::Complaint, "2024-10-12");
  auto merge = ev(E::Merge, "2024-10-14");
  merge.merged_into = "C";
  apply(f, merge);
  all.push_back(f);
  // G 其他 received 10-31, not screened yet.
  all.push_back(received("G", C::Other, "2024-10-31"));
  // H 投诉 accepted 08-15, never answered: overdue, and more than 2 months on 11-20.
  all.push_back(in_hand("H", C::Complaint, "2024-08-15", 7, kHousing));
  // I 表扬 accepted 10-15 -> due 10-29; answered 11-18 (late), still within its rating period.
  auto i = in_hand("I", C::Praise, "2024-10-15", 7, kHousing);
  reply(i, "2024-11-18");
  all.push_back(i);
  // J 咨询 accepted 10-14, 5 more days approved -> due 10-28 (10-21 without the extension);
  // answered 10-25: on time, 9 days; 满意.
  auto j = in_hand("J", C::Consultation, "2024-10-14", 7, kHousing);
  auto ask = ev(E::RequestExtension, "2024-10-18");
  ask.working_days = 5;
  ask.reason = "需会同街道核实";
  apply(j, ask);
  apply(j, ev(E::ApproveExtension, "2024-10-18"));
  reply(j, "2024-10-25");
  rate(j, "2024-10-28", Satisfaction::Satisfied);
  all.push_back(j);
  // K 投诉 accepted 10-08 -> due 10-22; answered 10-15, 不满意 10-16: 二次办理 due 10-30;
  // answered again 10-22 (on time, 11 working days from 受理), 不满意 again: closed.
  auto k = in_hand("K", C::Complaint, "2024-10-08", 9, kTransport);
  reply(k, "2024-10-15");
  rate(k, "2024-10-16", Satisfaction::Dissatisfied);
  reply(k, "2024-10-22");
  rate(k, "2024-10-23", Satisfaction::Dissatisfied);
  all.push_back(k);
  return all;
}

LetterFigures sum(const std::vector<LetterStatisticsRow>& rows) {
  LetterFigures f;
  for (const auto& r : rows) f += r.figures;
  return f;
}

TEST(LetterStatistics, TheLettersLifeCyclesAreWhatTheTestSays) {
  const auto all = mailbox();
  EXPECT_EQ(letter_due_on(all[0], cal(), kDeadlines), d("2024-10-10"));
  EXPECT_EQ(letter_due_on(all[1], cal(), kDeadlines), d("2024-10-14"));
  EXPECT_EQ(letter_due_on(all[3], cal(), kDeadlines), d("2024-11-08"));
  EXPECT_EQ(all[3].state, LetterState::Assigned);
  EXPECT_EQ(letter_due_on(all[9], cal(), kDeadlines), d("2024-10-28"));
  EXPECT_EQ(all[10].state, LetterState::Closed);
  EXPECT_EQ(letter_due_on(all[10], cal(), kDeadlines), d("2024-10-30"));
  EXPECT_TRUE(effective_rating(all[1], cal(), kDeadlines, kToday).by_default);
}

TEST(LetterStatistics, AMonthCountsEachFigureByItsOwnDate) {
  const auto s = compute_letter_statistics(mailbox(), StatisticsPeriod::of_month(2024, 10), kToday, cal(), kDeadlines);
  const auto& t = s.total;
  // By received_on: B C D E F G I J K.
  EXPECT_EQ(t.received, 9);
  EXPECT_EQ(t.accepted, 6) << "B C D I J K";
  EXPECT_EQ(t.rejected, 1) << "E";
  EXPECT_EQ(t.merged, 1) << "F is neither 受理 nor 不予受理";
  EXPECT_EQ(t.awaiting_screening, 1) << "G";
  EXPECT_EQ(t.received, t.accepted + t.rejected + t.merged + t.awaiting_screening);
  EXPECT_EQ(t.overdue, 1) << "D in its second handling";
  EXPECT_EQ(t.unanswered_too_long, 0) << "H was received in August";
  // By replied_on: A B C J K (D was reopened, I answered in November).
  EXPECT_EQ(t.answered, 5);
  EXPECT_EQ(t.answered_on_time, 4) << "B is late";
  EXPECT_EQ(t.answered_late(), 1);
  EXPECT_EQ(t.on_time_rate().per_mille(), 800);
  EXPECT_EQ(t.on_time_rate().text(), "80.0%");
  EXPECT_EQ(t.reply_working_days, 5 + 7 + 9 + 9 + 11);
  EXPECT_EQ(t.average_reply_time().text(), "8.2");
  EXPECT_EQ(t.satisfied, 3) << "A J, and B by default";
  EXPECT_EQ(t.default_satisfied, 1);
  EXPECT_EQ(t.basically_satisfied, 1);
  EXPECT_EQ(t.dissatisfied, 1);
  EXPECT_EQ(t.awaiting_rating, 0);
  EXPECT_EQ(t.rated(), 5);
  EXPECT_EQ(t.satisfaction_rate().text(), "80.0%");
  EXPECT_TRUE(s.warning.empty()) << "2024 is published";
  EXPECT_EQ(s.period.label(), "2024年10月");
}

TEST(LetterStatistics, DefaultSatisfiedOnlyOnceTheRatingPeriodIsOver) {
  // B's rating period ends 10-30: on that day B is still awaiting its rating.
  const auto s = compute_letter_statistics(mailbox(), StatisticsPeriod::of_month(2024, 10), d("2024-10-30"), cal(),
                                           kDeadlines);
  EXPECT_EQ(s.total.default_satisfied, 0);
  EXPECT_EQ(s.total.awaiting_rating, 1);
  EXPECT_EQ(s.total.rated(), 4);
  EXPECT_EQ(s.total.satisfaction_rate().text(), "75.0%") << "A J C of 4";
  // D was answered 10-24 (late) and not yet overdue in its second handling on 10-30.
  EXPECT_EQ(s.total.overdue, 0);
}

TEST(LetterStatistics, TheBreakdownsAddUpToTheTotal) {
  const auto s = compute_letter_statistics(mailbox(), StatisticsPeriod::of_month(2024, 10), kToday, cal(), kDeadlines);
  ASSERT_EQ(s.by_department.size(), 3u);
  EXPECT_EQ(s.by_department[0].label, kHousing);
  EXPECT_EQ(s.by_department[0].department_id, 7);
  EXPECT_EQ(s.by_department[0].figures.received, 3) << "B I J";
  EXPECT_EQ(s.by_department[0].figures.answered, 3) << "A B J";
  EXPECT_EQ(s.by_department[0].figures.answered_on_time, 2);
  EXPECT_EQ(s.by_department[1].label, kTransport);
  EXPECT_EQ(s.by_department[1].figures.overdue, 1);
  EXPECT_EQ(s.by_department[1].figures.on_time_rate().text(), "100.0%");
  EXPECT_EQ(s.by_department[2].label, "未转办");
  EXPECT_FALSE(s.by_department[2].department_id);
  EXPECT_EQ(s.by_department[2].figures.received, 3) << "E F G";
  EXPECT_EQ(s.by_department[2].figures.answered, 0);
  EXPECT_EQ(s.by_department[2].figures.on_time_rate().text(), "—");
  EXPECT_EQ(sum(s.by_department), s.total);

  ASSERT_EQ(s.by_category.size(), 6u) << "no 找错 this month";
  EXPECT_EQ(s.by_category[0].category, C::Consultation);
  EXPECT_EQ(s.by_category[0].label, "咨询");
  EXPECT_EQ(s.by_category[0].figures.answered, 3) << "A B J";
  EXPECT_EQ(s.by_category[1].label, "投诉");
  EXPECT_EQ(s.by_category[1].figures.merged, 1);
  EXPECT_EQ(sum(s.by_category), s.total);
}

TEST(LetterStatistics, ZeroDenominatorsShowADash) {
  const auto nov = compute_letter_statistics(mailbox(), StatisticsPeriod::of_month(2024, 11), kToday, cal(), kDeadlines);
  EXPECT_EQ(nov.total.received, 0);
  EXPECT_EQ(nov.total.answered, 1) << "I";
  EXPECT_EQ(nov.total.on_time_rate().text(), "0.0%");
  EXPECT_EQ(nov.total.awaiting_rating, 1);
  EXPECT_EQ(nov.total.satisfaction_rate().text(), "—") << "nothing rated yet";
  EXPECT_FALSE(nov.total.satisfaction_rate().per_mille());

  const auto dec = compute_letter_statistics(mailbox(), StatisticsPeriod::of_month(2024, 12), kToday, cal(), kDeadlines);
  EXPECT_EQ(dec.total, LetterFigures{});
  EXPECT_TRUE(dec.by_department.empty());
  EXPECT_TRUE(dec.by_category.empty());
  EXPECT_EQ(dec.total.on_time_rate().text(), "—");
  EXPECT_EQ(dec.total.average_reply_time().text(), "—");
  EXPECT_FALSE(dec.total.average_reply_time().value());

  const auto none = compute_letter_statistics({}, StatisticsPeriod::of_year(2024), kToday, cal(), kDeadlines);
  EXPECT_EQ(none.total, LetterFigures{});
}

TEST(LetterStatistics, TheMonthsOfAYearAddUpToTheYear) {
  const auto year = compute_letter_statistics(mailbox(), StatisticsPeriod::of_year(2024), kToday, cal(), kDeadlines);
  EXPECT_EQ(year.total.received, 11);
  EXPECT_EQ(year.total.overdue, 2) << "D and H";
  EXPECT_EQ(year.total.unanswered_too_long, 1) << "H: 08-15 + 2 months < 11-20";
  EXPECT_EQ(year.total.answered, 6);
  EXPECT_EQ(sum(year.by_department), year.total);

  const auto series = compute_letter_monthly_series(mailbox(), 2024, kToday, cal(), kDeadlines);
  ASSERT_EQ(series.months.size(), 12u);
  ASSERT_EQ(series.figures.size(), 12u);
  EXPECT_EQ(series.months[9], StatisticsPeriod::of_month(2024, 10));
  EXPECT_EQ(series.figures[7].received, 1) << "August: H";
  EXPECT_EQ(series.figures[8].received, 1) << "September: A";
  EXPECT_EQ(series.figures[9].answered, 5);
  EXPECT_EQ(series.figures[0], LetterFigures{});
  LetterFigures total;
  for (const auto& f : series.figures) total += f;
  EXPECT_EQ(total, year.total);
}

TEST(LetterStatistics, RatesRoundHalfUpToOneTenthOfAPercent) {
  EXPECT_EQ((Rate{2, 3}.text()), "66.7%");
  EXPECT_EQ((Rate{1, 3}.text()), "33.3%");
  EXPECT_EQ((Rate{1, 16}.text()), "6.3%") << "62.5 per mille rounds up";
  EXPECT_EQ((Rate{935, 1000}.text()), "93.5%");
  EXPECT_EQ((Rate{1, 1}.text()), "100.0%");
  EXPECT_EQ((Rate{0, 0}.text()), "—");
  EXPECT_EQ((Rate{187, 200}.percent()), 93.5);
  EXPECT_EQ((AverageWorkingDays{7, 2}.text()), "3.5");
  EXPECT_EQ((AverageWorkingDays{10, 3}.text()), "3.3");
  EXPECT_EQ((AverageWorkingDays{0, 0}.text()), "—");
}

TEST(LetterStatistics, PeriodsParseAndValidate) {
  EXPECT_EQ(parse_statistics_period("2024"), StatisticsPeriod::of_year(2024));
  EXPECT_EQ(parse_statistics_period("2024-10"), StatisticsPeriod::of_month(2024, 10));
  EXPECT_EQ(parse_statistics_period("2024-3"), StatisticsPeriod::of_month(2024, 3));
  for (const char* bad : {"", "24", "2024-", "2024-13", "2024-00", "2024-10-01", "abcd", "1999", "2024-1x", "+2024"})
    EXPECT_FALSE(parse_statistics_period(bad)) << bad;
  EXPECT_THROW(StatisticsPeriod::of_month(2024, 13), ValidationError);
  const auto feb = StatisticsPeriod::of_month(2024, 2);
  EXPECT_EQ(feb.first(), d("2024-02-01"));
  EXPECT_EQ(feb.last(), d("2024-02-29"));
  EXPECT_EQ(feb.code(), "2024-02");
  EXPECT_EQ(StatisticsPeriod::of_year(2024).last(), d("2024-12-31"));
  EXPECT_EQ(StatisticsPeriod::of_year(2024).label(), "2024年");
  EXPECT_TRUE(feb.contains(d("2024-02-29")));
  EXPECT_FALSE(feb.contains(d("2024-03-01")));
}

}  // namespace
