#pragma once
// Form submissions and cookies, as handlers see them: plain values, no Beast types.
//   application/x-www-form-urlencoded   decoded by Boost.URL ('+' is a space)
//   multipart/form-data                 RFC 7578: text fields and uploaded files
// A body that cannot be parsed yields nullopt and the caller answers 400 with a reason;
// nothing here throws on malformed input.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/request.hpp"

namespace zwgk::http {

struct UploadedFile {
  std::string field;         // form field name
  std::string file_name;     // as the browser sent it (path components stripped); may be ""
  std::string content_type;  // as the browser claimed it: never trust it, sniff the bytes
  std::string data;
};

struct Form {
  std::vector<std::pair<std::string, std::string>> fields;  // in order, decoded
  std::vector<UploadedFile> files;                          // multipart only; empty file inputs skipped

  // First value of `name`, or nullopt.
  std::optional<std::string> get(std::string_view name) const;
  // First value of `name`, or "" (for optional text inputs).
  std::string value(std::string_view name) const;
  // Every value of `name` (checkbox groups, multi-selects).
  std::vector<std::string> all(std::string_view name) const;
  // How many times `name` occurs.
  std::size_t count(std::string_view name) const;
  const UploadedFile* file(std::string_view field) const;
};

// Parses a urlencoded string (a POST body or a query string without '?').
std::optional<Form> parse_urlencoded(std::string_view body);
// Parses a multipart/form-data body with the given boundary (from Content-Type).
std::optional<Form> parse_multipart(std::string_view body, std::string_view boundary);
// Dispatches on the request's Content-Type: urlencoded, multipart/form-data, or an empty
// body (empty form). Any other type, or a malformed body, yields nullopt.
std::optional<Form> parse_form(const Request& req);

// The value of cookie `name` from the Cookie header(s), or nullopt.
std::optional<std::string> cookie(const Request& req, std::string_view name);

struct CookieOptions {
  std::string path = "/";
  bool http_only = true;
  bool secure = false;               // set when served behind TLS
  std::string same_site = "Strict";  // Strict | Lax | None
  long max_age_seconds = -1;         // -1: a session cookie; 0: delete now
};
// A Set-Cookie header value. `value` must be a cookie-octet string (the caller encodes).
std::string set_cookie_value(std::string_view name, std::string_view value, const CookieOptions& options = {});

}  // namespace zwgk::http
