// See availability_check.hpp.
#include "modules/zcjc/domain/availability_check.hpp"

#include <cstdio>

namespace zwgk::domain {

namespace {

std::string percent(double ratio) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", ratio * 100.0);
  return buf;
}

}  // namespace

CheckResult check_availability(const std::vector<ProbeRecord>& probes, const InspectionThresholds& t) {
  CheckResult r;
  r.code = "availability";
  r.name = "站点无法访问";
  r.indicator = kVetoIndicator;
  r.rule = "连续一周每天至少 " + std::to_string(t.probes_per_day) + " 次访问首页，" +
           std::to_string(t.probe_timeout_seconds) + " 秒内打不开的累计达 " + percent(t.unreachable_veto_ratio) +
           " 即单项否决；达 " + percent(t.unreachable_warn_ratio) + " 预警";
  if (probes.empty()) {
    r.checked = false;
    r.summary = "本周尚无探测记录（zwgk serve 运行时每小时探测各网站首页）";
    return r;
  }
  int failed = 0;
  for (const auto& p : probes) {
    if (p.ok) continue;
    ++failed;
    if (r.evidence.size() < 20)
      r.evidence.push_back({p.at, (p.error.empty() ? "HTTP " + std::to_string(p.status) : p.error) + "，用时 " +
                                      std::to_string(p.millis) + " 毫秒",
                            ""});
  }
  const double ratio = static_cast<double>(failed) / static_cast<double>(probes.size());
  r.findings = failed;
  if (ratio >= t.unreachable_veto_ratio)
    r.level = CheckLevel::Veto;
  else if (ratio >= t.unreachable_warn_ratio)
    r.level = CheckLevel::Warning;
  const int expected = t.probes_per_day * 7;
  r.summary = "近 7 天探测 " + std::to_string(probes.size()) + " 次，失败 " + std::to_string(failed) + " 次（" +
              percent(ratio) + "）" +
              (static_cast<int>(probes.size()) < expected
                   ? "；探测次数少于检查要求的 " + std::to_string(expected) + " 次，比例仅供参考"
                   : "");
  return r;
}

}  // namespace zwgk::domain
