#include "web/error_mapping.hpp"

#include <nlohmann/json.hpp>

#include "web/pages.hpp"

namespace zwgk::web {

int status_for(domain::ErrorKind kind) {
  switch (kind) {
    case domain::ErrorKind::Invalid: return 400;
    case domain::ErrorKind::Forbidden: return 403;
    case domain::ErrorKind::NotFound: return 404;
    case domain::ErrorKind::Conflict: return 409;
  }
  return 400;
}

const char* api_code_for(domain::ErrorKind kind) {
  switch (kind) {
    case domain::ErrorKind::Invalid: return "bad_request";
    case domain::ErrorKind::Forbidden: return "forbidden";
    case domain::ErrorKind::NotFound: return "not_found";
    case domain::ErrorKind::Conflict: return "conflict";
  }
  return "bad_request";
}

http::Response api_error_response(const http::Request& req, int status, std::string_view code,
                                  std::string_view message) {
  using Json = nlohmann::ordered_json;
  Json body = {{"error",
                {{"code", std::string(code)}, {"message", std::string(message)}, {"request_id", req.request_id}}}};
  http::Response res;
  res.status = status;
  res.content_type = "application/json; charset=utf-8";
  // Invalid UTF-8 in a message becomes U+FFFD instead of an exception.
  res.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  // Public, read-only, no credentials: any web page may use it (开放数据).
  res.set_header("Access-Control-Allow-Origin", "*");
  res.set_header("Cache-Control", "no-store");
  return res;
}

http::Response api_error_response(const http::Request& req, const domain::DomainError& e) {
  return api_error_response(req, status_for(e.kind()), api_code_for(e.kind()), e.what());
}

http::Response site_error_page(PageContext& ctx, const domain::DomainError& e) {
  return error_page(ctx, status_for(e.kind()), e.what());
}

}  // namespace zwgk::web
