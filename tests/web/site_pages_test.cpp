// The public site over real sockets: what a citizen notices on each page.
#include <gtest/gtest.h>

#include "domain/html_sanitizer.hpp"
#include "web/formatting.hpp"
#include "web/site_fixture.hpp"
#include "web/urls.hpp"

using namespace zwgk;
using namespace zwgk::test;

namespace {

class SitePages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new SiteServer(25); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static SiteServer& s() { return *server_; }
  static const Seed& seed() { return server_->seed; }
  static std::string doc_url(std::int64_t id) { return web::document_url(seed().site, id); }
  static SiteServer* server_;
};
SiteServer* SitePages::server_ = nullptr;

void expect_footer(const std::string& html, const std::string& where) {
  for (const char* needle : {"主办单位", "邵阳市数据局", "联系电话", "0739-5365203", "网站标识码", "4305000001",
                             "ICP备案号", "湘ICP备05001234号", "公安机关备案号", "湘公网安备43050202000123号",
                             "网站地图", "联系我们"}) {
    EXPECT_NE(html.find(needle), std::string::npos) << where << " lacks footer item " << needle;
  }
}

void expect_site_identity(const std::string& html, const std::string& where) {
  EXPECT_EQ(meta_content(html, "SiteName"), "邵阳市人民政府") << where;
  EXPECT_EQ(meta_content(html, "SiteDomain"), "www.shaoyang.gov.cn") << where;
  EXPECT_EQ(meta_content(html, "SiteIDCode"), "4305000001") << where;
}

void expect_column_identity(const std::string& html, const std::string& column, const std::string& where) {
  EXPECT_EQ(meta_content(html, "ColumnName"), column) << where;
  for (const char* tag : {"ColumnDescription", "ColumnKeywords", "ColumnType"}) {
    auto v = meta_content(html, tag);
    ASSERT_TRUE(v.has_value()) << where << " lacks " << tag;
    EXPECT_FALSE(v->empty()) << where << " has an empty " << tag;
  }
}

TEST_F(SitePages, DocumentPageShowsBreadcrumbMetadataAndBody) {
  auto r = s().get(doc_url(seed().policy_id));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto text = visible_text(r.body);
  EXPECT_NE(text.find("您现在所在的位置: 首页 > 信息公开 > 法定主动公开内容 > 规划计划"), std::string::npos) << text.substr(0, 600);

  for (const char* label : {"文件名称", "索引号", "公开目录", "公开责任部门", "发文机关", "成文日期", "发文日期",
                            "文号", "公开形式", "生效日期", "有效期", "有效性", "主题分类"}) {
    EXPECT_NE(r.body.find(std::string("<th scope=\"row\">") + label + "</th>"), std::string::npos) << label;
  }
  for (const std::string& value : {std::string("2017年邵阳市政务公开工作要点"), seed().policy_index_number,
                                   std::string("规划计划"), std::string("邵阳市人民政府办公室"),
                                   std::string("2017年04月28日"), std::string("2017年05月02日"),
                                   std::string("邵政办发〔2017〕12号"), std::string("主动公开"), std::string("有效")}) {
    EXPECT_NE(r.body.find(value), std::string::npos) << value;
  }
  EXPECT_FALSE(seed().policy_index_number.empty());
  // 主题分类 was "政务公开<b>&amp;" in the database: escaped, not markup.
  EXPECT_NE(r.body.find("政务公开&lt;b&gt;&amp;amp;"), std::string::npos);
  EXPECT_EQ(r.body.find("政务公开<b>"), std::string::npos);

  EXPECT_NE(r.body.find("中办发〔2016〕8号"), std::string::npos);
  EXPECT_NE(r.body.find("做好政务舆情回应"), std::string::npos);
  EXPECT_EQ(r.body.find("onclick"), std::string::npos) << "unsanitised attribute reached the page";
  EXPECT_EQ(r.body.find("alert("), std::string::npos) << "script reached the page";
  expect_footer(r.body, "document page");
}

TEST_F(SitePages, DocumentPageIdentityMetaTags) {
  auto r = s().get(doc_url(seed().policy_id));
  ASSERT_EQ(r.status, 200);
  expect_site_identity(r.body, "document");
  EXPECT_EQ(meta_content(r.body, "ArticleTitle"), "2017年邵阳市政务公开工作要点");
  auto pub = meta_content(r.body, "PubDate");
  ASSERT_TRUE(pub);
  EXPECT_TRUE(std::regex_match(*pub, std::regex(R"(\d{4}-\d{2}-\d{2} \d{2}:\d{2})"))) << *pub;
  EXPECT_EQ(meta_content(r.body, "ContentSource"), "邵阳市人民政府办公室");
  EXPECT_EQ(meta_content(r.body, "Url"), s().base_url() + doc_url(seed().policy_id));
  EXPECT_TRUE(meta_content(r.body, "Keywords"));
  EXPECT_EQ(meta_content(r.body, "Description"), "全面推进决策、执行、管理、服务、结果公开。");
}

TEST_F(SitePages, DocumentPageHasQrCodeOfItsAbsoluteUrlAndCopyLink) {
  auto r = s().get(doc_url(seed().policy_id));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("扫一扫在手机打开当前页"), std::string::npos);
  const auto svg = r.body.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\"");
  ASSERT_NE(svg, std::string::npos);
  EXPECT_NE(r.body.find("<path fill=\"#000\" d=\"M", svg), std::string::npos);
  const std::string absolute = s().base_url() + doc_url(seed().policy_id);
  EXPECT_NE(r.body.find("aria-label=\"本页网址二维码：" + absolute + "\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"" + absolute + "\""), std::string::npos) << "copy-link field";
  EXPECT_NE(r.body.find("复制链接"), std::string::npos);
}

TEST_F(SitePages, AttachmentsAreListedWithSize) {
  auto r = s().get(doc_url(seed().policy_id));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find(web::attachment_url(seed().pdf_sha, seed().pdf_name)), std::string::npos);
  EXPECT_NE(r.body.find(seed().pdf_name), std::string::npos);
  EXPECT_NE(r.body.find("（5 KB）"), std::string::npos);
}

TEST_F(SitePages, InterpretationIsLinkedBothWays) {
  auto policy = s().get(doc_url(seed().policy_id));
  ASSERT_EQ(policy.status, 200);
  EXPECT_NE(policy.body.find("相关解读"), std::string::npos);
  EXPECT_NE(policy.body.find("href=\"" + doc_url(seed().interpretation_id) + "\""), std::string::npos);
  EXPECT_NE(policy.body.find("《2017年邵阳市政务公开工作要点》政策解读"), std::string::npos);

  auto interp = s().get(doc_url(seed().interpretation_id));
  ASSERT_EQ(interp.status, 200);
  EXPECT_NE(interp.body.find("解读的文件"), std::string::npos);
  EXPECT_NE(interp.body.find("href=\"" + doc_url(seed().policy_id) + "\""), std::string::npos);
  EXPECT_NE(interp.body.find("<th scope=\"row\">标题</th>"), std::string::npos);
}

TEST_F(SitePages, WithdrawnDocumentKeepsItsUrlWithNoticeAndNoBody) {
  auto r = s().get(doc_url(seed().withdrawn_id));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("该信息已撤回"), std::string::npos);
  EXPECT_EQ(r.body.find("<p>正文</p>"), std::string::npos);
  EXPECT_EQ(r.body.find("class=\"doc-body\""), std::string::npos);
}

TEST_F(SitePages, RepealedDocumentHasABanner) {
  auto r = s().get(doc_url(seed().repealed_id));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("本文件已废止（废止日期：2018年01月01日）"), std::string::npos);
  EXPECT_NE(r.body.find("notice notice-invalid"), std::string::npos);
}

TEST_F(SitePages, LegacyRecordSaysWhichRequiredMetadataIsMissing) {
  // An imported historical record without 公开责任部门 and 发文日期 is shown, but never as a
  // complete published document.
  store::DocumentRepository docs(*s().db);
  store::CatalogueRepository cats(*s().db);
  domain::Document legacy;
  legacy.site_id = seed().site.id;
  legacy.title = "2009年统计公报（历史数据）";
  legacy.catalogue_id = cats.by_code(seed().site.id, "tjxx")->id;
  legacy.disclosure = domain::DisclosureForm::Proactive;
  legacy.legacy = true;
  legacy.body_html = "<p>历史正文</p>";
  const auto id = docs.save(legacy);
  docs.publish(id);
  auto r = s().get(doc_url(id));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("本条为历史数据，以下信息缺失：公开责任部门、发文日期。"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("历史正文"), std::string::npos);
  // A complete record carries no such notice.
  EXPECT_EQ(s().get(doc_url(seed().policy_id)).body.find("本条为历史数据"), std::string::npos);
}

TEST_F(SitePages, DraftsAndUnknownDocumentsAre404InTheSiteStyle) {
  for (const std::string& target : {doc_url(seed().draft_id), doc_url(999999), std::string("/content/007.html"),
                                   std::string("/content/abc.html"), std::string("/no/such/page")}) {
    auto r = s().get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_NE(r.body.find("页面不存在"), std::string::npos) << target;
    EXPECT_NE(r.body.find("class=\"site-header\""), std::string::npos) << target << " lacks the site header";
    EXPECT_NE(r.body.find("邵阳市人民政府"), std::string::npos) << target;
    expect_footer(r.body, target);
    EXPECT_EQ(r.body.find("尚未发布的草稿"), std::string::npos);
  }
}

TEST_F(SitePages, DocumentOfAnotherSiteIsNotShownUnderThisSite) {
  EXPECT_EQ(s().get(doc_url(seed().county_doc_id)).status, 404);
  auto county = s().get(web::document_url(seed().county, seed().county_doc_id));
  ASSERT_EQ(county.status, 200);
  EXPECT_EQ(meta_content(county.body, "SiteName"), "新邵县人民政府");
  EXPECT_NE(county.body.find("新邵县政务公开实施方案"), std::string::npos);
}

TEST_F(SitePages, PrintViewHasPrintStylesheetAndNoNavigation) {
  auto r = s().get(doc_url(seed().policy_id) + "?print=1");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<link rel=\"stylesheet\" href=\"/static/print.css\">"), std::string::npos);
  EXPECT_EQ(r.body.find("class=\"main-nav\""), std::string::npos);
  EXPECT_EQ(r.body.find("class=\"breadcrumb\""), std::string::npos);
  EXPECT_NE(r.body.find("2017年邵阳市政务公开工作要点"), std::string::npos);
  EXPECT_NE(r.body.find("<th scope=\"row\">索引号</th>"), std::string::npos);
  EXPECT_EQ(s().get(doc_url(seed().policy_id) + "?print=yes").status, 400);
}

TEST_F(SitePages, HomeShowsBlocksAndLinksToPortal) {
  auto r = s().get("/");
  ASSERT_EQ(r.status, 200);
  for (const char* block : {"要闻动态", "通知公告", "政策文件", "政策解读"}) {
    EXPECT_NE(r.body.find(std::string(">") + block + "</h2>"), std::string::npos) << block;
  }
  EXPECT_NE(r.body.find("href=\"/xxgk/\""), std::string::npos);
  EXPECT_NE(r.body.find("《2017年邵阳市政务公开工作要点》政策解读"), std::string::npos) << "latest 政策解读";
  expect_site_identity(r.body, "home");
  expect_footer(r.body, "home");
}

TEST_F(SitePages, PortalShowsTreeGuideAndDepartments) {
  auto r = s().get("/xxgk/");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("公开目录"), std::string::npos);
  for (const char* name : {"政府信息公开指南", "政府信息公开制度", "政府信息公开年报", "法定主动公开内容", "规划计划", "扶贫"}) {
    EXPECT_NE(r.body.find(std::string(">") + name + "</a>"), std::string::npos) << name;
  }
  EXPECT_NE(r.body.find("href=\"/department/" + std::to_string(seed().department.id) + "/\""), std::string::npos);
  expect_site_identity(r.body, "portal");
  expect_column_identity(r.body, "信息公开", "portal");
}

TEST_F(SitePages, ListingIsPaginatedWithFiltersAndFeedLink) {
  auto r = s().get("/xxgk/ghjh/");
  ASSERT_EQ(r.status, 200);
  expect_site_identity(r.body, "listing");
  expect_column_identity(r.body, "规划计划", "listing");
  EXPECT_NE(r.body.find("<link rel=\"alternate\" type=\"application/rss+xml\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/feed/ghjh.xml\""), std::string::npos);
  EXPECT_NE(r.body.find("邵政办发〔2017〕12号"), std::string::npos);
  EXPECT_NE(r.body.find("2017-05-02"), std::string::npos);
  // 25 extra + policy + repealed (withdrawn and draft are not listed) = 27 -> 2 pages of 20.
  EXPECT_NE(r.body.find("共 27 条，第 1/2 页"), std::string::npos) << visible_text(r.body).substr(0, 2000);
  EXPECT_NE(r.body.find("href=\"/xxgk/ghjh/?page=2\""), std::string::npos);
  EXPECT_EQ(r.body.find("已撤回的通知"), std::string::npos);
  for (const char* label : {"<label for=\"f-department\">", "<label for=\"f-year\">", "<label for=\"f-validity\">"}) {
    EXPECT_NE(r.body.find(label), std::string::npos) << label;
  }

  auto p2 = s().get("/xxgk/ghjh/?page=2");
  ASSERT_EQ(p2.status, 200);
  EXPECT_NE(p2.body.find("第 2/2 页"), std::string::npos);
  EXPECT_EQ(s().get("/xxgk/ghjh/?page=3").status, 404);

  auto y = s().get("/xxgk/ghjh/?year=2015&validity=repealed&department=" + std::to_string(seed().department.id));
  ASSERT_EQ(y.status, 200);
  EXPECT_NE(y.body.find("邵阳市旧办法"), std::string::npos);
  EXPECT_NE(y.body.find("共 1 条"), std::string::npos);
  EXPECT_NE(y.body.find("<option value=\"2015\" selected>"), std::string::npos);

  auto empty_form = s().get("/xxgk/ghjh/?department=&year=&validity=");
  EXPECT_EQ(empty_form.status, 200) << "a form submitted with 全部 selected";
}

TEST_F(SitePages, BadQueryParametersGet400WithAChineseReason) {
  const std::string dep = std::to_string(seed().department.id);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/xxgk/ghjh/?page=-1", "参数 page 必须是正整数"},
      {"/xxgk/ghjh/?page=abc", "参数 page 必须是正整数"},
      {"/xxgk/ghjh/?page=0", "参数 page 必须是正整数"},
      {"/xxgk/ghjh/?page=1.5", "参数 page 必须是正整数"},
      {"/xxgk/ghjh/?page=99999999999999999999", "参数 page 必须是正整数"},
      {"/xxgk/ghjh/?year=abc", "参数 year 必须是四位数字的年份"},
      {"/xxgk/ghjh/?year=99999", "参数 year 必须是四位数字的年份"},
      {"/xxgk/ghjh/?department=xyz", "参数 department 必须是正整数"},
      {"/xxgk/ghjh/?department=987654", "参数 department 指定的部门不存在"},
      {"/xxgk/ghjh/?validity=unknown", "参数 validity 必须是以下之一"},
      {"/xxgk/ghjh/?per_page=1000", "参数 per_page 必须是 1 到 100 之间的整数"},
      {"/xxgk/ghjh/?page=1&page=2", "参数 page 只能出现一次"},
      {"/department/" + dep + "/?page=abc", "参数 page 必须是正整数"},
      {"/preferences/large-text?on=maybe&return=/", "参数 on 必须是 1（大字版）或 0（标准版）"},
  };
  for (const auto& [target, message] : cases) {
    auto r = s().get(target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_NE(r.body.find(message), std::string::npos) << target << "\n" << visible_text(r.body);
    EXPECT_NE(r.body.find("请求有误"), std::string::npos) << target;
    EXPECT_NE(r.body.find("class=\"site-header\""), std::string::npos) << target;
    EXPECT_EQ(count_of(r.body, "<h1"), 1) << target;
  }
}

TEST_F(SitePages, DepartmentPageListsItsDocuments) {
  auto r = s().get("/department/" + std::to_string(seed().department.id) + "/");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<h1>邵阳市人民政府办公室</h1>"), std::string::npos);
  EXPECT_NE(r.body.find(seed().department.credit_code), std::string::npos);
  EXPECT_NE(r.body.find("统一社会信用代码"), std::string::npos);
  EXPECT_NE(r.body.find("2017年邵阳市政务公开工作要点"), std::string::npos);
  expect_column_identity(r.body, "邵阳市人民政府办公室", "department");
  EXPECT_EQ(s().get("/department/" + std::to_string(seed().county_department.id) + "/").status, 404);
  EXPECT_EQ(s().get("/department/0/").status, 404);
}

TEST_F(SitePages, MissingTrailingSlashRedirects) {
  auto r = s().get("/xxgk");
  EXPECT_EQ(r.status, 301);
  EXPECT_EQ(r.header("location"), "/xxgk/");
  auto c = s().get("/xxgk/ghjh?page=2");
  EXPECT_EQ(c.status, 301);
  EXPECT_EQ(c.header("location"), "/xxgk/ghjh/?page=2");
  auto county = s().get("/xinshao");
  EXPECT_EQ(county.status, 301);
  EXPECT_EQ(county.header("location"), "/xinshao/");
}

TEST_F(SitePages, CountySiteUsesItsOwnChromeAndLinks) {
  auto r = s().get("/xinshao/");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(meta_content(r.body, "SiteName"), "新邵县人民政府");
  EXPECT_NE(r.body.find("href=\"/xinshao/xxgk/\""), std::string::npos);
  EXPECT_NE(r.body.find("4305220001"), std::string::npos);
  auto missing = s().get("/xinshao/nothing-here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(meta_content(missing.body, "SiteName"), "新邵县人民政府");
}

// Every public page: one <h1>, landmarks, a skip link, no inline script, CSP intact.
TEST_F(SitePages, EveryPageIsAccessibleAndHasNoInlineScript) {
  const std::vector<std::string> pages = {
      "/", "/xxgk/", "/xxgk/ghjh/", "/xxgk/ghjh/?page=2", doc_url(seed().policy_id),
      doc_url(seed().policy_id) + "?print=1", doc_url(seed().interpretation_id), doc_url(seed().withdrawn_id),
      "/department/" + std::to_string(seed().department.id) + "/", "/xinshao/", "/nope", "/xxgk/ghjh/?page=abc"};
  const std::regex script_tag("<script([^>]*)>");
  for (const auto& p : pages) {
    auto r = s().get(p);
    ASSERT_TRUE(r.status == 200 || r.status == 404 || r.status == 400) << p << " " << r.status;
    EXPECT_EQ(count_of(r.body, "<h1"), 1) << p;
    EXPECT_NE(r.body.find("<html lang=\"zh-CN\">"), std::string::npos) << p;
    EXPECT_NE(r.body.find("<main id=\"main\""), std::string::npos) << p;
    EXPECT_NE(r.body.find("<footer"), std::string::npos) << p;
    EXPECT_NE(r.body.find("<header"), std::string::npos) << p;
    EXPECT_NE(r.body.find("href=\"#main\">跳到主要内容</a>"), std::string::npos) << p;
    EXPECT_NE(r.body.find("name=\"viewport\""), std::string::npos) << p;
    if (!p.starts_with("/xinshao")) expect_site_identity(r.body, p);
    EXPECT_EQ(r.body.find("style=\""), std::string::npos) << p << ": inline style (CSP style-src 'self')";
    EXPECT_FALSE(std::regex_search(r.body, std::regex(R"(<[^>]+\son[a-z]+\s*=)"))) << p << ": inline event handler";
    for (auto it = std::sregex_iterator(r.body.begin(), r.body.end(), script_tag); it != std::sregex_iterator(); ++it) {
      EXPECT_NE((*it)[1].str().find("src=\"/static/"), std::string::npos) << p << ": inline <script>";
    }
    EXPECT_EQ(r.body.find("<script>"), std::string::npos) << p;
    EXPECT_EQ(r.body.find("http://cdn"), std::string::npos) << p;
    EXPECT_EQ(r.body.find("https://cdn"), std::string::npos) << p;
    auto csp = r.header("content-security-policy");
    ASSERT_TRUE(csp) << p;
    EXPECT_NE(csp->find("script-src 'self'"), std::string::npos) << p;
  }
}

TEST_F(SitePages, StaticFilesAreServedAndTraversalIs404) {
  for (const char* f : {"/static/site.css", "/static/site.js", "/static/print.css", "/static/large.css"}) {
    auto r = s().get(f);
    EXPECT_EQ(r.status, 200) << f;
    EXPECT_FALSE(r.body.empty()) << f;
  }
  auto css = s().get("/static/site.css");
  EXPECT_NE(css.body.find("\"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif"),
            std::string::npos);
  EXPECT_EQ(css.body.find("@font-face"), std::string::npos);
  EXPECT_NE(css.body.find(":focus-visible"), std::string::npos);
  for (const char* t : {"/static/../CMakeLists.txt", "/static/%2e%2e/CMakeLists.txt", "/static/..%2fCMakeLists.txt",
                        "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/.hidden", "/static/nope.css"}) {
    auto r = s().get(t);
    EXPECT_EQ(r.status, 404) << t;
    EXPECT_EQ(r.body.find("cmake_minimum_required"), std::string::npos) << t;
  }
}

TEST_F(SitePages, AttachmentDownloadWithRangeAndUtf8FileName) {
  const std::string url = web::attachment_url(seed().pdf_sha, seed().pdf_name);
  auto r = s().get(url);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body, seed().pdf_bytes);
  EXPECT_EQ(r.header("content-type").value_or("").rfind("application/pdf", 0), 0u);
  auto cd = r.header("content-disposition");
  ASSERT_TRUE(cd);
  EXPECT_NE(cd->find("filename*=UTF-8''" + web::url_encode_component(seed().pdf_name)), std::string::npos) << *cd;
  EXPECT_NE(cd->find("filename=\""), std::string::npos);

  auto part = s().get(url, {"Range: bytes=0-8"});
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.body, seed().pdf_bytes.substr(0, 9));
  EXPECT_NE(part.header("content-range").value_or("").find("bytes 0-8/5000"), std::string::npos);

  auto tail = s().get(url, {"Range: bytes=-10"});
  EXPECT_EQ(tail.status, 206);
  EXPECT_EQ(tail.body, seed().pdf_bytes.substr(4990));
}

TEST_F(SitePages, ActiveAttachmentTypesAreDownloadedNotRendered) {
  // The second attachment (说明.html) is stored as text/html.
  const auto sha = store::sha256_hex("<script>alert(1)</script>");
  auto r = s().get(web::attachment_url(sha, "说明.html"));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type").value_or("").find("text/html"), std::string::npos);
  EXPECT_EQ(r.header("content-disposition").value_or("").rfind("attachment;", 0), 0u);
}

TEST_F(SitePages, MalformedOrUnknownAttachmentsAre404) {
  const std::string name = "x.pdf";
  for (const std::string& t : {"/attachments/" + std::string(64, '0') + "/" + name,
                              "/attachments/" + seed().pdf_sha.substr(0, 63) + "/" + name,
                              "/attachments/" + std::string(64, 'G') + "/" + name,
                              std::string("/attachments/../static/site.css"),
                              std::string("/attachments/%2e%2e/%2e%2e/CMakeLists.txt"),
                              "/attachments/" + seed().pdf_sha + "/..%2f..%2fCMakeLists.txt",
                              "/attachments/" + seed().pdf_sha, "/attachments/" + seed().pdf_sha + "/a/b"}) {
    auto r = s().get(t);
    EXPECT_EQ(r.status, 404) << t;
    EXPECT_NE(r.body.find("class=\"site-header\""), std::string::npos) << t;
  }
}

TEST_F(SitePages, LargeTextPreferenceRoundTrip) {
  const std::string page = "/xxgk/ghjh/?page=2";
  auto listing = s().get(page);
  const std::string link = "/preferences/large-text?on=1&amp;return=" + web::url_encode_component(page);
  ASSERT_NE(listing.body.find(link), std::string::npos) << "the page links the preference with its own address";

  auto set = s().get("/preferences/large-text?on=1&return=" + web::url_encode_component(page));
  EXPECT_EQ(set.status, 303);
  EXPECT_EQ(set.header("location"), page);
  auto cookie = set.header("set-cookie");
  ASSERT_TRUE(cookie);
  EXPECT_EQ(cookie->rfind("zwgk_large=1;", 0), 0u) << *cookie;
  EXPECT_NE(cookie->find("Path=/"), std::string::npos);

  auto large = s().get("/preferences/text-size.css", {"Cookie: other=x; zwgk_large=1"});
  EXPECT_EQ(large.status, 200);
  EXPECT_NE(large.body.find("font-size: 125%"), std::string::npos);
  bool varies_by_cookie = false;
  for (const auto& v : large.all("vary")) varies_by_cookie = varies_by_cookie || v.find("Cookie") != std::string::npos;
  EXPECT_TRUE(varies_by_cookie);
  EXPECT_NE(large.header("cache-control").value_or("").find("no-cache"), std::string::npos);
  auto normal = s().get("/preferences/text-size.css");
  EXPECT_EQ(normal.body.find("font-size"), std::string::npos);

  // The cached page itself is the same with and without the cookie.
  auto with_cookie = s().get(page, {"Cookie: zwgk_large=1"});
  EXPECT_EQ(with_cookie.body, listing.body);

  auto off = s().get("/preferences/large-text?on=0&return=%2F");
  EXPECT_EQ(off.status, 303);
  EXPECT_EQ(off.header("location"), "/");
  EXPECT_NE(off.header("set-cookie").value_or("").find("Max-Age=0"), std::string::npos);

  for (const char* evil : {"https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example%2F", "%2F%5Cevil.example",
                           "javascript%3Aalert(1)", "%2Fok%0D%0ASet-Cookie%3A%20x%3D1"}) {
    auto r = s().get(std::string("/preferences/large-text?on=1&return=") + evil);
    EXPECT_EQ(r.status, 303) << evil;
    EXPECT_EQ(r.header("location"), "/") << evil;
  }
}

TEST_F(SitePages, HeadRequestsWork) {
  auto r = http_get(s().port, doc_url(seed().policy_id), {}, "HEAD");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.empty());
}

// Mutations get a server of their own.
TEST(SiteCache, DocumentPageIsCachedAndInvalidatedBySave) {
  SiteServer s;
  const std::string url = web::document_url(s.seed.site, s.seed.policy_id);
  auto first = s.get(url);
  ASSERT_EQ(first.status, 200);
  const double hits_before = s.metric("zwgk_page_cache_hits_total");
  auto second = s.get(url);
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(s.metric("zwgk_page_cache_hits_total"), hits_before + 1) << "second fetch is a cache hit";

  store::DocumentRepository docs(*s.db);
  auto doc = *docs.by_id(s.seed.policy_id);
  doc.title = "2017年邵阳市政务公开工作要点（修订）";
  docs.save(doc);
  auto third = s.get(url);
  ASSERT_EQ(third.status, 200);
  EXPECT_NE(third.body.find("2017年邵阳市政务公开工作要点（修订）"), std::string::npos);

  // The interpretation shows the policy's title: it was invalidated too.
  auto interp = s.get(web::document_url(s.seed.site, s.seed.interpretation_id));
  EXPECT_NE(interp.body.find("2017年邵阳市政务公开工作要点（修订）"), std::string::npos);

  // Withdrawing: the page stays, with the notice and without the body.
  docs.withdraw(s.seed.policy_id);
  auto withdrawn = s.get(url);
  EXPECT_EQ(withdrawn.status, 200);
  EXPECT_NE(withdrawn.body.find("该信息已撤回"), std::string::npos);
  EXPECT_EQ(withdrawn.body.find("中办发〔2016〕8号"), std::string::npos);
}

TEST(SiteCache, ListingsAndHomeFollowNewDocuments) {
  SiteServer s;
  auto before = s.get("/xxgk/ghjh/");
  ASSERT_EQ(before.status, 200);
  s.get("/xxgk/ghjh/");  // cached now
  store::DocumentRepository docs(*s.db);
  domain::Document d;
  d.site_id = s.seed.site.id;
  d.title = "新发布的规划文件";
  d.catalogue_id = s.seed.ghjh.id;
  d.department_id = s.seed.department.id;
  d.published_on = domain::Date::parse("2018-01-02");
  d.disclosure = domain::DisclosureForm::Proactive;
  d.body_html = "<p>x</p>";
  docs.publish(docs.save(d));
  auto after = s.get("/xxgk/ghjh/");
  EXPECT_NE(after.body.find("新发布的规划文件"), std::string::npos);
}

TEST(SiteCache, PagesWithUnknownParametersAreNotCached) {
  SiteServer s;
  const std::string url = web::document_url(s.seed.site, s.seed.policy_id) + "?utm_source=wechat";
  s.get(url);
  const auto entries = s.cache.entries();
  s.get(web::document_url(s.seed.site, s.seed.policy_id) + "?utm_source=weibo");
  EXPECT_EQ(s.cache.entries(), entries);
}

TEST(SiteErrors, HandlerFailureShows500WithRequestIdOnly) {
  SiteServer s;
  // What the router does when a handler throws: error_page(req, 500, ...).
  http::Request req;
  req.request_id = "req-123";
  req.path = "/";
  auto page = s.router.error_page(req, 500, "database exploded: password=hunter2");
  EXPECT_EQ(page.status, 500);
  EXPECT_NE(page.body.find("req-123"), std::string::npos);
  EXPECT_EQ(page.body.find("hunter2"), std::string::npos);
  EXPECT_NE(page.body.find("服务暂时不可用"), std::string::npos);
  EXPECT_NE(page.body.find("class=\"site-header\""), std::string::npos);
  EXPECT_EQ(count_of(page.body, "<h1"), 1);
}

}  // namespace
