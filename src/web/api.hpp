#pragma once
// The read-side JSON API (/api/v1/...) and the feeds (RSS/Atom per catalogue, sitemap.xml,
// robots.txt). One error envelope: {"error": {"code": "...", "message": "<Chinese>"}}.
#include <string>
#include <vector>

#include "domain/clock.hpp"

namespace zwgk::http { class Router; }
namespace zwgk::store { class Database; }

namespace zwgk::web {

// GET /api/v1/search: 站内搜索 (api_search.cpp); registered before register_api_routes'
// catch-all /api/{rest*}.
void register_search_api(http::Router& router, store::Database& db, const std::string& base_url);
// `clock` gives the day the derived 有效性 is judged on (WebOptions::clock). `descriptions`:
// the modules' parts of /api/v1/openapi.json (SiteApp::add_api_description).
void register_api_routes(http::Router& router, store::Database& db, const std::string& base_url,
                         domain::UnixClock clock = domain::system_unix_seconds,
                         const std::vector<std::string>& descriptions = {});
void register_feed_routes(http::Router& router, store::Database& db, const std::string& base_url);

}  // namespace zwgk::web
