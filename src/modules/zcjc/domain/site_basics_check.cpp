// See site_basics_check.hpp.
#include "modules/zcjc/domain/site_basics_check.hpp"

#include "modules/ndbg/domain/annual_report.hpp"

#include <chrono>

#include "domain/sheet_rows.hpp"

namespace zwgk::domain {

namespace {

bool blank(const std::string& s) { return trim_cell(s).empty(); }

}  // namespace

CheckResult check_site_basics(const SiteBasicsFacts& f, Date today) {
  CheckResult r;
  r.code = "site_basics";
  r.name = "基本信息和办事服务入口";
  r.indicator = kScoredIndicator;
  r.rule = "页脚有主办单位、网站标识码、ICP备案号、公安机关备案号；有政府信息公开指南、制度、年报和依申请公开入口；"
           "上一年度政府信息公开工作年度报告于 3 月 31 日前公布（条例第四十九条：县级以上人民政府）";
  const std::pair<const char*, const std::string*> footer[] = {
      {"主办单位", &f.sponsor}, {"网站标识码", &f.site_id_code}, {"ICP备案号", &f.icp_record}, {"公安机关备案号", &f.police_record}};
  for (const auto& [label, value] : footer)
    if (blank(*value)) r.evidence.push_back({std::string("页脚") + label, "未填写（网站设置）", ""});
  for (const auto& e : f.entries)
    if (!e.present) r.evidence.push_back({e.name, "栏目中没有已发布的内容", e.url});
  const int last_year = today.year() - 1;
  // A site is a government's: its report is due by 31 March (its departments' by 31 January).
  const Date deadline = report_due_on(ReportBody::Government, last_year);
  if (f.last_year_report) {
    if (*f.last_year_report > deadline)
      r.evidence.push_back({std::to_string(last_year) + "年度报告",
                            "于 " + f.last_year_report->iso() + " 公布，晚于 " + deadline.iso(), ""});
  } else if (today > deadline) {
    r.evidence.push_back({std::to_string(last_year) + "年度报告", "过了 " + deadline.iso() + " 仍未公布", ""});
  }
  r.findings = static_cast<int>(r.evidence.size());
  if (r.findings > 0) r.level = CheckLevel::Warning;
  r.summary = r.findings == 0 ? "基本信息齐全，各入口有内容" : std::to_string(r.findings) + " 项缺失或逾期";
  return r;
}

}  // namespace zwgk::domain
