#pragma once
// 栏目更新要求: how often each 公开目录 column must show something new for the inspection
// (国办秘函〔2019〕19号: 动态、要闻类 2 weeks, 通知公告、政策文件类 6 months; the 2015 普查 rule
// monitors still use: 人事、规划计划类 1 year). Every column gets a kind and a period from these
// rules by its code or name; the office may change both per column, or mark a column as one
// that is not expected to update (机构职能) or not checked at all (its content comes from
// another part of the site), each with a reason.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

enum class ColumnKind {
  News,        // 动态要闻类: 2 weeks
  Notice,      // 通知公告类: 6 months
  Policy,      // 政策文件类: 6 months
  Personnel,   // 人事信息类: 1 year
  Planning,    // 规划计划类: 1 year
  Other,       // 其他应更新栏目: its own period (default 1 year)
  NoUpdate,    // 无需定期更新 (机构职能, 指南): never stale, still blank when empty
  NotChecked,  // 不检查 (its content lives elsewhere): neither stale nor blank
};
std::string to_label(ColumnKind);  // 动态要闻类 | 通知公告类 | 政策文件类 | 人事信息类 | 规划计划类 | 其他 | 无需定期更新 | 不检查
std::string to_code(ColumnKind);   // news | notice | policy | personnel | planning | other | no_update | not_checked
std::optional<ColumnKind> column_kind_from(std::string_view code);
const std::vector<ColumnKind>& column_kinds();
int default_period_days(ColumnKind);  // 14, 180, 180, 365, 365, 365, 0, 0
// The 2-week and 6-month kinds the first veto line counts ("5 or more").
bool is_core_kind(ColumnKind);

struct ColumnUpdateRule {
  ColumnKind kind = ColumnKind::Other;
  int period_days = 365;  // 0 for NoUpdate / NotChecked
  std::string reason;     // why NoUpdate / NotChecked (required for them), or why the period differs
  bool set_by_office = false;
};

// The rule a column has unless the office set one: by the default catalogue's code (ywdt, tzgg,
// zcwj, rsxx, ghjh, jgzn ...), else by words in its name (动态/要闻/新闻, 通知/公告, 政策/文件,
// 人事, 规划/计划, 机构职能/指南/制度).
ColumnUpdateRule default_column_rule(const std::string& code, const std::string& name);

// A rule as the office enters it; a problem (Chinese) when it does not hold: a period of 1 to
// 3660 days for the kinds that update, a reason for NoUpdate and NotChecked.
std::optional<std::string> rule_problem(const ColumnUpdateRule& rule);

}  // namespace zwgk::domain
