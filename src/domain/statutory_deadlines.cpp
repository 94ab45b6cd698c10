// The statutory periods and their deadlines: rules in statutory_deadlines.hpp.
#include "domain/statutory_deadlines.hpp"

#include <algorithm>

#include "domain/errors.hpp"

namespace zwgk::domain {
namespace {

using std::chrono::days;

constexpr long kMaxPauseDays = 3660;  // a span longer than ten years is a typing error

Date next_day(Date d) { return Date::from_sys_days(d.days() + days{1}); }

std::string span_text(Date from, Date to) {
  return from == to ? from.chinese() : from.chinese() + "至" + to.chinese();
}

void validate(const ReplyPeriod& p, std::vector<PausedSpan>& sorted) {
  std::vector<std::string> problems;
  if (p.working_days < 0 || p.working_days > kMaxPeriodWorkingDays)
    problems.push_back("期限应为 0 到 " + std::to_string(kMaxPeriodWorkingDays) + " 个工作日");
  if (p.extension < 0 || p.extension > kMaxExtensionWorkingDays)
    problems.push_back("延长的期限最长不得超过 " + std::to_string(kMaxExtensionWorkingDays) +
                       " 个工作日（《政府信息公开条例》第三十三条第二款）");
  for (const auto& s : p.pauses) {
    if (s.to < s.from)
      problems.push_back("暂停期间 " + s.from.iso() + " 至 " + s.to.iso() + " 的结束日期早于开始日期");
    else if (s.from < p.received_on)
      problems.push_back("暂停期间 " + s.from.iso() + " 至 " + s.to.iso() + " 开始于收到申请（" +
                         p.received_on.iso() + "）之前");
    else if ((s.to.days() - s.from.days()).count() > kMaxPauseDays)
      problems.push_back("暂停期间 " + s.from.iso() + " 至 " + s.to.iso() + " 超过 10 年");
  }
  if (problems.empty()) {
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
    for (std::size_t i = 1; i < sorted.size(); ++i)
      if (sorted[i].from <= sorted[i - 1].to)
        problems.push_back("暂停期间 " + sorted[i - 1].from.iso() + " 至 " + sorted[i - 1].to.iso() + " 与 " +
                           sorted[i].from.iso() + " 至 " + sorted[i].to.iso() + " 重叠");
  }
  if (!problems.empty()) throw ValidationError(problems);
}

}  // namespace

ReplyDeadline compute_reply_deadline(const WorkingDayCalendar& calendar, const ReplyPeriod& period) {
  std::vector<PausedSpan> pauses = period.pauses;
  validate(period, pauses);

  ReplyDeadline out;
  out.received_on = period.received_on;
  out.working_days = period.working_days;
  out.extension = period.extension;
  out.due_without_extension = period.received_on;

  // Walk forward from day zero: a day counts if it is a working day outside every pause.
  const int target = period.working_days + period.extension;
  Date d = period.received_on;
  std::size_t next_pause = 0;
  for (int counted = 0; counted < target;) {
    d = next_day(d);
    while (next_pause < pauses.size() && pauses[next_pause].to < d) ++next_pause;
    if (next_pause < pauses.size() && pauses[next_pause].from <= d) continue;  // paused
    if (!calendar.is_working_day(d)) continue;
    if (++counted == period.working_days) out.due_without_extension = d;
  }
  out.due_on = d;

  const Date day_one = next_day(period.received_on);
  for (const auto& s : pauses) {
    PauseEffect e{s, 0};
    // Only days after day zero and up to the deadline could have counted.
    const Date from = std::max(s.from, day_one);
    if (from <= out.due_on && from <= s.to)
      e.working_days_removed = calendar.working_days_between(Date::from_sys_days(from.days() - days{1}),
                                                             std::min(s.to, out.due_on)).days;
    out.pauses.push_back(std::move(e));
  }

  if (out.received_on < out.due_on) {
    for (Date x = day_one; x <= out.due_on; x = next_day(x))
      if (auto a = calendar.arrangement(x)) out.arrangements.push_back(*a);
    out.warning = calendar.warning_for(day_one, out.due_on);
  }
  return out;
}

std::vector<std::string> explain_reply_deadline(const ReplyDeadline& r) {
  std::vector<std::string> lines;
  lines.push_back("收到申请：" + chinese_date_with_weekday(r.received_on) + "，为第0日（当日不计入，自次一工作日起算）");
  lines.push_back("答复期限：" + std::to_string(r.working_days) + "个工作日" +
                  (r.working_days == kReplyPeriodWorkingDays ? "（《政府信息公开条例》第三十三条第二款）" : ""));

  // Holidays: consecutive listed days off with the same name, as one run.
  std::vector<std::string> runs, makeup;
  for (std::size_t i = 0; i < r.arrangements.size();) {
    const auto& a = r.arrangements[i];
    if (!a.off_day) {
      makeup.push_back(chinese_date_with_weekday(a.date) + "（" + a.name + "）");
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < r.arrangements.size() && r.arrangements[j + 1].off_day && r.arrangements[j + 1].name == a.name &&
           r.arrangements[j + 1].date.days() == r.arrangements[j].date.days() + days{1})
      ++j;
    runs.push_back(span_text(a.date, r.arrangements[j].date) + " " + a.name);
    i = j + 1;
  }
  for (const auto& run : runs) lines.push_back("节假日不计：" + run);
  if (!makeup.empty()) {
    std::string joined;
    for (const auto& m : makeup) joined += (joined.empty() ? "" : "、") + m;
    lines.push_back("调休上班计入：" + joined);
  }

  for (const auto& p : r.pauses) {
    std::string line = "暂停计算：" + span_text(p.span.from, p.span.to);
    if (!p.span.reason.empty()) line += "（" + p.span.reason + "）";
    if (r.due_on < p.span.from)
      line += "，开始于期限届满之后，不影响期限";
    else
      line += "，扣除" + std::to_string(p.working_days_removed) + "个工作日（首尾两日均不计入）";
    lines.push_back(line);
  }

  if (r.extension > 0) {
    lines.push_back("原届满日：" + chinese_date_with_weekday(r.due_without_extension) + "（第" +
                    std::to_string(r.working_days) + "个工作日）");
    lines.push_back("延长期限：" + std::to_string(r.extension) + "个工作日（第三十三条第二款，最长20个工作日）");
  }
  lines.push_back("届满日：" + chinese_date_with_weekday(r.due_on) + "（第" + std::to_string(r.working_days + r.extension) +
                  "个工作日，当日结束前答复）");
  if (!r.warning.empty()) lines.push_back("注意：" + r.warning.message());
  return lines;
}

DueState due_state(Date due_on, Date today, const WorkingDayCalendar& calendar) {
  if (due_on < today) return DueState::Overdue;
  return calendar.working_days_between(today, due_on).days <= kDueSoonWorkingDays ? DueState::DueSoon
                                                                                  : DueState::OnTime;
}

PublicationDeadline publication_deadline(Date created_on, Date today, const WorkingDayCalendar& calendar) {
  const auto due = calendar.add_working_days(created_on, kPublicationWorkingDays);
  PublicationDeadline out{due.date, PublicationDue::OnTime, due.warning};
  switch (due_state(due.date, today, calendar)) {
    case DueState::OnTime: out.status = PublicationDue::OnTime; break;
    case DueState::DueSoon: out.status = PublicationDue::DueSoon; break;
    case DueState::Overdue: out.status = PublicationDue::Overdue; break;
  }
  return out;
}

}  // namespace zwgk::domain
