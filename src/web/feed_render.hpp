#pragma once
// Renders RSS 2.0, Atom 1.0, sitemaps and robots.txt from plain values. No database, no
// HTTP: the routes in feed_routes.cpp gather the values, these functions write the bytes.
// Every text goes through feed::xml_escape; every link is absolute.
#include <optional>
#include <string>
#include <vector>

#include "web/feed_xml.hpp"

namespace zwgk::web::feed {

struct FeedEntry {
  std::string title;
  std::string link;       // absolute document URL; also the entry's id / guid
  std::string summary;    // plain text
  std::string category;   // 公开目录 name
  std::string author;     // 公开责任部门 or 发文机关
  std::optional<Instant> published;
  std::optional<Instant> updated;
};

struct Feed {
  std::string title;      // "邵阳市人民政府 - 规划计划"
  std::string link;       // absolute URL of the catalogue page
  std::string self;       // absolute URL of this feed
  std::string description;
  std::string author;     // the site's name (Atom requires an author)
  std::vector<FeedEntry> entries;  // newest first
};

std::string render_rss(const Feed& feed);
std::string render_atom(const Feed& feed);

struct SitemapUrl {
  std::string loc;  // absolute
  std::optional<Instant> lastmod;
};

std::string render_urlset(const std::vector<SitemapUrl>& urls);
std::string render_sitemap_index(const std::vector<SitemapUrl>& sitemaps);

// "User-agent: *", "Allow: /", then one "Sitemap:" line per absolute sitemap URL.
std::string render_robots(const std::vector<std::string>& sitemap_urls);

}  // namespace zwgk::web::feed
