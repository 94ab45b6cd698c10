// SiteApp: binds the public site to the router.
//
// Routes (P = a site's path_prefix, resolved per request by resolve_site()):
//   GET P/  P/xxgk/  P/xxgk/{code}/  P/content/{id}.html  P/department/{id}/
//       P/search/ (站内搜索, ?site=all across sites)  P/opensearch.xml
//       P/sitemap/ P/contact/ P/statement/ P/privacy/ (网站地图, 联系我们, 网站声明, 隐私声明)
//       through one catch-all route "/{path*}" — sites are data, so a site added at run
//       time is served without re-registering routes; "P/xxgk" and the like redirect to
//       the form with the trailing slash
//   GET /static/{path*}                 static/ (http::serve_static: traversal -> 404)
//   GET /attachments/{sha256}/{name}    files of published documents only (attachment_download.hpp)
//   GET /site-images/{sha256}           a site's logo and footer badges (site_images.hpp)
//   GET /preferences/large-text         large-text cookie on/off, 303 back (see text_size_preference.hpp)
//   GET /preferences/contrast           high-contrast cookie on/off, 303 back (same)
//   GET /preferences/text-size.css      the cookie-dependent stylesheet (never page-cached)
//   + register_api_routes / register_feed_routes (web/api.hpp)
//   not found / handler errors          the site's own 404 / 400 / 500 pages
//
// Caching contract: public pages carry cache tags (see pages.hpp) and the http layer
// keeps them until Database's change listener invalidates a tag; the application wires
//   db.set_change_listener([&cache](const auto& tags) { for (auto& t : tags) cache.invalidate(t); });
// SiteApp itself holds no state that a write could make stale. Search pages and answers
// are cached in their own budget (cache class "search", WebOptions::search_cache_*), and
// SiteApp owns the 本周热门搜索 counter (web/hot_query_counter.hpp) and its flusher.
#include "web/site_app.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <spdlog/spdlog.h>

#include "http/metrics.hpp"
#include "http/page_cache.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"
#include "store/site_repository.hpp"
#include "web/api.hpp"
#include "web/attachment_download.hpp"
#include "web/formatting.hpp"
#include "web/hot_query_counter.hpp"
#include "web/error_mapping.hpp"
#include "web/page_error.hpp"
#include "web/pages.hpp"
#include "web/query_params.hpp"
#include "web/search_request.hpp"
#include "web/site_images.hpp"
#include "web/site_resolver.hpp"
#include "web/text_size_preference.hpp"

namespace zwgk::web {

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return {};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string_view> split_segments(std::string_view rest) {
  std::vector<std::string_view> out;
  if (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  while (true) {
    auto slash = rest.find('/');
    out.push_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return out;
}

// Used when no site can be determined (no sites yet, or the database is unreachable).
domain::Site placeholder_site() {
  domain::Site s;
  s.name = "政府网站";
  return s;
}

}  // namespace

struct SiteApp::Impl {
  Impl(WebOptions o, store::Database& d, http::PageCache& c, http::Metrics& m)
      : options(std::move(o)),
        db(d),
        cache(c),
        metrics(m),
        templates(options.templates_dir),
        env{db, templates, options, trim_base_url(options.base_url)},
        reader_css{read_file(options.static_dir / "large.css"), read_file(options.static_dir / "contrast.css")} {
    if (!options.calendar) options.calendar = domain::fixed_calendar();
    if (!options.clock) options.clock = domain::system_unix_seconds;
    // Cached pages were made with the previous templates.
    templates.set_on_reload([&c] { c.invalidate_all(); });
    if (reader_css.large_css.empty()) spdlog::warn("web: {} is missing; large-text mode has no styles", (options.static_dir / "large.css").string());
    if (reader_css.contrast_css.empty()) spdlog::warn("web: {} is missing; high-contrast mode has no styles", (options.static_dir / "contrast.css").string());
    // Search pages: one per query string, so a budget of their own (search_page.cpp).
    cache.set_class_budget(kSearchCacheClass, options.search_cache_bytes, options.search_cache_entries);
    env.hot_queries = std::make_shared<HotQueryCounter>(db, options);
    env.hot_queries->start();
  }

  WebOptions options;
  store::Database& db;
  http::PageCache& cache;
  http::Metrics& metrics;
  TemplateRenderer templates;
  PageEnv env;
  ReaderStylesheets reader_css;
  struct Section {
    SiteSection handle;
    bool accepts_post = false;
  };
  std::map<std::string, Section, std::less<>> sections;
  std::vector<std::string> api_descriptions;  // the modules' OpenAPI parts

  std::optional<ResolvedSite> resolve(const http::Request& req) {
    return resolve_site(store::SiteRepository(db).all(), req.host(), req.path);
  }

  // The site's error page for any request; never throws.
  http::Response error_for(const http::Request& req, int status, const std::string& message) {
    domain::Site site = placeholder_site();
    try {
      if (auto r = resolve(req)) site = r->site;
    } catch (const std::exception& e) {
      spdlog::warn("web: error page without site request_id={} error={}", req.request_id, e.what());
    }
    PageContext ctx(env, req, site);
    return web::error_page(ctx, status, message);
  }

  http::Response site_page(http::Request& req) {
    auto resolved = resolve(req);
    if (!resolved) return error_for(req, 404, "");
    PageContext ctx(env, req, resolved->site);
    try {
      return route(ctx, resolved->rest);
    } catch (const PageError& e) {
      return web::error_page(ctx, e.status(), e.what());
    } catch (const domain::DomainError& e) {
      return site_error_page(ctx, e);
    } catch (const store::NotFound&) {
      return site_error_page(ctx, not_found());
    }
  }

  http::Response route(PageContext& ctx, const std::string& rest) {
    const auto& req = ctx.req;
    auto add_slash = [&] {
      std::string location = ctx.site.path_prefix + rest + "/";
      if (!req.raw_query.empty()) location += "?" + req.raw_query;
      return http::Response::redirect(location, 301);
    };
    if (rest.empty()) return add_slash();  // "/xinshao" -> "/xinshao/"
    if (rest == "/") return home_page(ctx);
    const auto seg = split_segments(rest);
    if (auto it = sections.find(seg[0]); it != sections.end()) {
      if (req.method == http::Method::Post && !it->second.accepts_post) throw PageError(405, "该页面不接受提交。");
      if (auto r = it->second.handle(ctx, seg)) return std::move(*r);
      throw not_found();
    }
    if (req.method == http::Method::Post) throw PageError(405, "该页面不接受提交。");
    if (seg[0] == "xxgk") {
      if (seg.size() == 1) return add_slash();
      if (seg.size() == 2 && seg[1].empty()) return portal_page(ctx);
      const std::string code(seg[1]);
      if (domain::is_valid_catalogue_code(code)) {
        if (seg.size() == 2) return add_slash();
        if (seg.size() == 3 && seg[2].empty()) return catalogue_page(ctx, code);
      }
    } else if (seg[0] == "search") {
      if (seg.size() == 1) return add_slash();
      if (seg.size() == 2 && seg[1].empty()) return search_page(ctx);
    } else if (seg.size() <= 2 && is_site_info_page(seg[0])) {
      if (seg.size() == 1) return add_slash();
      if (seg[1].empty()) return site_info_page(ctx, seg[0]);
    } else if (seg[0] == "opensearch.xml" && seg.size() == 1) {
      return opensearch_description(ctx);
    } else if (seg[0] == "department" && seg.size() >= 2) {
      if (auto id = canonical_id(seg[1])) {
        if (seg.size() == 2) return add_slash();
        if (seg.size() == 3 && seg[2].empty()) return department_page(ctx, *id);
      }
    }
    throw not_found();
  }
};

SiteApp::SiteApp(WebOptions options, store::Database& db, http::PageCache& cache, http::Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), db, cache, metrics)) {}

SiteApp::~SiteApp() = default;

void SiteApp::flush_hot_queries() { impl_->env.hot_queries->flush(); }

void SiteApp::add_section(std::string name, SiteSection section, bool accepts_post) {
  impl_->sections[std::move(name)] = Impl::Section{std::move(section), accepts_post};
}

http::Response SiteApp::error_page(const http::Request& req, int status, const std::string& message) const {
  return impl_->error_for(req, status, message);
}

void SiteApp::add_navigation(SiteLink link) { impl_->env.nav_links.push_back(std::move(link)); }
void SiteApp::add_footer_link(SiteLink link) { impl_->env.footer_links.push_back(std::move(link)); }
void SiteApp::add_portal_link(SiteLink link) { impl_->env.portal_links.push_back(std::move(link)); }
void SiteApp::add_api_description(std::string json) { impl_->api_descriptions.push_back(std::move(json)); }
void SiteApp::add_search_source(SearchSource source) { impl_->env.search_sources.push_back(std::move(source)); }

const PageEnv& SiteApp::env() const { return impl_->env; }
const WebOptions& SiteApp::options() const { return impl_->options; }

void SiteApp::register_routes(http::Router& router) {
  Impl& app = *impl_;
  register_search_api(router, app.db, app.env.base_url);
  register_api_routes(router, app.db, app.env.base_url, app.options.clock, app.api_descriptions);
  register_feed_routes(router, app.db, app.env.base_url);

  router.get("/static/{path*}", [&app](http::Request& req) {
    auto r = http::serve_static(app.options.static_dir, req.param("path"));
    return r.status == 404 ? app.error_for(req, 404, "您访问的文件不存在。") : r;
  });
  router.get("/attachments/{sha256}/{name}", [&app](http::Request& req) {
    auto r = attachment_download(app.db, req, store::SiteRepository(app.db).all());
    return r ? std::move(*r) : app.error_for(req, 404, "您访问的附件不存在。");
  });
  router.get("/site-images/{sha256}", [&app](http::Request& req) {
    auto r = site_image_response(app.db, std::string(req.param("sha256")));
    return r ? std::move(*r) : app.error_for(req, 404, "您访问的图片不存在。");
  });
  router.get("/preferences/large-text", [&app](http::Request& req) {
    try {
      return large_text_preference(req);
    } catch (const domain::DomainError& e) {
      return app.error_for(req, status_for(e.kind()), e.what());
    }
  });
  router.get("/preferences/contrast", [&app](http::Request& req) {
    try {
      return contrast_preference(req);
    } catch (const domain::DomainError& e) {
      return app.error_for(req, status_for(e.kind()), e.what());
    }
  });
  router.get("/preferences/text-size.css",
             [&app](http::Request& req) { return text_size_stylesheet(req, app.reader_css); });

  router.get("/{path*}", [&app](http::Request& req) { return app.site_page(req); });
  router.post("/{path*}", [&app](http::Request& req) { return app.site_page(req); });

  router.set_not_found([&app](http::Request& req) { return app.error_for(req, 404, ""); });
  router.set_error_page([&app](http::Request& req, int status, const std::string& message) {
    return app.error_for(req, status, message);
  });
}

WebOptions default_web_options() {
  WebOptions o;
  o.templates_dir = ZWGK_TEMPLATES_DIR;
  o.static_dir = ZWGK_STATIC_DIR;
  o.secret = store::random_secret();
  o.calendar = domain::fixed_calendar();
  o.clock = domain::system_unix_seconds;
  return o;
}

}  // namespace zwgk::web
