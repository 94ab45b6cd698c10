#include "web/feed_render.hpp"

#include <algorithm>

namespace zwgk::web::feed {

namespace {

constexpr const char* kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

void element(std::string& out, const char* indent, const char* name, const std::string& text) {
  out += indent;
  out += '<';
  out += name;
  out += '>';
  out += xml_escape(text);
  out += "</";
  out += name;
  out += ">\n";
}

// The newest change among the entries, for the channel's lastBuildDate / the feed's <updated>.
std::optional<Instant> newest(const Feed& feed) {
  std::optional<Instant> best;
  for (const auto& e : feed.entries) {
    const auto t = e.updated ? e.updated : e.published;
    if (t && (!best || *t > *best)) best = t;
  }
  return best;
}

}  // namespace

std::string render_rss(const Feed& feed) {
  std::string out = kXmlDeclaration;
  out += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n";
  element(out, "  ", "title", feed.title);
  element(out, "  ", "link", feed.link);
  element(out, "  ", "description", feed.description.empty() ? feed.title : feed.description);
  element(out, "  ", "language", "zh-cn");
  out += "  <atom:link href=\"" + xml_escape(feed.self) + "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
  if (const auto t = newest(feed)) element(out, "  ", "lastBuildDate", rfc822(*t));
  for (const auto& e : feed.entries) {
    out += "  <item>\n";
    element(out, "    ", "title", e.title);
    element(out, "    ", "link", e.link);
    out += "    <guid isPermaLink=\"true\">" + xml_escape(e.link) + "</guid>\n";
    if (e.published) element(out, "    ", "pubDate", rfc822(*e.published));
    if (!e.category.empty()) element(out, "    ", "category", e.category);
    if (!e.summary.empty()) element(out, "    ", "description", e.summary);
    out += "  </item>\n";
  }
  out += "</channel>\n</rss>\n";
  return out;
}

std::string render_atom(const Feed& feed) {
  std::string out = kXmlDeclaration;
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n";
  element(out, "  ", "id", feed.self);
  element(out, "  ", "title", feed.title);
  if (!feed.description.empty()) element(out, "  ", "subtitle", feed.description);
  // Atom requires <updated>; an empty feed gets a fixed instant so its bytes (and ETag)
  // are the same on every node.
  element(out, "  ", "updated", rfc3339(newest(feed).value_or(Instant{})));
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(feed.self) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(feed.link) + "\"/>\n";
  out += "  <author><name>" + xml_escape(feed.author) + "</name></author>\n";
  for (const auto& e : feed.entries) {
    out += "  <entry>\n";
    element(out, "    ", "id", e.link);
    element(out, "    ", "title", e.title);
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(e.link) + "\"/>\n";
    if (e.published) element(out, "    ", "published", rfc3339(*e.published));
    const auto updated = e.updated ? e.updated : e.published;
    element(out, "    ", "updated", rfc3339(updated.value_or(Instant{})));
    if (!e.author.empty()) out += "    <author><name>" + xml_escape(e.author) + "</name></author>\n";
    if (!e.category.empty()) out += "    <category term=\"" + xml_escape(e.category) + "\"/>\n";
    if (!e.summary.empty()) element(out, "    ", "summary", e.summary);
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

std::string render_urlset(const std::vector<SitemapUrl>& urls) {
  std::string out = kXmlDeclaration;
  out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& u : urls) {
    out += "  <url><loc>" + xml_escape(u.loc) + "</loc>";
    if (u.lastmod) out += "<lastmod>" + rfc3339(*u.lastmod) + "</lastmod>";
    out += "</url>\n";
  }
  out += "</urlset>\n";
  return out;
}

std::string render_sitemap_index(const std::vector<SitemapUrl>& sitemaps) {
  std::string out = kXmlDeclaration;
  out += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& u : sitemaps) {
    out += "  <sitemap><loc>" + xml_escape(u.loc) + "</loc>";
    if (u.lastmod) out += "<lastmod>" + rfc3339(*u.lastmod) + "</lastmod>";
    out += "</sitemap>\n";
  }
  out += "</sitemapindex>\n";
  return out;
}

std::string render_robots(const std::vector<std::string>& sitemap_urls) {
  std::string out = "User-agent: *\nAllow: /\n";
  if (!sitemap_urls.empty()) out += "\n";
  for (const auto& url : sitemap_urls) {
    // A line break in a URL would forge a directive; URLs here are ours, but be strict.
    std::string clean = url;
    clean.erase(std::remove_if(clean.begin(), clean.end(), [](char c) { return c == '\n' || c == '\r'; }),
                clean.end());
    out += "Sitemap: " + clean + "\n";
  }
  return out;
}

}  // namespace zwgk::web::feed
