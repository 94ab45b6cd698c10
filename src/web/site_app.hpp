#pragma once
// The public site, the JSON API and the feeds, bound to routes.
#include <filesystem>
#include <memory>
#include <string>

namespace zwgk::http {
class Router;
class PageCache;
class Metrics;
}  // namespace zwgk::http
namespace zwgk::store {
class Database;
}

namespace zwgk::web {

struct WebOptions {
  std::filesystem::path templates_dir;   // default: the source tree's templates/
  std::filesystem::path static_dir;      // default: the source tree's static/
  std::string base_url = "http://127.0.0.1:8080";  // absolute URLs in feeds, sitemap, QR codes
};

// Registers every public route on the router. Keeps references to db and cache.
class SiteApp {
 public:
  SiteApp(WebOptions options, store::Database& db, http::PageCache& cache, http::Metrics& metrics);
  ~SiteApp();
  void register_routes(http::Router& router);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

WebOptions default_web_options();

}  // namespace zwgk::web
