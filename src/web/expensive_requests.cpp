#include "web/expensive_requests.hpp"

#include <string_view>

namespace zwgk::web {

bool is_expensive_public_request(const http::Request& req) {
  const std::string_view path = req.path;
  if (path == "/api/v1/search") return true;
  if (path.ends_with("/search/")) return true;  // every site's P/search/
  if (req.method != http::Method::Post) return false;
  if (path == "/console/login") return true;
  return path.starts_with("/ysqgk/") || path.find("/ysqgk/") != std::string_view::npos;
}

}  // namespace zwgk::web
