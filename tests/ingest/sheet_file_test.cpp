// Spreadsheets as offices send them (tests/fixtures/sheets/README.md): .xlsx and .xls saved by
// LibreOffice, a GB18030 CSV, and the failures an editor must be told about in Chinese.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/errors.hpp"
#include "ingest/sheet_file.hpp"

namespace zwgk::ingest {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(ZWGK_SOURCE_DIR) + "/tests/fixtures/sheets/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  EXPECT_FALSE(s.str().empty()) << name;
  return s.str();
}

std::string cell(const std::vector<domain::SheetRow>& rows, int row, int col) {
  for (const auto& r : rows)
    if (r.number == row) return static_cast<std::size_t>(col) <= r.cells.size() ? r.cells[col - 1] : std::string();
  return "(no row " + std::to_string(row) + ")";
}

std::string invalid_message(std::string_view bytes) {
  try {
    read_sheet_file(bytes);
  } catch (const domain::Invalid& e) {
    return e.what();
  }
  return "(accepted)";
}

// LibreOffice's .xlsx: the merged title row gives its text to all six cells; date cells (a
// custom 年月日 format) come out as ISO dates, not as Excel's serial day numbers.
TEST(SheetFile, LibreOfficeXlsxMergedTitleAndDateCells) {
  const auto bytes = fixture("blacklist.xlsx");
  EXPECT_EQ(sheet_format_of(bytes), SheetFormat::Xlsx);
  const auto rows = read_sheet_file(bytes);
  ASSERT_GE(rows.size(), 4u);
  EXPECT_EQ(cell(rows, 1, 1), "示例市安全生产失信联合惩戒“黑名单”（2026年）");
  EXPECT_EQ(cell(rows, 1, 6), cell(rows, 1, 1));
  EXPECT_EQ(cell(rows, 2, 5), "纳入日期");
  EXPECT_EQ(cell(rows, 3, 2), "示例化工有限公司");
  EXPECT_EQ(cell(rows, 3, 5), "2026-03-01");
  EXPECT_EQ(cell(rows, 3, 6), "");
  EXPECT_EQ(cell(rows, 4, 6), "2026-06-15");
}

// The same sheet as Excel 97-2003 .xls (BIFF8), read through libfreexl.
TEST(SheetFile, LegacyXlsFromLibreOffice) {
  const auto bytes = fixture("blacklist.xls");
  EXPECT_EQ(sheet_format_of(bytes), SheetFormat::Xls);
  const auto rows = read_sheet_file(bytes);
  ASSERT_GE(rows.size(), 4u);
  EXPECT_EQ(cell(rows, 1, 1), "示例市安全生产失信联合惩戒“黑名单”（2026年）");
  EXPECT_EQ(cell(rows, 2, 1), "统一社会信用代码");
  EXPECT_EQ(cell(rows, 3, 1), "91430500MA4L000001");
  EXPECT_EQ(cell(rows, 4, 3), "拒不执行安全监管监察指令");
  EXPECT_EQ(cell(rows, 3, 5).substr(0, 10), "2026-03-01");
  EXPECT_EQ(cell(rows, 4, 5).substr(0, 10), "2025-06-15");
}

// Excel's "CSV（逗号分隔）" on a Chinese Windows is GB18030: read as the characters written,
// with RFC 4180 quoting (a doubled quote inside a quoted field).
TEST(SheetFile, GbkCsvWithQuotes) {
  const auto rows = read_sheet_file(fixture("fees-gbk.csv"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].cells.at(1), "项目名称");
  EXPECT_EQ(rows[1].number, 2);
  EXPECT_EQ(rows[1].cells.at(1), "居民身份证工本费（含\"临时\"证）");
  EXPECT_EQ(rows[1].cells.at(3), "发改价格〔2005〕436号");
  EXPECT_EQ(rows[1].cells.at(4), "缴入国库");
}

TEST(SheetFile, Utf8CsvWithBomAndMultilineCell) {
  const auto rows = read_sheet_file("\xEF\xBB\xBF名称,说明\r\n甲,\"第一行\n第二行, 含逗号\"\r\n乙,\r\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells.at(0), "名称");  // the BOM is not part of the first header
  EXPECT_EQ(rows[1].cells.at(1), "第一行\n第二行, 含逗号");
  EXPECT_EQ(rows[2].number, 3);
  EXPECT_EQ(rows[2].cells.at(0), "乙");
}

TEST(SheetFile, RefusesWhatIsNoSheetInChinese) {
  EXPECT_NE(invalid_message(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage", 15)).find(".xls"), std::string::npos);
  EXPECT_NE(invalid_message("PK\x03\x04not a zip").find(".xlsx"), std::string::npos);
  EXPECT_NE(invalid_message(std::string("\x00\x01\x02\xff\xfe", 5)).find("编码"), std::string::npos);
}

}  // namespace
}  // namespace zwgk::ingest
