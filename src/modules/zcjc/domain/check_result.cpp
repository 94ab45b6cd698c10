// See check_result.hpp.
#include "modules/zcjc/domain/check_result.hpp"

#include <algorithm>

namespace zwgk::domain {

std::string to_label(CheckLevel l) {
  switch (l) {
    case CheckLevel::Normal: return "正常";
    case CheckLevel::Warning: return "预警";
    case CheckLevel::Veto: return "单项否决";
  }
  return "";
}

std::string to_code(CheckLevel l) {
  switch (l) {
    case CheckLevel::Normal: return "normal";
    case CheckLevel::Warning: return "warning";
    case CheckLevel::Veto: return "veto";
  }
  return "";
}

std::optional<CheckLevel> check_level_from(std::string_view code) {
  for (auto l : {CheckLevel::Normal, CheckLevel::Warning, CheckLevel::Veto})
    if (to_code(l) == code || to_label(l) == code) return l;
  return std::nullopt;
}

int rank(CheckLevel l) { return static_cast<int>(l); }

void sort_by_urgency(std::vector<CheckResult>& results) {
  std::stable_sort(results.begin(), results.end(), [](const CheckResult& a, const CheckResult& b) {
    return rank(a.level) > rank(b.level);
  });
}

CheckLevel worst_level(const std::vector<CheckResult>& results) {
  CheckLevel worst = CheckLevel::Normal;
  for (const auto& r : results)
    if (rank(r.level) > rank(worst)) worst = r.level;
  return worst;
}

bool alert_needed(const CheckResult& now, std::optional<CheckLevel> sent_level, int sent_findings) {
  if (now.level == CheckLevel::Normal || !now.checked) return false;
  if (!sent_level) return true;
  if (rank(now.level) != rank(*sent_level)) return rank(now.level) > rank(*sent_level);
  return now.findings > sent_findings;
}

}  // namespace zwgk::domain
