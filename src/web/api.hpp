#pragma once
// The read-side JSON API (/api/v1/...) and the feeds (RSS/Atom per catalogue, sitemap.xml,
// robots.txt). One error envelope: {"error": {"code": "...", "message": "<Chinese>"}}.
#include <string>

namespace zwgk::http { class Router; }
namespace zwgk::store { class Database; }

namespace zwgk::web {


struct WebOptions;

// 依申请公开, public: GET /api/v1/requests/{tracking_number}?code=... — the status without
// personal data; an unknown number and a wrong code give the same 404.
void register_request_public_api(http::Router& router, store::Database& db, const WebOptions& options);
// 依申请公开, for the office: the annual report's sections 三 and 四 are served behind console
// login at GET /console/api/requests/annual-report?year=YYYY (web/request_annual_report.hpp).

// GET /api/v1/search: 站内搜索 (api_search.cpp); registered before register_api_routes'
// catch-all /api/{rest*}.
void register_search_api(http::Router& router, store::Database& db, const std::string& base_url);
void register_api_routes(http::Router& router, store::Database& db, const std::string& base_url);
void register_feed_routes(http::Router& router, store::Database& db, const std::string& base_url);

}  // namespace zwgk::web
