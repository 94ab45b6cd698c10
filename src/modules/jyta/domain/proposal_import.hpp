#pragma once
// The year's assignment list (交办清单) the office sends as a spreadsheet: one row per item
// under a header row of Chinese column names. This is the pure part: rows of text in, the
// records (or every problem, by row and column) out. Reading the .xlsx is
// ingest/xlsx_rows.cpp; refusing numbers already imported is the service's (it needs the
// store).
//
// Columns (a name in brackets is an accepted variant; order is free, other columns are
// ignored — a 联系电话 column in particular is never read, so a deputy's phone is not stored):
//   类型 [类别名称, 建议提案类型]   人大代表建议 | 政协委员提案 (also 建议, 提案, 人大, 政协)   required
//   届次                            十七届                                                   required
//   会次 [会议]                     三次会议                                                 required
//   编号 [建议编号, 提案编号, 案号] 123, 第123号, 建议第123号                                required
//   标题 [题目, 案由, 建议标题, 提案标题]                                                    required
//   领衔人 [领衔代表, 领衔委员, 提出人, 代表, 委员]                                          required
//   附议人 [联名人, 联名代表, 附议代表, 附议委员]
//   主办单位 [主办, 承办单位]       one of the site's departments (name or short name)       required
//   会办单位 [协办单位, 会办]       names separated by 、，, or ;; each one of the site's
//   交办日期 [交办时间]             2026-03-01, 2026/3/1, 2026年3月1日 or an Excel date       required
// Problems read "第5行「主办单位」：找不到单位“市交通局”" (the row as the spreadsheet numbers it).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/sheet_rows.hpp"
#include "modules/jyta/domain/proposal.hpp"

namespace zwgk::domain {

// A department of the site by name or short name: (id, full name), or nullopt.
using UnitLookup = std::function<std::optional<std::pair<std::int64_t, std::string>>(const std::string& name)>;

struct ImportedRow {
  int row = 0;
  Proposal proposal;  // site_id and id left 0
};

struct ProposalImportPlan {
  std::vector<ImportedRow> rows;
  std::vector<std::string> problems;  // empty = import all rows
};

// rows[0] is the header row; blank rows are skipped. `answer_months`: the site's deadline.
ProposalImportPlan plan_proposal_import(const std::vector<SheetRow>& rows, const UnitLookup& unit, int answer_months);

// "123", "123.0", "第123号", "建议第123号" -> "123"; nullopt for anything else.
std::optional<std::string> parse_proposal_number(const std::string& text);

}  // namespace zwgk::domain
