// See sheet_file.hpp: .csv through libcsv (RFC 4180; strict mode off, so a stray quote inside
// an unquoted field is kept as text, as Excel does), GB18030 text converted with iconv first.
#include <csv.h>
#include <iconv.h>

#include <string>

#include "domain/errors.hpp"
#include "domain/utf8.hpp"
#include "ingest/sheet_file.hpp"

namespace zwgk::ingest {

namespace {

constexpr const char* kNotText = "CSV 文件的编码无法识别：请用 UTF-8 或 GBK（GB18030）保存后再导入";

// GB18030 (a superset of GBK and GB2312) -> UTF-8.
std::string from_gb18030(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw domain::Invalid({kNotText});
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  const std::size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) throw domain::Invalid({kNotText});
  out.resize(out.size() - dst_left);
  return out;
}

struct Collect {
  std::vector<domain::SheetRow> rows;
  domain::SheetRow current;
  bool too_many = false;
};

void on_field(void* s, std::size_t len, void* data) {
  auto* c = static_cast<Collect*>(data);
  if (c->current.cells.size() >= static_cast<std::size_t>(kMaxSheetColumns)) return;
  c->current.cells.emplace_back(static_cast<const char*>(s), len);
}

void on_row(int, void* data) {
  auto* c = static_cast<Collect*>(data);
  c->current.number = static_cast<int>(c->rows.size()) + 1;
  if (c->current.number > kMaxSheetRows) {
    c->too_many = true;
    c->current = {};
    return;
  }
  c->rows.push_back(std::move(c->current));
  c->current = {};
}

}  // namespace

std::vector<domain::SheetRow> read_csv_rows(std::string_view bytes) {
  std::string text;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (domain::is_valid_utf8(bytes)) text.assign(bytes);
  else text = from_gb18030(bytes);
  if (text.find('\0') != std::string::npos) throw domain::Invalid({kNotText});

  csv_parser parser;
  if (csv_init(&parser, CSV_APPEND_NULL) != 0) throw domain::Invalid({"无法读取 CSV 文件"});
  Collect collect;
  const std::size_t used = csv_parse(&parser, text.data(), text.size(), on_field, on_row, &collect);
  const bool failed = used != text.size();
  csv_fini(&parser, on_field, on_row, &collect);
  csv_free(&parser);
  if (failed) throw domain::Invalid({"CSV 文件格式有误，无法读取，请检查引号是否成对"});
  if (collect.too_many) throw domain::Invalid({"表格超过 " + std::to_string(kMaxSheetRows) + " 行，请分批导入"});
  return collect.rows;
}

}  // namespace zwgk::ingest
