#pragma once
// P/sitemap.xml for one site: the home page, the 信息公开 portal, every catalogue page and
// every published document, with <lastmod>. The sitemap protocol allows 50,000 URLs in a
// file; a site with more than `chunk` documents gets a <sitemapindex> at P/sitemap.xml
// pointing to P/sitemap.xml?page=1..N, page 1 also carrying the home/portal/catalogue pages.
// Private to src/web/feed*.cpp and their tests.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/site.hpp"

namespace zwgk::store { class Database; }

namespace zwgk::web::feed {

// Documents per sitemap file; leaves room for the catalogue pages under the 50,000 limit.
inline constexpr std::int64_t kSitemapChunk = 45000;

// page: nullopt for P/sitemap.xml itself, else the value of ?page= (1-based).
// Returns nullopt if the page does not exist (the caller answers 404).
std::optional<std::string> render_site_sitemap(store::Database& db, const domain::Site& site,
                                               const std::string& base_url, std::optional<std::int64_t> page,
                                               std::int64_t chunk = kSitemapChunk);

}  // namespace zwgk::web::feed
