#include "ingest/pdf_text.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/ingest_error.hpp"
#include "ingest/ingest_samples.hpp"

namespace zwgk::ingest {
namespace {

TEST(PdfText, ExtractsChineseFromTheDemoAttachment) {
  std::ifstream in(std::string(ZWGK_SOURCE_DIR) + "/data/demo/attachments/demo-attachment.pdf", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = pdf_text(ss.str());
  EXPECT_NE(text.find("邵阳市人民政府"), std::string::npos) << text;
  EXPECT_NE(text.find("演示附件"), std::string::npos) << text;
  EXPECT_NE(text.find("attachment"), std::string::npos) << text;
}

TEST(PdfText, FindsAnIdNumberInASubsidyList) {
  const std::string pdf = testing::make_pdf({"2024年度困难群众救助资金发放名单", "张三 430502199001011237 1200元"});
  const std::string text = pdf_text(pdf);
  EXPECT_NE(text.find("困难群众救助资金发放名单"), std::string::npos) << text;
  EXPECT_NE(text.find("430502199001011237"), std::string::npos) << text;
  EXPECT_EQ(extract_text("application/pdf", pdf), text);
}

TEST(PdfText, DamagedPdfIsAClearErrorAndExtractTextIsEmpty) {
  EXPECT_THROW(pdf_text("%PDF-1.4\nnot really"), IngestError);
  EXPECT_EQ(extract_text("application/pdf", "%PDF-1.4\nnot really"), "");
}

TEST(PdfText, ExtractTextByType) {
  EXPECT_EQ(extract_text("text/plain", "名单 13812345678"), "名单 13812345678");
  EXPECT_EQ(extract_text("text/plain", "\xff\xfe bad"), "") << "invalid UTF-8 is not indexed";
  EXPECT_EQ(extract_text("image/png", "\x89PNG"), "");
  const std::string docx = testing::make_docx("<w:p><w:r><w:t>附件正文</w:t></w:r></w:p>");
  EXPECT_EQ(extract_text("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx), "附件正文\n");
}

}  // namespace
}  // namespace zwgk::ingest
