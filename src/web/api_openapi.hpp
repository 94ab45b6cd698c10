#pragma once
// GET /api/v1/openapi.json: OpenAPI 3.0 description of the read-side API. Keep it in step
// with api_routes.cpp, json_view.cpp and docs/api.md. Private to src/web/api*.cpp.
#include <string>

#include <nlohmann/json.hpp>

namespace zwgk::web::api {

using Json = nlohmann::ordered_json;

Json openapi_document(const std::string& base_url);

}  // namespace zwgk::web::api
