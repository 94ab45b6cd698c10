#pragma once
// A calendar date without time zone (成文日期, 发文日期, 生效日期 ...).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace zwgk::domain {

struct Date {
  std::chrono::year_month_day ymd{};

  static std::optional<Date> parse(std::string_view iso);  // "2017-05-02" only; validates the day
  static Date from_sys_days(std::chrono::sys_days d);
  static Date today();                                        // UTC+8 (China Standard Time)
  std::string iso() const;                                    // "2017-05-02"
  std::string chinese() const;                                // "2017年05月02日"
  int year() const;
  std::chrono::sys_days days() const;
  auto operator<=>(const Date&) const = default;
};

// Unix time at which today, in China Standard Time, ends (the next 00:00 UTC+8).
long long today_ends_at_unix();

}  // namespace zwgk::domain
