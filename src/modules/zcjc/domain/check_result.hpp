#pragma once
// 自查监测 (issue 15): what one check of a site says, the way the national inspection
// (《政府网站与政务新媒体检查指标》, 国办秘函〔2019〕19号) would judge it, and a warning level
// below its veto line (../shared/domain/README.md §5, §13). Pure domain: no HTTP, no SQL.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

// 正常 / 预警 (below the line, or a deducted item) / 单项否决 (the site fails outright).
enum class CheckLevel { Normal, Warning, Veto };
std::string to_label(CheckLevel);  // 正常 | 预警 | 单项否决
std::string to_code(CheckLevel);   // normal | warning | veto
std::optional<CheckLevel> check_level_from(std::string_view code);
int rank(CheckLevel);  // 0, 1, 2

// Which part of the indicators a check belongs to.
inline constexpr const char* kVetoIndicator = "单项否决指标";
inline constexpr const char* kScoredIndicator = "扣分指标";

// One thing the office can look at: a column, a letter, a link, a page.
struct Evidence {
  std::string subject;  // 栏目“通知公告”, 信件 XJ-2026-000001, http://…/a.pdf
  std::string detail;   // 最后更新 2026-05-01，已 214 天
  std::string url;      // where to see it ("" none)
};

struct CheckResult {
  std::string code;       // homepage_update (stable: alerts and the API key on it)
  std::string name;       // 首页不更新
  std::string indicator;  // kVetoIndicator | kScoredIndicator
  std::string rule;       // the rule with its thresholds, as the report prints it
  CheckLevel level = CheckLevel::Normal;
  bool checked = true;    // false: nothing to check it with yet (summary says why)
  std::string summary;    // one line
  // How many findings the level rests on (stale columns, letters, links); a warning is sent
  // again when this grows at the same level (alert_needed). Day-based checks keep it at 1.
  int findings = 0;
  std::vector<Evidence> evidence;
};

// Veto first, then warnings, then the rest; within a level the order given.
void sort_by_urgency(std::vector<CheckResult>& results);
CheckLevel worst_level(const std::vector<CheckResult>& results);

// Whether a finding is news to the site's contacts: it was not sent before at this level, or
// it is worse now (a higher level, or more findings at the same level). A check back to 正常
// forgets what was sent (the caller drops the record), so a relapse is sent again.
bool alert_needed(const CheckResult& now, std::optional<CheckLevel> sent_level, int sent_findings);

}  // namespace zwgk::domain
