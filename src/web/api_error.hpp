#pragma once
// The API's one error envelope and the JSON response helpers. Private to src/web/api*.cpp.
//   {"error": {"code": "bad_request" | "not_found" | "method_not_allowed" | "internal",
//              "message": "<Chinese, names the parameter>", "request_id": "..."}}
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"
#include "web/error_mapping.hpp"

namespace zwgk::web::api {

// Objects keep the order their keys were written in (the order docs/api.md shows).
using Json = nlohmann::ordered_json;

inline constexpr const char* kJsonContentType = "application/json; charset=utf-8";

// Thrown by handlers and parameter parsers: one of the error family (domain/errors.hpp),
// so guarded() answers it, like any other DomainError a use case throws, through the one
// mapping (web/error_mapping.hpp): Invalid 400 "bad_request", NotFound 404 "not_found", ...
class ApiError : public domain::DomainError {
 public:
  ApiError(domain::ErrorKind kind, std::string code, const std::string& message)
      : domain::DomainError(kind, std::move(code), message) {}
  int status() const { return status_for(kind()); }
};

inline ApiError bad_request(const std::string& message) {
  return ApiError(domain::ErrorKind::Invalid, "bad_request", message);
}
inline ApiError not_found(const std::string& message) { return ApiError(domain::ErrorKind::NotFound, "not_found", message); }

// UTF-8 JSON; invalid UTF-8 in stored data becomes U+FFFD instead of an exception.
std::string dump_json(const Json& value);

http::Response json_response(const Json& value, int status = 200);
http::Response error_response(const http::Request& req, int status, std::string_view code, std::string_view message);

// Wraps a handler: a DomainError (ApiError included) -> its envelope (api_error_response in
// web/error_mapping.hpp); any other exception -> 500 "internal" (logged
// with the request id, never shown). API requests never reach the HTML error page.
http::Handler guarded(http::Handler handler);

}  // namespace zwgk::web::api
