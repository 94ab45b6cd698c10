// Scoring one unit: each finding deducts its indicator's points up to the cap, every deduction
// carries its evidence, a 手工填报 indicator waits for the office's figure, an adjustment needs
// a reason and the final stays within 0..100; ranks share a place on a tie. And the findings
// of each source from its records (record_findings.hpp), day by day.
#include "modules/jxkh/domain/unit_score.hpp"

#include <gtest/gtest.h>

#include "modules/jxkh/domain/assessment_run.hpp"
#include "modules/jxkh/domain/record_findings.hpp"
#include "support/holiday_calendar.hpp"

namespace zwgk::domain {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Evidence row(const std::string& subject) { return {subject, "情况", "/console/documents/1/"}; }

// An office that keeps its 工作要点 outside zwgk: that indicator is typed in (手工填报).
IndicatorSet manual_tasks() {
  auto s = default_indicators();
  for (auto& i : s.indicators)
    if (i.code == "jc.gzyd") i.source = std::string(kManualSource);
  return s;
}

const IndicatorResult& result(const UnitScore& u, const std::string& code) {
  for (const auto& r : u.results)
    if (r.code == code) return r;
  throw std::runtime_error(code);
}

TEST(AssessmentScore, DeductionsPerFindingUpToTheCapEachWithItsEvidence) {
  UnitFacts f;
  f.department_id = 7;
  f.name = "邵阳市财政局";
  f.sources["timeliness"].checked = 10;
  for (int i = 0; i < 3; ++i) f.sources["timeliness"].findings.push_back(row("《文件" + std::to_string(i) + "》"));
  f.sources["interpretation"].checked = 8;
  for (int i = 0; i < 7; ++i) f.sources["interpretation"].findings.push_back(row("《政策" + std::to_string(i) + "》"));
  f.sources["requests"].checked = 4;
  const auto u = score_unit(manual_tasks(), f);
  EXPECT_EQ(u.full, 1000);
  const auto& timely = result(u, "zdgk.sx");
  EXPECT_EQ(timely.deducted, 30) << "1 分 a late document";
  EXPECT_EQ(timely.evidence.size(), 3u);
  EXPECT_EQ(timely.summary, "检查10项，超期发布3项，扣3分");
  const auto& interpreted = result(u, "zdgk.jd");
  EXPECT_EQ(interpreted.deducted, 100) << "7 × 2 分, capped at its 10 分";
  EXPECT_NE(interpreted.summary.find("（已达扣分上限）"), std::string::npos);
  EXPECT_EQ(result(u, "ysq.ds").deducted, 0);
  EXPECT_EQ(result(u, "ysq.ds").summary, "检查4项，未发现问题，不扣分");
  EXPECT_EQ(result(u, "hd.xx").summary, "本年度没有需要检查的记录，不扣分");
  EXPECT_TRUE(result(u, "jc.gzyd").pending) << "not entered: no deduction, and said so";
  EXPECT_EQ(u.pending(), 1);
  EXPECT_EQ(u.total, 1000 - 30 - 100);
  EXPECT_EQ(u.final_points(), 870);
  EXPECT_EQ(weighted_hundredths(u.final_points(), 30), 261) << "87 分 × 3% = 2.61";
  for (const auto& r : u.results) {
    if (r.deducted > 0 && r.source != kManualSource) {
      EXPECT_FALSE(r.evidence.empty()) << r.code;
    }
  }
}

TEST(AssessmentScore, AHandEnteredFigureDeductsWithItsBasisAsEvidence) {
  UnitFacts f;
  f.manual["jc.gzyd"] = {2, "12月20日前未报送第三项、第五项任务落实情况", "政务公开办", "2026-01-10T02:00:00Z"};
  const auto u = score_unit(manual_tasks(), f);
  const auto& tasks = result(u, "jc.gzyd");
  EXPECT_FALSE(tasks.pending);
  EXPECT_EQ(tasks.deducted, 40);
  ASSERT_EQ(tasks.evidence.size(), 1u);
  EXPECT_EQ(tasks.evidence[0].detail, "12月20日前未报送第三项、第五项任务落实情况");
  EXPECT_NE(tasks.evidence[0].subject.find("政务公开办"), std::string::npos);
  EXPECT_EQ(manual_figure_problem(2, "  "), "手工填报的数字须注明依据");
  EXPECT_EQ(manual_figure_problem(-1, "依据"), "填报的项数应为0至999之间的整数");
}

TEST(AssessmentScore, AnAdjustmentWithoutAReasonIsRefusedAndTheFinalStaysWithinTheScale) {
  EXPECT_EQ(adjustment_problem(20, ""), "调整分数须说明理由");
  EXPECT_EQ(adjustment_problem(-20, " \n "), "调整分数须说明理由");
  EXPECT_EQ(adjustment_problem(-20, "督查通报中被点名批评"), "");
  EXPECT_NE(adjustment_problem(1010, "理由"), "");
  UnitFacts f;
  auto u = score_unit(default_indicators(), f);
  EXPECT_EQ(u.final_points(), 1000);
  apply_adjustment(u, {50, "获省级通报表扬", "政务公开办", "2026-01-10T02:00:00Z"});
  EXPECT_EQ(u.final_points(), 1000) << "never above the full points";
  apply_adjustment(u, {-25, "督查发现问题整改不到位", "政务公开办", "2026-01-10T02:00:00Z"});
  EXPECT_EQ(u.final_points(), 975);
}

TEST(AssessmentScore, UnitsAreRankedByTheirFinalScoreSharingAPlaceOnATie) {
  std::vector<UnitScore> units(4);
  const int finals[] = {900, 950, 900, 800};
  for (int i = 0; i < 4; ++i) {
    units[i].department_id = i + 1;
    units[i].full = 1000;
    units[i].total = finals[i];
  }
  rank_units(units);
  EXPECT_EQ(units[0].department_id, 2);
  EXPECT_EQ(units[0].rank, 1);
  EXPECT_EQ(units[1].rank, 2);
  EXPECT_EQ(units[2].rank, 2);
  EXPECT_EQ(units[3].rank, 4);
}

TEST(AssessmentScore, TheResultOfARunAppliesTheLatestFiguresAndAdjustments) {
  AssessmentRun run;
  run.indicators = format_indicators(manual_tasks());
  UnitFacts a, b;
  a.department_id = 1;
  a.name = "甲";
  a.sources["letters"].checked = 2;
  a.sources["letters"].findings = {row("信件 XJ-1"), row("信件 XJ-2")};
  b.department_id = 2;
  b.name = "乙";
  run.units = {a, b};
  const auto r = result_of(run, {{2, {{"jc.gzyd", {1, "未报送", "办", "2026-01-10T00:00:00Z"}}}}},
                           {{1, {10, "专项工作加分", "办", "2026-01-10T00:00:00Z"}}});
  ASSERT_EQ(r.units.size(), 2u);
  EXPECT_EQ(r.units[0].name, "甲");
  EXPECT_EQ(r.units[0].final_points(), 990) << "two late letters −2, the adjustment +1";
  EXPECT_EQ(r.units[1].name, "乙");
  EXPECT_EQ(r.units[1].final_points(), 980) << "one 工作要点 task not reported −2";
  EXPECT_EQ(r.units[1].rank, 2);
}

// ---- findings from the records ----

TEST(AssessmentFindings, ADocumentPublishedAfterTwentyWorkingDaysIsLate) {
  const auto& cal = zwgk::test::calendar();
  // 2025-03-03 (Monday) + 20 working days = 2025-03-31; 25 working days = 2025-04-08 (清明 4-4 off).
  const auto facts = publication_timeliness(
      {{1, "按时的通知", d("2025-03-03"), d("2025-03-31"), "/console/documents/1/"},
       {2, "超期的通知", d("2025-03-03"), d("2025-04-08"), "/console/documents/2/"},
       {3, "没有成文日期", std::nullopt, d("2025-04-08"), "/console/documents/3/"}},
      cal);
  EXPECT_EQ(facts.checked, 2);
  ASSERT_EQ(facts.findings.size(), 1u);
  EXPECT_EQ(facts.findings[0].subject, "《超期的通知》");
  EXPECT_EQ(facts.findings[0].url, "/console/documents/2/");
  EXPECT_NE(facts.findings[0].detail.find("应于2025-03-31前发布，超期5个工作日"), std::string::npos) << facts.findings[0].detail;
}

TEST(AssessmentFindings, PoliciesWithoutASimultaneousInterpretation) {
  const auto facts = policy_interpretation({{1, "有解读", d("2025-05-06"), false, d("2025-05-06"), "u1"},
                                            {2, "没有解读", d("2025-05-06"), false, std::nullopt, "u2"},
                                            {3, "解读晚发", d("2025-05-06"), false, d("2025-05-09"), "u3"},
                                            {4, "无需解读", d("2025-05-06"), true, std::nullopt, "u4"}});
  EXPECT_EQ(facts.checked, 3);
  ASSERT_EQ(facts.findings.size(), 2u);
  EXPECT_EQ(facts.findings[0].subject, "《没有解读》");
  EXPECT_EQ(facts.findings[1].detail, "2025-05-06发布，解读晚3天（2025-05-09）发布，未同步");
}

TEST(AssessmentFindings, APrincipalInterpretationAYear) {
  EXPECT_TRUE(principal_interpretation({{1, "访谈", d("2025-06-01"), true, "u"}}, 2025, "/console/events/").findings.empty());
  const auto none = principal_interpretation({{1, "访谈", d("2025-06-01"), false, "u"}, {2, "去年", d("2024-06-01"), true, "u"}},
                                             2025, "/console/events/");
  ASSERT_EQ(none.findings.size(), 1u);
  EXPECT_EQ(none.findings[0].url, "/console/events/");
  EXPECT_NE(none.findings[0].detail.find("嘉宾均非主要负责人"), std::string::npos);
}

TEST(AssessmentFindings, RequestsLettersConsultationsReportsAndLists) {
  const auto requests = request_timeliness({{"YSQ-2025-000001", d("2025-03-03"), d("2025-03-31"), d("2025-04-01"), false, "r1"},
                                            {"YSQ-2025-000002", d("2025-11-03"), d("2025-12-01"), std::nullopt, false, "r2"},
                                            {"YSQ-2025-000003", d("2025-12-20"), d("2026-01-20"), std::nullopt, false, "r3"},
                                            {"YSQ-2025-000004", d("2025-03-03"), d("2025-03-31"), std::nullopt, true, "r4"}},
                                           d("2026-01-05"));
  EXPECT_EQ(requests.checked, 3);
  ASSERT_EQ(requests.findings.size(), 2u);
  EXPECT_EQ(requests.findings[0].subject, "申请 YSQ-2025-000001");
  EXPECT_NE(requests.findings[1].detail.find("尚未答复"), std::string::npos);

  LetterRecord late{"XJ-2025-000001", "路灯不亮", d("2025-04-01"), d("2025-04-15"), d("2025-04-20"), false,
                    Satisfaction::Dissatisfied, "l1"};
  LetterRecord fine{"XJ-2025-000002", "咨询", d("2025-04-01"), d("2025-04-15"), d("2025-04-10"), false,
                    Satisfaction::Satisfied, "l2"};
  EXPECT_EQ(letter_timeliness({late, fine}, d("2026-01-05")).findings.size(), 1u);
  const auto unhappy = letter_satisfaction({late, fine});
  EXPECT_EQ(unhappy.checked, 2);
  ASSERT_EQ(unhappy.findings.size(), 1u);
  EXPECT_EQ(unhappy.findings[0].subject, "信件 XJ-2025-000001《路灯不亮》");

  const auto feedback = consultation_feedback({{1, "已反馈", d("2025-05-01"), d("2025-05-29"), d("2025-05-20"), "c1"},
                                               {2, "未反馈", d("2025-05-01"), d("2025-05-29"), std::nullopt, "c2"},
                                               {3, "未到期", d("2025-12-25"), d("2026-01-26"), std::nullopt, "c3"}},
                                              d("2026-01-05"));
  EXPECT_EQ(feedback.checked, 2);
  ASSERT_EQ(feedback.findings.size(), 1u);
  EXPECT_EQ(feedback.findings[0].subject, "《未反馈》");

  const auto report = annual_report_on_time({2024, d("2025-01-31"), d("2025-02-10"), "《2024年报》", "/console/documents/9/"},
                                            d("2026-01-05"));
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_NE(report.findings[0].detail.find("逾期10天"), std::string::npos);
  EXPECT_TRUE(annual_report_on_time({2025, d("2026-01-31"), std::nullopt, "t", "u"}, d("2026-01-05")).findings.empty())
      << "not yet due";

  const auto lists = lists_current({{1, "权力清单", d("2024-01-01"), "q1"}, {2, "收费清单", d("2025-06-01"), "q2"},
                                    {3, "未施行", std::nullopt, "q3"}},
                                   d("2025-12-31"));
  EXPECT_EQ(lists.checked, 2);
  ASSERT_EQ(lists.findings.size(), 1u);
  EXPECT_EQ(lists.findings[0].subject, "《权力清单》");

  const auto reviews = review_corrections({{"YSQ-1", ReviewKind::Reconsideration, ReviewOutcome::Corrected, d("2025-07-01"), "r"},
                                           {"YSQ-2", ReviewKind::LitigationDirect, ReviewOutcome::Upheld, d("2025-08-01"), "r"}});
  EXPECT_EQ(reviews.checked, 2);
  ASSERT_EQ(reviews.findings.size(), 1u);
  EXPECT_EQ(reviews.findings[0].detail, "行政复议于2025-07-01审结，结果纠正");
  EXPECT_FALSE(monitoring_counts("interpretation")) << "counted by its own indicator";
  EXPECT_TRUE(monitoring_counts("column_update"));
}

TEST(AssessmentFindings, WorkPlanTasksReportedLateOrNotAtAll) {
  const std::vector<TaskReportRecord> tasks = {
      {1, "工作方案", d("2025-03-31"), d("2025-03-20"), false, "/console/work-plans/1/#task-1"},
      {2, "一(一) 做好政策解读宣传和预期引导", d("2025-12-20"), d("2025-12-23"), false, "/console/work-plans/1/#task-2"},
      {3, "二(一) 推进“放管服”改革信息公开", d("2025-12-20"), std::nullopt, false, "/console/work-plans/1/#task-3"},
      {4, "三(一) 推进发展新产业", d("2025-12-20"), d("2025-12-01"), true, "/console/work-plans/1/#task-4"},
  };
  const auto early = work_plan_reports(tasks, d("2025-12-19"));
  EXPECT_EQ(early.checked, 2) << "the two reported; the unreported and the returned one are not yet due";
  EXPECT_EQ(early.findings.size(), 1u) << "only 一(一): reported after its date";
  const auto f = work_plan_reports(tasks, d("2026-01-05"));
  EXPECT_EQ(f.checked, 4);
  ASSERT_EQ(f.findings.size(), 3u);
  EXPECT_EQ(f.findings[0].detail, "应于2025-12-20前报送，2025-12-23报送，逾期");
  EXPECT_EQ(f.findings[1].detail, "应于2025-12-20前报送落实情况，至2026-01-05未报送");
  EXPECT_EQ(f.findings[2].detail, "应于2025-12-20前报送落实情况，至2026-01-05退回后未重新报送");
  EXPECT_EQ(f.findings[1].url, "/console/work-plans/1/#task-3");
  EXPECT_EQ(work_plan_reports({}, d("2026-01-05")).note, "本年度工作要点没有到期的本单位任务");
}

}  // namespace
}  // namespace zwgk::domain
