#pragma once
// The rows of the spreadsheet an office sends, whichever of the three forms it is in (ADR 0028):
//   .xlsx  Office Open XML (ingest/xlsx_rows.hpp: libzip + pugixml)
//   .xls   the legacy BIFF8 workbook Excel 97-2003 and WPS still save (libfreexl)
//   .csv   comma-separated text, UTF-8 (a BOM is skipped) or GB18030 — what Excel on a Chinese
//          Windows writes for "CSV（逗号分隔）" — converted with iconv; RFC 4180 quoting (libcsv)
// The form is told by the bytes, not by the name (a .xls renamed .xlsx is still read). A file
// that is none of them is refused with a Chinese message (domain::Invalid). Only the first
// worksheet is read; a merged cell gives its value to every cell of the merge, so a two-row
// header with 公开事项 merged over 一级事项 / 二级事项 reads the same as a flat one.
#include <string_view>
#include <vector>

#include "domain/sheet_rows.hpp"

namespace zwgk::ingest {

enum class SheetFormat { Xlsx, Xls, Csv };

// What the bytes are; nullopt-like Csv for text that is valid UTF-8 or GB18030 without NULs.
SheetFormat sheet_format_of(std::string_view bytes);
std::vector<domain::SheetRow> read_sheet_file(std::string_view bytes);

std::vector<domain::SheetRow> read_csv_rows(std::string_view bytes);
std::vector<domain::SheetRow> read_xls_rows(std::string_view bytes);

// Limits every reader keeps (a sheet larger than this is sent in parts).
inline constexpr int kMaxSheetRows = 20000;
inline constexpr int kMaxSheetColumns = 200;

}  // namespace zwgk::ingest
