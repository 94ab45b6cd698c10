// See inspection_thresholds.hpp.
#include "modules/zcjc/domain/inspection_thresholds.hpp"

#include <charconv>
#include <cstdio>
#include <sstream>

#include "domain/sheet_rows.hpp"

namespace zwgk::domain {

namespace {

struct IntField {
  const char* key;
  int InspectionThresholds::*field;
};
constexpr IntField kIntFields[] = {
    {"homepage_warn_days", &InspectionThresholds::homepage_warn_days},
    {"homepage_veto_days", &InspectionThresholds::homepage_veto_days},
    {"stale_core_warn", &InspectionThresholds::stale_core_warn},
    {"stale_core_veto", &InspectionThresholds::stale_core_veto},
    {"stale_any_warn", &InspectionThresholds::stale_any_warn},
    {"stale_any_veto", &InspectionThresholds::stale_any_veto},
    {"blank_warn_above", &InspectionThresholds::blank_warn_above},
    {"blank_veto", &InspectionThresholds::blank_veto},
    {"letter_warn_days", &InspectionThresholds::letter_warn_days},
    {"letter_veto_days", &InspectionThresholds::letter_veto_days},
    {"reply_publication_days", &InspectionThresholds::reply_publication_days},
    {"probes_per_day", &InspectionThresholds::probes_per_day},
    {"probe_timeout_seconds", &InspectionThresholds::probe_timeout_seconds},
    {"broken_links_warn", &InspectionThresholds::broken_links_warn},
    {"broken_links_veto", &InspectionThresholds::broken_links_veto},
    {"interpretation_window_days", &InspectionThresholds::interpretation_window_days},
};
struct RatioField {
  const char* key;
  double InspectionThresholds::*field;
};
constexpr RatioField kRatioFields[] = {
    {"unreachable_warn_ratio", &InspectionThresholds::unreachable_warn_ratio},
    {"unreachable_veto_ratio", &InspectionThresholds::unreachable_veto_ratio},
};

}  // namespace

InspectionThresholds parse_thresholds(const std::string& text, std::vector<std::string>& problems) {
  InspectionThresholds t;
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    line = trim_cell(line);
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) {
      problems.push_back("第 " + std::to_string(n) + " 行应为“名称=数值”");
      continue;
    }
    const std::string key = trim_cell(line.substr(0, eq)), value = trim_cell(line.substr(eq + 1));
    bool known = false;
    for (const auto& f : kIntFields) {
      if (key != f.key) continue;
      known = true;
      int v = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      if (ec != std::errc() || p != value.data() + value.size() || v < 0)
        problems.push_back("第 " + std::to_string(n) + " 行：" + key + " 应为非负整数");
      else
        t.*(f.field) = v;
    }
    for (const auto& f : kRatioFields) {
      if (key != f.key) continue;
      known = true;
      try {
        std::size_t used = 0;
        const double v = std::stod(value, &used);
        if (used != value.size() || v < 0 || v > 1) throw std::invalid_argument(key);
        t.*(f.field) = v;
      } catch (const std::exception&) {
        problems.push_back("第 " + std::to_string(n) + " 行：" + key + " 应为 0 到 1 之间的小数");
      }
    }
    if (!known) problems.push_back("第 " + std::to_string(n) + " 行：没有名为“" + key + "”的阈值");
  }
  if (t.homepage_warn_days > t.homepage_veto_days) problems.push_back("首页预警天数不能大于否决天数");
  if (t.letter_warn_days > t.letter_veto_days) problems.push_back("来信预警天数不能大于否决天数");
  return t;
}

std::string format_thresholds(const InspectionThresholds& t) {
  std::string out;
  for (const auto& f : kIntFields) out += std::string(f.key) + "=" + std::to_string(t.*(f.field)) + "\n";
  for (const auto& f : kRatioFields) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", t.*(f.field));
    out += std::string(f.key) + "=" + buf + "\n";
  }
  return out;
}

}  // namespace zwgk::domain
