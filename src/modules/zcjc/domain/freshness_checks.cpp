// See freshness_checks.hpp. 国办秘函〔2019〕19号 附件1《政府网站检查指标》单项否决指标:
// 二、首页更新 (首页不更新: 2 周), 三、栏目更新 (栏目不更新, 空白栏目).
#include "modules/zcjc/domain/freshness_checks.hpp"

namespace zwgk::domain {

int days_between(Date from, Date to) { return static_cast<int>((to.days() - from.days()).count()); }

namespace {

bool counted(const ColumnFacts& c) { return !(c.has_children && c.published == 0); }

}  // namespace

CheckResult check_homepage_update(std::optional<Date> last_update, Date today, const InspectionThresholds& t) {
  CheckResult r;
  r.code = "homepage_update";
  r.name = "首页不更新";
  r.indicator = kVetoIndicator;
  r.rule = "首页连续 " + std::to_string(t.homepage_veto_days) + " 天无新内容即单项否决（监测期为 2 周）；" +
           std::to_string(t.homepage_warn_days) + " 天起预警";
  r.findings = 1;
  if (!last_update) {
    r.level = CheckLevel::Veto;
    r.summary = "网站尚未发布任何信息，首页没有可更新的内容";
    return r;
  }
  const int days = days_between(*last_update, today);
  r.evidence.push_back({"首页最新信息", "最后更新 " + last_update->iso() + "，距今 " + std::to_string(days) + " 天", ""});
  if (days >= t.homepage_veto_days)
    r.level = CheckLevel::Veto;
  else if (days >= t.homepage_warn_days)
    r.level = CheckLevel::Warning;
  r.summary = "首页最后更新于 " + last_update->iso() + "，已 " + std::to_string(days) + " 天" +
              (r.level == CheckLevel::Normal ? "" : "未更新");
  return r;
}

CheckResult check_column_updates(const std::vector<ColumnFacts>& columns, Date today, const InspectionThresholds& t) {
  CheckResult r;
  r.code = "column_update";
  r.name = "栏目不更新";
  r.indicator = kVetoIndicator;
  r.rule = "动态要闻类栏目 2 周、通知公告和政策文件类栏目 6 个月未更新，累计 " + std::to_string(t.stale_core_veto) +
           " 个及以上，或应更新栏目长期未更新累计 " + std::to_string(t.stale_any_veto) +
           " 个及以上，即单项否决；分别达到 " + std::to_string(t.stale_core_warn) + " 个、" +
           std::to_string(t.stale_any_warn) + " 个时预警。人事、规划计划类为 1 年（2015 年普查规则）";
  int core = 0, any = 0, checked = 0;
  for (const auto& c : columns) {
    if (!counted(c) || c.rule.kind == ColumnKind::NoUpdate || c.rule.kind == ColumnKind::NotChecked) continue;
    ++checked;
    if (c.published == 0 || !c.last_update) continue;
    const int days = days_between(*c.last_update, today);
    if (days <= c.rule.period_days) continue;
    ++any;
    if (is_core_kind(c.rule.kind)) ++core;
    r.evidence.push_back({"栏目“" + c.name + "”",
                          to_label(c.rule.kind) + "，更新周期 " + std::to_string(c.rule.period_days) + " 天；最后更新 " +
                              c.last_update->iso() + "，已 " + std::to_string(days) + " 天",
                          c.url});
  }
  r.findings = any;
  if (core >= t.stale_core_veto || any >= t.stale_any_veto)
    r.level = CheckLevel::Veto;
  else if (core >= t.stale_core_warn || any >= t.stale_any_warn)
    r.level = CheckLevel::Warning;
  r.summary = any == 0 ? "检查 " + std::to_string(checked) + " 个应更新栏目，均在更新周期内"
                       : std::to_string(any) + " 个栏目超过更新周期（其中动态要闻、通知公告、政策文件类 " +
                             std::to_string(core) + " 个）";
  return r;
}

CheckResult check_blank_columns(const std::vector<ColumnFacts>& columns, const InspectionThresholds& t) {
  CheckResult r;
  r.code = "blank_column";
  r.name = "空白栏目";
  r.indicator = kVetoIndicator;
  r.rule = "栏目无任何内容即为空白栏目，累计 " + std::to_string(t.blank_veto) + " 个及以上即单项否决；超过 " +
           std::to_string(t.blank_warn_above) + " 个预警";
  int checked = 0;
  for (const auto& c : columns) {
    if (c.has_children || c.rule.kind == ColumnKind::NotChecked) continue;
    ++checked;
    if (c.published == 0) r.evidence.push_back({"栏目“" + c.name + "”", "没有已发布的信息", c.url});
  }
  r.findings = static_cast<int>(r.evidence.size());
  if (r.findings >= t.blank_veto)
    r.level = CheckLevel::Veto;
  else if (r.findings > t.blank_warn_above)
    r.level = CheckLevel::Warning;
  r.summary = r.findings == 0 ? "检查 " + std::to_string(checked) + " 个栏目，没有空白栏目"
                              : std::to_string(r.findings) + " 个空白栏目";
  return r;
}

}  // namespace zwgk::domain
