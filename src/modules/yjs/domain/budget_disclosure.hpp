#pragma once
// 预决算公开统一专栏 (issue 14; 《2017年邵阳市政务公开工作要点》 二(四)): for every year, the
// government's 预算 and 决算 and each department's 部门预算, 部门决算 and 三公经费, each a
// published document, and when it was due.
//
// The law: 《中华人民共和国预算法》第十四条 (and 《地方预决算公开操作规程》, 财预〔2016〕143号):
// the 预算 and 决算 approved by the people's congress (or its standing committee) are public
// within 20 days of approval (批准后二十日内, by the finance bureau); the 部门预算 and 部门决算
// within 20 days of the finance bureau's 批复 (批复后二十日内, by the department), with the
// 机关运行经费 and 三公经费 explained.
//
// Terms:
//   unit      the government itself (本级政府, no department) or one of its departments
//   kind      预算, 决算, 三公经费 (departments only)
//   cell      a unit's kind for a year: its approval date (批准 / 批复) and its document
//   due       approved_on + 20 calendar days ("二十日内": days, not working days)
//
// Invariants (disclosure_status):
//   1. Published by its 发布日期 on or before due: 已公开; after due: 逾期公开 (by how many days).
//   2. Not published: 待公开 until due, 逾期未公开 from the day after due.
//   3. Without an approval date: 待批复 while unpublished; 已公开 once published (no deadline known).
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"

namespace zwgk::domain {

enum class BudgetKind { Budget, FinalAccounts, ThreePublic };
std::string to_code(BudgetKind);  // budget final_accounts three_public
// 政府预算 / 政府决算 for the government; 部门预算 / 部门决算 / 三公经费 for a department.
std::string budget_kind_label(BudgetKind kind, bool government);
std::optional<BudgetKind> budget_kind_from(std::string_view code);
// The kinds a unit publishes, in the matrix's column order.
std::vector<BudgetKind> budget_kinds(bool government);

inline constexpr int kBudgetDisclosureDays = 20;  // 预算法第十四条: 二十日内

enum class DisclosureState { AwaitingApproval, Due, Overdue, OnTime, Late };
std::string to_code(DisclosureState);   // awaiting_approval due overdue on_time late
std::string to_label(DisclosureState);  // 待批复 待公开 逾期未公开 已公开 逾期公开

struct DisclosureStatus {
  DisclosureState state = DisclosureState::AwaitingApproval;
  std::optional<Date> due;
  int days_late = 0;  // Late: published so many days after due; Overdue: so many days past due
  bool missing() const { return state == DisclosureState::Overdue; }
  std::string text() const;  // "应于2026-02-21前公开" / "逾期1天未公开" / "逾期3天公开" / ""
};

DisclosureStatus disclosure_status(const std::optional<Date>& approved_on, const std::optional<Date>& published_on,
                                   Date today, int days = kBudgetDisclosureDays);

// Chinese problems of a cell as entered: the year (2000-2100), the kind for the unit, the
// approval date not after today nor before the year before the fiscal year.
std::vector<std::string> budget_cell_problems(int year, BudgetKind kind, bool government,
                                              const std::optional<Date>& approved_on, Date today);

}  // namespace zwgk::domain
