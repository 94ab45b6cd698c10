#pragma once
// The rows of a spreadsheet as text (what an office's .xlsx or .csv holds: 交办清单, 清单),
// and the dates offices write in them. The readers live outside the domain (the .xlsx one in
// ingest/xlsx_rows.hpp); problems name a row as the spreadsheet numbers it.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"

namespace zwgk::domain {

struct SheetRow {
  int number = 0;                  // 1-based, as the spreadsheet shows it
  std::vector<std::string> cells;  // column A first
};

// The cell without ASCII white space and the full-width space U+3000 around it (what offices type).
std::string trim_cell(const std::string& text);
// "2026-03-01", "2026/3/1", "2026.3.1", "2026年3月1日", or an Excel serial day (45352).
std::optional<Date> parse_sheet_date(const std::string& text);

}  // namespace zwgk::domain
