// Spreadsheet exports: the CSV bytes Excel and WPS open (BOM, CRLF, RFC 4180 quoting, the
// formula guard), and an .xlsx opened as what it is — a zip (libzip) of XML (pugixml).
#include "web/table_export.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <pugixml.hpp>

namespace {

using namespace zwgk::web;

TEST(TableExport, CsvStartsWithTheBomAndEndsRecordsWithCrlf) {
  Table t;
  t.header = {"部门", "收到", "按期答复率"};
  t.rows = {{std::string("邵阳市交通运输局"), std::int64_t{42}, std::string("93.5%")}, {std::string("未转办"), 0.5}};
  EXPECT_EQ(to_csv(t),
            "\xEF\xBB\xBF"
            "部门,收到,按期答复率\r\n"
            "邵阳市交通运输局,42,93.5%\r\n"
            "未转办,0.5\r\n");
  EXPECT_EQ(to_csv(Table{}), "\xEF\xBB\xBF\r\n");
}

TEST(TableExport, CsvQuotesAndGuardsAgainstFormulas) {
  Table t;
  t.header = {"a,b", "say \"hi\""};
  t.rows = {{std::string("line1\nline2"), std::string("=1+1")},
            {std::string("+8613800000000"), std::string("-x")},
            {std::string("@SUM(A1)"), std::int64_t{-3}},
            {std::string("=HYPERLINK(\"http://x\",\"y\")"), -2.25},
            {std::string("\tTAB"), std::string("a\x01" "b\xff")}};
  EXPECT_EQ(to_csv(t),
            "\xEF\xBB\xBF"
            "\"a,b\",\"say \"\"hi\"\"\"\r\n"
            "\"line1\nline2\",'=1+1\r\n"
            "'+8613800000000,'-x\r\n"
            "'@SUM(A1),-3\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-2.25\r\n"
            "'\tTAB,ab\xEF\xBF\xBD\r\n")
      << "numbers are not guarded; a control character is dropped, a bad byte becomes U+FFFD";
}

// The files inside an .xlsx.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> files;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) {
    ADD_FAILURE() << zip_error_strerror(&error);
    return files;
  }
  zip_t* archive = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!archive) {
    ADD_FAILURE() << "not a zip: " << zip_error_strerror(&error);
    zip_source_free(src);
    return files;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(archive, i, 0, &st);
    zip_file_t* f = zip_fopen_index(archive, i, 0);
    std::string content(st.size, '\0');
    if (f && st.size) zip_fread(f, content.data(), st.size);
    if (f) zip_fclose(f);
    files[st.name] = content;
  }
  zip_close(archive);
  return files;
}

pugi::xml_document xml(const std::string& text) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(text.c_str())) << text.substr(0, 200);
  return doc;
}

TEST(TableExport, XlsxIsAZipWithTheCellsNumbersAsNumbersAndABoldFrozenHeader) {
  Table t;
  t.header = {"承办部门", "收到", "平均答复用时"};
  t.rows = {{std::string("邵阳市人力资源和社会保障局"), std::int64_t{42}, 3.5},
            {std::string("=1+1"), std::int64_t{-7}, std::string("—")}};
  const std::string bytes = to_xlsx(t, "2024年10月");
  ASSERT_GE(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  const auto files = unzip(bytes);
  ASSERT_TRUE(files.contains("xl/worksheets/sheet1.xml"));
  ASSERT_TRUE(files.contains("xl/sharedStrings.xml"));

  std::vector<std::string> strings;
  const auto shared = xml(files.at("xl/sharedStrings.xml"));
  for (auto si : shared.child("sst").children("si")) strings.push_back(si.child("t").text().get());

  const auto sheet = xml(files.at("xl/worksheets/sheet1.xml"));
  auto cell = [&](const char* ref) {
    return sheet.select_node((std::string("//sheetData/row/c[@r='") + ref + "']").c_str()).node();
  };
  auto text_of = [&](const char* ref) -> std::string {
    const auto c = cell(ref);
    if (std::string(c.attribute("t").value()) != "s") return "(not a string)";
    return strings.at(std::stoul(c.child("v").text().get()));
  };
  EXPECT_EQ(text_of("A1"), "承办部门");
  EXPECT_EQ(text_of("C1"), "平均答复用时");
  EXPECT_EQ(text_of("A2"), "邵阳市人力资源和社会保障局");
  EXPECT_FALSE(cell("B2").attribute("t")) << "a number, not text";
  EXPECT_STREQ(cell("B2").child("v").text().get(), "42");
  EXPECT_STREQ(cell("C2").child("v").text().get(), "3.5");
  EXPECT_STREQ(cell("B3").child("v").text().get(), "-7");
  EXPECT_EQ(text_of("A3"), "=1+1") << "text, never a formula";
  EXPECT_FALSE(sheet.select_node("//c/f"));
  EXPECT_EQ(text_of("C3"), "—");

  // Frozen first row.
  const auto pane = sheet.select_node("//sheetView/pane").node();
  EXPECT_STREQ(pane.attribute("ySplit").value(), "1");
  EXPECT_STREQ(pane.attribute("state").value(), "frozen");
  // Bold header: its cells share a style whose font is bold.
  const auto styles = xml(files.at("xl/styles.xml"));
  const int xf = cell("A1").attribute("s").as_int(-1);
  ASSERT_GE(xf, 1);
  const auto xfs = styles.select_nodes("//cellXfs/xf");
  ASSERT_LT(static_cast<std::size_t>(xf), xfs.size());
  const int font = xfs[xf].node().attribute("fontId").as_int(-1);
  const auto fonts = styles.select_nodes("//fonts/font");
  ASSERT_LT(static_cast<std::size_t>(font), fonts.size());
  EXPECT_TRUE(fonts[font].node().child("b"));
  EXPECT_FALSE(cell("A2").attribute("s")) << "only the header is bold";
  // Column A fits 13 汉字 (26 columns + 2).
  const auto col_a = sheet.select_node("//cols/col[@min='1']").node();
  EXPECT_GE(col_a.attribute("width").as_double(), 28.0);
  EXPECT_LE(col_a.attribute("width").as_double(), 30.0);
  // The sheet's name.
  const auto workbook = xml(files.at("xl/workbook.xml"));
  EXPECT_STREQ(workbook.select_node("//sheets/sheet").node().attribute("name").value(), "2024年10月");
}

TEST(TableExport, XlsxOfAnEmptyTableStillOpens) {
  const auto files = unzip(to_xlsx(Table{}, ""));
  ASSERT_TRUE(files.contains("xl/worksheets/sheet1.xml"));
  EXPECT_STREQ(xml(files.at("xl/workbook.xml")).select_node("//sheets/sheet").node().attribute("name").value(),
               "Sheet1");
}

TEST(TableExport, SheetNamesAreMadeValidForExcel) {
  EXPECT_EQ(excel_sheet_name("受理反馈统计"), "受理反馈统计");
  EXPECT_EQ(excel_sheet_name("2024/10 [月]:*?\\"), "2024_10 _月_____");
  EXPECT_EQ(excel_sheet_name("'引号'"), "引号");
  EXPECT_EQ(excel_sheet_name(""), "Sheet1");
  EXPECT_EQ(excel_sheet_name("   "), "Sheet1");
  const std::string long_name(40, 'a');
  EXPECT_EQ(excel_sheet_name(long_name), std::string(31, 'a'));
  std::string han;
  for (int i = 0; i < 40; ++i) han += "统";
  EXPECT_EQ(excel_sheet_name(han).size(), 31u * 3) << "31 characters, not 31 bytes";
}

}  // namespace
