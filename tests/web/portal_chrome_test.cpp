// The portal's chrome through the real server (issue 17): 依申请公开 in the main menu and the
// home page's 信息公开 block, the 网站地图 page, 联系我们 / 网站声明 / 隐私声明 edited in the
// console (and the cached pages updated after the edit), the uploaded logo and footer badges
// with their links and alt text, a non-image upload refused in Chinese, and 本网站支持IPv6
// only when the site says so. SQLite or PostgreSQL by ZWGK_TEST_BACKEND.
#include <gtest/gtest.h>

#include <mutex>
#include <regex>

#include "store/blob_store.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

// The first bytes of real image files are what the server checks; the rest is filler.
std::string png_bytes(char fill) { return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(40, fill); }
std::string gif_bytes() { return "GIF89a" + std::string(30, '\x01'); }

class PortalChromeTest : public ::testing::Test {
 protected:
  PortalChromeTest() {
    s.mount_console([this](web::console::ConsoleOptions& o) {
      o.audit = [this](const web::console::AuditEvent& e) {
        std::lock_guard lock(mutex);
        audit.push_back(e.action + " " + e.detail);
      };
    });
    s.add_account("admin", domain::Role::SiteAdmin);
  }
  ConsoleSession admin() const { return ConsoleSession::login(s.port, "admin", "correct horse"); }

  // The site form as the console sends it, with `changes` over the seed's values.
  std::vector<std::pair<std::string, std::string>> site_form(std::vector<std::pair<std::string, std::string>> changes) const {
    std::vector<std::pair<std::string, std::string>> f = {
        {"name", s.seed.site.name},       {"sponsor", s.seed.site.sponsor},
        {"phone", s.seed.site.phone},     {"address", s.seed.site.address},
        {"site_id_code", s.seed.site.site_id_code}, {"icp_record", s.seed.site.icp_record},
        {"police_record", s.seed.site.police_record}};
    for (auto& c : changes) f.push_back(std::move(c));
    return f;
  }
  std::string section(const std::string& html, const std::string& open, const std::string& close) const {
    const auto b = html.find(open);
    if (b == std::string::npos) return {};
    const auto e = html.find(close, b);
    return html.substr(b, e == std::string::npos ? std::string::npos : e - b);
  }

  SiteServer s;
  std::mutex mutex;
  std::vector<std::string> audit;
};

TEST_F(PortalChromeTest, MainMenuAndHomeInformationBlockLinkTheApplicationPages) {
  auto home = s.get("/");
  ASSERT_EQ(home.status, 200);
  const auto nav = section(home.body, "<nav class=\"main-nav\"", "</nav>");
  EXPECT_NE(nav.find("<a href=\"/ysqgk/\">依申请公开</a>"), std::string::npos) << nav;
  const auto block = section(home.body, "id=\"xxgk-entry\"", "</section>");
  EXPECT_NE(block.find("<a href=\"/ysqgk/\">依申请公开</a>"), std::string::npos) << block;
  // Every site gets its own.
  auto county = s.get("/xinshao/");
  EXPECT_NE(section(county.body, "<nav class=\"main-nav\"", "</nav>").find("href=\"/xinshao/ysqgk/\""), std::string::npos);
  EXPECT_EQ(s.get("/ysqgk/").status, 200);
}

TEST_F(PortalChromeTest, SitemapPageListsTheColumnsAsATreeAndTheXmlStaysForCrawlers) {
  auto home = s.get("/");
  const auto footer = section(home.body, "<footer class=\"site-footer\"", "</footer>");
  EXPECT_NE(footer.find("<a href=\"/sitemap/\">网站地图</a>"), std::string::npos) << footer;
  EXPECT_NE(footer.find("<a href=\"/contact/\">联系我们</a>"), std::string::npos);
  EXPECT_NE(footer.find("<a href=\"/statement/\">网站声明</a>"), std::string::npos);
  EXPECT_NE(footer.find("<a href=\"/privacy/\">隐私声明</a>"), std::string::npos);

  auto map = s.get("/sitemap/");
  ASSERT_EQ(map.status, 200);
  EXPECT_NE(map.header("content-type").value_or("").find("text/html"), std::string::npos);
  EXPECT_NE(map.body.find("<h1>网站地图</h1>"), std::string::npos);
  // 规划计划 sits in a nested list inside its parent column's item.
  auto parent = store::CatalogueRepository(*s.db).by_id(*s.seed.ghjh.parent_id);
  ASSERT_TRUE(parent);
  const std::string parent_link = "<li><a href=\"/xxgk/" + parent->code + "/\">" + parent->name + "</a>";
  const std::string child_link = "<li><a href=\"/xxgk/" + s.seed.ghjh.code + "/\">规划计划</a>";
  const auto p = map.body.find(parent_link), c = map.body.find(child_link);
  ASSERT_NE(p, std::string::npos) << map.body;
  ASSERT_NE(c, std::string::npos);
  ASSERT_LT(p, c);
  const std::string between = map.body.substr(p, c - p);
  auto count = [&](const std::string& what) {
    int n = 0;
    for (auto at = between.find(what); at != std::string::npos; at = between.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_GT(count("<ul>"), count("</ul>")) << "规划计划 is not inside its parent's item";
  // The modules' pages and the site's own.
  for (const char* link : {"href=\"/ysqgk/\"", "href=\"/zmhd/\"", "href=\"/contact/\"", "href=\"/privacy/\"",
                           "href=\"/sitemap.xml\""})
    EXPECT_NE(map.body.find(link), std::string::npos) << link;
  auto xml = s.get("/sitemap.xml");
  EXPECT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<urlset"), std::string::npos);
  EXPECT_EQ(s.get("/xinshao/sitemap/").status, 200);
}

TEST_F(PortalChromeTest, ContactStatementAndPrivacyShowTheEditedTextAfterAnEdit) {
  // Defaults first (and the pages are now in the cache).
  auto contact = s.get("/contact/");
  ASSERT_EQ(contact.status, 200);
  EXPECT_NE(contact.body.find("邵阳市数据局"), std::string::npos);
  EXPECT_NE(contact.body.find("<a href=\"tel:0739-5365203\">0739-5365203</a>"), std::string::npos);
  EXPECT_EQ(contact.body.find("邮政编码"), std::string::npos);  // nothing to show yet
  auto statement = s.get("/statement/");
  ASSERT_EQ(statement.status, 200);
  EXPECT_NE(statement.body.find("<h2>一、版权声明</h2>"), std::string::npos);
  EXPECT_NE(statement.body.find("转载时请注明来源“邵阳市人民政府”"), std::string::npos);
  auto privacy = s.get("/privacy/");
  EXPECT_NE(privacy.body.find("zwgk_large"), std::string::npos);
  EXPECT_NE(privacy.body.find("依申请公开"), std::string::npos);

  auto c = admin();
  auto bad = c.post("/console/site/", site_form({{"postcode", "42200"}, {"email", "not-an-address"}}));
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("邮政编码应为 6 位数字"), std::string::npos);
  EXPECT_NE(bad.body.find("电子邮箱“not-an-address”格式不正确"), std::string::npos);

  auto ok = c.post("/console/site/", site_form({{"organizer", "邵阳市人民政府办公室"},
                                                {"postcode", "422000"},
                                                {"email", "zwgk@shaoyang.gov.cn"},
                                                {"office_hours", "工作日 上午8:00—12:00，下午14:30—17:30"},
                                                {"statement", "一、版权声明\n本站文字可自由转载。"},
                                                {"privacy", "一、收集的信息\n本站只在您申请时收集联系方式。"}}));
  EXPECT_EQ(ok.status, 303);
  contact = s.get("/contact/");
  EXPECT_NE(contact.body.find("承办单位"), std::string::npos);
  EXPECT_NE(contact.body.find("邵阳市人民政府办公室"), std::string::npos);
  EXPECT_NE(contact.body.find("422000"), std::string::npos);
  EXPECT_NE(contact.body.find("<a href=\"mailto:zwgk@shaoyang.gov.cn\">zwgk@shaoyang.gov.cn</a>"), std::string::npos);
  EXPECT_NE(contact.body.find("下午14:30—17:30"), std::string::npos);
  statement = s.get("/statement/");
  EXPECT_NE(statement.body.find("<p>本站文字可自由转载。</p>"), std::string::npos);
  EXPECT_EQ(statement.body.find("转载时请注明来源"), std::string::npos);
  privacy = s.get("/privacy/");
  EXPECT_NE(privacy.body.find("本站只在您申请时收集联系方式。"), std::string::npos);
  EXPECT_EQ(privacy.body.find("zwgk_large"), std::string::npos);
  // The console shows what is stored; clearing a text brings the default back.
  auto form = c.get("/console/site/");
  EXPECT_NE(form.body.find("本站文字可自由转载。"), std::string::npos);
  EXPECT_EQ(c.post("/console/site/", site_form({{"statement", ""}})).status, 303);
  EXPECT_NE(s.get("/statement/").body.find("<h2>一、版权声明</h2>"), std::string::npos);
  EXPECT_NE(s.get("/statement/").body.find("转载时请注明来源"), std::string::npos);
  std::lock_guard lock(mutex);
  EXPECT_NE(std::find_if(audit.begin(), audit.end(), [](const auto& a) { return a.rfind("kernel.site_update", 0) == 0; }),
            audit.end());
}

TEST_F(PortalChromeTest, UploadedLogoAndBadgesAppearWithTheirLinksAndAltText) {
  // Without a logo: the site name, no yellow circle.
  auto before = s.get("/");
  const auto header = section(before.body, "<a class=\"site-title\"", "</a>");
  EXPECT_NE(header.find("<span class=\"site-name\">邵阳市人民政府</span>"), std::string::npos) << header;
  EXPECT_EQ(before.body.find("class=\"emblem\""), std::string::npos);
  EXPECT_EQ(before.body.find("/site-images/"), std::string::npos);

  auto c = admin();
  EXPECT_EQ(c.post("/console/site/", site_form({{"conac_url", "https://bszs.conac.cn/sitename?method=show&id=0A1B2C"}})).status, 303);
  const std::string logo = png_bytes('L'), conac = png_bytes('C'), police = gif_bytes();
  EXPECT_EQ(c.post_file("/console/site/images/logo", {}, "image", "标志.png", logo).status, 303);
  EXPECT_EQ(c.post_file("/console/site/images/conac", {}, "image", "dzjg.png", conac).status, 303);
  EXPECT_EQ(c.post_file("/console/site/images/police", {}, "image", "gongan.gif", police).status, 303);
  const std::string logo_url = "/site-images/" + store::sha256_hex(logo);
  const std::string conac_url = "/site-images/" + store::sha256_hex(conac);
  const std::string police_url = "/site-images/" + store::sha256_hex(police);

  auto home = s.get("/");  // the cached home page was invalidated by the uploads
  EXPECT_NE(home.body.find("<a class=\"site-title\" href=\"/\"><img class=\"site-logo\" src=\"" + logo_url +
                           "\" alt=\"邵阳市人民政府\"></a>"),
            std::string::npos)
      << section(home.body, "<a class=\"site-title\"", "</a>");
  const auto footer = section(home.body, "<footer class=\"site-footer\"", "</footer>");
  EXPECT_NE(footer.find("<a href=\"https://bszs.conac.cn/sitename?method=show&amp;id=0A1B2C\" rel=\"noopener\""),
            std::string::npos)
      << footer;
  EXPECT_NE(footer.find("<img src=\"" + conac_url + "\" alt=\"党政机关网站标识\""), std::string::npos);
  // The 备案 badge links to the record on beian.mps.gov.cn by its number.
  EXPECT_NE(footer.find("<a class=\"police-record\" href=\"https://beian.mps.gov.cn/#/query/webSearch?code=43050202000123\""),
            std::string::npos)
      << footer;
  EXPECT_NE(footer.find("<img class=\"police-badge\" src=\"" + police_url + "\""), std::string::npos);
  EXPECT_NE(footer.find("湘公网安备43050202000123号</a>"), std::string::npos);
  EXPECT_NE(footer.find("beian.miit.gov.cn"), std::string::npos);  // the ICP link stays
  // Other pages too (every page shows the header and footer).
  EXPECT_NE(s.get("/xxgk/").body.find(logo_url), std::string::npos);
  EXPECT_EQ(s.get("/xinshao/").body.find(logo_url), std::string::npos);  // another site's own

  auto img = s.get(logo_url);
  ASSERT_EQ(img.status, 200);
  EXPECT_EQ(img.header("content-type").value_or(""), "image/png");
  EXPECT_EQ(img.body, logo);
  EXPECT_NE(img.header("cache-control").value_or("").find("immutable"), std::string::npos);
  EXPECT_EQ(s.get(police_url).header("content-type").value_or(""), "image/gif");
  // Only the images a site shows: a document's attachment is not reachable by its hash here.
  EXPECT_EQ(s.get("/site-images/" + s.seed.pdf_sha).status, 404);
  EXPECT_EQ(s.get("/site-images/not-a-hash").status, 404);

  // Removing the logo brings the site name back; the bytes are no longer served.
  EXPECT_EQ(c.post("/console/site/images/logo/remove", {}).status, 303);
  EXPECT_NE(s.get("/").body.find("<span class=\"site-name\">邵阳市人民政府</span>"), std::string::npos);
  EXPECT_EQ(s.get(logo_url).status, 404);
  std::lock_guard lock(mutex);
  EXPECT_NE(std::find(audit.begin(), audit.end(), "kernel.site_image image=conac type=image/png"), audit.end());
  EXPECT_NE(std::find(audit.begin(), audit.end(), "kernel.site_image_remove image=logo"), audit.end());
}

TEST_F(PortalChromeTest, ANonImageUploadIsRefusedInChineseAndChangesNothing) {
  auto c = admin();
  auto svg = c.post_file("/console/site/images/logo", {}, "image", "logo.svg",
                         "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
  EXPECT_EQ(svg.status, 400);
  EXPECT_NE(svg.body.find("“logo.svg”不是 PNG、JPEG、GIF 或 WebP 图片"), std::string::npos) << svg.body;
  auto text = c.post_file("/console/site/images/conac", {}, "image", "badge.png", "just text, named .png");
  EXPECT_EQ(text.status, 400);
  EXPECT_NE(text.body.find("不是 PNG、JPEG、GIF 或 WebP 图片"), std::string::npos);
  auto big = c.post_file("/console/site/images/logo", {}, "image", "huge.png", png_bytes('x') + std::string(600 * 1024, 'x'));
  EXPECT_EQ(big.status, 400);
  EXPECT_NE(big.body.find("超过 512 KB"), std::string::npos);
  EXPECT_EQ(c.post_file("/console/site/images/banner", {}, "image", "a.png", png_bytes('a')).status, 404);
  EXPECT_EQ(s.get("/").body.find("/site-images/"), std::string::npos);
  // A bad link is refused too.
  auto link = c.post("/console/site/", site_form({{"conac_url", "https://example.com/fake-badge"}}));
  EXPECT_EQ(link.status, 400);
  EXPECT_NE(link.body.find("conac.cn"), std::string::npos);
}

TEST_F(PortalChromeTest, Ipv6LineOnlyWhenConfigured) {
  EXPECT_EQ(s.get("/").body.find("本网站支持IPv6"), std::string::npos);
  auto c = admin();
  EXPECT_EQ(c.post("/console/site/", site_form({{"ipv6", "1"}})).status, 303);
  EXPECT_NE(s.get("/").body.find("<p class=\"footer-ipv6\">本网站支持IPv6</p>"), std::string::npos);
  EXPECT_NE(s.get("/contact/").body.find("本网站支持IPv6"), std::string::npos);
  EXPECT_EQ(s.get("/xinshao/").body.find("本网站支持IPv6"), std::string::npos);
  EXPECT_EQ(c.post("/console/site/", site_form({})).status, 303);
  EXPECT_EQ(s.get("/").body.find("本网站支持IPv6"), std::string::npos);
}

}  // namespace
}  // namespace zwgk::test
