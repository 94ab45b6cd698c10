// zwgk calendar due DATE N [--pause FROM:TO]... [--extend N] [--explain]: the answer
// deadline counted on the holiday calendar, a check staff can run by hand
// (domain/statutory_deadlines.hpp, domain/working_day_calendar.hpp).
#include <cstdio>
#include <optional>
#include <string>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/working_day_calendar_loader.hpp"
#include "domain/errors.hpp"
#include "domain/statutory_deadlines.hpp"

namespace zwgk::app {
namespace {

std::optional<int> parse_count(const std::string& s, int max) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v > max) return std::nullopt;
  return v;
}

domain::Date parse_date_or_fail(const std::string& s) {
  if (auto d = domain::Date::parse(s)) return *d;
  throw CommandError{kExitUsage, "日期无效（应为 YYYY-MM-DD）: " + s};
}

domain::PausedSpan parse_pause_or_fail(const std::string& s) {
  const auto colon = s.find(':');
  const auto bad = [&] {
    return CommandError{kExitUsage, "暂停期间应为 起始日期:结束日期（如 2024-10-08:2024-10-10）: " + s};
  };
  if (colon == std::string::npos) throw bad();
  const auto from = domain::Date::parse(s.substr(0, colon));
  const auto to = domain::Date::parse(s.substr(colon + 1));
  if (!from || !to) throw bad();
  return {*from, *to, ""};
}

}  // namespace

int calendar_command(const Config& config, const CalendarArgs& args) {
  domain::ReplyPeriod period;
  period.received_on = parse_date_or_fail(args.date);
  const auto n = parse_count(args.working_days, domain::kMaxPeriodWorkingDays);
  if (!n)
    throw CommandError{kExitUsage, "工作日数应为 0 到 " + std::to_string(domain::kMaxPeriodWorkingDays) +
                                       " 的整数: " + args.working_days};
  period.working_days = *n;
  for (const auto& p : args.pauses) period.pauses.push_back(parse_pause_or_fail(p));
  if (!args.extension.empty()) {
    const auto e = parse_count(args.extension, domain::kMaxExtensionWorkingDays);
    if (!e)
      throw CommandError{kExitUsage, "延长的工作日数应为 0 到 " + std::to_string(domain::kMaxExtensionWorkingDays) +
                                         " 的整数（《政府信息公开条例》第三十三条第二款）: " + args.extension};
    period.extension = *e;
  }

  domain::ReplyDeadline deadline;
  try {
    const auto calendar = load_working_day_calendar(holiday_dir(config));
    deadline = domain::compute_reply_deadline(calendar, period);
  } catch (const domain::HolidayDataError& e) {
    throw CommandError{kExitFailure, e.what()};
  } catch (const domain::ValidationError& e) {
    throw CommandError{kExitUsage, e.what()};
  }

  std::printf("%s（%s）\n", deadline.due_on.iso().c_str(), domain::chinese_date_with_weekday(deadline.due_on).c_str());
  if (args.explain) {
    for (const auto& line : domain::explain_reply_deadline(deadline)) std::printf("%s\n", line.c_str());
  } else if (!deadline.warning.empty()) {
    std::printf("注意：%s\n", deadline.warning.message().c_str());
  }
  return kExitOk;
}

}  // namespace zwgk::app
