#pragma once
// The items of a 清单 as an office's sheet gives them: the header row matched to the type's
// columns (by label; other columns such as 序号 or 备注 are left out and named), every cell
// checked against its column's type and normalised (dates to 2026-03-01, numbers without
// thousands separators, a department to its full name), required cells present, no two
// items with the same key. Problems read "第5行「纳入日期」：“2026-13-01”不是有效日期" (the
// row as the spreadsheet numbers it); with any problem nothing is taken.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/privacy_scan.hpp"
#include "domain/sheet_rows.hpp"
#include "modules/qd/domain/list_type.hpp"

namespace zwgk::domain {

// One item: one normalised cell per column of its type, in the type's order ("" for empty).
using ListItem = std::vector<std::string>;

// A department of the site by name or short name -> its full name.
using DepartmentNames = std::function<std::optional<std::string>(const std::string& name)>;

struct ListImportPlan {
  std::vector<ListItem> items;
  std::vector<std::string> ignored_columns;  // headers that are not the type's
  std::vector<std::string> problems;         // empty: take every item
};

// rows[0] is the header row; blank rows are skipped.
ListImportPlan plan_list_import(const ListType& type, const std::vector<SheetRow>& rows, const DepartmentNames& departments);

// One cell of `column`: the normalised text, or the problem ("不是有效日期" ...) in `problem`.
std::string normalise_cell(const ListColumn& column, const std::string& raw, const DepartmentNames& departments,
                           std::string& problem);

// The privacy guard over every cell (《条例》第十五条: personal data is not disclosed): one
// problem per cell with findings, naming the item and the column and showing the match
// masked ("第2项「追责情形」含有身份证号码（430502********1234），请删除或遮盖后再提交").
std::vector<std::string> list_privacy_problems(const ListType& type, const std::vector<ListItem>& items,
                                               const PrivacyScanOptions& options);

// The item's identity across versions: its key cells joined.
std::string item_key(const ListType& type, const ListItem& item);
// "XK-001" or "市财政局 / 工本费" for problems and the change summary.
std::string item_key_text(const ListType& type, const ListItem& item);

}  // namespace zwgk::domain
