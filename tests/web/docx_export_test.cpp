// The .docx writer: the package opened as what it is — a zip (libzip) of XML (pugixml) —
// with the paragraphs in order, merged cells as Word expects them, text escaped and broken
// where the caller broke it, the 公文 page and fonts; bad tables refused in Chinese; our own
// importer reads it back; and LibreOffice opens it and prints what a reader would see.
#include "web/docx_export.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <pugixml.hpp>
#include <sstream>
#include <thread>

#include "ingest/docx_import.hpp"
#include "support/libreoffice.hpp"
#include "ingest/file_type.hpp"

extern char** environ;

namespace {

using namespace zwgk::web;
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------
// Reading the package back

struct Member {
  std::string name;
  std::uint16_t compression;
  std::string bytes;
};

std::vector<Member> members(const std::string& docx) {
  std::vector<Member> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(docx.data(), docx.size(), 0, &error);
  zip_t* archive = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  if (!archive) {
    ADD_FAILURE() << "not a zip: " << zip_error_strerror(&error);
    if (src) zip_source_free(src);
    return out;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(archive, i, 0, &st);
    std::string bytes(st.size, '\0');
    zip_file_t* f = zip_fopen_index(archive, i, 0);
    if (f && st.size) {
      EXPECT_EQ(zip_fread(f, bytes.data(), st.size), static_cast<zip_int64_t>(st.size));
    }
    if (f) zip_fclose(f);
    out.push_back({st.name, st.comp_method, bytes});
  }
  zip_discard(archive);
  return out;
}

std::string part(const std::string& docx, const std::string& name) {
  for (auto& m : members(docx))
    if (m.name == name) return m.bytes;
  ADD_FAILURE() << "no part " << name;
  return {};
}

pugi::xml_document xml(const std::string& text) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(text.c_str())) << text.substr(0, 300);
  return doc;
}

// What a reader sees of a paragraph or cell: w:t text, w:br as LF (a page break as FF),
// w:tab as TAB.
std::string text_of(const pugi::xml_node& node) {
  std::string out;
  for (auto r : node.select_nodes(".//w:r")) {
    for (auto c : r.node().children()) {
      const std::string_view name = c.name();
      if (name == "w:t") out += c.text().get();
      else if (name == "w:br") out += std::string_view(c.attribute("w:type").value()) == "page" ? '\f' : '\n';
      else if (name == "w:tab") out += '\t';
    }
  }
  return out;
}

std::string style_of(const pugi::xml_node& p) { return p.child("w:pPr").child("w:pStyle").attribute("w:val").value(); }

pugi::xml_node style(const pugi::xml_document& styles, const std::string& id) {
  return styles.select_node(("//w:style[@w:styleId='" + id + "']").c_str()).node();
}

std::string refusal(const DocxDocument& doc) {
  try {
    to_docx(doc);
  } catch (const DocxExportError& e) {
    return e.what();
  }
  return "(accepted)";
}

DocxCell cell(std::string text, int col_span = 1, int row_span = 1) {
  DocxCell c;
  c.text = std::move(text);
  c.col_span = col_span;
  c.row_span = row_span;
  return c;
}

// Like table 三 of an annual report: a two-row header with a block merged across and
// down, a column merged down through the body, a total row merged across.
//   | 项目 (2×2)      | 本年 (2)    | 备注 (↓3) |
//   |                 | 新收 | 办结 |           |
//   | 申请  | 当面    | 12   | 7    |           |
//   | 合计 (2)        | 12   | 7    | —         |
DocxTable merged_table() {
  DocxTable t;
  t.header_rows = 2;
  t.rows = {{cell("项目", 2, 2), cell("本年", 2), cell("备注", 1, 3)},
            {cell("新收"), cell("办结")},
            {cell("申请"), cell("当面"), cell("12"), cell("7")},
            {cell("合计", 2), cell("12"), cell("7"), cell("—")}};
  t.rows[2][0].header = true;                 // a row label in the body
  t.rows[2][2].align = DocxAlign::Right;      // a number
  return t;
}

DocxDocument report() {
  DocxDocument d;
  d.title = "2024年工作报告";
  d.author = "某某市人民政府办公室";
  d.blocks = {DocxTitle{"2024年工作年度报告"},
              DocxHeading{"一、总体情况"},
              DocxParagraph{"2024年，我市认真贯彻落实有关规定。"},
              DocxHeading{"（一）主动公开情况", 2},
              merged_table(),
              DocxParagraph{"某某市人民政府办公室", DocxAlign::Right}};
  return d;
}

// ---------------------------------------------------------------------------------------

TEST(DocxExport, IsAZipOfTheOoxmlPartsEachDeflatedContentTypesFirst) {
  const std::string bytes = to_docx(report());
  ASSERT_GE(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  const auto parts = members(bytes);
  std::vector<std::string> names;
  for (const auto& m : parts) {
    names.push_back(m.name);
    EXPECT_EQ(m.compression, ZIP_CM_DEFLATE) << m.name;
    xml(m.bytes);  // every part is well-formed XML
  }
  EXPECT_EQ(names, (std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                                             "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
                                             "word/fontTable.xml", "word/footer1.xml", "docProps/core.xml",
                                             "docProps/app.xml"}));
  const std::set<std::string> present(names.begin(), names.end());

  // Every part but the relationships has its content type; every relationship's target exists.
  const auto types = xml(parts[0].bytes);
  for (const auto& name : names) {
    if (name.ends_with(".rels") || name == "[Content_Types].xml") continue;
    EXPECT_TRUE(types.select_node(("//Override[@PartName='/" + name + "']").c_str())) << name;
  }
  EXPECT_STREQ(types.select_node("//Override[@PartName='/word/document.xml']").node().attribute("ContentType").value(),
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  for (auto rel : xml(part(bytes, "_rels/.rels")).select_nodes("//Relationship"))
    EXPECT_TRUE(present.contains(rel.node().attribute("Target").value())) << rel.node().attribute("Target").value();
  for (auto rel : xml(part(bytes, "word/_rels/document.xml.rels")).select_nodes("//Relationship"))
    EXPECT_TRUE(present.contains(std::string("word/") + rel.node().attribute("Target").value()));

  const auto core = xml(part(bytes, "docProps/core.xml"));
  EXPECT_STREQ(core.select_node("//dc:title").node().text().get(), "2024年工作报告");
  EXPECT_STREQ(core.select_node("//dc:creator").node().text().get(), "某某市人民政府办公室");
  EXPECT_FALSE(core.select_node("//dcterms:created")) << "no date: the bytes do not depend on the day";

  EXPECT_EQ(to_docx(report()), bytes) << "the same document gives the same bytes";
  EXPECT_EQ(zwgk::ingest::sniff_media_type(bytes), kDocxContentType) << "what an upload check would see";
}

TEST(DocxExport, BlocksBecomeParagraphsInOrderWithTheirStyles) {
  DocxDocument d = report();
  d.blocks.push_back(DocxPageBreak{});
  d.blocks.push_back(DocxParagraph{"附件"});
  d.blocks.push_back(DocxPageBreak{});
  d.blocks.push_back(merged_table());
  d.blocks.push_back(merged_table());
  const auto doc = xml(part(to_docx(d), "word/document.xml"));
  const auto body = doc.child("w:document").child("w:body");
  ASSERT_TRUE(body);

  std::vector<std::string> seen;  // style: text, or the table
  for (auto child : body.children()) {
    const std::string_view name = child.name();
    if (name == "w:tbl") seen.push_back("(table)");
    else if (name == "w:p") seen.push_back(style_of(child) + ": " + text_of(child));
    else seen.push_back(std::string(name));
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"Title: 2024年工作年度报告", "Heading1: 一、总体情况",
                                            "Normal: 2024年，我市认真贯彻落实有关规定。",
                                            "Heading2: （一）主动公开情况", "(table)",
                                            "Normal: 某某市人民政府办公室", "Normal: 附件",
                                            "Normal: \f",  // the page break before a table
                                            "(table)",
                                            "Normal: ",  // keeps two tables apart: Word would join them
                                            "(table)",
                                            "Normal: ",  // the body ends with a paragraph
                                            "w:sectPr"}));
  const auto paragraphs = body.children("w:p");
  std::vector<pugi::xml_node> p(paragraphs.begin(), paragraphs.end());
  // The signature is right-aligned without the first-line indent; body text keeps the style's.
  EXPECT_STREQ(p[4].child("w:pPr").child("w:jc").attribute("w:val").value(), "right");
  EXPECT_STREQ(p[4].child("w:pPr").child("w:ind").attribute("w:firstLineChars").value(), "0");
  EXPECT_FALSE(p[2].child("w:pPr").child("w:ind"));
  // A page break before a paragraph is that paragraph's property; before a table, a break.
  EXPECT_TRUE(p[5].child("w:pPr").child("w:pageBreakBefore")) << text_of(p[5]);
  EXPECT_STREQ(p[6].select_node("w:r/w:br").node().attribute("w:type").value(), "page");
}

TEST(DocxExport, TextIsEscapedAndKeepsItsLineBreaksAndTabs) {
  DocxDocument d;
  d.title = "a<b & \"c\">";
  d.blocks = {DocxParagraph{"依据<条例> & \"规定\"第1条"},
              DocxParagraph{"第一行\n第二行\t完\r\n第三行"},
              DocxParagraph{"坏\xff字节\x01控制\x7f\xC2\x85符\xEF\xBF\xBF号"},
              DocxParagraph{"  前后空格  "}};
  const std::string bytes = to_docx(d);
  const std::string raw = part(bytes, "word/document.xml");
  EXPECT_NE(raw.find("依据&lt;条例&gt; &amp; \"规定\"第1条"), std::string::npos) << raw;
  const auto doc = xml(raw);
  const auto paragraphs = doc.select_nodes("//w:body/w:p");
  ASSERT_GE(paragraphs.size(), 4u);
  EXPECT_EQ(text_of(paragraphs[0].node()), "依据<条例> & \"规定\"第1条");

  const auto run = paragraphs[1].node().child("w:r");
  std::vector<std::string> pieces;
  for (auto c : run.children()) pieces.push_back(c.name());
  EXPECT_EQ(pieces, (std::vector<std::string>{"w:t", "w:br", "w:t", "w:tab", "w:t", "w:br", "w:t"}))
      << "LF is a line break in the same paragraph, TAB a tab, CR dropped";
  EXPECT_EQ(text_of(paragraphs[1].node()), "第一行\n第二行\t完\n第三行");

  EXPECT_EQ(text_of(paragraphs[2].node()), "坏\uFFFD字节控制符号")
      << "a bad byte is U+FFFD; C0, DEL, C1 and U+FFFF are dropped";
  EXPECT_EQ(text_of(paragraphs[3].node()), "  前后空格  ");
  EXPECT_STREQ(paragraphs[3].node().select_node(".//w:t").node().attribute("xml:space").value(), "preserve");
  EXPECT_STREQ(xml(part(bytes, "docProps/core.xml")).select_node("//dc:title").node().text().get(), "a<b & \"c\">");
}

TEST(DocxExport, PageAndFontsAreThoseOfAGovernmentDocument) {
  const std::string bytes = to_docx(report());
  const auto doc = xml(part(bytes, "word/document.xml"));
  const auto sect = doc.select_node("//w:body/w:sectPr").node();
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:w").as_int(), 11906) << "A4";
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:h").as_int(), 16838);
  const auto margins = sect.child("w:pgMar");
  EXPECT_EQ(margins.attribute("w:top").as_int(), 2098) << "GB/T 9704: 37 mm";
  EXPECT_EQ(margins.attribute("w:bottom").as_int(), 1984);
  EXPECT_EQ(margins.attribute("w:left").as_int(), 1588);
  EXPECT_EQ(margins.attribute("w:right").as_int(), 1474);
  EXPECT_STREQ(sect.child("w:footerReference").attribute("r:id").value(), "rId4");

  const auto styles = xml(part(bytes, "word/styles.xml"));
  for (auto ref : doc.select_nodes("//w:pStyle | //w:tblStyle"))
    EXPECT_TRUE(style(styles, ref.node().attribute("w:val").value())) << "a style the document names";
  auto east_asia = [&](const char* id) {
    return std::string(style(styles, id).select_node("w:rPr/w:rFonts").node().attribute("w:eastAsia").value());
  };
  auto size = [&](const char* id) { return style(styles, id).select_node("w:rPr/w:sz").node().attribute("w:val").as_int(); };
  auto ppr = [&](const char* id, const char* path, const char* attr) {
    return std::string(style(styles, id).select_node((std::string("w:pPr/") + path).c_str()).node().attribute(attr).value());
  };

  EXPECT_EQ(east_asia("Title"), "方正小标宋简体");
  EXPECT_EQ(size("Title"), 44) << "22pt (二号)";
  EXPECT_EQ(ppr("Title", "w:jc", "w:val"), "center");
  EXPECT_EQ(ppr("Title", "w:ind", "w:firstLineChars"), "0");
  EXPECT_EQ(east_asia("Heading1"), "黑体");
  EXPECT_STREQ(style(styles, "Heading1").child("w:name").attribute("w:val").value(), "heading 1")
      << "Word's built-in 标题 1: the navigation pane and the table of contents see it";
  EXPECT_EQ(east_asia("Heading2"), "楷体_GB2312");
  EXPECT_EQ(east_asia("Normal"), "仿宋_GB2312");
  EXPECT_EQ(size("Normal"), 32) << "16pt (三号)";
  EXPECT_EQ(ppr("Normal", "w:ind", "w:firstLineChars"), "200") << "two characters";
  EXPECT_EQ(ppr("Normal", "w:jc", "w:val"), "both");
  EXPECT_EQ(ppr("Normal", "w:spacing", "w:lineRule"), "exact");
  EXPECT_EQ(east_asia("TableText"), "宋体");
  EXPECT_EQ(size("TableText"), 21) << "10.5pt (五号)";
  EXPECT_EQ(ppr("TableText", "w:ind", "w:firstLineChars"), "0");
  EXPECT_TRUE(style(styles, "TableHeading").select_node("w:rPr/w:b"));
  EXPECT_EQ(ppr("TableHeading", "w:jc", "w:val"), "center");
  EXPECT_STREQ(style(styles, "TableGrid").select_node("w:tblPr/w:tblBorders/w:insideH").node().attribute("w:val").value(),
               "single");

  const auto fonts = xml(part(bytes, "word/fontTable.xml"));
  auto alternatives = [&](const char* font) {
    return std::string(fonts.select_node((std::string("//w:font[@w:name='") + font + "']/w:altName").c_str())
                           .node()
                           .attribute("w:val")
                           .value());
  };
  EXPECT_NE(alternatives("方正小标宋简体").find("宋体"), std::string::npos) << "a machine without 方正 fonts";
  EXPECT_NE(alternatives("仿宋_GB2312").find("仿宋"), std::string::npos);
  EXPECT_NE(alternatives("楷体_GB2312").find("楷体"), std::string::npos);

  const auto settings = xml(part(bytes, "word/settings.xml"));
  EXPECT_STREQ(settings.select_node("//w:compatSetting[@w:name='compatibilityMode']").node().attribute("w:val").value(),
               "15")
      << "else Word opens it in 兼容模式";
  EXPECT_TRUE(settings.select_node("//w:compat/w:doNotExpandShiftReturn"))
      << "a justified line ending in a line break is not stretched";

  const auto footer = xml(part(bytes, "word/footer1.xml"));
  EXPECT_STREQ(footer.select_node("//w:fldSimple").node().attribute("w:instr").value(), " PAGE ");
  EXPECT_EQ(text_of(footer.child("w:ftr").child("w:p")), "— 1 —");
}

TEST(DocxExport, MergedCellsBecomeGridSpansAndVerticalMerges) {
  DocxDocument d;
  d.blocks = {merged_table()};
  const auto doc = xml(part(to_docx(d), "word/document.xml"));
  const auto tbl = doc.select_node("//w:tbl").node();
  ASSERT_TRUE(tbl);
  std::vector<int> grid;
  for (auto col : tbl.child("w:tblGrid").children("w:gridCol")) grid.push_back(col.attribute("w:w").as_int());
  EXPECT_EQ(grid, (std::vector<int>{1769, 1769, 1769, 1769, 1768})) << "the 8844-twip text width shared";
  EXPECT_EQ(tbl.child("w:tblPr").child("w:tblW").attribute("w:w").as_int(), 8844);
  EXPECT_STREQ(tbl.child("w:tblPr").child("w:tblBorders").child("w:top").attribute("w:val").value(), "single");

  // Each row as its cells: text, [gridSpan], [vMerge], H for a header cell.
  auto describe = [](const pugi::xml_node& tc) {
    const auto pr = tc.child("w:tcPr");
    std::string s = text_of(tc);
    if (auto span = pr.child("w:gridSpan")) s += " span" + std::string(span.attribute("w:val").value());
    if (auto merge = pr.child("w:vMerge")) s += merge.attribute("w:val") ? " restart" : " continue";
    if (style_of(tc.child("w:p")) == "TableHeading") s += " H";
    return s;
  };
  std::vector<std::vector<std::string>> rows;
  std::vector<pugi::xml_node> trs;
  for (auto tr : tbl.children("w:tr")) {
    trs.push_back(tr);
    rows.emplace_back();
    for (auto tc : tr.children("w:tc")) rows.back().push_back(describe(tc));
  }
  EXPECT_EQ(rows, (std::vector<std::vector<std::string>>{
                      {"项目 span2 restart H", "本年 span2 H", "备注 restart H"},
                      {" span2 continue H", "新收 H", "办结 H", " continue H"},
                      {"申请 H", "当面", "12", "7", " continue"},
                      {"合计 span2", "12", "7", "—"}}));
  // The header rows repeat on every page; no row breaks across a page.
  for (std::size_t r = 0; r < trs.size(); ++r) {
    EXPECT_TRUE(trs[r].child("w:trPr").child("w:cantSplit")) << r;
    EXPECT_EQ(static_cast<bool>(trs[r].child("w:trPr").child("w:tblHeader")), r < 2) << r;
  }
  // A merged cell is as wide as its columns; the number is right-aligned.
  const auto first = trs[0].child("w:tc");
  EXPECT_EQ(first.child("w:tcPr").child("w:tcW").attribute("w:w").as_int(), 1769 * 2);
  const auto twelve = trs[2].select_node("w:tc[3]/w:p/w:pPr/w:jc").node();
  EXPECT_STREQ(twelve.attribute("w:val").value(), "right");
}

TEST(DocxExport, ColumnWidthsAreTheCallersWhenGiven) {
  DocxTable t;
  t.rows = {{cell("信息内容"), cell("件数")}, {cell("规章"), cell("3")}};
  t.column_widths_twips = {6000, 2000};
  DocxDocument d;
  d.blocks = {t};
  const auto doc = xml(part(to_docx(d), "word/document.xml"));
  EXPECT_EQ(doc.select_node("//w:tblGrid/w:gridCol[1]").node().attribute("w:w").as_int(), 6000);
  EXPECT_EQ(doc.select_node("//w:tblGrid/w:gridCol[2]").node().attribute("w:w").as_int(), 2000);
  EXPECT_EQ(doc.select_node("//w:tblW").node().attribute("w:w").as_int(), 8000);
  EXPECT_STREQ(doc.select_node("//w:tblLayout").node().attribute("w:type").value(), "fixed");
}

TEST(DocxExport, ABadTableIsRefusedWithTheRowAndCellInChinese) {
  auto with = [](std::vector<std::vector<DocxCell>> rows) {
    DocxTable t;
    t.rows = std::move(rows);
    DocxDocument d;
    d.blocks = {DocxParagraph{"说明"}, t};
    return d;
  };
  EXPECT_EQ(refusal(with({{cell("a"), cell("b"), cell("c"), cell("d")}, {cell("1"), cell("2"), cell("3"), cell("4")},
                          {cell("1"), cell("2", 3), cell("3")}})),
            "第1个表格第3行共有5列，与第1行的4列不一致");
  EXPECT_EQ(refusal(with({{cell("a", 1, 2), cell("b")}, {cell("1"), cell("2")}})),
            "第1个表格第2行共有3列，与第1行的2列不一致")
      << "a cell under a row span is not listed";
  EXPECT_EQ(refusal(with({{cell("a"), cell("b", 1, 2), cell("c")}, {cell("1", 2)}})),
            "第1个表格第2行第1个单元格与上方跨行合并的单元格重叠");
  EXPECT_EQ(refusal(with({{cell("a", 1, 3), cell("b")}, {cell("1")}})),
            "第1个表格第1行第1个单元格向下合并3行，超出了表格的最后一行");
  EXPECT_EQ(refusal(with({{cell("a", 0)}})), "第1个表格第1行第1个单元格合并的行数和列数至少为1");
  EXPECT_EQ(refusal(with({})), "第1个表格没有任何行");
  EXPECT_EQ(refusal(with({{}})), "第1个表格第1行没有单元格");
  EXPECT_EQ(refusal(with({std::vector<DocxCell>(64, cell("a"))})), "第1个表格有64列，超过了Word表格最多63列的限制");
  EXPECT_EQ(refusal(with({{cell("a", 1 << 30), cell("b", 1 << 30)}})), "第1个表格第1行第1个单元格合并的列数超出了表格");

  DocxDocument two = with({{cell("a")}});
  DocxTable bad_widths;
  bad_widths.rows = {{cell("a"), cell("b")}};
  bad_widths.column_widths_twips = {3000};
  two.blocks.push_back(bad_widths);
  EXPECT_EQ(refusal(two), "第2个表格给出了1个列宽，但表格有2列") << "the second table of the document";
  std::get<DocxTable>(two.blocks.back()).column_widths_twips = {3000, 0};
  EXPECT_EQ(refusal(two), "第2个表格第2列的列宽必须在1到31680缇之间");
  std::get<DocxTable>(two.blocks.back()).column_widths_twips = {};
  std::get<DocxTable>(two.blocks.back()).header_rows = 2;
  EXPECT_EQ(refusal(two), "第2个表格的表头行数（2）不在0到表格行数（1）之间");

  DocxDocument heading;
  heading.blocks = {DocxHeading{"1. 三级", 3}};
  EXPECT_EQ(refusal(heading), "标题级别只能是1或2（收到3）");
}

TEST(DocxExport, OurOwnWordImportReadsItBack) {
  const std::string bytes = to_docx(report());
  const std::string html = zwgk::ingest::docx_to_html(bytes);
  EXPECT_NE(html.find("<h2>2024年工作年度报告</h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h2>一、总体情况</h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h3>（一）主动公开情况</h3>"), std::string::npos) << html;
  EXPECT_NE(html.find("<p>2024年，我市认真贯彻落实有关规定。</p>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td colspan=\"2\"><p>合计</p>"), std::string::npos) << html;
}

// ---------------------------------------------------------------------------------------
// LibreOffice

// The one LibreOffice conversion of the suite (a few seconds): the file opens, and the
// PDF it prints shows the title, a heading, a merged header cell, a table cell, the body
// text and the page number.
TEST(DocxExport, LibreOfficeOpensItAndPrintsTheText) {
  DocxDocument d = report();
  DocxTable listing;
  listing.column_widths_twips = {3600, 1748, 1748, 1748};
  listing.rows = {{cell("第二十条第（一）项", 4)},
                  {cell("信息内容"), cell("本年制发件数"), cell("本年废止件数"), cell("现行有效件数")},
                  {cell("规章"), cell("0"), cell("0"), cell("3")},
                  {cell("行政规范性文件"), cell("5"), cell("1"), cell("26")}};
  listing.header_rows = 2;
  d.blocks.push_back(listing);

  const auto printed = zwgk::test::print_docx_with_libreoffice(to_docx(d));
  RecordProperty("soffice_seconds", std::to_string(printed.seconds));
  ASSERT_TRUE(printed.ok) << printed.log;
  // pdftotext puts a space between Latin and Chinese ("2024 年") and drops the one around
  // the page number: compare without spaces.
  auto without_spaces = [](std::string s) {
    std::erase(s, ' ');
    return s;
  };
  const std::string& text = printed.text;
  const std::string packed = without_spaces(text);
  for (const char* expected : {"2024年工作年度报告", "一、总体情况", "（一）主动公开情况", "2024年，我市认真贯彻落实有关规定。",
                               "第二十条第（一）项", "行政规范性文件", "现行有效件数", "合计", "— 1 —"})
    EXPECT_NE(packed.find(without_spaces(expected)), std::string::npos) << expected << " in:\n" << text;
}

}  // namespace
