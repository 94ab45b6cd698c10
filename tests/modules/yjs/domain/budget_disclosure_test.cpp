// 预决算公开 rules (预算法第十四条: 批准 / 批复后二十日内): the due date in calendar days, a
// department overdue 21 days after its 批复, published late by so many days, the kinds of
// the government's row and a department's.
#include "modules/yjs/domain/budget_disclosure.hpp"

#include <gtest/gtest.h>

namespace zwgk::domain {
namespace {

Date d(const char* s) { return *Date::parse(s); }

TEST(BudgetDisclosure, DueTwentyDaysAfterTheApprovalAndOverdueOnTheTwentyFirst) {
  // 批复 on Sunday 2026-02-01 (the Spring Festival holiday follows): calendar days count.
  const auto approved = d("2026-02-01");
  auto s = disclosure_status(approved, std::nullopt, d("2026-02-21"));
  EXPECT_EQ(s.state, DisclosureState::Due);
  EXPECT_EQ(s.due, d("2026-02-21"));
  EXPECT_EQ(s.text(), "应于2026-02-21前公开");
  s = disclosure_status(approved, std::nullopt, d("2026-02-22"));
  EXPECT_EQ(s.state, DisclosureState::Overdue) << "21 days after its 批复";
  EXPECT_EQ(to_label(s.state), "逾期未公开");
  EXPECT_EQ(s.text(), "逾期1天未公开");
  EXPECT_TRUE(s.missing());
}

TEST(BudgetDisclosure, PublishedOnTimeLateOrWithoutAnApprovalDate) {
  const auto approved = d("2026-02-01");
  EXPECT_EQ(disclosure_status(approved, d("2026-02-21"), d("2026-03-01")).state, DisclosureState::OnTime) << "on the 20th day";
  const auto late = disclosure_status(approved, d("2026-02-24"), d("2026-03-01"));
  EXPECT_EQ(late.state, DisclosureState::Late);
  EXPECT_EQ(late.text(), "逾期3天公开");
  EXPECT_EQ(disclosure_status(std::nullopt, std::nullopt, d("2026-03-01")).state, DisclosureState::AwaitingApproval);
  EXPECT_EQ(to_label(DisclosureState::AwaitingApproval), "待批复");
  EXPECT_EQ(disclosure_status(std::nullopt, d("2026-02-10"), d("2026-03-01")).state, DisclosureState::OnTime)
      << "published before anyone entered the approval date";
}

TEST(BudgetDisclosure, KindsAndProblems) {
  EXPECT_EQ(budget_kinds(true).size(), 2u);
  EXPECT_EQ(budget_kinds(false).size(), 3u);
  EXPECT_EQ(budget_kind_label(BudgetKind::Budget, true), "政府预算");
  EXPECT_EQ(budget_kind_label(BudgetKind::FinalAccounts, false), "部门决算");
  EXPECT_EQ(budget_kind_from("three_public"), BudgetKind::ThreePublic);
  EXPECT_FALSE(budget_kind_from("预算"));
  EXPECT_TRUE(budget_cell_problems(2026, BudgetKind::Budget, false, d("2026-02-01"), d("2026-03-01")).empty());
  const auto p = budget_cell_problems(2026, BudgetKind::ThreePublic, true, d("2026-04-01"), d("2026-03-01"));
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], "三公经费随部门预算、决算公开，请在部门一行登记");
  EXPECT_EQ(p[1], "批复日期2026-04-01晚于今天");
  EXPECT_EQ(budget_cell_problems(1999, BudgetKind::Budget, true, std::nullopt, d("2026-03-01")).front(), "年度应在2000至2100之间");
  EXPECT_EQ(budget_cell_problems(2026, BudgetKind::Budget, true, d("2024-12-31"), d("2026-03-01")).front(),
            "批复日期2024-12-31早于2026年度的编制时间");
}

}  // namespace
}  // namespace zwgk::domain
