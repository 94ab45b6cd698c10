#include "ingest/docx_import.hpp"

#include <gtest/gtest.h>

#include "domain/html_sanitizer.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingest_samples.hpp"

namespace zwgk::ingest {
namespace {

std::string run(const std::string& text, const std::string& rpr = "") {
  return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

TEST(DocxImport, HeadingsParagraphsAndRunFormatting) {
  const std::string styles =
      "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"Heading 2\"/></w:style>";
  const std::string body =
      "<w:p><w:pPr><w:pStyle w:val=\"1\"/></w:pPr>" + run("一、总体要求") + "</w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>" + run("（一）指导思想") + "</w:p>"
      "<w:p>" + run("各县市区人民政府，") + run("市直各单位", "<w:b/>") + run("：现将", "<w:b w:val=\"0\"/>") +
      "<w:r><w:br/></w:r>" + run("《要点》", "<w:i/><w:u w:val=\"single\"/>") + run("印发给你们 &lt;请&gt; &amp; 遵照执行。") + "</w:p>"
      "<w:p></w:p>"
      "<w:p><w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del><w:ins>" + run("插入的字") + "</w:ins></w:p>";
  const std::string html = docx_to_html(testing::make_docx(body, styles));
  EXPECT_NE(html.find("<h2>一、总体要求</h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h3>（一）指导思想</h3>"), std::string::npos) << html;
  EXPECT_NE(html.find("<p>各县市区人民政府，<strong>市直各单位</strong>：现将<br><em><u>《要点》</u></em>印发给你们 &lt;请&gt; &amp; 遵照执行。</p>"),
            std::string::npos) << html;
  EXPECT_EQ(html.find("删掉的字"), std::string::npos);
  EXPECT_NE(html.find("<p>插入的字</p>"), std::string::npos);
  EXPECT_EQ(html.find("<p></p>"), std::string::npos) << "empty spacing paragraphs are dropped";
  // What the editor stores is the sanitised form; it survives sanitising unchanged in substance.
  EXPECT_NE(domain::sanitize_html(html).find("<strong>市直各单位</strong>"), std::string::npos);
}

TEST(DocxImport, TablesKeepCellsAndColspan) {
  const std::string body =
      "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p>" + run("补贴发放名单") + "</w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:p>" + run("张三") + "</w:p></w:tc><w:tc><w:p>" + run("1200元") + "</w:p></w:tc></w:tr></w:tbl>";
  const std::string docx = testing::make_docx(body);
  const std::string html = docx_to_html(docx);
  EXPECT_NE(html.find("<td colspan=\"2\"><p>补贴发放名单</p>\n</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td><p>张三</p>\n</td><td><p>1200元</p>\n</td>"), std::string::npos) << html;
  EXPECT_EQ(docx_text(docx), "补贴发放名单\n张三\t1200元\n");
}

TEST(DocxImport, TextKeepsDigitsTogetherForThePrivacyScan) {
  const std::string body = "<w:p>" + run("身份证号：4305021990") + run("0101123X", "<w:b/>") + "</w:p>";
  EXPECT_EQ(docx_text(testing::make_docx(body)), "身份证号：43050219900101123X\n");
}

TEST(DocxImport, NotADocxIsAClearError) {
  for (const std::string& bad : {std::string("plain text"), std::string("PK\x03\x04garbage"),
                                testing::make_zip({{"hello.txt", "hi"}}),
                                testing::make_zip({{"word/document.xml", "<not-closed"}})}) {
    try {
      docx_to_html(bad);
      FAIL() << "accepted";
    } catch (const IngestError& e) {
      EXPECT_NE(std::string(e.what()).find(".docx"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace zwgk::ingest
