#pragma once
// The notices a clock sends (issue 13 回应关切): to the department in charge and the address
// the site configured, at the configured points before a clock runs out (default 60
// minutes) and once when it is missed. Pure: the service decides which are due, remembers
// which were written (once each, per incident and key) and writes them to the outbox.
#include <string>
#include <vector>

#include "modules/hygq/domain/incident.hpp"

namespace zwgk::domain {

enum class IncidentNoticeKind { DueSoon, Missed };
std::string to_code(IncidentNoticeKind);  // the outbox kind: hygq.due_soon | hygq.missed

struct DueNotice {
  IncidentNoticeKind kind;
  ClockStatus clock;
  int minutes_before = 0;  // DueSoon: the point reached
  std::string once_key;    // "before:release:60", "missed:release"
};

// The notices due at `now`: for a running clock, the closest point (of `minutes`) it is
// within; for a missed clock that nothing has met, the miss. A clock met (on time or late)
// sends nothing more.
std::vector<DueNotice> due_notices(const std::vector<ClockStatus>& clocks, const std::vector<int>& minutes);

struct IncidentNoticeText {
  std::string subject;
  std::string body;
};
IncidentNoticeText incident_notice(const DueNotice& notice, const Incident& incident, const std::string& site_name,
                                   const std::string& console_url);

}  // namespace zwgk::domain
