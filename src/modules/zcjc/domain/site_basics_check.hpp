#pragma once
// 基本信息 and 办事服务 entries the inspection looks for (国办秘函〔2019〕19号 扣分指标; page
// identity ../shared/domain/README.md §6): the footer's 主办单位, 网站标识码, ICP备案号 and
// 公安机关备案号; the 政府信息公开指南, 制度 and 年报 columns and the 依申请公开 entry; and last
// year's 政府信息公开工作年度报告 published by 31 March (《政府信息公开条例》第四十九条: a
// government's; the rule is modules/ndbg/domain/annual_report.hpp's report_due_on).
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "modules/zcjc/domain/check_result.hpp"

namespace zwgk::domain {

struct SiteEntry {
  std::string name;  // 政府信息公开指南
  bool present = false;
  std::string url;
};

struct SiteBasicsFacts {
  std::string sponsor, site_id_code, icp_record, police_record;
  std::vector<SiteEntry> entries;
  // The first publication of a 年报 whose title names last year (nullopt: none yet).
  std::optional<Date> last_year_report;
};

CheckResult check_site_basics(const SiteBasicsFacts& facts, Date today);

}  // namespace zwgk::domain
