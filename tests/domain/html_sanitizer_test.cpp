#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"

using namespace zwgk::domain;

namespace {
bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}
}  // namespace

TEST(SanitizeHtml, KeepsAllowedMarkup) {
  EXPECT_EQ(sanitize_html("<p>各县市区人民政府：</p><p><strong>一、</strong>总体要求</p>"),
            "<p>各县市区人民政府：</p><p><strong>一、</strong>总体要求</p>");
  EXPECT_EQ(sanitize_html("<h2>标题</h2><ul><li>一</li><li>二</li></ul><ol start=\"3\"><li>三</li></ol>"),
            "<h2>标题</h2><ul><li>一</li><li>二</li></ul><ol start=\"3\"><li>三</li></ol>");
  EXPECT_EQ(sanitize_html("a<br>b<hr>"), "a<br>b<hr>");
}

TEST(SanitizeHtml, RemovesScriptsStylesAndTheirContent) {
  const auto out = sanitize_html("<p>正文</p><script>alert('x')</script><style>p{color:red}</style>"
                                 "<iframe src=\"https://evil.example\">框</iframe><object>o</object>"
                                 "<embed src=\"x.swf\"><form action=\"/x\"><input name=q>表单</form>");
  EXPECT_EQ(out, "<p>正文</p>");
}

TEST(SanitizeHtml, RemovesFormsWithTheirText) {
  EXPECT_EQ(sanitize_html("<form>a</form>b"), "b");
  EXPECT_EQ(sanitize_html("<div><FORM action=x><p>x</p>tail</FORM >after</div>"), "<div>after</div>");
  EXPECT_EQ(html_to_text("<form>a</form>b"), "b");
}

TEST(SanitizeHtml, RemovesComments) {
  EXPECT_EQ(sanitize_html("<p>a<!-- secret --></p><!--[if gte mso 9]><xml>x</xml><![endif]-->"), "<p>a</p>");
}

TEST(SanitizeHtml, DropsEventHandlersStyleAndClass) {
  EXPECT_EQ(sanitize_html("<p onclick=\"steal()\" style=\"color:red\" class=\"MsoNormal\" id=\"x\">文</p>"),
            "<p>文</p>");
  EXPECT_EQ(sanitize_html("<img src=\"/a.png\" onerror=\"alert(1)\" alt=\"图\">"),
            "<img src=\"/a.png\" alt=\"图\">");
}

TEST(SanitizeHtml, RejectsJavascriptUrls) {
  for (const char* href : {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                           "jav&#x61;script:alert(1)", "jav&#97;script:alert(1)", "java\tscript:alert(1)",
                           "java&#x0A;script:alert(1)", "&#x20;javascript:alert(1)", "vbscript:x",
                           "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd"}) {
    const auto out = sanitize_html(std::string("<a href=\"") + href + "\">点击</a>");
    EXPECT_EQ(out, "<a>点击</a>") << href;
  }
}

TEST(SanitizeHtml, AllowsSafeUrls) {
  EXPECT_EQ(sanitize_html("<a href=\"https://www.gov.cn/zhengce/\" title=\"政策\">政策</a>"),
            "<a href=\"https://www.gov.cn/zhengce/\" title=\"政策\">政策</a>");
  EXPECT_EQ(sanitize_html("<a href=\"http://x.cn/a?b=1&amp;c=2\">x</a>"),
            "<a href=\"http://x.cn/a?b=1&amp;c=2\">x</a>");
  EXPECT_EQ(sanitize_html("<a href=\"mailto:gk@shaoyang.gov.cn\">信箱</a>"),
            "<a href=\"mailto:gk@shaoyang.gov.cn\">信箱</a>");
  EXPECT_EQ(sanitize_html("<a href=\"/files/1.pdf\">附件</a>"), "<a href=\"/files/1.pdf\">附件</a>");
  EXPECT_EQ(sanitize_html("<a href=\"../a.html\">上级</a>"), "<a href=\"../a.html\">上级</a>");
  EXPECT_EQ(sanitize_html("<a href=\"#part2\">二</a>"), "<a href=\"#part2\">二</a>");
  EXPECT_EQ(sanitize_html("<a href=\"a.html?x=1:2\">q</a>"), "<a href=\"a.html?x=1:2\">q</a>");
  EXPECT_EQ(sanitize_html("<a href=\"https://x.cn\" target=\"_blank\" rel=\"x\">x</a>"),
            "<a href=\"https://x.cn\">x</a>");
}

TEST(SanitizeHtml, ImagesNeedASafeSource) {
  EXPECT_EQ(sanitize_html("<img src=\"data:image/png;base64,iVBORw0KGgo=\">"), "");
  EXPECT_EQ(sanitize_html("<img src=\"javascript:alert(1)\" alt=\"x\">"), "");
  EXPECT_EQ(sanitize_html("<img alt=\"x\">"), "");
  EXPECT_EQ(sanitize_html("<img src=\"mailto:a@b.cn\">"), "");
  EXPECT_EQ(sanitize_html("<img src=\"https://x.cn/a.png\" width=\"600\" height=\"50%\" border=\"0\">"),
            "<img src=\"https://x.cn/a.png\" width=\"600\" height=\"50%\">");
  EXPECT_EQ(sanitize_html("<img src=\"/a.png\" width=\"expression(alert(1))\">"), "<img src=\"/a.png\">");
}

TEST(SanitizeHtml, CleansWordPasteNoise) {
  const auto out = sanitize_html(
      "<p class=MsoNormal style='mso-pagination:widow-orphan'><span lang=EN-US "
      "style='font-size:16.0pt;mso-bidi-font-family:宋体'>一、工作目标<o:p></o:p></span></p>"
      "<p class=MsoNormal><o:p>&nbsp;</o:p></p><w:sdt>保留文字</w:sdt>");
  EXPECT_EQ(out, "<p><span>一、工作目标</span></p><p>\u00a0</p>保留文字");
  EXPECT_FALSE(contains(out, "mso"));
  EXPECT_FALSE(contains(out, "o:p"));
}

TEST(SanitizeHtml, UnwrapsUnknownElementsKeepingText) {
  EXPECT_EQ(sanitize_html("<font face=\"宋体\" color=red>通知</font><center>居中</center>"), "通知居中");
  EXPECT_EQ(sanitize_html("<custom-tag>文字</custom-tag>"), "文字");
}

TEST(SanitizeHtml, PreservesTables) {
  const auto out = sanitize_html(
      "<table border=1 style=\"width:100%\"><caption>表1</caption><colgroup><col span=\"2\"></colgroup>"
      "<thead><tr><th colspan=\"2\">项目</th></tr></thead>"
      "<tr><td rowspan=\"2\" width=\"80\">甲</td><td>1</td></tr></table>");
  EXPECT_EQ(out,
            "<table><caption>表1</caption><colgroup><col span=\"2\"></colgroup>"
            "<thead><tr><th colspan=\"2\">项目</th></tr></thead>"
            "<tbody><tr><td rowspan=\"2\">甲</td><td>1</td></tr></tbody></table>");
}

TEST(SanitizeHtml, EscapesText) {
  EXPECT_EQ(sanitize_html("a &amp; b &lt;c&gt; \"d\""), "a &amp; b &lt;c&gt; &quot;d&quot;");
  EXPECT_EQ(sanitize_html("<p>1 < 2 & 3 > 2</p>"), "<p>1 &lt; 2 &amp; 3 &gt; 2</p>");
  EXPECT_EQ(sanitize_html("<a title='\"&gt;<script>'>x</a>"), "<a title=\"&quot;&gt;&lt;script&gt;\">x</a>");
}

TEST(SanitizeHtml, OutputIsWellFormed) {
  EXPECT_EQ(sanitize_html("<p><b>粗<i>斜</b>体</p>"), "<p><b>粗<i>斜</i></b><i>体</i></p>");
  EXPECT_EQ(sanitize_html("<div>未闭合"), "<div>未闭合</div>");
  EXPECT_EQ(sanitize_html("</p></div>"), "<p></p>");
}

TEST(SanitizeHtml, IsIdempotent) {
  const std::string once = sanitize_html(
      "<p class=x>a<br>b</p><table><tr><td>1</td></tr></table><pre>\n x</pre><a href=\"/x?a=1&b=2\">l</a>");
  EXPECT_EQ(sanitize_html(once), once);
}

TEST(SanitizeHtml, HandlesNestingRealDocumentsUse) {
  std::string deep;
  for (int i = 0; i < 400; ++i) deep += i % 2 ? "<span>" : "<div>";
  deep += "x";
  EXPECT_TRUE(contains(sanitize_html(deep), "x"));
  EXPECT_EQ(html_to_text(deep), "x");
  // Many siblings with implied end tags are not nesting.
  std::string flat;
  for (int i = 0; i < 5000; ++i) flat += "<p>段<br><li>项<td>格";
  EXPECT_NO_THROW(sanitize_html(flat));
}

TEST(SanitizeHtml, RefusesPathologicalNesting) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  EXPECT_THROW(sanitize_html(deep), ValidationError);
  EXPECT_THROW(html_to_text(deep), ValidationError);
}

TEST(SanitizeHtml, EmptyInput) {
  EXPECT_EQ(sanitize_html(""), "");
  EXPECT_EQ(sanitize_html("<script>x</script>"), "");
}

TEST(TextToHtml, BlankLinesSeparateParagraphs) {
  EXPECT_EQ(text_to_html("第一段\n第一段第二行\n\n第二段"), "<p>第一段<br>第一段第二行</p><p>第二段</p>");
  EXPECT_EQ(text_to_html("a\r\n\r\n\r\nb\r\n"), "<p>a</p><p>b</p>");
  EXPECT_EQ(text_to_html("a\n   \nb"), "<p>a</p><p>b</p>");
  EXPECT_EQ(text_to_html(""), "");
  EXPECT_EQ(text_to_html("\n\n"), "");
}

TEST(TextToHtml, Escapes) {
  EXPECT_EQ(text_to_html("<script>alert(\"x\")</script> & co"),
            "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p>");
}

TEST(TextToHtml, KeepsIdeographicIndent) {
  EXPECT_EQ(text_to_html("\u3000\u3000为进一步推进政务公开"), "<p>\u3000\u3000为进一步推进政务公开</p>");
}

TEST(HtmlToText, CollapsesWhitespaceAndSeparatesBlocks) {
  EXPECT_EQ(html_to_text("<p>第一段\n  正文</p><p>第二段</p>"), "第一段 正文\n第二段");
  EXPECT_EQ(html_to_text("<h1>标题</h1>前<b>粗</b>后<br>下一行"), "标题\n前粗后\n下一行");
  EXPECT_EQ(html_to_text("<ul><li>一</li><li>二</li></ul>"), "一\n二");
  EXPECT_EQ(html_to_text("<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>"), "甲 乙\n丙");
}

TEST(HtmlToText, DecodesEntitiesAndSkipsInvisibleContent) {
  EXPECT_EQ(html_to_text("a &amp; b&nbsp;&nbsp;c<script>var x;</script><style>p{}</style><!-- c -->"),
            "a & b c");
  EXPECT_EQ(html_to_text(""), "");
  EXPECT_EQ(html_to_text("   "), "");
}
