// 建议提案办理, the pure rules: the answer deadline (3 months from 交办, the last day of a short
// month), overdue and on time, the official A/B/C labels, publication needing a reason from
// the negative list, the import plan (problems by row and column), and the per-unit counts.
#include "modules/jyta/domain/proposal.hpp"

#include <gtest/gtest.h>

#include "modules/jyta/domain/proposal_import.hpp"

namespace zwgk::domain {
namespace {

Date d(const char* s) { return *Date::parse(s); }

TEST(ProposalDeadline, ThreeCalendarMonthsFromAssignmentByDefault) {
  EXPECT_EQ(answer_due_on(d("2026-03-10")).iso(), "2026-06-10");
  EXPECT_EQ(answer_due_on(d("2025-11-30")).iso(), "2026-02-28") << "a short month: its last day";
  EXPECT_EQ(answer_due_on(d("2027-11-30")).iso(), "2028-02-29");
  EXPECT_EQ(answer_due_on(d("2026-03-10"), 2).iso(), "2026-05-10") << "a site's own months";
}

TEST(ProposalDeadline, OverdueWhenUnansweredAfterTheDueDay) {
  Proposal p;
  p.assigned_on = d("2026-03-10");
  p.due_on = answer_due_on(p.assigned_on);
  EXPECT_FALSE(is_overdue(p, d("2026-06-10")));
  EXPECT_TRUE(is_overdue(p, d("2026-06-11")));
  p.answered_on = d("2026-06-10");
  EXPECT_FALSE(is_overdue(p, d("2026-07-01")));
  EXPECT_TRUE(answered_on_time(p));
  p.answered_on = d("2026-06-11");
  EXPECT_FALSE(answered_on_time(p));
}

TEST(ProposalLabels, TheOfficialWording) {
  EXPECT_EQ(to_label(ResultClass::A), "A 所提问题已经解决或基本解决");
  EXPECT_EQ(to_label(ResultClass::B), "B 正在解决或已列入计划逐步解决");
  EXPECT_EQ(to_label(ResultClass::C), "C 因条件限制或其他原因需以后解决或作为参考");
  EXPECT_EQ(to_label(ProposalSatisfaction::BasicallySatisfied), "基本满意");
  EXPECT_EQ(number_label(ProposalKind::Suggestion, "123"), "建议第123号");
  EXPECT_EQ(result_class_from("b类"), ResultClass::B);
  EXPECT_FALSE(result_class_from("D"));
}

TEST(ProposalPublicationRule, NotPublishingNeedsAGroundFromTheNegativeListAndAReason) {
  EXPECT_TRUE(publication_problems(ProposalPublication::Full, "", std::nullopt, "").empty());
  auto p = publication_problems(ProposalPublication::Withheld, "", std::nullopt, "");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NE(p[0].find("负面清单"), std::string::npos);
  EXPECT_FALSE(publication_problems(ProposalPublication::Withheld, "", ReplyOutcome::NotHeld, "x").empty())
      << "无法提供 is not a ground for withholding";
  EXPECT_TRUE(publication_problems(ProposalPublication::Withheld, "", ReplyOutcome::StateSecret, "涉及国家秘密").empty());
  EXPECT_FALSE(publication_problems(ProposalPublication::Summary, " ", std::nullopt, "").empty()) << "摘要 needs the summary";
  EXPECT_EQ(withholding_label(ReplyOutcome::StateSecret), "属于国家秘密");
}

TEST(ProposalImportPlan, ProblemsByRowAndColumnAndNothingPlanned) {
  const UnitLookup unit = [](const std::string& n) -> std::optional<std::pair<std::int64_t, std::string>> {
    if (n == "市政府办" || n == "邵阳市人民政府办公室") return std::make_pair(std::int64_t{1}, std::string("邵阳市人民政府办公室"));
    return std::nullopt;
  };
  std::vector<SheetRow> rows = {
      {1, {"类型", "届次", "会次", "编号", "标题", "领衔人", "主办单位", "交办日期"}},
      {2, {"人大代表建议", "十七届", "三次会议", "123", "关于加快老旧小区改造的建议", "张三", "市政府办", "2026-03-10"}},
      {4, {"政协委员提案", "十二届", "三次会议", "第7号", "关于完善公交线网的提案", "李四", "市交通局", "2026/3/12"}},
  };
  auto plan = plan_proposal_import(rows, unit, 3);
  ASSERT_EQ(plan.problems.size(), 1u);
  EXPECT_EQ(plan.problems[0], "第4行「主办单位」：找不到单位“市交通局”");
  rows[2].cells[6] = "市政府办";
  plan = plan_proposal_import(rows, unit, 3);
  ASSERT_TRUE(plan.problems.empty()) << plan.problems[0];
  ASSERT_EQ(plan.rows.size(), 2u);
  EXPECT_EQ(plan.rows[1].proposal.number, "7");
  EXPECT_EQ(plan.rows[1].proposal.kind, ProposalKind::Proposal);
  EXPECT_EQ(plan.rows[0].proposal.due_on.iso(), "2026-06-10");
  EXPECT_EQ(plan.rows[0].proposal.main_department, "邵阳市人民政府办公室");
  // Header variants and a missing column.
  auto missing = plan_proposal_import({{1, {"类型", "届次", "会次", "建议编号", "案由", "领衔代表", "交办时间"}}}, unit, 3);
  ASSERT_EQ(missing.problems.size(), 1u);
  EXPECT_EQ(missing.problems[0], "第1行（表头）：缺少「主办单位」列");
}

TEST(ProposalImportPlan, DatesAsOfficesTypeThem) {
  EXPECT_EQ(parse_sheet_date("2026年3月1日")->iso(), "2026-03-01");
  EXPECT_EQ(parse_sheet_date("2026.3.1")->iso(), "2026-03-01");
  EXPECT_EQ(parse_sheet_date("46082")->iso(), "2026-03-01") << "an Excel date serial";
  EXPECT_FALSE(parse_sheet_date("2026-02-30"));
  EXPECT_FALSE(parse_sheet_date("三月一日"));
  EXPECT_EQ(parse_proposal_number("建议第0123号"), "123");
  EXPECT_FALSE(parse_proposal_number("12a"));
}

TEST(ProposalStatisticsTest, PerUnitABCAndOnTime) {
  auto make = [](const char* unit, std::optional<ResultClass> k, const char* answered, ProposalPublication pub) {
    Proposal p;
    p.main_department = unit;
    p.assigned_on = d("2026-03-10");
    p.due_on = d("2026-06-10");
    p.result_class = k;
    if (answered) p.answered_on = d(answered);
    p.publication = pub;
    return p;
  };
  using P = ProposalPublication;
  const auto s = compute_proposal_statistics(
      {make("交通局", ResultClass::A, "2026-05-01", P::Full), make("交通局", ResultClass::B, "2026-06-20", P::Withheld),
       make("交通局", std::nullopt, nullptr, P::Full), make("住建局", ResultClass::C, "2026-04-01", P::Summary),
       make("住建局", ResultClass::A, "2026-04-02", P::Full)},
      d("2026-07-01"));
  ASSERT_EQ(s.units.size(), 2u);
  const auto& jt = s.units[0].unit == "交通局" ? s.units[0] : s.units[1];
  EXPECT_EQ(jt.received, 3);
  EXPECT_EQ(jt.answered, 2);
  EXPECT_EQ(jt.answered_on_time, 1);
  EXPECT_EQ(jt.overdue, 1);
  EXPECT_EQ(jt.published, 1);
  EXPECT_EQ(jt.a, 1);
  EXPECT_EQ(jt.b, 1);
  EXPECT_EQ(jt.c, 0);
  EXPECT_EQ(s.total.received, 5);
  EXPECT_EQ(s.total.a, 2);
  EXPECT_EQ(s.total.c, 1);
  EXPECT_EQ(s.total.published, 3);
}

}  // namespace
}  // namespace zwgk::domain
