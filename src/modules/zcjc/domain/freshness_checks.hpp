#pragma once
// 首页不更新, 栏目不更新 and 空白栏目 (国办秘函〔2019〕19号 单项否决指标 二、三), computed from
// what the site has published: the homepage's newest item and each column's count and newest
// item. Thresholds: inspection_thresholds.hpp; periods: column_update_rule.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "modules/zcjc/domain/check_result.hpp"
#include "modules/zcjc/domain/column_update_rule.hpp"
#include "modules/zcjc/domain/inspection_thresholds.hpp"

namespace zwgk::domain {

struct ColumnFacts {
  std::string code;
  std::string name;       // the path as shown: 法定主动公开内容 / 规划计划
  std::string url;        // its public listing
  ColumnUpdateRule rule;
  bool has_children = false;  // a grouping column: judged by its children unless it has items itself
  std::int64_t published = 0;  // items published in the column itself
  std::optional<Date> last_update;  // the day the newest of them was first published
};

// `last_update`: the day the newest item the homepage shows was first published (nullopt: the
// site has published nothing).
CheckResult check_homepage_update(std::optional<Date> last_update, Date today, const InspectionThresholds& t);
// Stale: a column with items whose newest is older than its period (NoUpdate, NotChecked and
// blank columns are not stale).
CheckResult check_column_updates(const std::vector<ColumnFacts>& columns, Date today, const InspectionThresholds& t);
// Blank: a column with no item (NotChecked columns and grouping columns are not counted).
CheckResult check_blank_columns(const std::vector<ColumnFacts>& columns, const InspectionThresholds& t);

// Whole days from `from` to `to` (negative when `to` is earlier).
int days_between(Date from, Date to);

}  // namespace zwgk::domain
