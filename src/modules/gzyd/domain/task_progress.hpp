#pragma once
// 任务督办: what each responsible unit owes for a 工作要点 and when (the seed's 结尾段):
//  - its own 工作方案, published within 20 working days after the 要点 is published
//    (programme_due_on; the plan's first obligation, code "方案");
//  - the 落实情况 of each task it is named in, reported by 12月20日 of the year
//    (progress_due_on), unless the office gives the task its own date;
// and where each unit's report stands: 未报送 → 已报送 → 已通过, or 已退回 and reported again.
// A unit is overdue while its due day has passed and nothing it sent is waiting or passed.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"

namespace zwgk::domain {

inline constexpr int kProgrammeWorkingDays = 20;  // 结尾段: 要点印发后20个工作日内
inline constexpr const char* kProgrammeTaskCode = "方案";

WorkingDayDate programme_due_on(Date plan_published_on, const WorkingDayCalendar& calendar);
Date progress_due_on(int year);  // 12月20日

enum class TaskUnitState { Pending, Submitted, Approved, Returned };

std::string to_label(TaskUnitState);  // 未报送 / 已报送 / 已通过 / 已退回
std::string to_code(TaskUnitState);   // pending / submitted / approved / returned
std::optional<TaskUnitState> task_unit_state_from(std::string_view code);

bool is_overdue(TaskUnitState state, Date due_on, Date today);

// What is wrong with a progress report before it is stored ("" = nothing): empty text, or
// longer than 5000 characters.
std::string progress_problem(const std::string& text);
// The office's decision: returning needs a reason.
std::string review_problem(bool approve, const std::string& note);

}  // namespace zwgk::domain
