// The annual report's files as an office opens them: the .docx printed by LibreOffice shows
// the title, every section and every table heading of the template with the figures, and the
// .xlsx reads back (our own reader) with the same figure in every cell of the report.
#include "modules/ndbg/web/report_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "domain/reply_outcome.hpp"
#include "ingest/xlsx_rows.hpp"
#include "modules/ndbg/web/report_layout.hpp"
#include "support/libreoffice.hpp"

namespace zwgk::web {
namespace {

domain::AnnualReport sample() {
  domain::AnnualReport r;
  r.year = 2025;
  r.body_name = "邵阳市人民政府";
  long long n = 1;
  for (const auto& cell : domain::report_cells()) r.values[cell.key] = n++ % 17;  // every cell its own figure
  r.values["2.fees"] = 125000;  // 12.5 万元
  r.overview = "2025年，邵阳市人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。";
  r.problems = "政策解读形式还不够丰富。\n下一步将增加图解。";
  r.other = "本年度未收取信息处理费。";
  return r;
}

// Table cells wrap inside their column: compare without any white space.
std::string without_spaces(std::string s) {
  std::erase_if(s, [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\f' || c == '\t'; });
  return s;
}

TEST(ReportFiles, LibreOfficePrintsEverySectionAndTableHeading) {
  const auto printed = zwgk::test::print_docx_with_libreoffice(report_docx(sample()), /*layout=*/false);
  ASSERT_TRUE(printed.ok) << printed.log;
  const std::string packed = without_spaces(printed.text);
  std::vector<std::string> expected = {"邵阳市人民政府2025年政府信息公开工作年度报告"};
  for (const char* s : domain::kReportSections) expected.emplace_back(s);
  for (const char* h : {"第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "信息内容",
                        "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）",
                        "本年度情况", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织",
                        "法律服务机构", "一、本年新收政府信息公开申请数量", "三、本年度办理结果", "（七）总计",
                        "四、结转下年度继续办理", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持",
                        "结果纠正", "尚未审结", "本年度未收取信息处理费。", "12.5"})
    expected.emplace_back(h);
  for (const auto& e : expected)
    EXPECT_NE(packed.find(without_spaces(e)), std::string::npos) << e << " in:\n" << printed.text;
}

TEST(ReportFiles, TheSpreadsheetReadsBackWithTheSameFigures) {
  const auto r = sample();
  const auto rows = ingest::read_xlsx_rows(report_xlsx(r));
  ASSERT_EQ(rows.size(), domain::report_cells().size() + 1) << "a header and one row a figure";
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"部分", "项目", "栏目", "数值", "单位"}));
  std::size_t i = 1;
  for (const auto& cell : domain::report_cells()) {
    const auto& row = rows[i++].cells;
    ASSERT_GE(row.size(), 5u);
    EXPECT_EQ(row[1], cell.row);
    EXPECT_EQ(row[2], cell.column);
    EXPECT_EQ(row[3], figure_text(r, cell.key)) << cell.key;
  }
}

TEST(ReportFiles, TheHtmlTableIsLaidOutLikeTheTemplate) {
  const auto three = section_three_layout(sample());
  EXPECT_EQ(three.columns, 10);
  // Every row fills the ten columns once the spans from above are counted.
  std::vector<int> covered(three.rows.size(), 0);
  for (std::size_t r = 0; r < three.rows.size(); ++r)
    for (const auto& c : three.rows[r])
      for (int k = 0; k < c.row_span; ++k) covered[r + k] += c.col_span;
  for (std::size_t r = 0; r < covered.size(); ++r) EXPECT_EQ(covered[r], 10) << "row " << r;
  EXPECT_EQ(three.rows.size(), 3u + 25u) << "three header rows, 25 rows of figures";
}

}  // namespace
}  // namespace zwgk::web
