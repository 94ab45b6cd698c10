// 意见征集, the pure rules (modules/yjzj/domain/): the minimum periods as data, counted in
// days or in working days on the shipped State Council calendar; the phase from the clock;
// the 反馈 due date and overdue; the articles of a draft and the anchored opinion; the
// questionnaire's text form and its tally.
#include "modules/yjzj/domain/consultation.hpp"

#include <gtest/gtest.h>

#include "modules/yjzj/domain/consultation_statement.hpp"
#include "modules/yjzj/domain/draft_articles.hpp"
#include "modules/yjzj/domain/opinion.hpp"
#include "modules/yjzj/domain/questionnaire.hpp"
#include "support/holiday_calendar.hpp"

namespace zwgk::domain {
namespace {

using zwgk::test::calendar;

Date d(const char* iso) { return *Date::parse(iso); }

TEST(ConsultationPeriod, ARuleDraftOf20DaysIsRefusedWithoutAReason) {
  const auto s = default_consultation_settings();
  const auto check = check_period(s, ConsultationKind::RuleDraft, false, d("2026-11-02"), d("2026-11-22"), calendar());
  EXPECT_EQ(check.length, 20);
  EXPECT_TRUE(check.too_short);
  auto refusal = period_refusal(ConsultationKind::RuleDraft, check, "  ");
  ASSERT_TRUE(refusal);
  EXPECT_EQ(*refusal, "规章草案的征求意见期限不少于30日，本次为20日；确需缩短的，请填写缩短期限的理由，理由将在征集页面公布");
  EXPECT_FALSE(period_refusal(ConsultationKind::RuleDraft, check, "上级部门要求年底前出台"));
  // 30 days from day zero (《民法典》 第二百零一条): 11-02 to 12-02.
  EXPECT_FALSE(check_period(s, ConsultationKind::RuleDraft, false, d("2026-11-02"), d("2026-12-02"), calendar()).too_short);
  EXPECT_TRUE(check_period(s, ConsultationKind::MajorDecision, false, d("2026-11-02"), d("2026-12-01"), calendar()).too_short);
}

TEST(ConsultationPeriod, ANormativeDocumentNeedsSevenWorkingDaysAcrossNationalDay) {
  const auto s = default_consultation_settings();
  // From 2026-09-29: 09-30, then 10-01..07 off, 10-08, 10-09, 10-10 (调休上班), 10-12, 10-13, 10-14.
  auto six = check_period(s, ConsultationKind::NormativeDocument, false, d("2026-09-29"), d("2026-10-13"), calendar());
  EXPECT_EQ(six.length, 6);
  EXPECT_TRUE(six.too_short);
  EXPECT_EQ(six.length_text(), "6个工作日");
  EXPECT_TRUE(six.warning.empty());
  auto refusal = period_refusal(ConsultationKind::NormativeDocument, six, "");
  ASSERT_TRUE(refusal);
  EXPECT_NE(refusal->find("不少于7个工作日，本次为6个工作日"), std::string::npos);
  auto seven = check_period(s, ConsultationKind::NormativeDocument, false, d("2026-09-29"), d("2026-10-14"), calendar());
  EXPECT_EQ(seven.length, 7);
  EXPECT_FALSE(seven.too_short);
  // Closely concerning 市场主体: 30 days (《优化营商环境条例》 第六十二条).
  auto market = check_period(s, ConsultationKind::NormativeDocument, true, d("2026-09-29"), d("2026-10-14"), calendar());
  EXPECT_EQ(market.minimum, (MinimumPeriod{30, false}));
  EXPECT_TRUE(market.too_short);
}

TEST(ConsultationPeriod, ASiteChangesThePeriodsAsData) {
  auto s = default_consultation_settings();
  EXPECT_EQ(format_periods(s),
            "major_decision=30d,rule_draft=30d,normative_document=7w,other=7d,market_entities=30d");
  EXPECT_FALSE(parse_periods("rule_draft=45d, normative_document=10w", s));
  EXPECT_EQ(minimum_period(s, ConsultationKind::RuleDraft, false), (MinimumPeriod{45, false}));
  EXPECT_EQ(minimum_period(s, ConsultationKind::NormativeDocument, false), (MinimumPeriod{10, true}));
  EXPECT_EQ(minimum_period(s, ConsultationKind::MajorDecision, false), (MinimumPeriod{30, false}));
  auto before = s;
  EXPECT_EQ(parse_periods("rule_draft=0d", s).value_or(""), "征求意见期限“rule_draft=0d”的天数应为1至365的整数");
  EXPECT_EQ(parse_periods("regulation=30d", s).value_or(""), "没有“regulation”这类征集");
  EXPECT_EQ(format_periods(s), format_periods(before)) << "a refused text changes nothing";
  s.feedback_working_days = 0;
  EXPECT_EQ(settings_problems(s), std::vector<std::string>{"意见反馈期限应为1至120个工作日"});
}

TEST(ConsultationPhase, FollowsTheClockAndTheFeedbackIsDueInWorkingDays) {
  const auto start = d("2026-10-01"), end = d("2026-10-31");
  EXPECT_EQ(phase_of(false, false, start, end, d("2026-10-10")), ConsultationPhase::Draft);
  EXPECT_EQ(phase_of(true, false, start, end, d("2026-09-30")), ConsultationPhase::Upcoming);
  EXPECT_EQ(phase_of(true, false, start, end, d("2026-10-01")), ConsultationPhase::Open);
  EXPECT_EQ(phase_of(true, false, start, end, d("2026-10-31")), ConsultationPhase::Open) << "open through its last day";
  EXPECT_EQ(phase_of(true, false, start, end, d("2026-11-01")), ConsultationPhase::AwaitingFeedback);
  EXPECT_EQ(to_label(phase_of(true, true, start, end, d("2026-11-01"))), "已反馈");
  const auto s = default_consultation_settings();
  EXPECT_EQ(feedback_due_on(end, s, calendar()), d("2026-11-27"));  // 20 working days after 10-31
  EXPECT_FALSE(feedback_overdue(ConsultationPhase::AwaitingFeedback, end, d("2026-11-27"), s, calendar()));
  EXPECT_TRUE(feedback_overdue(ConsultationPhase::AwaitingFeedback, end, d("2026-11-28"), s, calendar()));
  EXPECT_FALSE(feedback_overdue(ConsultationPhase::FeedbackPublished, end, d("2026-12-28"), s, calendar()));
}

TEST(ConsultationFeedback, CountsMustAddUpAndReasonsAreGiven) {
  EXPECT_TRUE(feedback_problems({10, 4, 2, 4, "采纳4条……未采纳的理由：……"}, 8).empty());
  EXPECT_EQ(feedback_problems({5, 4, 2, 0, "说明"}, 3),
            std::vector<std::string>{"采纳、部分采纳和未采纳的条数之和不能超过收到的意见条数"});
  EXPECT_EQ(feedback_problems({2, 0, 0, 2, " "}, 3),
            (std::vector<std::string>{"收到意见不能少于本网站收到的3条", "请填写意见采纳情况说明，并说明未采纳的理由"}));
}

TEST(DraftArticles, ArticlesAreAnchoredByTheirNumber) {
  EXPECT_EQ(chinese_numeral_value("五"), 5);
  EXPECT_EQ(chinese_numeral_value("十"), 10);
  EXPECT_EQ(chinese_numeral_value("十一"), 11);
  EXPECT_EQ(chinese_numeral_value("二十五"), 25);
  EXPECT_EQ(chinese_numeral_value("一百零五"), 105);
  EXPECT_EQ(chinese_numeral_value("一百一十"), 110);
  EXPECT_FALSE(chinese_numeral_value("五五"));
  EXPECT_FALSE(chinese_numeral_value("条"));
  const auto a = anchor_draft(
      "<h2>第一章 总则</h2><p>第一条 为了规范……制定本规定。</p><p>　第五条　依照<b>第一条</b>的规定公开。</p>"
      "<p>各级行政机关依照第五条执行。</p><p id=\"x\">第六条 已有编号。</p><p>第二十一条 本规定自发布之日起施行。</p>");
  ASSERT_EQ(a.articles.size(), 3u);
  EXPECT_EQ(a.articles[0].anchor, "art-1");
  EXPECT_EQ(a.articles[1].anchor, "art-5");
  EXPECT_EQ(a.articles[1].label, "第五条");
  EXPECT_EQ(a.articles[1].excerpt, "依照第一条的规定公开。") << "the excerpt is the article's text after its number";
  EXPECT_EQ(a.articles[2].anchor, "art-21");
  EXPECT_EQ(a.articles[2].label, "第二十一条");
  EXPECT_NE(a.html.find("<p id=\"art-5\">　第五条"), std::string::npos) << a.html;
  EXPECT_NE(a.html.find("<p>各级行政机关依照第五条执行。</p>"), std::string::npos) << "a mention is not an article";
  EXPECT_NE(a.html.find("<p id=\"x\">第六条"), std::string::npos);
  EXPECT_EQ(opinion_heading(a.articles[1].label), "对第五条的意见");
  // Without articles: paragraphs.
  const auto p = anchor_draft("<p>一、工作目标</p><p></p><p>二、工作任务</p>");
  ASSERT_EQ(p.articles.size(), 2u);
  EXPECT_EQ(p.articles[1].anchor, "para-2");
  EXPECT_EQ(p.articles[1].label, "第2段");
}

TEST(Opinion, ProblemsInChinese) {
  const std::vector<DraftArticle> articles = {{"art-5", "第五条", ""}};
  EXPECT_TRUE(opinion_problems({"art-5", "欧阳青山", "13973955501", "建议缩短"}, ConsultationPhase::Open, articles).empty());
  EXPECT_EQ(opinion_problems({"art-9", "", "1234", ""}, ConsultationPhase::AwaitingFeedback, articles),
            (std::vector<std::string>{"本次意见征集已结束，不再接受意见", "所选条款不在征求意见稿中，请重新选择", "请填写意见内容",
                                      "请填写姓名（不公开）",
                                      "联系电话应为11位手机号码或带区号的固定电话，如 13800138000 或 0739-5320000"}));
}

TEST(Questionnaire, TextFormAndTally) {
  const auto parsed = parse_survey("单选：您是否赞成？\n赞成\n不赞成\n\n多选：您关心哪些事项？\n时限\n渠道\n费用\n\n填空：其他建议\n");
  ASSERT_TRUE(parsed.problems.empty()) << parsed.problems.front();
  ASSERT_EQ(parsed.questions.size(), 3u);
  EXPECT_EQ(parsed.questions[1].kind, SurveyQuestionKind::Multiple);
  EXPECT_EQ(parsed.questions[1].options.size(), 3u);
  auto qs = parsed.questions;
  for (std::size_t i = 0; i < qs.size(); ++i) qs[i].id = static_cast<std::int64_t>(i + 1);
  EXPECT_EQ(parse_survey(format_survey(qs)).questions.size(), 3u);
  EXPECT_EQ(parse_survey("单选：只有一个选项\n是").problems, std::vector<std::string>{"第1题至少需要两个选项，每行一个"});
  EXPECT_EQ(parse_survey("问答：什么").problems, std::vector<std::string>{"第1题的第一行应以“单选：”“多选：”或“填空：”开头"});
  EXPECT_EQ(survey_answer_problems(qs, {{1, {0, 1}, ""}, {2, {}, ""}}),
            (std::vector<std::string>{"第1题请选择一项", "第2题请至少选择一项"}));
  EXPECT_EQ(survey_answer_problems(qs, {{1, {7}, ""}, {2, {0}, ""}}).front(), "第1题的选项无效，请重新选择");
  const auto tally = tally_survey(qs, {{{1, {0}, ""}, {2, {0, 2}, ""}, {3, {}, "建议延长"}},
                                       {{1, {0}, ""}, {2, {2}, ""}},
                                       {{1, {1}, ""}, {2, {1}, ""}, {3, {}, " "}}});
  EXPECT_EQ(tally[0].counts, (std::vector<int>{2, 1}));
  EXPECT_EQ(tally[1].counts, (std::vector<int>{1, 1, 2}));
  EXPECT_EQ(tally[1].responses, 3);
  EXPECT_EQ(tally[2].responses, 1) << "a blank text answer is no answer";
}

TEST(ConsultationStatement, PeriodsAndTheirProblems) {
  const auto d = [](const char* s) { return *Date::parse(s); };
  EXPECT_EQ(to_label(StatementPeriod{2026, 4}), "2026年第四季度");
  EXPECT_EQ(to_label(StatementPeriod{2026, 0}), "2026年度");
  EXPECT_EQ(first_day({2026, 4}), d("2026-10-01"));
  EXPECT_EQ(last_day({2026, 4}), d("2026-12-31"));
  EXPECT_EQ(last_day({2028, 1}), d("2028-03-31"));
  EXPECT_EQ(last_day({2026, 2}), d("2026-06-30"));
  EXPECT_EQ(first_day({2026, 0}), d("2026-01-01"));
  EXPECT_TRUE(contains({2026, 3}, d("2026-09-30")));
  EXPECT_FALSE(contains({2026, 3}, d("2026-10-01")));
  EXPECT_TRUE(statement_problems({2026, 4}, "", d("2026-10-01")).empty()) << "the quarter has begun";
  EXPECT_EQ(statement_problems({2026, 4}, "", d("2026-09-30")).front(), "2026年第四季度尚未开始，不能发布该期间的情况说明");
  const auto bad = statement_problems({1999, 5}, std::string(1001, 'x'), d("2026-10-01"));
  ASSERT_EQ(bad.size(), 3u);
  EXPECT_EQ(bad[0], "年份应在2000至2100之间");
  EXPECT_EQ(bad[1], "期间应为全年或第一至第四季度");
  EXPECT_EQ(bad[2], "情况说明不能超过1000字");
}

}  // namespace
}  // namespace zwgk::domain
