#pragma once
// Spreadsheet downloads of a table (a header row and rows of text or number cells) in the
// two forms offices open: CSV and XLSX (ADR 0023). A page handler builds the Table, calls
// one of these and sends the bytes with kCsvContentType / kXlsxContentType and
// content_disposition("attachment", name) (web/attachment_download.hpp).
//
// CSV (to_csv), so that Excel and WPS open it correctly by double-click:
//  1. UTF-8 with a byte-order mark (EF BB BF) first: without it Excel reads the bytes as
//     the system code page (GBK) and every Chinese character is garbled.
//  2. RFC 4180: records end with CRLF; a field with a comma, a double quote, CR or LF is
//     quoted, and a quote inside it is doubled.
//  3. Formula injection guard (OWASP "CSV Injection"): a text cell beginning with = + - @,
//     TAB or CR is prefixed with ' so the spreadsheet shows it as text instead of running
//     it. Number cells are written as numbers ("-3" stays a number).
// XLSX (to_xlsx), written with libxlsxwriter:
//  4. Number cells are numbers, text cells are (shared) strings — never formulas; the
//     header row is bold and frozen; each column is as wide as its widest cell (汉字 count
//     double, 8..60 characters); the sheet has the given name, made valid for Excel
//     (at most 31 characters, none of [ ] : * ? / \, not starting or ending with ').
// Both: text is made valid UTF-8 (ill-formed bytes become U+FFFD, C0 controls other than
// TAB/LF/CR are dropped); a non-finite number is an empty cell.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace zwgk::web {

using TableCell = std::variant<std::string, std::int64_t, double>;

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<TableCell>> rows;  // a row may be shorter than the header
};

inline constexpr std::string_view kCsvContentType = "text/csv; charset=utf-8";
inline constexpr std::string_view kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The export cannot be written: more rows or columns than a sheet holds, a cell longer
// than Excel's 32767 characters, or the library or the temporary file failed. The message
// is Chinese.
class TableExportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string to_csv(const Table& table);

// The .xlsx file's bytes. Throws TableExportError.
std::string to_xlsx(const Table& table, std::string_view sheet_name);

// The sheet name to_xlsx uses for `name` ("Sheet1" when nothing is left of it).
std::string excel_sheet_name(std::string_view name);

}  // namespace zwgk::web
