#pragma once
// The answer deadline of an information request (答复期限 / 法定期限), counted on the
// working-day calendar (working_day_calendar.hpp, day-zero convention there).
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

}  // namespace zwgk::domain
