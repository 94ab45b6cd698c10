#pragma once
// The {site} of an API path: the site with that code, or the API's 404 in Chinese. Shared by
// api_routes.cpp and the modules' endpoints under /api/v1/sites/{site}/ (zxft, jyta, hygq).
#include <string>

#include "domain/site.hpp"
#include "http/request.hpp"

namespace zwgk::store { class Database; }

namespace zwgk::web::api {

domain::Site site_by_code(store::Database& db, const std::string& code);
// site_by_code(db, req.param("site")).
domain::Site site_param(store::Database& db, const http::Request& req);

}  // namespace zwgk::web::api
