// 预决算公开: see budget_disclosure.hpp.
#include "modules/yjs/domain/budget_disclosure.hpp"

namespace zwgk::domain {

std::string to_code(BudgetKind k) {
  switch (k) {
    case BudgetKind::Budget: return "budget";
    case BudgetKind::FinalAccounts: return "final_accounts";
    case BudgetKind::ThreePublic: return "three_public";
  }
  return "";
}

std::string budget_kind_label(BudgetKind k, bool government) {
  switch (k) {
    case BudgetKind::Budget: return government ? "政府预算" : "部门预算";
    case BudgetKind::FinalAccounts: return government ? "政府决算" : "部门决算";
    case BudgetKind::ThreePublic: return "三公经费";
  }
  return "";
}

std::optional<BudgetKind> budget_kind_from(std::string_view code) {
  for (auto k : {BudgetKind::Budget, BudgetKind::FinalAccounts, BudgetKind::ThreePublic})
    if (to_code(k) == code) return k;
  return std::nullopt;
}

std::vector<BudgetKind> budget_kinds(bool government) {
  if (government) return {BudgetKind::Budget, BudgetKind::FinalAccounts};
  return {BudgetKind::Budget, BudgetKind::FinalAccounts, BudgetKind::ThreePublic};
}

std::string to_code(DisclosureState s) {
  switch (s) {
    case DisclosureState::AwaitingApproval: return "awaiting_approval";
    case DisclosureState::Due: return "due";
    case DisclosureState::Overdue: return "overdue";
    case DisclosureState::OnTime: return "on_time";
    case DisclosureState::Late: return "late";
  }
  return "";
}

std::string to_label(DisclosureState s) {
  switch (s) {
    case DisclosureState::AwaitingApproval: return "待批复";
    case DisclosureState::Due: return "待公开";
    case DisclosureState::Overdue: return "逾期未公开";
    case DisclosureState::OnTime: return "已公开";
    case DisclosureState::Late: return "逾期公开";
  }
  return "";
}

std::string DisclosureStatus::text() const {
  switch (state) {
    case DisclosureState::Due: return "应于" + due->iso() + "前公开";
    case DisclosureState::Overdue: return "逾期" + std::to_string(days_late) + "天未公开";
    case DisclosureState::Late: return "逾期" + std::to_string(days_late) + "天公开";
    default: return "";
  }
}

DisclosureStatus disclosure_status(const std::optional<Date>& approved_on, const std::optional<Date>& published_on,
                                   Date today, int days) {
  DisclosureStatus s;
  if (approved_on) s.due = Date::from_sys_days(approved_on->days() + std::chrono::days(days));
  const auto past = [](Date later, Date earlier) { return static_cast<int>((later.days() - earlier.days()).count()); };
  if (published_on) {
    if (s.due && *published_on > *s.due) {
      s.state = DisclosureState::Late;
      s.days_late = past(*published_on, *s.due);
    } else {
      s.state = DisclosureState::OnTime;
    }
  } else if (!s.due) {
    s.state = DisclosureState::AwaitingApproval;
  } else if (today > *s.due) {
    s.state = DisclosureState::Overdue;
    s.days_late = past(today, *s.due);
  } else {
    s.state = DisclosureState::Due;
  }
  return s;
}

std::vector<std::string> budget_cell_problems(int year, BudgetKind kind, bool government,
                                              const std::optional<Date>& approved_on, Date today) {
  std::vector<std::string> problems;
  if (year < 2000 || year > 2100) problems.push_back("年度应在2000至2100之间");
  if (government && kind == BudgetKind::ThreePublic)
    problems.push_back("三公经费随部门预算、决算公开，请在部门一行登记");
  if (approved_on) {
    if (*approved_on > today) problems.push_back("批复日期" + approved_on->iso() + "晚于今天");
    else if (approved_on->year() < year - 1)
      problems.push_back("批复日期" + approved_on->iso() + "早于" + std::to_string(year) + "年度的编制时间");
  }
  return problems;
}

}  // namespace zwgk::domain
