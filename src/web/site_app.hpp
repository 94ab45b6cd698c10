#pragma once
// The public site, the JSON API and the feeds, bound to routes.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar_source.hpp"
#include "domain/clock.hpp"

namespace zwgk::http {
class Router;
class PageCache;
class Metrics;
struct Request;
struct Response;
}  // namespace zwgk::http
namespace zwgk::store {
class Database;
}

namespace zwgk::web {

struct WebOptions {
  std::filesystem::path templates_dir;   // default: the source tree's templates/
  std::filesystem::path static_dir;      // default: the source tree's static/
  std::string base_url = "http://127.0.0.1:8080";  // absolute URLs in feeds, sitemap, QR codes
  // The installation secret (32 bytes): signs the public application form's tokens and
  // derives the key that seals applicants' ID numbers (store/personal_data_key.hpp).
  // default_web_options() makes a random one (fine for one process; `zwgk serve` passes
  // the configured secret so every node agrees).
  std::string secret;
  // The working-day calendar (domain/calendar_source.hpp); `zwgk serve` gives the site and
  // the console the same source, which reloads when a file in the holiday directory
  // changes. Default: domain::fixed_calendar() (weekends only, with the missing-year warning).
  domain::CalendarSourcePtr calendar;
  // The calendar in force now: calendar's current one, the weekends-only one when none is set.
  std::shared_ptr<const domain::WorkingDayCalendar> current_calendar() const {
    return calendar ? calendar->current() : std::make_shared<const domain::WorkingDayCalendar>();
  }
  // The time (Unix seconds) every page takes "today" from (today() below); default: the
  // real clock. Tests stop it on a day they choose.
  domain::UnixClock clock;
  long long now_unix() const { return clock ? clock() : domain::system_unix_seconds(); }
  domain::Date today() const { return domain::china_date(now_unix()); }

  // 本周热门搜索 (store/hot_queries.hpp, web/hot_query_counter.hpp): different visitors a
  // query needs before the public list shows it; whether a site shows the list before its
  // office decides; how often the in-memory tally is written (0 = only by
  // SiteApp::flush_hot_queries() and at shutdown).
  int hot_query_min_visitors = 5;
  bool hot_queries = true;
  int hot_query_flush_seconds = 10;
  // The page cache's own budget for search result pages and answers (cache class
  // "search"): they can only evict each other, never a document page.
  std::size_t search_cache_bytes = 32u << 20;
  std::size_t search_cache_entries = 4096;
};

class PageContext;
struct PageEnv;

// A link a module adds to every page of every site (SiteApp::add_navigation, add_footer_link): `path` is below the
// site's prefix ("/zmhd/"); with_page_url appends ?url=<this page's absolute URL> (the
// 我为政府网站找错 entry).
struct SiteLink {
  std::string label;
  std::string path;
  std::string nav_key;  // header navigation: the PageMeta::nav value that marks it current
  bool with_page_url = false;
};

// Results a module adds to the site search beside the documents (e.g. 信件选登): the
// first few hits and a link to its own search for more. Shown on a site's search (not the
// cross-site one), first page only; `cache_tags` join the search page's.
struct SearchSourceHit {
  std::string title;
  std::string url;
  std::string snippet;  // plain text
  std::string date;     // YYYY-MM-DD or ""
};
struct SearchSourceResult {
  std::string label;  // 信件选登
  std::int64_t total = 0;
  std::vector<SearchSourceHit> hits;
  std::string more_url;
  std::vector<std::string> cache_tags;
};
class PageContext;
using SearchSource = std::function<std::optional<SearchSourceResult>(PageContext&, const std::string& query)>;

// A module's part of every site's address space: P/<name>/... (see add_section).
// seg = the path below P split on '/', seg[0] == name. nullopt = no such page (404).
using SiteSection = std::function<std::optional<http::Response>(PageContext&, const std::vector<std::string_view>& seg)>;

// Registers every public route on the router. Keeps references to db and cache.
class SiteApp {
 public:
  SiteApp(WebOptions options, store::Database& db, http::PageCache& cache, http::Metrics& metrics);
  ~SiteApp();
  void register_routes(http::Router& router);
  // A module's pages under every site's prefix, P/<name>/..., e.g. "ysqgk" (依申请公开) or
  // "content" (documents). With accepts_post false, a POST there is answered 405.
  // Register before the first request.
  void add_section(std::string name, SiteSection section, bool accepts_post = false);
  // A module's link in every page's header navigation or footer (SiteLink above).
  // Register before the first request.
  void add_navigation(SiteLink link);
  void add_footer_link(SiteLink link);
  // A module's entrance in the home page's 信息公开 block (依申请公开 beside 政府信息公开指南,
  // 制度 and 年报); the 网站地图 lists it too. Register before the first request.
  void add_portal_link(SiteLink link);
  // A module's endpoints in /api/v1/openapi.json: a JSON text {"paths": {...},
  // "components": {...}} merged into the kernel's description. Register before
  // register_routes.
  void add_api_description(std::string json);
  // A module's results in the site search (SearchSource above). Register before serving.
  void add_search_source(SearchSource source);
  // The site's own error page for any request (404, 400, 500); never throws.
  http::Response error_page(const http::Request& req, int status, const std::string& message) const;
  const PageEnv& env() const;
  const WebOptions& options() const;
  // Writes the hot-query tally now (tests; the flusher does it every few seconds).
  void flush_hot_queries();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

WebOptions default_web_options();

}  // namespace zwgk::web
