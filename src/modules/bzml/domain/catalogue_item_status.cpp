// See catalogue_item_status.hpp.
#include "modules/bzml/domain/catalogue_item_status.hpp"

#include <algorithm>
#include <chrono>

namespace zwgk::domain {

std::string to_code(CatalogueItemState s) {
  switch (s) {
    case CatalogueItemState::Unmapped: return "unmapped";
    case CatalogueItemState::NoRecords: return "no_records";
    case CatalogueItemState::OnTime: return "on_time";
    case CatalogueItemState::Late: return "late";
    case CatalogueItemState::Pending: return "pending";
    case CatalogueItemState::Overdue: return "overdue";
    case CatalogueItemState::Untimed: return "untimed";
  }
  return "unmapped";
}

std::string to_label(CatalogueItemState s) {
  switch (s) {
    case CatalogueItemState::Unmapped: return "未关联栏目";
    case CatalogueItemState::NoRecords: return "尚无信息";
    case CatalogueItemState::OnTime: return "按时公开";
    case CatalogueItemState::Late: return "逾期公开";
    case CatalogueItemState::Pending: return "待公开";
    case CatalogueItemState::Overdue: return "逾期未公开";
    case CatalogueItemState::Untimed: return "已公开";
  }
  return "";
}

std::string CatalogueItemStatus::text() const {
  const auto label = to_label(state);
  switch (state) {
    case CatalogueItemState::Overdue:
      return due ? label + "（应于" + due->iso() + "前公开）" : label;
    case CatalogueItemState::Pending: return due ? label + "（" + due->iso() + "前）" : label;
    case CatalogueItemState::OnTime:
    case CatalogueItemState::Late:
    case CatalogueItemState::Untimed:
      return last_published ? label + "（" + last_published->iso() + "）" : label;
    default: return label;
  }
}

namespace {

using namespace std::chrono;

int severity(CatalogueItemState s) {
  switch (s) {
    case CatalogueItemState::Overdue: return 4;
    case CatalogueItemState::Late: return 3;
    case CatalogueItemState::Pending: return 2;
    case CatalogueItemState::OnTime: return 1;
    default: return 0;
  }
}

Date first_of(int y, unsigned m) { return Date{year_month_day{year{y} / month{m} / day{1}}}; }
Date day_before(Date d) { return Date::from_sys_days(d.days() - days(1)); }

// The first day of the period holding `d`, and of the one after it.
std::pair<Date, Date> period_of(const std::string& period, Date d) {
  const int y = d.year();
  const unsigned m = static_cast<unsigned>(d.ymd.month());
  unsigned span = 12;
  if (period == "月") span = 1;
  else if (period == "季度") span = 3;
  else if (period == "半年") span = 6;
  const unsigned start = (m - 1) / span * span + 1;
  const unsigned next = start + span;
  return {first_of(y, start), next > 12 ? first_of(y + 1, next - 12) : first_of(y, next)};
}

}  // namespace

CatalogueItemStatus catalogue_item_status(const DisclosureTimeLimit& limit, bool mapped,
                                          const std::vector<PublicationRecord>& records, Date today,
                                          const WorkingDayCalendar& calendar) {
  CatalogueItemStatus out;
  if (!mapped) return out;
  for (const auto& r : records)
    if (r.published_on && (!out.last_published || *r.published_on > *out.last_published)) out.last_published = r.published_on;
  auto published_in = [&](Date after, Date until) {  // (after, until]
    return std::any_of(records.begin(), records.end(), [&](const PublicationRecord& r) {
      return r.published_on && *r.published_on > after && *r.published_on <= until;
    });
  };
  out.state = CatalogueItemState::NoRecords;
  switch (limit.kind) {
    case TimeLimitKind::WithinDays: {
      auto consider = [&](CatalogueItemState s, std::optional<Date> due) {
        const bool worse = severity(s) > severity(out.state);
        const bool earlier = severity(s) == severity(out.state) && due && (!out.due || *due < *out.due);
        if (worse || earlier) {
          out.state = s;
          out.due = due;
        }
      };
      const PublicationRecord* latest = nullptr;
      for (const auto& r : records) {
        if (r.published_on) {
          if (!latest || *r.published_on > *latest->published_on) latest = &r;
          continue;
        }
        if (!r.event) continue;
        const auto due = time_limit_due(limit, *r.event, calendar);
        consider(today > *due ? CatalogueItemState::Overdue : CatalogueItemState::Pending, due);
      }
      if (latest) {
        const auto due = latest->event ? time_limit_due(limit, *latest->event, calendar) : std::nullopt;
        consider(due && *latest->published_on > *due ? CatalogueItemState::Late : CatalogueItemState::OnTime, due);
      }
      return out;
    }
    case TimeLimitKind::ByDateEachYear: {
      const auto this_due = *time_limit_due(limit, first_of(today.year(), 1), calendar);
      const auto last_due = *time_limit_due(limit, first_of(today.year() - 1, 1), calendar);
      out.due = this_due;
      if (published_in(last_due, this_due)) out.state = CatalogueItemState::OnTime;
      else if (today <= this_due) out.state = CatalogueItemState::Pending;
      else if (published_in(this_due, today)) out.state = CatalogueItemState::Late;
      else out.state = CatalogueItemState::Overdue;
      return out;
    }
    case TimeLimitKind::Periodic: {
      const auto [start, next] = period_of(limit.period, today);
      const auto previous = period_of(limit.period, day_before(start)).first;
      if (out.last_published && *out.last_published >= start) {
        out.state = CatalogueItemState::OnTime;
        out.due = day_before(next);
      } else if (out.last_published && *out.last_published >= previous) {
        out.state = CatalogueItemState::Pending;
        out.due = day_before(next);
      } else {
        out.state = CatalogueItemState::Overdue;
        out.due = day_before(start);
      }
      return out;
    }
    case TimeLimitKind::Promptly:
    case TimeLimitKind::Unparsed:
      if (out.last_published) out.state = CatalogueItemState::Untimed;
      return out;
  }
  return out;
}

}  // namespace zwgk::domain
