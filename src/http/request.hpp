#pragma once
// An HTTP request as handlers see it: plain values, no Beast types.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zwgk::http {

enum class Method { Get, Head, Post, Put, Patch, Delete, Options, Other };

struct Request {
  Method method = Method::Get;
  std::string target;     // raw request-target: "/a/b?x=1"
  std::string path;       // percent-decoded path, "/a/b"
  std::string raw_query;  // "x=1"
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  std::string remote_address;
  std::string request_id;
  std::map<std::string, std::string> params;  // route parameters, decoded

  std::optional<std::string_view> header(std::string_view lower_name) const;
  std::optional<std::string> query_param(std::string_view name) const;  // first value
  std::string host() const;  // Host header without port, lower-case
  std::string param(const std::string& name) const;  // route parameter or ""
};

// "GET" -> Method::Get; unknown -> Method::Other. Case-sensitive, as HTTP methods are.
Method method_from_string(std::string_view name);
// Method::Get -> "GET"; Method::Other -> "OTHER".
std::string_view method_name(Method method);

// Fills req.target, path, raw_query and query from a request-target (origin-form
// "/a%20b?x=1", or absolute-form "http://host/a"). Decoding is Boost.URL's; a target it
// cannot parse, or whose decoded path or query contains NUL, is rejected (false) and the
// caller answers 400.
bool parse_target(std::string_view target, Request& req);

}  // namespace zwgk::http
