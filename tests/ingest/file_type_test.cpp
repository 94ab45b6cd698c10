#include "ingest/file_type.hpp"

#include <gtest/gtest.h>

#include "ingest/ingest_samples.hpp"

namespace zwgk::ingest {
namespace {

TEST(FileType, SniffsRealBytesNotNames) {
  EXPECT_EQ(sniff_media_type(testing::make_pdf({"abc"})), "application/pdf");
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90\x77\x53\xde", 33);
  EXPECT_EQ(sniff_media_type(png), "image/png");
  const std::string csv = sniff_media_type("姓名,金额\n张三,100\n");
  EXPECT_TRUE(csv == "text/csv" || csv == "text/plain") << csv;
}

TEST(FileType, AcceptsMatchingTypeAndExtension) {
  auto pdf = check_attachment("附件1.PDF", testing::make_pdf({"abc"}));
  EXPECT_FALSE(pdf.refusal) << *pdf.refusal;
  EXPECT_EQ(pdf.media_type, "application/pdf");
  auto docx = check_attachment("通知.docx", testing::make_docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>"));
  EXPECT_FALSE(docx.refusal) << *docx.refusal;
  EXPECT_FALSE(check_attachment("名单.txt", "张三 1200元\n").refusal);
}

TEST(FileType, RefusesDisguisedExecutablesHtmlEmptyAndOversized) {
  const std::string elf = std::string("\x7f" "ELF\x02\x01\x01", 7) + std::string(64, '\0');
  auto exe = check_attachment("附件.pdf", elf);
  ASSERT_TRUE(exe.refusal);
  EXPECT_NE(exe.refusal->find("不接受"), std::string::npos) << *exe.refusal;

  auto html = check_attachment("a.txt", "<!DOCTYPE html><html><script>alert(1)</script></html>");
  ASSERT_TRUE(html.refusal);

  auto renamed = check_attachment("附件.docx", testing::make_pdf({"abc"}));
  ASSERT_TRUE(renamed.refusal);
  EXPECT_NE(renamed.refusal->find("不符"), std::string::npos) << *renamed.refusal;

  auto empty = check_attachment("a.pdf", "");
  ASSERT_TRUE(empty.refusal);
  EXPECT_NE(empty.refusal->find("空文件"), std::string::npos);

  auto big = check_attachment("a.txt", std::string(2 * 1024 * 1024, 'a'), 1024 * 1024);
  ASSERT_TRUE(big.refusal);
  EXPECT_NE(big.refusal->find("1 MB"), std::string::npos) << *big.refusal;

  auto no_ext = check_attachment("附件", testing::make_pdf({"abc"}));
  ASSERT_TRUE(no_ext.refusal);
  EXPECT_NE(no_ext.refusal->find("扩展名"), std::string::npos);
}

}  // namespace
}  // namespace zwgk::ingest
