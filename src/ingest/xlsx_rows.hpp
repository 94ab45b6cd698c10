#pragma once
// The rows of the first worksheet of an .xlsx file, as text (ADR 0025: libzip through
// ingest::read_zip_member, and pugixml; no packaged C++ .xlsx reader exists in Debian 12).
// Shared strings, inline strings and numbers are read as the cell shows its value (a date
// cell gives its serial day number, which domain::parse_sheet_date understands); formulas
// give their cached value. Cells are placed by their reference (B5 -> row 5, column 2), so
// skipped cells and rows keep their places. The XML libraries stay in xlsx_rows.cpp.
#include <string_view>
#include <vector>

#include "domain/sheet_rows.hpp"

namespace zwgk::ingest {

// Throws domain::Invalid ("文件不是有效的 Excel 表格（.xlsx）…") when the bytes are not one.
std::vector<domain::SheetRow> read_xlsx_rows(std::string_view bytes);

}  // namespace zwgk::ingest
