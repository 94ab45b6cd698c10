#include "web/feed_sitemap.hpp"

#include <algorithm>
#include <vector>

#include "store/catalogue_repository.hpp"
#include "store/document_repository.hpp"
#include "web/feed_render.hpp"
#include "web/urls.hpp"

namespace zwgk::web::feed {

namespace {

// Documents fetched per query while walking a chunk.
constexpr std::int64_t kBatch = 1000;

std::optional<Instant> newest_published(store::DocumentRepository& docs, store::DocumentQuery q) {
  q.page = 1;
  q.per_page = 1;
  const auto page = docs.list(q);
  if (page.items.empty()) return std::nullopt;
  return published_instant(page.items.front());
}

std::string urlset(store::Database& db, const domain::Site& site, const std::string& base_url,
                   std::int64_t chunk_number, std::int64_t chunk, std::optional<Instant> site_newest) {
  store::DocumentRepository docs(db);
  std::vector<SitemapUrl> urls;
  if (chunk_number == 1) {
    // A listing changes when a document appears in it: its lastmod is its newest document's.
    urls.push_back({base_url + site_home_url(site), site_newest});
    urls.push_back({base_url + portal_url(site), site_newest});
    for (const auto& node : store::CatalogueRepository(db).tree(site.id)) {
      store::DocumentQuery q;
      q.site_id = site.id;
      q.catalogue_id = node.id;
      urls.push_back({base_url + catalogue_url(site, node.code), newest_published(docs, q)});
    }
  }
  const std::int64_t batch = chunk % kBatch == 0 ? kBatch : chunk;
  const std::int64_t batches = chunk / batch;
  for (std::int64_t b = 0; b < batches; ++b) {
    store::DocumentQuery q;
    q.site_id = site.id;
    q.per_page = static_cast<int>(batch);
    q.page = static_cast<int>((chunk_number - 1) * batches + b + 1);
    const auto page = docs.list(q);
    for (const auto& d : page.items) urls.push_back({base_url + document_url(site, d.id), updated_instant(d)});
    if (static_cast<std::int64_t>(page.items.size()) < batch) break;
  }
  return render_urlset(urls);
}

}  // namespace

std::optional<std::string> render_site_sitemap(store::Database& db, const domain::Site& site,
                                               const std::string& base_url, std::optional<std::int64_t> page,
                                               std::int64_t chunk) {
  chunk = std::max<std::int64_t>(chunk, 1);
  store::DocumentRepository docs(db);
  store::DocumentQuery all;
  all.site_id = site.id;
  all.per_page = 1;
  const auto first = docs.list(all);
  const std::optional<Instant> site_newest =
      first.items.empty() ? std::nullopt : published_instant(first.items.front());
  const std::int64_t chunks = std::max<std::int64_t>(1, (first.total + chunk - 1) / chunk);

  if (!page) {
    if (chunks == 1) return urlset(db, site, base_url, 1, chunk, site_newest);
    std::vector<SitemapUrl> files;
    for (std::int64_t k = 1; k <= chunks; ++k) {
      files.push_back({base_url + site.path_prefix + "/sitemap.xml?page=" + std::to_string(k),
                       k == 1 ? site_newest : std::nullopt});
    }
    return render_sitemap_index(files);
  }
  if (*page < 1 || *page > chunks) return std::nullopt;
  return urlset(db, site, base_url, *page, chunk, site_newest);
}

}  // namespace zwgk::web::feed
