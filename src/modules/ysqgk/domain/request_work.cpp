// 依申请公开 work and deadline words: see request_work.hpp.
#include "modules/ysqgk/domain/request_work.hpp"

#include <algorithm>

namespace zwgk::domain {

bool awaits_assignment(const DisclosureRequest& r) {
  const auto offered = offered_events(r);
  return std::find(offered.begin(), offered.end(), RequestEventKind::Assign) != offered.end();
}

bool awaits_draft(const DisclosureRequest& r, bool has_draft) { return !has_draft && draft_refusal(r).empty(); }

bool draft_awaits_reply(const DisclosureRequest& r, bool has_draft) { return has_draft && draft_refusal(r).empty(); }

int overdue_working_days(Date due_on, Date today, const WorkingDayCalendar& cal) {
  if (!(due_on < today)) return 0;
  return std::max(cal.working_days_between(due_on, today).days, 0);
}

int working_days_left(Date due_on, Date today, const WorkingDayCalendar& cal) {
  if (!(today < due_on)) return 0;
  return std::max(cal.working_days_between(today, due_on).days, 0);
}

std::string due_words(DueStatus status, Date due_on, Date today, const WorkingDayCalendar& cal) {
  switch (status) {
    case DueStatus::Overdue: {
      const int days = overdue_working_days(due_on, today, cal);
      // Past the due day on a non-working day only: still overdue, by less than a working day.
      return days > 0 ? "已逾期 " + std::to_string(days) + " 个工作日" : std::string("已逾期");
    }
    case DueStatus::DueSoon: {
      const int left = working_days_left(due_on, today, cal);
      return left == 0 ? std::string("即将到期（今日到期）")
                       : "即将到期（剩余 " + std::to_string(left) + " 个工作日）";
    }
    case DueStatus::Paused: return to_label(DueStatus::Paused);
    case DueStatus::OnTime: return to_label(DueStatus::OnTime);
    case DueStatus::Closed: return {};
  }
  return {};
}

namespace {

// The length in bytes of the UTF-8 character starting at s[i] (1 for a stray byte).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  return std::min(n, s.size() - i);
}

}  // namespace

std::string listed_applicant_name(ApplicantKind kind, std::string_view name, bool full) {
  const auto first = name.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "—";
  const auto last = name.find_last_not_of(" \t\r\n");
  name = name.substr(first, last - first + 1);
  if (kind == ApplicantKind::Organisation || full) return std::string(name);
  const std::size_t head = utf8_length(name, 0);
  std::string out(name.substr(0, head));
  for (std::size_t i = head; i < name.size(); i += utf8_length(name, i)) out += '*';
  if (out.size() == head) out += '*';  // a one-character name still shows that it is masked
  return out;
}

}  // namespace zwgk::domain
