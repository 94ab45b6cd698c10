#pragma once
// 站点无法访问 (国办秘函〔2019〕19号 单项否决指标 一): over a week, probing the homepage at least
// 20 times a day with a 15-second timeout, 5% or more of the probes fail. Each node probes its
// own sites and records the results (zcjc store); this judges the week's record. A probe from
// inside the server room cannot see a broken uplink or DNS: docs/operations.md says what
// really tells (a second node elsewhere, or an uptime checker reading /healthz).
#include <string>
#include <vector>

#include "modules/zcjc/domain/check_result.hpp"
#include "modules/zcjc/domain/inspection_thresholds.hpp"

namespace zwgk::domain {

struct ProbeRecord {
  std::string at;  // UTC ISO
  bool ok = false;
  int status = 0;
  int millis = 0;
  std::string error;  // "" | 超时 | 无法连接 | HTTP 503 …
};

// `probes`: the last 7 days' records, newest first.
CheckResult check_availability(const std::vector<ProbeRecord>& probes, const InspectionThresholds& t);

}  // namespace zwgk::domain
