// Unit tests of the feeds' text helpers and renderers: no server, no database.
#include <gtest/gtest.h>

#include <sstream>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "web/feed_render.hpp"
#include "web/feed_xml.hpp"

namespace zwgk::web::feed {
namespace {

boost::property_tree::ptree parse_xml(const std::string& xml) {
  std::istringstream in(xml);
  boost::property_tree::ptree tree;
  boost::property_tree::read_xml(in, tree);  // throws on malformed XML
  return tree;
}

TEST(FeedXml, EscapesMarkupCharacters) {
  EXPECT_EQ(xml_escape("a & b < c > d \"e\" 'f'"), "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
  EXPECT_EQ(xml_escape("关于印发《规划》的通知"), "关于印发《规划》的通知");
}

TEST(FeedXml, DropsCharactersXmlCannotCarry) {
  EXPECT_EQ(xml_escape(std::string("a\x01" "b\tc\nd", 7)), "ab\tc\nd");
  EXPECT_EQ(xml_escape(std::string("x\0y", 3)), "xy");
  // Invalid UTF-8 (a lone continuation byte, a truncated sequence, an overlong '/')
  EXPECT_EQ(xml_escape("a\x80z"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(xml_escape("a\xE4\xB8"), "a\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(xml_escape("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(xml_escape("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  EXPECT_EQ(xml_escape("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");                 // an emoji stays
}

TEST(FeedXml, ParsesTheTimestampsTheStoreWrites) {
  using namespace std::chrono;
  const auto base = sys_days{2017y / May / 2};
  EXPECT_EQ(parse_timestamp("2017-05-02"), base);
  EXPECT_EQ(parse_timestamp("2017-05-02T08:30:15"), base + 8h + 30min + 15s);
  EXPECT_EQ(parse_timestamp("2017-05-02 08:30:15.123456"), base + 8h + 30min + 15s);
  EXPECT_EQ(parse_timestamp("2017-05-02T08:30:15Z"), base + 8h + 30min + 15s);
  EXPECT_EQ(parse_timestamp("2017-05-02T08:30:15+08:00"), base + 30min + 15s);
  EXPECT_EQ(parse_timestamp("2017-05-02 08:30:15+00"), base + 8h + 30min + 15s);
  EXPECT_EQ(parse_timestamp("2017-05-02T08:30:15-0130"), base + 10h + 15s);
  EXPECT_FALSE(parse_timestamp(""));
  EXPECT_FALSE(parse_timestamp("2017-02-30"));
  EXPECT_FALSE(parse_timestamp("2017-05-02T25:00:00"));
  EXPECT_FALSE(parse_timestamp("2017-05-02Tjunk"));
  EXPECT_FALSE(parse_timestamp("2017-05-02T08:30:15 trailing"));
}

TEST(FeedXml, FormatsInChinaStandardTime) {
  using namespace std::chrono;
  const auto midnight_cst = start_of_day_cst(domain::Date{2017y / May / 2});
  EXPECT_EQ(rfc822(midnight_cst), "Tue, 02 May 2017 00:00:00 +0800");
  EXPECT_EQ(rfc3339(midnight_cst), "2017-05-02T00:00:00+08:00");
  EXPECT_EQ(rfc3339(Instant{sys_days{2017y / December / 31} + 20h}), "2018-01-01T04:00:00+08:00");
  EXPECT_EQ(rfc822(Instant{sys_days{2024y / February / 29} + 1h + 2min + 3s}), "Thu, 29 Feb 2024 09:02:03 +0800");
}

TEST(FeedXml, DocumentInstants) {
  using namespace std::chrono;
  domain::Document d;
  d.published_on = domain::Date{2017y / May / 2};
  d.updated_at = "2017-05-03T02:00:00Z";
  EXPECT_EQ(rfc3339(*published_instant(d)), "2017-05-02T00:00:00+08:00");
  EXPECT_EQ(rfc3339(*updated_instant(d)), "2017-05-03T10:00:00+08:00");
  d.updated_at = "2010-01-01 00:00:00";  // imported before its 发文日期: the later one wins
  EXPECT_EQ(updated_instant(d), published_instant(d));
  domain::Document bare;
  EXPECT_FALSE(published_instant(bare));
  bare.first_published_at = "2020-01-01T00:00:00Z";
  EXPECT_EQ(rfc3339(*published_instant(bare)), "2020-01-01T08:00:00+08:00");
}

Feed sample_feed() {
  using namespace std::chrono;
  Feed f;
  f.title = "邵阳市人民政府 - 规划计划";
  f.link = "http://example.gov.cn/xxgk/ghjh/";
  f.self = "http://example.gov.cn/feed/ghjh.xml?a=1&b=2";
  f.description = "规划 & 计划";
  f.author = "邵阳市人民政府";
  FeedEntry e;
  e.title = "关于 <script> & \"引号\" 的通知";
  e.link = "http://example.gov.cn/content/7.html";
  e.summary = "概述 <b>";
  e.category = "规划计划";
  e.author = "市政府办";
  e.published = start_of_day_cst(domain::Date{2017y / May / 2});
  f.entries.push_back(e);
  return f;
}

TEST(FeedRender, RssIsWellFormedAndEscaped) {
  const auto xml = render_rss(sample_feed());
  const auto tree = parse_xml(xml);
  EXPECT_EQ(tree.get<std::string>("rss.<xmlattr>.version"), "2.0");
  EXPECT_EQ(tree.get<std::string>("rss.channel.item.title"), "关于 <script> & \"引号\" 的通知");
  EXPECT_EQ(tree.get<std::string>("rss.channel.item.pubDate"), "Tue, 02 May 2017 00:00:00 +0800");
  EXPECT_EQ(tree.get<std::string>("rss.channel.lastBuildDate"), "Tue, 02 May 2017 00:00:00 +0800");
  EXPECT_NE(xml.find("关于 &lt;script&gt; &amp; &quot;引号&quot; 的通知"), std::string::npos);
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
}

TEST(FeedRender, AtomIsWellFormedAndHasRequiredElements) {
  const auto tree = parse_xml(render_atom(sample_feed()));
  EXPECT_EQ(tree.get<std::string>("feed.id"), "http://example.gov.cn/feed/ghjh.xml?a=1&b=2");
  EXPECT_EQ(tree.get<std::string>("feed.updated"), "2017-05-02T00:00:00+08:00");
  EXPECT_EQ(tree.get<std::string>("feed.author.name"), "邵阳市人民政府");
  EXPECT_EQ(tree.get<std::string>("feed.entry.id"), "http://example.gov.cn/content/7.html");
  EXPECT_EQ(tree.get<std::string>("feed.entry.title"), "关于 <script> & \"引号\" 的通知");
  EXPECT_EQ(tree.get<std::string>("feed.entry.published"), "2017-05-02T00:00:00+08:00");
  EXPECT_EQ(tree.get<std::string>("feed.entry.updated"), "2017-05-02T00:00:00+08:00");
}

TEST(FeedRender, EmptyFeedsAreValid) {
  Feed f = sample_feed();
  f.entries.clear();
  EXPECT_NO_THROW(parse_xml(render_rss(f)));
  const auto atom = parse_xml(render_atom(f));
  EXPECT_EQ(atom.get<std::string>("feed.updated"), "1970-01-01T08:00:00+08:00");
}

TEST(FeedRender, SitemapsAndRobots) {
  const auto urlset =
      parse_xml(render_urlset({{"http://x/a?b=1&c=2", Instant{}}, {"http://x/", std::nullopt}}));
  ASSERT_EQ(urlset.get_child("urlset").count("url"), 2u);
  EXPECT_EQ(urlset.get<std::string>("urlset.url.loc"), "http://x/a?b=1&c=2");
  const auto index = parse_xml(render_sitemap_index({{"http://x/sitemap.xml?page=1", std::nullopt}}));
  EXPECT_EQ(index.get<std::string>("sitemapindex.sitemap.loc"), "http://x/sitemap.xml?page=1");
  EXPECT_EQ(render_robots({"http://x/sitemap.xml", "http://x/a/sitemap.xml\nDisallow: /"}),
            "User-agent: *\nAllow: /\n\nSitemap: http://x/sitemap.xml\nSitemap: http://x/a/sitemap.xmlDisallow: /\n");
}

}  // namespace
}  // namespace zwgk::web::feed
