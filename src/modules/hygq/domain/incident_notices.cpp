// See incident_notices.hpp.
#include "modules/hygq/domain/incident_notices.hpp"

#include <algorithm>

namespace zwgk::domain {

std::string to_code(IncidentNoticeKind k) { return k == IncidentNoticeKind::DueSoon ? "hygq.due_soon" : "hygq.missed"; }

std::vector<DueNotice> due_notices(const std::vector<ClockStatus>& clocks, const std::vector<int>& minutes) {
  std::vector<DueNotice> out;
  for (const auto& c : clocks) {
    if (c.state == ClockState::Running) {
      std::optional<int> point;
      for (int m : minutes)
        if (c.margin <= std::chrono::minutes(m) && (!point || m < *point)) point = m;
      if (point)
        out.push_back({IncidentNoticeKind::DueSoon, c, *point, "before:" + to_code(c.clock) + ":" + std::to_string(*point)});
    } else if (c.state == ClockState::Missed && !c.met_at) {
      out.push_back({IncidentNoticeKind::Missed, c, 0, "missed:" + to_code(c.clock)});
    }
  }
  return out;
}

IncidentNoticeText incident_notice(const DueNotice& n, const Incident& incident, const std::string& site_name,
                                   const std::string& console_url) {
  IncidentNoticeText t;
  const std::string clock = to_label(n.clock.clock) + "（" + std::to_string(n.clock.hours) + "小时内）";
  if (n.kind == IncidentNoticeKind::DueSoon)
    t.subject = "【回应关切】" + incident.title + "：" + to_label(n.clock.clock) + "时限将到";
  else
    t.subject = "【回应关切】" + incident.title + "：" + to_label(n.clock.clock) + "已超时";
  t.body = (site_name.empty() ? std::string() : site_name + "\n\n") + "事件：" + incident.title + "\n级别：" +
           to_label(incident.level) + "\n获知时间：" + format_china_minute(incident.known_at) + "（北京时间）\n" +
           (incident.department.empty() ? std::string() : "责任部门：" + incident.department + "\n") + "时限：" + clock +
           "，截止 " + format_china_minute(n.clock.due) + "\n状态：" + describe(n.clock) + "\n\n" +
           (n.kind == IncidentNoticeKind::DueSoon
                ? "请在时限内发布权威信息或作出回应，并在回应关切中关联。"
                : "时限已过，请尽快发布权威信息或作出回应，并在回应关切中关联。") +
           "\n依据：国办发〔2016〕61号、国办发〔2016〕80号。\n" + (console_url.empty() ? "" : "\n" + console_url + "\n");
  return t;
}

}  // namespace zwgk::domain
