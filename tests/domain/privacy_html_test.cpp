// The privacy guard on a body's visible text, masking the HTML in place.
#include "domain/privacy_html.hpp"

#include <gtest/gtest.h>

namespace zwgk::domain {
namespace {

PrivacyScanOptions opts() {
  PrivacyScanOptions o;
  o.today = Date::parse("2026-01-01");
  return o;
}

TEST(PrivacyHtml, ContextIsTheVisibleTextWithoutMarkup) {
  const std::string html = "<p>申请人身份证号：43050219900101123X</p><p>联系地址：大祥区</p>";
  const auto f = scan_privacy_html(html, opts());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, PrivacyKind::ResidentId);
  EXPECT_EQ(f[0].text, "43050219900101123X");
  EXPECT_EQ(f[0].context.find('<'), std::string::npos) << f[0].context;
  EXPECT_EQ(f[0].context.find("&lt;"), std::string::npos);
  EXPECT_NE(f[0].context.find("申请人身份证号"), std::string::npos);
  EXPECT_EQ(mask_html(html, opts()), "<p>申请人身份证号：430502********123X</p><p>联系地址：大祥区</p>");
}

TEST(PrivacyHtml, ANumberSplitByInlineTagsIsFoundAndMaskedKeepingTheTags) {
  const std::string html = "<p>身份证4305021990<b>0101123X</b>号</p>";
  const auto f = scan_privacy_html(html, opts());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, "43050219900101123X");
  EXPECT_EQ(mask_html(html, opts()), "<p>身份证430502****<b>****123X</b>号</p>");
  EXPECT_TRUE(scan_privacy_html(mask_html(html, opts()), opts()).empty());
  // A mobile number over a link and a span.
  const std::string phone = R"(<p>电话<a href="tel:138">138</a><span class="x">12345678</span></p>)";
  ASSERT_EQ(scan_privacy_html(phone, opts()).size(), 1u);
  EXPECT_EQ(mask_html(phone, opts()), R"(<p>电话<a href="tel:138">138</a><span class="x">****5678</span></p>)");
}

TEST(PrivacyHtml, BlockTagsSeparateNumbers) {
  // Two paragraphs: 9 + 9 digits are not one 18-digit ID.
  EXPECT_TRUE(scan_privacy_html("<p>430502199</p><p>00101123X</p>", opts()).empty());
  EXPECT_TRUE(scan_privacy_html("<td>430502199</td><td>00101123X</td>", opts()).empty());
  EXPECT_TRUE(scan_privacy_html("430502199<br>00101123X", opts()).empty());
}

TEST(PrivacyHtml, EntitiesAreReadAsTheirCharactersAndKept) {
  const std::string html = "<p>A&amp;B 邮箱 zhang@example.cn &lt;注意&gt;</p>";
  const auto f = scan_privacy_html(html, opts());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, PrivacyKind::Email);
  EXPECT_NE(f[0].context.find("A&B"), std::string::npos);
  EXPECT_EQ(mask_html(html, opts()), "<p>A&amp;B 邮箱 z***@example.cn &lt;注意&gt;</p>");
}

TEST(PrivacyHtml, SensitiveWordsAcrossTagsAreStarredPerCharacter) {
  auto o = opts();
  o.sensitive_words = {"内部资料"};
  const std::string html = "<p>本件为<em>内部</em>资料。</p>";
  ASSERT_EQ(scan_privacy_html(html, o).size(), 1u);
  EXPECT_EQ(mask_html(html, o), "<p>本件为<em>**</em>**。</p>");
}

TEST(PrivacyHtml, AttributesAndCommentsAreNotText) {
  EXPECT_TRUE(scan_privacy_html(R"(<a href="/x?id=43050219900101123X" title="a>b">链接</a><!-- 13812345678 -->)",
                                opts())
                  .empty());
  const std::string untouched = R"(<p class="a">无个人信息</p>)";
  EXPECT_EQ(mask_html(untouched, opts()), untouched);
}

}  // namespace
}  // namespace zwgk::domain
