// RSS, Atom, sitemap and robots.txt over a real server and database.
#include <gtest/gtest.h>

#include <sstream>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "web/api_fixture.hpp"
#include "web/feed_sitemap.hpp"

namespace zwgk::web::test {
namespace {

namespace pt = boost::property_tree;

pt::ptree parse_xml(const std::string& xml) {
  std::istringstream in(xml);
  pt::ptree tree;
  pt::read_xml(in, tree);  // throws on malformed XML
  return tree;
}

std::vector<std::string> children_text(const pt::ptree& parent, const std::string& child, const std::string& field) {
  std::vector<std::string> out;
  for (const auto& [name, node] : parent)
    if (name == child) out.push_back(node.get<std::string>(field));
  return out;
}

class FeedRoutes : public ApiServerTest {
 protected:
  void SetUp() override {
    ApiServerTest::SetUp();
    city = add_site("shaoyang", "邵阳市人民政府", "");
    county = add_site("xinshao", "新邵县人民政府", "/xinshao");
    office = add_department(city, "邵阳市人民政府办公室");
    policy = add_node(city, "zcwj", "政策文件");
    normative = add_node(city, "gfxwj", "规范性文件", policy.id);
    plans = add_node(city, "ghjh", "规划计划", std::nullopt, 1);
    county_node = add_node(county, "tzgg", "通知公告");
  }

  domain::Site city, county;
  domain::Department office;
  domain::CatalogueNode policy, normative, plans, county_node;
};

constexpr const char* kTrickyTitle = "关于<春节>期间R&D补贴 \"通知\"";

TEST_F(FeedRoutes, RssListsTheNodeAndItsDescendantsNewestFirst) {
  const auto older = publish(make_document(city, policy, office, "较早的政策", "2017-01-05"));
  auto tricky = make_document(city, normative, office, kTrickyTitle, "2017-02-01");
  tricky.summary = "摘要 & <b>";
  const auto newer = publish(tricky);
  publish(make_document(city, plans, office, "别的目录", "2017-03-01"));
  save_draft(make_document(city, policy, office, "草稿不应出现", "2017-04-01"));
  start();

  const auto r = get("/feed/zcwj.xml");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type").value_or(""), "application/rss+xml; charset=utf-8");
  EXPECT_NE(r.body.find("关于&lt;春节&gt;期间R&amp;D补贴 &quot;通知&quot;"), std::string::npos) << r.body;
  const auto rss = parse_xml(r.body);
  const auto& channel = rss.get_child("rss.channel");
  EXPECT_EQ(channel.get<std::string>("title"), "邵阳市人民政府 - 政策文件");
  EXPECT_EQ(channel.get<std::string>("link"), "http://zwgk.test/xxgk/zcwj/");
  EXPECT_EQ(children_text(channel, "item", "title"), (std::vector<std::string>{kTrickyTitle, "较早的政策"}));
  EXPECT_EQ(children_text(channel, "item", "link"),
            (std::vector<std::string>{"http://zwgk.test/content/" + std::to_string(newer) + ".html",
                                      "http://zwgk.test/content/" + std::to_string(older) + ".html"}));
  EXPECT_EQ(children_text(channel, "item", "pubDate"),
            (std::vector<std::string>{"Wed, 01 Feb 2017 00:00:00 +0800", "Thu, 05 Jan 2017 00:00:00 +0800"}));
  EXPECT_EQ(channel.get_child("item").get<std::string>("description"), "摘要 & <b>");
  EXPECT_EQ(r.body.find("草稿不应出现"), std::string::npos);
}

TEST_F(FeedRoutes, AtomHasTheSameEntries) {
  publish(make_document(city, policy, office, "较早的政策", "2017-01-05"));
  publish(make_document(city, normative, office, kTrickyTitle, "2017-02-01"));
  start();

  const auto r = get("/feed/zcwj.atom");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type").value_or(""), "application/atom+xml; charset=utf-8");
  const auto atom = parse_xml(r.body);
  const auto& feed = atom.get_child("feed");
  EXPECT_EQ(feed.get<std::string>("<xmlattr>.xmlns"), "http://www.w3.org/2005/Atom");
  EXPECT_EQ(feed.get<std::string>("id"), "http://zwgk.test/feed/zcwj.atom");
  EXPECT_EQ(children_text(feed, "entry", "title"), (std::vector<std::string>{kTrickyTitle, "较早的政策"}));
  EXPECT_EQ(feed.get_child("entry").get<std::string>("published"), "2017-02-01T00:00:00+08:00");
  EXPECT_EQ(feed.get_child("entry").get<std::string>("author.name"), "邵阳市人民政府办公室");
  EXPECT_NE(r.body.find("R&amp;D"), std::string::npos);
}

TEST_F(FeedRoutes, FeedsCarryTheNewestTwenty) {
  for (int i = 1; i <= 23; ++i) {
    char date[32];  // room for any int: -O1 -Wformat-truncation
    std::snprintf(date, sizeof date, "2018-01-%02d", i);
    publish(make_document(city, plans, office, "文件" + std::to_string(i), date));
  }
  start();
  const auto titles = children_text(parse_xml(get("/feed/ghjh.xml").body).get_child("rss.channel"), "item", "title");
  ASSERT_EQ(titles.size(), 20u);
  EXPECT_EQ(titles.front(), "文件23");
  EXPECT_EQ(titles.back(), "文件4");
}

TEST_F(FeedRoutes, PrefixedSitesHaveTheirOwnFeedsAndSitemap) {
  const auto id = publish(make_document(county, county_node, add_department(county, "新邵县政府办"), "县里的通知",
                                        "2017-06-01"));
  start();
  const auto r = get("/xinshao/feed/tzgg.xml");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto link = "http://zwgk.test/xinshao/content/" + std::to_string(id) + ".html";
  EXPECT_EQ(parse_xml(r.body).get<std::string>("rss.channel.item.link"), link);
  EXPECT_EQ(get("/xinshao/feed/tzgg.atom").status, 200);
  // A node of another site is not this site's feed.
  EXPECT_EQ(get("/feed/tzgg.xml").status, 404);
  EXPECT_EQ(get("/xinshao/feed/zcwj.xml").status, 404);

  const auto sm = get("/xinshao/sitemap.xml");
  ASSERT_EQ(sm.status, 200);
  EXPECT_NE(sm.body.find("<loc>" + link + "</loc>"), std::string::npos) << sm.body;
  EXPECT_NE(sm.body.find("<loc>http://zwgk.test/xinshao/xxgk/tzgg/</loc>"), std::string::npos);
  EXPECT_EQ(sm.body.find("http://zwgk.test/xxgk/zcwj/"), std::string::npos);  // not the city's pages
}

TEST_F(FeedRoutes, UnknownFeedsAre404) {
  start();
  EXPECT_EQ(get("/feed/nosuch.xml").status, 404);
  EXPECT_EQ(get("/feed/zcwj.json").status, 404);
  EXPECT_EQ(get("/feed/zcwj").status, 404);
  EXPECT_EQ(get("/feed/.xml").status, 404);
  EXPECT_EQ(get("/nosuchsite/feed/zcwj.xml").status, 404);
  EXPECT_EQ(get("/nosuchsite/sitemap.xml").status, 404);
  EXPECT_EQ(get("/sitemap.xml?page=2").status, 404);
  EXPECT_EQ(get("/sitemap.xml?page=abc").status, 404);
  EXPECT_EQ(get("/feed/ghjh.xml").status, 200);  // an empty node has an empty, valid feed
  EXPECT_NO_THROW(parse_xml(get("/feed/ghjh.atom").body));
}

TEST_F(FeedRoutes, SitemapListsPublishedDocumentsAndCataloguePages) {
  const auto a = publish(make_document(city, policy, office, "甲", "2017-01-05"));
  const auto b = publish(make_document(city, plans, office, "乙", "2017-02-05"));
  const auto draft = save_draft(make_document(city, plans, office, "草稿", "2017-03-05"));
  const auto gone = publish(make_document(city, plans, office, "撤回", "2017-03-06"));
  store::DocumentRepository(*db).withdraw(gone);
  start();

  const auto r = get("/sitemap.xml");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type").value_or(""), "application/xml; charset=utf-8");
  const auto tree = parse_xml(r.body);
  const auto locs = children_text(tree.get_child("urlset"), "url", "loc");
  auto has = [&](const std::string& u) { return std::find(locs.begin(), locs.end(), u) != locs.end(); };
  EXPECT_TRUE(has("http://zwgk.test/"));
  EXPECT_TRUE(has("http://zwgk.test/xxgk/"));
  EXPECT_TRUE(has("http://zwgk.test/xxgk/zcwj/"));
  EXPECT_TRUE(has("http://zwgk.test/xxgk/gfxwj/"));
  EXPECT_TRUE(has("http://zwgk.test/xxgk/ghjh/"));
  EXPECT_TRUE(has("http://zwgk.test/content/" + std::to_string(a) + ".html"));
  EXPECT_TRUE(has("http://zwgk.test/content/" + std::to_string(b) + ".html"));
  EXPECT_FALSE(has("http://zwgk.test/content/" + std::to_string(draft) + ".html"));
  EXPECT_FALSE(has("http://zwgk.test/content/" + std::to_string(gone) + ".html"));
  EXPECT_FALSE(has("http://zwgk.test/xinshao/xxgk/tzgg/"));
  EXPECT_EQ(locs.size(), 2u + 3u + 2u);
  // lastmod of a listing: its newest document's 发文日期.
  for (const auto& [name, node] : tree.get_child("urlset")) {
    if (name != "url") continue;
    if (node.get<std::string>("loc") == "http://zwgk.test/xxgk/zcwj/") {
      EXPECT_EQ(node.get<std::string>("lastmod"), "2017-01-05T00:00:00+08:00");
    }
    if (node.get<std::string>("loc") == "http://zwgk.test/xxgk/gfxwj/") {
      EXPECT_FALSE(node.get_optional<std::string>("lastmod"));
    }
  }
  EXPECT_EQ(get("/sitemap.xml?page=1").body, r.body);
}

TEST_F(FeedRoutes, LargeSitemapsBecomeAnIndex) {
  std::vector<std::int64_t> ids;
  for (int i = 1; i <= 5; ++i) ids.push_back(publish(make_document(city, plans, office, "文件" + std::to_string(i), "2017-01-0" + std::to_string(i))));
  const auto index = feed::render_site_sitemap(*db, city, kBaseUrl, std::nullopt, 2);
  ASSERT_TRUE(index);
  const auto files = children_text(parse_xml(*index).get_child("sitemapindex"), "sitemap", "loc");
  EXPECT_EQ(files, (std::vector<std::string>{"http://zwgk.test/sitemap.xml?page=1", "http://zwgk.test/sitemap.xml?page=2",
                                             "http://zwgk.test/sitemap.xml?page=3"}));
  std::vector<std::string> all;
  for (int page = 1; page <= 3; ++page) {
    const auto part = feed::render_site_sitemap(*db, city, kBaseUrl, page, 2);
    ASSERT_TRUE(part) << page;
    for (const auto& loc : children_text(parse_xml(*part).get_child("urlset"), "url", "loc"))
      if (loc.find("/content/") != std::string::npos) all.push_back(loc);
  }
  std::sort(all.begin(), all.end());
  std::vector<std::string> expected;
  for (auto id : ids) expected.push_back("http://zwgk.test/content/" + std::to_string(id) + ".html");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(all, expected);  // every document exactly once
  EXPECT_FALSE(feed::render_site_sitemap(*db, city, kBaseUrl, 4, 2));
  EXPECT_FALSE(feed::render_site_sitemap(*db, city, kBaseUrl, 0, 2));
}

TEST_F(FeedRoutes, RobotsAllowsAllAndNamesTheSitemaps) {
  start();
  const auto r = get("/robots.txt");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type").value_or(""), "text/plain; charset=utf-8");
  EXPECT_NE(r.body.find("User-agent: *\nAllow: /\n"), std::string::npos) << r.body;
  const auto first = r.body.find("Sitemap: http://zwgk.test/sitemap.xml\n");
  const auto second = r.body.find("Sitemap: http://zwgk.test/xinshao/sitemap.xml\n");
  EXPECT_NE(first, std::string::npos) << r.body;
  EXPECT_NE(second, std::string::npos) << r.body;
  EXPECT_LT(first, second);  // the default site first
}

TEST_F(FeedRoutes, FeedsFollowPublishing) {
  publish(make_document(city, normative, office, "第一份", "2017-01-01"));
  start();
  EXPECT_EQ(children_text(parse_xml(get("/feed/zcwj.xml").body).get_child("rss.channel"), "item", "title").size(), 1u);
  const auto before = get("/sitemap.xml").body;
  // Publishing in a child node invalidates the parent's feed (the store tags the ancestors).
  const auto second = publish(make_document(city, normative, office, "第二份", "2017-01-02"));
  EXPECT_EQ(children_text(parse_xml(get("/feed/zcwj.xml").body).get_child("rss.channel"), "item", "title").size(), 2u);
  const auto url = "http://zwgk.test/content/" + std::to_string(second) + ".html";
  EXPECT_EQ(before.find(url), std::string::npos);
  EXPECT_NE(get("/sitemap.xml").body.find(url), std::string::npos);
}

}  // namespace
}  // namespace zwgk::web::test
