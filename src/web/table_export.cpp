// See table_export.hpp.
#include "web/table_export.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>

#include "domain/utf8.hpp"
#include "web/text_width.hpp"

namespace zwgk::web {

namespace {

constexpr std::size_t kMaxCellChars = 32767;  // Excel's limit for one cell (LXW_STR_MAX)
constexpr double kMinColumnWidth = 8;
constexpr double kMaxColumnWidth = 60;

// Valid UTF-8 without C0 controls other than TAB, LF, CR.
std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = domain::decode_utf8(s, i);
    i += c.length == 0 ? 1 : c.length;
    if (c.code_point < 0x20 && c.code_point != '\t' && c.code_point != '\n' && c.code_point != '\r') continue;
    if (c.code_point == 0x7F) continue;
    domain::append_utf8(out, c.code_point);
  }
  return out;
}

// The shortest text that reads back as the same double ("0.1", "12", "1e+21").
std::string number_text(double v) {
  char b[64];
  const auto r = std::to_chars(b, b + sizeof b, v);
  return std::string(b, r.ptr);
}

// Text for a CSV cell, before quoting; nullopt for an empty cell.
std::string csv_text(const TableCell& cell) {
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&cell)) return std::isfinite(*d) ? number_text(*d) : std::string();
  std::string text = clean_text(std::get<std::string>(cell));
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r'))
    text.insert(text.begin(), '\'');
  return text;
}

void append_csv_field(std::string& out, const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string xlsx_error(const char* what, lxw_error e) {
  return std::string("生成Excel文件失败（") + what + "：" + lxw_strerror(e) + "）";
}

// A temporary file that is removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::error_code ec;
    auto dir = std::filesystem::temp_directory_path(ec);
    if (ec) dir = "/tmp";
    std::string pattern = (dir / "zwgk-export-XXXXXX.xlsx").string();
    const int fd = ::mkstemps(pattern.data(), 5);
    if (fd < 0) throw TableExportError("生成Excel文件失败（无法创建临时文件）");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);  // best effort: a leftover file in the temp dir is harmless
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Closes the workbook (which writes the file) exactly once.
struct WorkbookCloser {
  lxw_workbook* workbook;
  bool closed = false;
  lxw_error close() {
    closed = true;
    return workbook_close(workbook);
  }
  ~WorkbookCloser() {
    if (!closed) workbook_close(workbook);  // on an error path: frees it; the file is discarded
  }
};

}  // namespace

std::string to_csv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  auto record = [&](const auto& cells) {
    bool first = true;
    for (const auto& cell : cells) {
      if (!first) out += ',';
      first = false;
      append_csv_field(out, csv_text(TableCell{cell}));
    }
    out += "\r\n";
  };
  record(table.header);
  for (const auto& row : table.rows) record(row);
  return out;
}

std::string excel_sheet_name(std::string_view name) {
  std::string cleaned;
  for (std::size_t i = 0; i < name.size();) {
    const auto c = domain::decode_utf8(name, i);
    i += c.length == 0 ? 1 : c.length;
    if (c.code_point < 0x20 || c.code_point == 0x7F) continue;
    const bool bad = c.code_point == '[' || c.code_point == ']' || c.code_point == ':' || c.code_point == '*' ||
                     c.code_point == '?' || c.code_point == '/' || c.code_point == '\\';
    domain::append_utf8(cleaned, bad ? U'_' : c.code_point);
  }
  // At most 31 UTF-16 units (what Excel counts): a character above U+FFFF takes two.
  std::string out;
  std::size_t units = 0;
  for (std::size_t i = 0; i < cleaned.size();) {
    const auto c = domain::decode_utf8(cleaned, i);
    const std::size_t u = c.code_point > 0xFFFF ? 2 : 1;
    if (units + u > 31) break;
    out.append(cleaned, i, c.length);
    units += u;
    i += c.length;
  }
  while (!out.empty() && out.front() == '\'') out.erase(out.begin());
  while (!out.empty() && out.back() == '\'') out.pop_back();
  if (out.find_first_not_of(' ') == std::string::npos) return "Sheet1";
  return out;
}

std::string to_xlsx(const Table& table, std::string_view sheet_name) {
  std::size_t columns = table.header.size();
  for (const auto& row : table.rows) columns = std::max(columns, row.size());
  if (table.rows.size() + 1 > LXW_ROW_MAX) throw TableExportError("数据超过Excel工作表的行数上限（1048576行）");
  if (columns > LXW_COL_MAX) throw TableExportError("数据超过Excel工作表的列数上限（16384列）");

  TempFile file;
  lxw_workbook* workbook = workbook_new(file.path().c_str());
  if (!workbook) throw TableExportError("生成Excel文件失败（无法创建工作簿）");
  WorkbookCloser closer{workbook};
  const std::string name = excel_sheet_name(sheet_name);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  if (!sheet) throw TableExportError("生成Excel文件失败（工作表名称无效）");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);

  std::vector<double> widths(columns, kMinColumnWidth);
  auto fit_width = [&](std::size_t col, std::string_view text) {
    widths[col] = std::max(widths[col], std::min(kMaxColumnWidth, text_columns(text) + 2.0));
  };
  auto check = [](lxw_error e, const char* what) {
    if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) throw TableExportError("单元格文字超过Excel的32767字上限");
    if (e != LXW_NO_ERROR) throw TableExportError(xlsx_error(what, e));
  };
  auto write_text = [&](lxw_row_t r, lxw_col_t c, const std::string& raw, lxw_format* format) {
    const std::string text = clean_text(raw);
    if (char_count(text) > kMaxCellChars) throw TableExportError("单元格文字超过Excel的32767字上限");
    fit_width(c, text);
    if (text.empty()) return;  // an empty string cell is no cell
    check(worksheet_write_string(sheet, r, c, text.c_str(), format), "写入文字");
  };

  for (std::size_t c = 0; c < table.header.size(); ++c)
    write_text(0, static_cast<lxw_col_t>(c), table.header[c], bold);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const auto& cell = table.rows[r][c];
      if (const auto* text = std::get_if<std::string>(&cell)) {
        write_text(row, col, *text, nullptr);
        continue;
      }
      const double v = std::holds_alternative<double>(cell) ? std::get<double>(cell)
                                                            : static_cast<double>(std::get<std::int64_t>(cell));
      if (!std::isfinite(v)) continue;
      fit_width(c, std::holds_alternative<double>(cell) ? number_text(v)
                                                        : std::to_string(std::get<std::int64_t>(cell)));
      check(worksheet_write_number(sheet, row, col, v, nullptr), "写入数字");
    }
  }
  for (std::size_t c = 0; c < columns; ++c)
    check(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr),
          "设置列宽");
  if (!table.header.empty()) worksheet_freeze_panes(sheet, 1, 0);
  check(closer.close(), "保存");

  std::ifstream in(file.path(), std::ios::binary);
  if (!in) throw TableExportError("生成Excel文件失败（无法读取临时文件）");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

}  // namespace zwgk::web
