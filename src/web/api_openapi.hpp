#pragma once
// GET /api/v1/openapi.json: OpenAPI 3.0 description of the read-side API. Keep it in step
// with api_routes.cpp, json_view.cpp and docs/api.md. Private to src/web/api*.cpp.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace zwgk::web::api {

using Json = nlohmann::ordered_json;

// `fragments`: JSON texts {"paths": {...}, "components": {...}} merged in (RFC 7386 merge
// patch), the modules' endpoints (SiteApp::add_api_description). A fragment that does not
// parse is a programming error: std::logic_error at start-up.
Json openapi_document(const std::string& base_url, const std::vector<std::string>& fragments = {});

}  // namespace zwgk::web::api
