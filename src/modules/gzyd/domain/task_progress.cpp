// 任务督办's deadlines and states: see task_progress.hpp.
#include "modules/gzyd/domain/task_progress.hpp"

#include <chrono>

#include "domain/utf8.hpp"

namespace zwgk::domain {

WorkingDayDate programme_due_on(Date plan_published_on, const WorkingDayCalendar& calendar) {
  return calendar.add_working_days(plan_published_on, kProgrammeWorkingDays);
}

Date progress_due_on(int year) { return Date{std::chrono::year{year} / 12 / 20}; }

std::string to_label(TaskUnitState s) {
  switch (s) {
    case TaskUnitState::Pending: return "未报送";
    case TaskUnitState::Submitted: return "已报送";
    case TaskUnitState::Approved: return "已通过";
    case TaskUnitState::Returned: return "已退回";
  }
  return "";
}

std::string to_code(TaskUnitState s) {
  switch (s) {
    case TaskUnitState::Pending: return "pending";
    case TaskUnitState::Submitted: return "submitted";
    case TaskUnitState::Approved: return "approved";
    case TaskUnitState::Returned: return "returned";
  }
  return "";
}

std::optional<TaskUnitState> task_unit_state_from(std::string_view code) {
  for (auto s : {TaskUnitState::Pending, TaskUnitState::Submitted, TaskUnitState::Approved, TaskUnitState::Returned})
    if (to_code(s) == code) return s;
  return std::nullopt;
}

bool is_overdue(TaskUnitState state, Date due_on, Date today) {
  return (state == TaskUnitState::Pending || state == TaskUnitState::Returned) && today > due_on;
}

std::string progress_problem(const std::string& text) {
  if (text.empty()) return "请填写落实情况";
  if (!is_valid_utf8(text)) return "落实情况含有无效字符";
  if (count_characters(text) > 5000) return "落实情况最长 5000 字";
  return {};
}

std::string review_problem(bool approve, const std::string& note) {
  if (!approve && note.empty()) return "退回须说明理由";
  return {};
}

}  // namespace zwgk::domain
