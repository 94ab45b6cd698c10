#pragma once
// The read-side JSON API (/api/v1/...) and the feeds (RSS/Atom per catalogue, sitemap.xml,
// robots.txt). One error envelope: {"error": {"code": "...", "message": "<Chinese>"}}.
#include <string>

namespace zwgk::http { class Router; }
namespace zwgk::store { class Database; }

namespace zwgk::web {


void register_api_routes(http::Router& router, store::Database& db, const std::string& base_url);
void register_feed_routes(http::Router& router, store::Database& db, const std::string& base_url);

}  // namespace zwgk::web
