// See sheet_file.hpp: legacy .xls (BIFF5/BIFF8 in a Compound File) through libfreexl, which
// reads from a path only: the bytes go to a private temporary file first, removed at once.
// FreeXL gives text as UTF-8 and date cells as "2026-03-01" (or with the time), which
// domain::parse_sheet_date reads. It does not expose merged ranges: a merged .xls header is
// read with the value in its first cell only (ADR 0028).
#include <freexl.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "domain/errors.hpp"
#include "ingest/sheet_file.hpp"

namespace zwgk::ingest {

namespace {

constexpr const char* kNotXls = "文件不是有效的 Excel 97-2003 表格（.xls），请用 Excel 或 WPS 另存为 .xlsx 后再导入";

class TempFile {
 public:
  explicit TempFile(std::string_view bytes) {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/zwgk-xls-XXXXXX";
    const int fd = ::mkstemp(path_.data());
    if (fd < 0) throw domain::Invalid({"无法读取上传的 .xls 文件（临时文件不可写）"});
    std::size_t off = 0;
    while (off < bytes.size()) {
      const auto n = ::write(fd, bytes.data() + off, bytes.size() - off);
      if (n <= 0) {
        ::close(fd);
        ::unlink(path_.c_str());
        throw domain::Invalid({"无法读取上传的 .xls 文件（临时文件不可写）"});
      }
      off += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  ~TempFile() { ::unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const char* path() const { return path_.c_str(); }

 private:
  std::string path_;
};

class Workbook {
 public:
  explicit Workbook(const char* path) {
    if (freexl_open(path, &handle_) != FREEXL_OK) throw domain::Invalid({kNotXls});
  }
  ~Workbook() { freexl_close(handle_); }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  const void* get() const { return handle_; }

 private:
  const void* handle_ = nullptr;
};

std::string number_text(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace

std::vector<domain::SheetRow> read_xls_rows(std::string_view bytes) {
  TempFile file(bytes);
  Workbook book(file.path());
  unsigned int protected_flag = 0;
  if (freexl_get_info(book.get(), FREEXL_BIFF_PASSWORD, &protected_flag) == FREEXL_OK &&
      protected_flag == FREEXL_BIFF_OBFUSCATED)
    throw domain::Invalid({"这个 .xls 文件设置了打开密码，请取消密码后再导入"});
  if (freexl_select_active_worksheet(book.get(), 0) != FREEXL_OK) throw domain::Invalid({kNotXls});
  unsigned int rows = 0;
  unsigned short columns = 0;
  if (freexl_worksheet_dimensions(book.get(), &rows, &columns) != FREEXL_OK) throw domain::Invalid({kNotXls});
  if (rows > static_cast<unsigned>(kMaxSheetRows))
    throw domain::Invalid({"表格超过 " + std::to_string(kMaxSheetRows) + " 行，请分批导入"});
  if (columns > kMaxSheetColumns) columns = kMaxSheetColumns;
  std::vector<domain::SheetRow> out;
  for (unsigned int r = 0; r < rows; ++r) {
    domain::SheetRow row;
    row.number = static_cast<int>(r) + 1;
    for (unsigned short c = 0; c < columns; ++c) {
      FreeXL_CellValue v;
      if (freexl_get_cell_value(book.get(), r, c, &v) != FREEXL_OK) throw domain::Invalid({kNotXls});
      std::string text;
      switch (v.type) {
        case FREEXL_CELL_INT: text = std::to_string(v.value.int_value); break;
        case FREEXL_CELL_DOUBLE: text = number_text(v.value.double_value); break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
        case FREEXL_CELL_TIME: text = v.value.text_value ? v.value.text_value : ""; break;
        default: break;
      }
      row.cells.push_back(std::move(text));
    }
    while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace zwgk::ingest
