// Unit tests of the public site's pure parts: site resolution, query validation, QR SVG,
// templates, formatting, the large-text preference helpers.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "web/attachment_download.hpp"
#include "web/error_mapping.hpp"
#include "web/formatting.hpp"
#include "web/page_error.hpp"
#include "web/qr_svg.hpp"
#include "web/query_params.hpp"
#include "web/site_resolver.hpp"
#include "web/template_renderer.hpp"
#include "web/text_size_preference.hpp"

using namespace zwgk;
using namespace zwgk::web;

namespace {

domain::Site site(std::int64_t id, std::string host, std::string prefix) {
  domain::Site s;
  s.id = id;
  s.host = std::move(host);
  s.path_prefix = std::move(prefix);
  return s;
}

TEST(SiteResolver, LongestPrefixOnSegmentBoundary) {
  std::vector<domain::Site> sites = {site(1, "", ""), site(2, "", "/xinshao"), site(3, "", "/xinshao/town")};
  auto r = resolve_site(sites, "127.0.0.1", "/xinshao/xxgk/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->site.id, 2);
  EXPECT_EQ(r->rest, "/xxgk/");
  EXPECT_EQ(resolve_site(sites, "", "/xinshao/town/")->site.id, 3);
  EXPECT_EQ(resolve_site(sites, "", "/xinshaoxyz/")->site.id, 1);
  EXPECT_EQ(resolve_site(sites, "", "/xinshaoxyz/")->rest, "/xinshaoxyz/");
  auto bare = resolve_site(sites, "", "/xinshao");
  EXPECT_EQ(bare->site.id, 2);
  EXPECT_EQ(bare->rest, "");
}

TEST(SiteResolver, HostMatchComesFirst) {
  std::vector<domain::Site> sites = {site(1, "www.shaoyang.gov.cn", ""), site(2, "", "/xinshao"),
                                     site(3, "www.xinshao.gov.cn", "/xinshao")};
  auto r = resolve_site(sites, "www.xinshao.gov.cn", "/xxgk/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->site.id, 3) << "the only site of the host owns its whole path space";
  EXPECT_EQ(r->rest, "/xxgk/");
  EXPECT_EQ(resolve_site(sites, "www.xinshao.gov.cn", "/xinshao/xxgk/")->site.id, 3);
  EXPECT_EQ(resolve_site(sites, "www.xinshao.gov.cn", "/xinshao/xxgk/")->rest, "/xxgk/");
  EXPECT_EQ(resolve_site(sites, "WWW.SHAOYANG.GOV.CN", "/")->site.id, 1);
  EXPECT_EQ(resolve_site(sites, "127.0.0.1", "/xinshao/")->site.id, 2);
  EXPECT_EQ(resolve_site(sites, "127.0.0.1", "/")->site.id, 1);
}

TEST(SiteResolver, NoSiteWithoutADefault) {
  std::vector<domain::Site> sites = {site(2, "", "/xinshao")};
  EXPECT_FALSE(resolve_site(sites, "", "/"));
  EXPECT_FALSE(resolve_site({}, "", "/"));
}

http::Request with_query(std::vector<std::pair<std::string, std::string>> q) {
  http::Request r;
  r.query = std::move(q);
  return r;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const domain::DomainError& e) {  // bad_request(): the family's Invalid, 400
    EXPECT_EQ(status_for(e.kind()), 400);
    return e.what();
  }
  return "";
}

TEST(QueryParams, Page) {
  EXPECT_EQ(page_param(with_query({})), 1);
  EXPECT_EQ(page_param(with_query({{"page", "3"}})), 3);
  EXPECT_EQ(page_param(with_query({{"page", ""}})), 1);
  for (const char* bad : {"-1", "abc", "0", "+1", " 1", "1e3", "0x10", "１"}) {
    EXPECT_EQ(error_of([&] { page_param(with_query({{"page", bad}})); }), "参数 page 必须是正整数") << bad;
  }
  EXPECT_NE(error_of([&] { page_param(with_query({{"page", "100001"}})); }).find("参数 page 不能大于"), std::string::npos);
}

TEST(QueryParams, YearDepartmentValidityPerPagePrint) {
  EXPECT_EQ(year_param(with_query({{"year", "2017"}})), 2017);
  for (const char* bad : {"abc", "99999", "17", "0999", "-2017"}) {
    EXPECT_NE(error_of([&] { year_param(with_query({{"year", bad}})); }).find("参数 year"), std::string::npos) << bad;
  }
  EXPECT_EQ(department_param(with_query({{"department", "12"}})), 12);
  EXPECT_NE(error_of([&] { department_param(with_query({{"department", "xyz"}})); }).find("参数 department 必须是正整数"),
            std::string::npos);
  EXPECT_EQ(validity_param(with_query({{"validity", "repealed"}})), domain::Validity::Repealed);
  EXPECT_EQ(validity_param(with_query({{"validity", "废止"}})), domain::Validity::Repealed);
  EXPECT_NE(error_of([&] { validity_param(with_query({{"validity", "unknown"}})); }).find("参数 validity"),
            std::string::npos);
  EXPECT_EQ(per_page_param(with_query({{"per_page", "50"}})), 50);
  EXPECT_NE(error_of([&] { per_page_param(with_query({{"per_page", "101"}})); }).find("参数 per_page"), std::string::npos);
  EXPECT_TRUE(print_param(with_query({{"print", "1"}})));
  EXPECT_FALSE(print_param(with_query({})));
  EXPECT_NE(error_of([&] { print_param(with_query({{"print", "yes"}})); }).find("参数 print"), std::string::npos);
  EXPECT_NE(error_of([&] { single_param(with_query({{"year", "1"}, {"year", "2"}}), "year"); }).find("只能出现一次"),
            std::string::npos);
  EXPECT_TRUE(has_unknown_params(with_query({{"page", "1"}, {"utm", "x"}}), {"page"}));
  EXPECT_FALSE(has_unknown_params(with_query({{"page", "1"}}), {"page"}));
}

TEST(QrSvg, CrispPathOfModulesWithQuietZone) {
  const auto svg = qr_svg("http://127.0.0.1:8080/content/1.html");
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("viewBox=\"0 0 (\\d+) (\\d+)\"")));
  const int size = std::stoi(m[1]);
  EXPECT_EQ((size - 8 - 21) % 4, 0) << "QR versions grow by 4 modules: " << size;
  // The three finder patterns: a 7-module run starting at the quiet zone's edge.
  EXPECT_NE(svg.find("M4 4h7v1h-7z"), std::string::npos);
  EXPECT_EQ(svg.find("style="), std::string::npos);
  EXPECT_EQ(qr_svg("a"), qr_svg("a")) << "deterministic";
  EXPECT_NE(qr_svg("x", "a\"<b").find("aria-label=\"a&quot;&lt;b\""), std::string::npos);
}

class Templates : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("zwgk-tpl-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::filesystem::path dir_;
};

TEST_F(Templates, EscapesByDefaultAndResolvesPartialsFromFiles) {
  write("page.mustache", "<p>{{x}}</p>{{{raw}}}{{> part}}");
  write("part.mustache", "[{{x}}]");
  TemplateRenderer t(dir_);
  View v;
  v.set("x", "<b>&\"'");
  v.set("raw", "<i>ok</i>");
  v.set("part", "must not be used as a partial");
  EXPECT_EQ(t.render("page", v), "<p>&lt;b&gt;&amp;&quot;&apos;</p><i>ok</i>[&lt;b&gt;&amp;&quot;&apos;]");
  EXPECT_THROW(t.render("missing", v), std::runtime_error);
}

TEST_F(Templates, InvalidTemplateStopsStartUp) {
  write("bad.mustache", "{{#open}} never closed");
  EXPECT_THROW(TemplateRenderer t(dir_), std::runtime_error);
}

TEST_F(Templates, ARecursivePartialStillRendersItsTree) {
  write("tree.mustache", "<ul>{{#children}}<li>{{name}}{{> tree}}</li>{{/children}}</ul>");
  write("page.mustache", "<nav>{{> tree}}</nav>");
  TemplateRenderer t(dir_);
  View leaf;
  leaf.set("name", "规划计划");
  leaf.set("children", View::type::list);
  View top;
  top.set("name", "政府信息公开目录");
  View kids(View::type::list);
  kids.push_back(leaf);
  top.set("children", kids);
  View root;
  View roots(View::type::list);
  roots.push_back(top);
  root.set("children", roots);
  EXPECT_EQ(t.render("page", root), "<nav><ul><li>政府信息公开目录<ul><li>规划计划<ul></ul></li></ul></li></ul></nav>");
}

TEST_F(Templates, ChangedFilesAreReloadedAndABrokenChangeKeepsThePreviousSet) {
  write("page.mustache", "<h1>{{x}}</h1>{{> part}}");
  write("part.mustache", "<footer>版本一</footer>");
  TemplateRenderer t(dir_, std::chrono::milliseconds(0));  // look before every render
  int reloads = 0;
  t.set_on_reload([&] { ++reloads; });
  View v;
  v.set("x", "标题");
  EXPECT_EQ(t.render("page", v), "<h1>标题</h1><footer>版本一</footer>");
  EXPECT_EQ(t.render("page", v), "<h1>标题</h1><footer>版本一</footer>");
  EXPECT_EQ(reloads, 0) << "nothing changed: nothing is read again";
  write("part.mustache", "<footer>版本二（已修改）</footer>");  // the partial, not the page
  EXPECT_EQ(t.render("page", v), "<h1>标题</h1><footer>版本二（已修改）</footer>");
  EXPECT_EQ(reloads, 1);
  EXPECT_EQ(t.generation(), 2u);
  write("part.mustache", "{{#open}} never closed");  // a half-saved file
  EXPECT_EQ(t.render("page", v), "<h1>标题</h1><footer>版本二（已修改）</footer>");
  EXPECT_EQ(reloads, 1);
  write("new.mustache", "<p>新模板</p>");
  write("part.mustache", "<footer>版本三</footer>");
  EXPECT_EQ(t.render("new", v), "<p>新模板</p>") << "a template that came with the change";
  EXPECT_EQ(t.render("page", v), "<h1>标题</h1><footer>版本三</footer>");
  EXPECT_EQ(reloads, 2);
}

TEST_F(Templates, AFixedSetIsNeverReadAgain) {
  write("page.mustache", "一");
  TemplateRenderer t(dir_, std::chrono::milliseconds(-1));
  write("page.mustache", "二二");
  EXPECT_EQ(t.render("page", View{}), "一");
  EXPECT_TRUE(t.reload_if_changed()) << "unless asked";
  EXPECT_EQ(t.render("page", View{}), "二二");
}

TEST(ShippedTemplates, AllParse) {
  EXPECT_NO_THROW(TemplateRenderer t(ZWGK_SOURCE_DIR "/templates"));
  TemplateRenderer t(ZWGK_SOURCE_DIR "/templates");
  for (const char* name : {"head", "header", "breadcrumb", "footer", "home", "portal", "catalogue",
                           "publishing/document", "ysqgk/apply", "department", "error"}) {
    EXPECT_TRUE(t.has(name)) << name;
  }
}

TEST(ShippedStatic, NoInlineScriptOrExternalResources) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ZWGK_SOURCE_DIR "/templates")) {
    if (!entry.is_regular_file()) continue;  // templates/<module>/ are walked too
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(text.find("<script>"), std::string::npos) << entry.path();
    EXPECT_EQ(text.find("style=\""), std::string::npos) << entry.path();
    EXPECT_EQ(text.find("//cdn"), std::string::npos) << entry.path();
    EXPECT_EQ(text.find("@font-face"), std::string::npos) << entry.path();
  }
}

TEST(Formatting, DatesSizesAndUrls) {
  EXPECT_EQ(china_minute("2017-05-02T16:30:00Z"), "2017-05-03 00:30");
  EXPECT_EQ(china_minute("2017-05-02 01:02:03"), "2017-05-02 09:02");
  EXPECT_EQ(china_minute("nonsense"), "");
  EXPECT_EQ(http_date_from_iso("1994-11-06T08:49:37Z"), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(human_size(500), "500 B");
  EXPECT_EQ(human_size(5000), "5 KB");
  EXPECT_EQ(human_size(3 * 1024 * 1024 + 200000), "3.2 MB");
  EXPECT_EQ(url_encode_component("/a b?c=规"), "%2Fa%20b%3Fc%3D%E8%A7%84");
  EXPECT_EQ(utf8_truncate("政务公开工作", 4), "政务公开…");
  EXPECT_EQ(utf8_truncate("政务", 4), "政务");
  EXPECT_EQ(trim_base_url("http://x/"), "http://x");
}

TEST(TextSize, ReturnPathMustBeLocal) {
  EXPECT_EQ(safe_return_path("/xxgk/ghjh/?page=2"), "/xxgk/ghjh/?page=2");
  for (const char* bad : {"", "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
                          "/a\r\nSet-Cookie: x=1", "/a b", "evil"}) {
    EXPECT_EQ(safe_return_path(bad), "/") << bad;
  }
}

TEST(TextSize, CookieDetection) {
  http::Request r;
  EXPECT_FALSE(large_text_cookie_set(r));
  r.headers = {{"cookie", "a=1; zwgk_large=1; b=2"}};
  EXPECT_TRUE(large_text_cookie_set(r));
  r.headers = {{"cookie", "zwgk_large=10"}};
  EXPECT_FALSE(large_text_cookie_set(r));
  r.headers = {{"cookie", "xzwgk_large=1"}};
  EXPECT_FALSE(large_text_cookie_set(r));
}

TEST(Attachments, ContentDispositionRfc5987) {
  EXPECT_EQ(content_disposition("attachment", "附件 1.pdf"),
            "attachment; filename=\"______ 1.pdf\"; filename*=UTF-8''%E9%99%84%E4%BB%B6%201.pdf");
  EXPECT_EQ(content_disposition("inline", "a\"b.pdf"), "inline; filename=\"a_b.pdf\"; filename*=UTF-8''a%22b.pdf");
  EXPECT_TRUE(is_sha256_hex(std::string(64, 'a')));
  EXPECT_FALSE(is_sha256_hex(std::string(64, 'A')));
  EXPECT_FALSE(is_sha256_hex(std::string(63, 'a')));
}

}  // namespace
