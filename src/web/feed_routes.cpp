// The feeds: RSS 2.0 and Atom per catalogue node, the sitemap per site, robots.txt.
//   P/feed/{code}.xml    RSS 2.0, the newest 20 published documents of the node and its descendants
//   P/feed/{code}.atom   the same as Atom 1.0
//   P/sitemap.xml        see feed_sitemap.hpp
//   /robots.txt          allow all; a Sitemap: line per site, the default site first
// Sites are resolved per request with resolve_site() (host, then longest path prefix), so a
// site added at run time gets its feeds without a restart as long as its path_prefix is one
// segment ("/xinshao"); deeper prefixes are registered at start-up and need a restart.
#include <algorithm>
#include <charconv>
#include <map>

#include "domain/cache_tags.hpp"
#include "domain/catalogue.hpp"
#include "http/router.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "web/api.hpp"
#include "web/feed_render.hpp"
#include "web/feed_sitemap.hpp"
#include "web/formatting.hpp"
#include "web/site_resolver.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

constexpr int kFeedEntries = 20;

// The site this request is for, if the path below its prefix starts with `rest_prefix`.
std::optional<ResolvedSite> site_for(store::Database& db, const http::Request& req, std::string_view rest_prefix) {
  auto resolved = resolve_site(store::SiteRepository(db).all(), req.host(), req.path);
  if (!resolved || !resolved->rest.starts_with(rest_prefix)) return std::nullopt;
  return resolved;
}

http::Response not_found(const http::Router& router, http::Request& req, const std::string& message) {
  return router.error_page(req, 404, message);
}

feed::Feed catalogue_feed(store::Database& db, const domain::Site& site, const domain::CatalogueNode& node,
                          const std::string& base_url, bool atom) {
  std::map<std::int64_t, std::string> catalogue_names;
  for (const auto& n : store::CatalogueRepository(db).tree(site.id)) catalogue_names[n.id] = n.name;
  std::map<std::int64_t, std::string> department_names;
  for (const auto& d : store::DepartmentRepository(db).by_site(site.id)) department_names[d.id] = d.name;

  feed::Feed f;
  f.title = site.name + " - " + node.name;
  f.link = base_url + catalogue_url(site, node.code);
  f.self = base_url + feed_url(site, node.code, atom);
  f.description = node.description;
  f.author = site.name;

  store::DocumentQuery q;
  q.site_id = site.id;
  q.catalogue_id = node.id;
  q.per_page = kFeedEntries;
  for (const auto& d : store::DocumentRepository(db).list(q).items) {
    feed::FeedEntry e;
    e.title = d.title;
    e.link = base_url + document_url(site, d.id);
    e.summary = !d.summary.empty() ? d.summary : (!d.doc_number.empty() ? "文号：" + d.doc_number : "");
    if (d.catalogue_id) {
      if (auto it = catalogue_names.find(*d.catalogue_id); it != catalogue_names.end()) e.category = it->second;
    }
    if (d.department_id) {
      if (auto it = department_names.find(*d.department_id); it != department_names.end()) e.author = it->second;
    }
    if (e.author.empty()) e.author = d.issuer;
    e.published = feed::published_instant(d);
    e.updated = feed::updated_instant(d);
    f.entries.push_back(std::move(e));
  }
  return f;
}

http::Response feed_response(const http::Router& router, store::Database& db, const std::string& base_url,
                             http::Request& req) {
  const auto resolved = site_for(db, req, "/feed/");
  const std::string file = req.param("file");
  const bool atom = file.ends_with(".atom");
  const bool rss = file.ends_with(".xml");
  if (!resolved || (!atom && !rss) || resolved->rest != "/feed/" + file) {
    return not_found(router, req, "订阅源不存在");
  }
  const std::string code = file.substr(0, file.size() - (atom ? 5 : 4));
  const auto& site = resolved->site;
  std::optional<domain::CatalogueNode> node;
  if (domain::is_valid_catalogue_code(code)) node = store::CatalogueRepository(db).by_code(site.id, code);
  if (!node) return not_found(router, req, "订阅源不存在：没有这个公开目录");

  const auto feed = catalogue_feed(db, site, *node, base_url, atom);
  http::Response res;
  res.content_type = atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";
  res.body = atom ? feed::render_atom(feed) : feed::render_rss(feed);
  res.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id), domain::tag_catalogue(node->id)};
  return res;
}

// ?page= of the sitemap: absent, or a positive integer; anything else is a page that does not exist.
std::optional<std::optional<std::int64_t>> sitemap_page(const http::Request& req) {
  const auto raw = req.query_param("page");
  if (!raw) return std::optional<std::int64_t>{};
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), value);
  if (raw->empty() || ec != std::errc{} || end != raw->data() + raw->size() || value < 1) return std::nullopt;
  return std::optional<std::int64_t>{value};
}

http::Response sitemap_response(const http::Router& router, store::Database& db, const std::string& base_url,
                                http::Request& req) {
  const auto resolved = site_for(db, req, "/sitemap.xml");
  const auto page = sitemap_page(req);
  if (!resolved || resolved->rest != "/sitemap.xml" || !page) return not_found(router, req, "网站地图不存在");
  const auto& site = resolved->site;
  auto body = feed::render_site_sitemap(db, site, base_url, *page);
  if (!body) return not_found(router, req, "网站地图不存在");
  http::Response res;
  res.content_type = "application/xml; charset=utf-8";
  res.body = std::move(*body);
  res.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id)};
  return res;
}

http::Response robots_response(store::Database& db, const std::string& base_url) {
  auto sites = store::SiteRepository(db).all();
  // The default site (prefix "") first, then the others by id.
  std::stable_partition(sites.begin(), sites.end(), [](const domain::Site& s) { return s.path_prefix.empty(); });
  std::vector<std::string> sitemaps;
  for (const auto& s : sites) sitemaps.push_back(base_url + s.path_prefix + "/sitemap.xml");
  // Not cached: a new site has no tag that would invalidate it, and it costs one query.
  return http::Response::text(feed::render_robots(sitemaps));
}

}  // namespace

void register_feed_routes(http::Router& router, store::Database& db, const std::string& base_url_in) {
  const std::string base_url = trim_base_url(base_url_in);
  const http::Router* r = &router;
  auto feed = [r, &db, base_url](http::Request& req) { return feed_response(*r, db, base_url, req); };
  auto sitemap = [r, &db, base_url](http::Request& req) { return sitemap_response(*r, db, base_url, req); };

  router.get("/robots.txt", [&db, base_url](http::Request&) {
    auto res = robots_response(db, base_url);
    res.content_type = "text/plain; charset=utf-8";
    return res;
  });
  router.get("/feed/{file}", feed);
  router.get("/sitemap.xml", sitemap);
  router.get("/{site_prefix}/feed/{file}", feed);
  router.get("/{site_prefix}/sitemap.xml", sitemap);
  // Prefixes of more than one segment cannot match the patterns above: register them literally.
  for (const auto& s : store::SiteRepository(db).all()) {
    if (std::count(s.path_prefix.begin(), s.path_prefix.end(), '/') < 2) continue;
    router.get(s.path_prefix + "/feed/{file}", feed);
    router.get(s.path_prefix + "/sitemap.xml", sitemap);
  }
}

}  // namespace zwgk::web
