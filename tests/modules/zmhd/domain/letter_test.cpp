// 政民互动 letters: the clock on the State Council calendar, one extension, 不满意 reopening
// once, the default rating, merge and 不予受理, the 2-month warning, the reply-quality check.
// Dates on the shipped calendar: 2024 国庆节 10-01..07 off, 09-29 (Sun) and 10-12 (Sat) are
// make-up working days.
#include "modules/zmhd/domain/letter.hpp"

#include <gtest/gtest.h>

#include "modules/zmhd/domain/reply_quality.hpp"
#include "support/holiday_calendar.hpp"

namespace {

using namespace zwgk::domain;
using E = LetterEventKind;

Date d(const char* iso) { return *Date::parse(iso); }

const WorkingDayCalendar& cal() { return zwgk::test::calendar(); }
const LetterDeadlines kDeadlines = default_letter_deadlines();

Letter received(LetterCategory c, const char* on = "2024-09-27") {
  Letter l;
  l.number = "XJ-2024-000001";
  l.category = c;
  l.received_on = d(on);
  return l;
}

LetterApplyResult step(Letter& l, LetterEvent e) { return apply_letter_event(l, e, cal(), kDeadlines, default_stock_phrases()); }

LetterEvent ev(E kind, const char* on) { return LetterEvent{kind, d(on), "office"}; }

LetterEvent assign(const char* on) {
  auto e = ev(E::Assign, on);
  e.department = "邵阳市住房和城乡建设局";
  e.department_id = 7;
  return e;
}
LetterEvent draft(const char* on, std::string text) {
  auto e = ev(E::DraftReply, on);
  e.text = std::move(text);
  return e;
}
LetterEvent rate(const char* on, Satisfaction s) {
  auto e = ev(E::Rate, on);
  e.satisfaction = s;
  return e;
}
const std::string kGoodReply = "经核查，该路段路灯因线路老化损坏，已于10月9日更换线路并恢复照明，感谢您的监督。";

// Accepted 2024-09-27 (Fri): 09-29 counts (make-up day), 10-01..07 do not.
TEST(Letter, DeadlineCountsWorkingDaysAcrossTheHolidayAndTheMakeUpDay) {
  auto consult = received(LetterCategory::Consultation);
  EXPECT_FALSE(letter_due_on(consult, cal(), kDeadlines)) << "no clock before 受理";
  ASSERT_TRUE(step(consult, ev(E::Accept, "2024-09-27")));
  EXPECT_EQ(letter_due_on(consult, cal(), kDeadlines), d("2024-10-10")) << "咨询: 5 working days";
  auto complaint = received(LetterCategory::Complaint);
  ASSERT_TRUE(step(complaint, ev(E::Accept, "2024-09-27")));
  EXPECT_EQ(letter_due_on(complaint, cal(), kDeadlines), d("2024-10-16")) << "投诉: 10, with 10-12 (Sat) worked";
  auto error = received(LetterCategory::ErrorReport);
  ASSERT_TRUE(step(error, ev(E::Accept, "2024-09-27")));
  EXPECT_EQ(letter_due_on(error, cal(), kDeadlines), d("2024-10-08")) << "找错: 3 (09-29, 09-30, 10-08)";
  // The site's own rule.
  LetterDeadlines strict = kDeadlines;
  strict.working_days[LetterCategory::Complaint] = 15;
  EXPECT_EQ(letter_due_on(complaint, cal(), strict), d("2024-10-23"));
}

TEST(Letter, OneExtensionAtMostTheOriginalLengthBeforeTheDueDate) {
  auto l = received(LetterCategory::Complaint);
  ASSERT_TRUE(step(l, ev(E::Accept, "2024-09-27")));
  ASSERT_TRUE(step(l, assign("2024-09-29")));
  auto ask = ev(E::RequestExtension, "2024-10-14");
  ask.working_days = 11;
  ask.reason = "需现场勘查";
  EXPECT_NE(step(l, ask).refusal.find("不超过原办理期限"), std::string::npos);
  ask.working_days = 10;
  ask.reason = " ";
  EXPECT_EQ(step(l, ask).refusal, "请填写延期理由");
  ask.reason = "需现场勘查";
  auto late = ask;
  late.on = d("2024-10-17");
  EXPECT_NE(step(l, late).refusal.find("期限届满前"), std::string::npos) << "due 10-16";
  ASSERT_TRUE(step(l, ask));
  EXPECT_EQ(letter_due_on(l, cal(), kDeadlines), d("2024-10-16")) << "not before the office approves";
  ASSERT_TRUE(step(l, ev(E::ApproveExtension, "2024-10-14")));
  EXPECT_EQ(letter_due_on(l, cal(), kDeadlines), d("2024-10-30")) << "20 working days from 09-27";
  ask.on = d("2024-10-15");
  EXPECT_EQ(step(l, ask).refusal, "每件来信只能延期一次，本件已申请过延期");
  EXPECT_FALSE(step(l, ev(E::ApproveExtension, "2024-10-15")));
}

TEST(Letter, DissatisfiedReopensOnceForASecondHandling) {
  auto l = received(LetterCategory::Complaint);
  ASSERT_TRUE(step(l, ev(E::Accept, "2024-09-27")));
  ASSERT_TRUE(step(l, assign("2024-09-29")));
  ASSERT_TRUE(step(l, draft("2024-10-08", kGoodReply)));
  ASSERT_TRUE(step(l, ev(E::ApproveReply, "2024-10-09")));
  ASSERT_TRUE(step(l, rate("2024-10-10", Satisfaction::Dissatisfied)));
  EXPECT_EQ(l.state, LetterState::Assigned);
  EXPECT_EQ(l.round, 2);
  EXPECT_EQ(letter_due_on(l, cal(), kDeadlines), d("2024-10-23")) << "10 working days again from 10-10";
  auto ask = ev(E::RequestExtension, "2024-10-11");
  ask.working_days = 5;
  ask.reason = "x";
  EXPECT_FALSE(step(l, ask)) << "no extension in the second handling";
  ASSERT_TRUE(step(l, draft("2024-10-14", kGoodReply + "另已安排每月巡查。")));
  ASSERT_TRUE(step(l, ev(E::ApproveReply, "2024-10-15")));
  ASSERT_TRUE(step(l, rate("2024-10-16", Satisfaction::Dissatisfied)));
  EXPECT_EQ(l.state, LetterState::Closed) << "reopened once only";
  EXPECT_EQ(l.rating, Satisfaction::Dissatisfied);
  EXPECT_EQ(effective_rating(l, cal(), kDeadlines, d("2024-12-01")).rating, Satisfaction::Dissatisfied);
}

TEST(Letter, NoRatingWithinThePeriodCountsAsSatisfied) {
  auto l = received(LetterCategory::Consultation);
  ASSERT_TRUE(step(l, ev(E::Accept, "2024-09-27")));
  ASSERT_TRUE(step(l, assign("2024-09-29")));
  ASSERT_TRUE(step(l, draft("2024-10-09", kGoodReply)));
  ASSERT_TRUE(step(l, ev(E::ApproveReply, "2024-10-10")));
  // 10 working days from 10-10: 10-11, 10-12 (make-up), 10-14 ... 10-23.
  EXPECT_EQ(rating_due_on(l, cal(), kDeadlines), d("2024-10-23"));
  EXPECT_FALSE(effective_rating(l, cal(), kDeadlines, d("2024-10-23")).rating) << "still time to rate";
  const auto later = effective_rating(l, cal(), kDeadlines, d("2024-10-24"));
  EXPECT_EQ(later.rating, Satisfaction::Satisfied);
  EXPECT_TRUE(later.by_default) << "shown as 默认满意";
  EXPECT_NE(step(l, rate("2024-10-24", Satisfaction::Dissatisfied)).refusal.find("评价期限已于2024-10-23届满"),
            std::string::npos);
  ASSERT_TRUE(step(l, rate("2024-10-23", Satisfaction::BasicallySatisfied)));
  EXPECT_EQ(l.state, LetterState::Closed);
  EXPECT_FALSE(effective_rating(l, cal(), kDeadlines, d("2024-12-01")).by_default);
}

TEST(Letter, DuplicatesAreMergedAndRejectionsNameTheirReason) {
  auto dup = received(LetterCategory::Complaint);
  auto reject = ev(E::Reject, "2024-09-27");
  reject.rejection = RejectionReason::Duplicate;
  EXPECT_EQ(step(dup, reject).refusal, "重复来信请合并到原来信办理");
  auto merge = ev(E::Merge, "2024-09-27");
  EXPECT_FALSE(step(dup, merge)) << "which letter?";
  merge.merged_into = "XJ-2024-000000";
  ASSERT_TRUE(step(dup, merge));
  EXPECT_EQ(dup.state, LetterState::Merged);
  EXPECT_EQ(dup.merged_into, "XJ-2024-000000");
  EXPECT_TRUE(is_terminal(dup.state));
  EXPECT_FALSE(letter_due_on(dup, cal(), kDeadlines));
  EXPECT_FALSE(step(dup, ev(E::Accept, "2024-09-30")));

  auto petition = received(LetterCategory::Complaint);
  EXPECT_EQ(step(petition, ev(E::Reject, "2024-09-27")).refusal, "请选择不予受理的理由");
  reject.rejection = RejectionReason::Petition;
  ASSERT_TRUE(step(petition, reject));
  EXPECT_EQ(petition.state, LetterState::Rejected);
  EXPECT_NE(rejection_notice(RejectionReason::Petition).find("《信访工作条例》"), std::string::npos);
  EXPECT_NE(rejection_notice(RejectionReason::LitigationRelated).find("行政复议"), std::string::npos);
  for (auto r : {RejectionReason::Duplicate, RejectionReason::NoSubstance, RejectionReason::Petition,
                 RejectionReason::LitigationRelated, RejectionReason::Unlawful}) {
    EXPECT_EQ(rejection_reason_from(to_code(r)), r);
    EXPECT_FALSE(to_label(r).empty());
    EXPECT_FALSE(rejection_notice(r).empty());
  }
  EXPECT_EQ(to_label(RejectionReason::Petition), "属信访事项");
}

// The inspection fails a site with a letter unanswered for more than 3 months; zwgk warns at 2.
TEST(Letter, UnansweredForMoreThanTwoMonthsIsARedWarning) {
  auto l = received(LetterCategory::Suggestion, "2024-12-31");
  EXPECT_FALSE(unanswered_too_long(l, d("2025-06-01"))) << "not accepted: screening is another list";
  ASSERT_TRUE(step(l, ev(E::Accept, "2024-12-31")));
  EXPECT_FALSE(unanswered_too_long(l, d("2025-02-28"))) << "12-31 + 2 months = the last day of February";
  EXPECT_TRUE(unanswered_too_long(l, d("2025-03-01")));
  ASSERT_TRUE(step(l, assign("2025-01-02")));
  ASSERT_TRUE(step(l, draft("2025-03-02", kGoodReply)));
  EXPECT_TRUE(unanswered_too_long(l, d("2025-03-03"))) << "a draft is not an answer";
  ASSERT_TRUE(step(l, ev(E::ApproveReply, "2025-03-03")));
  EXPECT_FALSE(unanswered_too_long(l, d("2025-03-04")));
}

TEST(Letter, APerfunctoryReplyIsFlaggedAndCannotBeApproved) {
  EXPECT_FALSE(reply_quality_problems("已阅", default_stock_phrases()).empty());
  EXPECT_NE(reply_quality_problems("您好！来信收悉。请与有关部门联系。", default_stock_phrases())[0].find("套话"),
            std::string::npos);
  EXPECT_NE(reply_quality_problems("经查，已修复。", default_stock_phrases())[0].find("过短"), std::string::npos);
  EXPECT_TRUE(reply_quality_problems(kGoodReply, default_stock_phrases()).empty());
  EXPECT_FALSE(reply_quality_problems("知道了", {}).empty()) << "short even without a phrase list";

  auto l = received(LetterCategory::Consultation);
  ASSERT_TRUE(step(l, ev(E::Accept, "2024-09-27")));
  ASSERT_TRUE(step(l, assign("2024-09-29")));
  ASSERT_TRUE(step(l, draft("2024-09-30", "已阅")));
  const auto refused = step(l, ev(E::ApproveReply, "2024-09-30"));
  EXPECT_NE(refused.refusal.find("请退回重办"), std::string::npos) << refused.refusal;
  EXPECT_EQ(l.state, LetterState::ReplyPending) << "unchanged";
  auto back = ev(E::ReturnReply, "2024-09-30");
  EXPECT_FALSE(step(l, back)) << "a reason is required";
  back.reason = "答复未针对来信问题";
  ASSERT_TRUE(step(l, back));
  ASSERT_TRUE(step(l, draft("2024-10-08", kGoodReply)));
  ASSERT_TRUE(step(l, ev(E::ApproveReply, "2024-10-08")));
  EXPECT_EQ(l.reply, kGoodReply);
  EXPECT_EQ(l.history.size(), 6u) << "the refused approval is not in the history";
}

TEST(Letter, CodesRoundTrip) {
  for (auto c : letter_categories()) EXPECT_EQ(letter_category_from(to_code(c)), c);
  EXPECT_EQ(letter_categories().size(), 7u);
  EXPECT_EQ(to_label(LetterCategory::HelpRequest), "求助");
  EXPECT_FALSE(letter_category_from("咨询"));
  for (auto s : {Satisfaction::Satisfied, Satisfaction::BasicallySatisfied, Satisfaction::Dissatisfied})
    EXPECT_EQ(satisfaction_from(to_code(s)), s);
  EXPECT_EQ(to_code(LetterChannel::Hotline12345), "12345");
}

}  // namespace
