#pragma once
// Every statutory period of 《政府信息公开条例》 (2019) and the functions that count them, in
// one place; counted on the working-day calendar (working_day_calendar.hpp, day-zero
// convention there). The modules call these and define no period of their own:
//
//  - Art. 26: proactive disclosure within 20 working days of the information being formed
//    or changed (kPublicationWorkingDays, publication_deadline: the publishing module).
//  - Art. 30: a correction notice (补正) within 7 working days of receipt
//    (kCorrectionNoticeWorkingDays); the period given for the correction is "reasonable" —
//    the console proposes kDefaultCorrectionPeriodWorkingDays (a local default, not the law).
//  - Art. 32: a consulted third party has 15 working days to give its opinion
//    (kThirdPartyWorkingDays).
//  - Art. 33: the answer deadline of an information request (答复期限), below.
//  - Both consoles call a deadline "due soon" (即将到期) at kDueSoonWorkingDays working days
//    or fewer left, due day included (due_state).
//
// The answer deadline of an information request (答复期限 / 法定期限):
//
//  - Art. 33 ¶2 《政府信息公开条例》 (2019): answer within 20 working days of receipt
//    (day zero = the day received, Art. 31); an extension (延期), approved by the head of
//    the disclosure office and notified to the applicant, adds at most 20 working days.
//  - Art. 33 ¶3: time spent consulting a third party (Art. 32) or other bodies (Art. 34) is
//    not counted: a PausedSpan.
//  - Art. 30: after a correction notice (补正) the period runs from receipt of the corrected
//    application. Record it as a PausedSpan from the day of receipt to the day the
//    correction arrives: that day then acts as the new day zero.
//
// Pause endpoints: a PausedSpan [from, to] is inclusive at both ends. Neither the day the
// pause starts (the consultation letter is sent) nor the day it ends (the reply or the
// correction arrives) is counted; counting resumes on the first working day after `to`.
// Spans must start on or after the day of receipt, end on or after their start, and not
// overlap. A span that starts after the deadline has passed removes nothing.
//
// A ReplyDeadline is derived, never stored: compute it from the application's dates and the
// current calendar each time it is shown, so a corrected calendar moves it at once.
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"

namespace zwgk::domain {

inline constexpr int kPublicationWorkingDays = 20;       // Art. 26
inline constexpr int kCorrectionNoticeWorkingDays = 7;   // Art. 30
inline constexpr int kDefaultCorrectionPeriodWorkingDays = 15;  // Art. 30 "合理的补正期限": the form's default
inline constexpr int kThirdPartyWorkingDays = 15;        // Art. 32
inline constexpr int kDueSoonWorkingDays = 3;            // 即将到期: 3 working days or fewer left

inline constexpr int kReplyPeriodWorkingDays = 20;    // Art. 33 ¶2
inline constexpr int kMaxExtensionWorkingDays = 20;   // Art. 33 ¶2
inline constexpr int kMaxPeriodWorkingDays = 200;     // a sanity bound for a longer period set under Art. 35

struct PausedSpan {
  Date from;           // first day not counted
  Date to;             // last day not counted
  std::string reason;  // 补正, 征求第三方意见, ... (shown in the explanation; may be empty)
};

struct ReplyPeriod {
  Date received_on;                            // day zero (Art. 31)
  int working_days = kReplyPeriodWorkingDays;  // 0 = answered on the spot (Art. 33 ¶1)
  std::vector<PausedSpan> pauses;
  int extension = 0;                           // 延期, 0..20 working days
};

struct PauseEffect {
  PausedSpan span;
  int working_days_removed = 0;  // working days in the span that would otherwise have counted
};

struct ReplyDeadline {
  Date received_on;
  int working_days = 0;
  std::vector<PauseEffect> pauses;  // in date order
  int extension = 0;
  Date due_without_extension;       // the end of the original period
  Date due_on;                      // the period ends at the end of this day
  // The notice's entries between day zero (exclusive) and due_on (inclusive): the holidays
  // skipped and the make-up working days counted.
  std::vector<HolidayArrangement> arrangements;
  CalendarWarning warning;          // years counted on weekends alone
};

// Throws ValidationError (Chinese messages) for a period or extension out of range and for
// pauses that start before receipt, end before they start, or overlap.
ReplyDeadline compute_reply_deadline(const WorkingDayCalendar& calendar, const ReplyPeriod& period);

// How the deadline was counted, one line per step, in Chinese (the CLI's --explain and the
// application page): received on / day zero, period, holidays and make-up days, each pause
// and what it removed, the extension, the resulting date, and the warning if any.
std::vector<std::string> explain_reply_deadline(const ReplyDeadline& deadline);

// --- how close a deadline is ----------------------------------------------------------

enum class DueState {
  OnTime,   // more than kDueSoonWorkingDays working days left
  DueSoon,  // kDueSoonWorkingDays working days or fewer left, the due day included
  Overdue,  // the due day has passed
};
DueState due_state(Date due_on, Date today, const WorkingDayCalendar& calendar);

// --- Art. 26: proactive disclosure ------------------------------------------------------

enum class PublicationDue { OnTime, DueSoon, Overdue };
struct PublicationDeadline {
  Date due_on;  // kPublicationWorkingDays working days after `created_on` (day zero)
  PublicationDue status = PublicationDue::OnTime;
  CalendarWarning warning;
};
PublicationDeadline publication_deadline(Date created_on, Date today, const WorkingDayCalendar& calendar);

}  // namespace zwgk::domain
