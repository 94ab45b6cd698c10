#pragma once
// 公开时限 of a 基层政务公开标准目录 item (国办发〔2019〕54号 and the 26 领域's 标准指引), read
// from the text the catalogue gives so that the monitoring can say which items are overdue:
//   "自信息形成或者变更之日起20个工作日内"  -> within 20 working days of 信息形成或者变更
//   "收到申请后十五个工作日内"              -> within 15 working days of 收到申请
//   "30日内" / "三十天内"                  -> within 30 calendar days
//   "每年3月31日前" / "每年1月底前"         -> by that date each year
//   "每季度" / "按月" / "每半年"            -> periodically
//   "实时" / "及时" / "常态化"              -> promptly, no countable deadline
// Anything else is kept as written and counted by no rule (kind Unparsed), never guessed.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"

namespace zwgk::domain {

enum class TimeLimitKind { WithinDays, ByDateEachYear, Periodic, Promptly, Unparsed };

struct DisclosureTimeLimit {
  TimeLimitKind kind = TimeLimitKind::Unparsed;
  int count = 0;              // WithinDays
  bool working_days = false;  // WithinDays: 工作日 (the State Council calendar) or 日/天
  std::string from;           // WithinDays: what the days count from ("信息形成或者变更"; "" unsaid)
  int month = 0, day = 0;     // ByDateEachYear; day 0 = the month's last day (月底)
  std::string period;         // Periodic: 月 / 季度 / 半年 / 年
  std::string text;           // as written
  // The rule in words: "信息形成或者变更之日起20个工作日内", "每年3月31日前", "每季度", "及时", "".
  std::string rule_text() const;
};

DisclosureTimeLimit parse_time_limit(std::string_view text);

// The last day to publish for an item whose event happened on `event` (WithinDays: counted
// on `calendar`; ByDateEachYear: that date in the event's year, or the next year's when the
// event is after it); nullopt for the kinds without a countable deadline.
std::optional<Date> time_limit_due(const DisclosureTimeLimit& limit, Date event, const WorkingDayCalendar& calendar);

}  // namespace zwgk::domain
