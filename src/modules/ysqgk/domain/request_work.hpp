#pragma once
// 依申请公开 in 我的工作 and the console's lists: what an open application asks of the office
// and of its department, and how its deadline is put in words. Pure domain: the console
// (modules/ysqgk/web/request_my_work.cpp, request_list_pages.cpp) asks the permission
// registry who sees which application and calls these for what to say about it.
//
//  - 待分办 (awaits_assignment): the transition table offers 分办 from the state (已收到,
//    已补正): the 公开工作机构 must send it to a department.
//  - 待起草答复意见 (awaits_draft): assigned and not yet answered (draft_refusal empty), no
//    答复意见稿 saved: the assigned department writes it.
//  - 答复意见稿待审定 (draft_awaits_reply): the same states with a draft saved: the office
//    approves it by recording the reply (Art. 36).
//  - Deadlines (Art. 33, domain/statutory_deadlines.hpp): 已逾期 counts the working days since
//    the due day (overdue_working_days); 即将到期 the working days left, the due day being
//    day 0 (working_days_left).
#include <string>
#include <string_view>

#include "domain/statutory_deadlines.hpp"
#include "domain/working_day_calendar.hpp"
#include "modules/ysqgk/domain/applicant.hpp"
#include "modules/ysqgk/domain/disclosure_request.hpp"

namespace zwgk::domain {

bool awaits_assignment(const DisclosureRequest& request);
bool awaits_draft(const DisclosureRequest& request, bool has_draft);
bool draft_awaits_reply(const DisclosureRequest& request, bool has_draft);

// Working days in (due_on, today]; 0 when not past the due day.
int overdue_working_days(Date due_on, Date today, const WorkingDayCalendar& calendar);
// Working days in (today, due_on]; 0 on the due day and after it.
int working_days_left(Date due_on, Date today, const WorkingDayCalendar& calendar);

// The deadline's state in words for a list cell: "已逾期 5 个工作日", "即将到期（今日到期）",
// "即将到期（剩余 2 个工作日）", "暂停计时", "正常"; "" for a closed application.
std::string due_words(DueStatus status, Date due_on, Date today, const WorkingDayCalendar& calendar);

// How the console's lists name the applicant (personal data: the ID number and the phone are
// never listed): an organisation by its name; a person by the full name to whoever may see
// the applicant's identity (ysqgk.view_identity, `full`), else the surname and one * for each
// further character ("张**"). Blank -> "—".
std::string listed_applicant_name(ApplicantKind kind, std::string_view name, bool full);

}  // namespace zwgk::domain
