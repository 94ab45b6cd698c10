#pragma once
// An item (事项) of a 基层政务公开标准目录 and reading a 领域's catalogue from the sheet an office
// keeps or the State Council template (国办发〔2019〕54号 附件: 序号, 一级事项, 二级事项, 公开内容
// （要素）, 公开依据, 公开时限, 公开主体, 公开渠道和载体, 公开对象, 公开方式, 公开层级).
// Two forms are read alike:
//   flat      公开对象 "全社会", 公开方式 "主动、依申请", 公开层级 "县级、乡级" as text
//   template  a two-row header, 公开事项 over 一级事项 / 二级事项 and 公开对象 over 全社会 /
//             特定群体 (公开方式 over 主动 / 依申请, 公开层级 over 县级 / 乡级), ticked with √ or ■
// Published tables also continue an item's 公开内容 on rows of their own (no 序号, no 事项):
// those are joined to the item above. An empty 一级事项 repeats the one above (a merged
// cell pasted as text). Problems name the row as the sheet numbers it; with any, nothing is
// taken.
#include <string>
#include <vector>

#include "domain/sheet_rows.hpp"

namespace zwgk::domain {

struct CatalogueItem {
  int seq = 0;                // 序号 (the position when the sheet has none)
  std::string level1;         // 一级事项
  std::string level2;         // 二级事项
  std::string content;        // 公开内容（要素）
  std::string basis;          // 公开依据
  std::string time_limit;     // 公开时限, as written (disclosure_time_limit.hpp reads it)
  std::string subject;        // 公开主体
  std::string channels;       // 公开渠道和载体, joined with 、
  std::string audience;       // 公开对象: 全社会 / 特定群体 / 全社会、特定群体 / ""
  std::string manner;         // 公开方式: 主动 / 依申请 / 主动、依申请 / ""
  std::string levels;         // 公开层级: 县级 / 乡级 / 县级、乡级 / ""
};

struct CatalogueImportPlan {
  std::vector<CatalogueItem> items;
  std::vector<std::string> ignored_columns;
  std::vector<std::string> problems;  // empty: take every item
};

// The header is found among the first 10 rows (the row naming 一级事项 or 二级事项; the row
// above it gives the labels of the cells it leaves empty).
CatalogueImportPlan plan_catalogue_import(const std::vector<SheetRow>& rows);

// A 领域's own code for a site-imported catalogue: [a-z0-9-], 2 to 40 characters.
bool is_catalogue_field_code(const std::string& code);

}  // namespace zwgk::domain
