// See column_update_rule.hpp.
#include "modules/zcjc/domain/column_update_rule.hpp"

#include <map>

#include "domain/sheet_rows.hpp"

namespace zwgk::domain {

namespace {

struct KindInfo {
  ColumnKind kind;
  const char* code;
  const char* label;
  int days;
};
constexpr KindInfo kKinds[] = {
    {ColumnKind::News, "news", "动态要闻类", 14},
    {ColumnKind::Notice, "notice", "通知公告类", 180},
    {ColumnKind::Policy, "policy", "政策文件类", 180},
    {ColumnKind::Personnel, "personnel", "人事信息类", 365},
    {ColumnKind::Planning, "planning", "规划计划类", 365},
    {ColumnKind::Other, "other", "其他", 365},
    {ColumnKind::NoUpdate, "no_update", "无需定期更新", 0},
    {ColumnKind::NotChecked, "not_checked", "不检查", 0},
};

const KindInfo& info(ColumnKind k) {
  for (const auto& i : kKinds)
    if (i.kind == k) return i;
  return kKinds[5];
}

bool contains(const std::string& s, const char* word) { return s.find(word) != std::string::npos; }

}  // namespace

std::string to_label(ColumnKind k) { return info(k).label; }
std::string to_code(ColumnKind k) { return info(k).code; }
int default_period_days(ColumnKind k) { return info(k).days; }
bool is_core_kind(ColumnKind k) { return k == ColumnKind::News || k == ColumnKind::Notice || k == ColumnKind::Policy; }

std::optional<ColumnKind> column_kind_from(std::string_view code) {
  for (const auto& i : kKinds)
    if (code == i.code || code == i.label) return i.kind;
  return std::nullopt;
}

const std::vector<ColumnKind>& column_kinds() {
  static const std::vector<ColumnKind> all = [] {
    std::vector<ColumnKind> v;
    for (const auto& i : kKinds) v.push_back(i.kind);
    return v;
  }();
  return all;
}

ColumnUpdateRule default_column_rule(const std::string& code, const std::string& name) {
  static const std::map<std::string, std::pair<ColumnKind, const char*>> by_code = {
      {"ywdt", {ColumnKind::News, ""}},
      {"tzgg", {ColumnKind::Notice, ""}},
      {"zcwj", {ColumnKind::Policy, ""}},
      {"zcjd", {ColumnKind::Notice, ""}},
      {"fgwj", {ColumnKind::Policy, ""}},
      {"rsxx", {ColumnKind::Personnel, ""}},
      {"ghjh", {ColumnKind::Planning, ""}},
      {"jgzn", {ColumnKind::NoUpdate, "机构职能随机构调整更新，不要求定期更新"}},
      {"zfxxgkzn", {ColumnKind::NoUpdate, "公开指南随办理规则调整更新，不要求定期更新"}},
      {"zfxxgkzd", {ColumnKind::NoUpdate, "公开制度随制度修订更新，不要求定期更新"}},
  };
  ColumnKind kind = ColumnKind::Other;
  std::string reason;
  if (auto it = by_code.find(code); it != by_code.end()) {
    kind = it->second.first;
    reason = it->second.second;
  } else if (contains(name, "机构职能") || contains(name, "指南") || contains(name, "制度")) {
    kind = ColumnKind::NoUpdate;
    reason = "栏目名称表明其内容不要求定期更新";
  } else if (contains(name, "动态") || contains(name, "要闻") || contains(name, "新闻")) {
    kind = ColumnKind::News;
  } else if (contains(name, "通知") || contains(name, "公告")) {
    kind = ColumnKind::Notice;
  } else if (contains(name, "政策") || contains(name, "文件")) {
    kind = ColumnKind::Policy;
  } else if (contains(name, "人事")) {
    kind = ColumnKind::Personnel;
  } else if (contains(name, "规划") || contains(name, "计划")) {
    kind = ColumnKind::Planning;
  }
  return {kind, default_period_days(kind), reason, false};
}

std::optional<std::string> rule_problem(const ColumnUpdateRule& rule) {
  if (rule.kind == ColumnKind::NoUpdate || rule.kind == ColumnKind::NotChecked) {
    if (trim_cell(rule.reason).empty()) return "选择“" + to_label(rule.kind) + "”须说明理由";
    return std::nullopt;
  }
  if (rule.period_days < 1 || rule.period_days > 3660) return std::string("更新周期应为 1 到 3660 天");
  return std::nullopt;
}

}  // namespace zwgk::domain
