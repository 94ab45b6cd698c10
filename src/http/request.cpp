// Request accessors and request-target parsing. All percent-decoding is Boost.URL's.
#include "http/request.hpp"

#include "http/ascii.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace zwgk::http {

namespace {

bool has_nul(std::string_view s) { return s.find('\0') != std::string_view::npos; }



}  // namespace

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::string Request::host() const {
  auto h = header("host");
  if (!h) return {};
  std::string_view v = *h;
  // "[::1]:8080" keeps its brackets; "example.gov.cn:8080" loses the port.
  std::size_t end = v.size();
  if (!v.empty() && v.front() == '[') {
    auto close = v.find(']');
    end = close == std::string_view::npos ? v.size() : close + 1;
  } else if (auto colon = v.rfind(':'); colon != std::string_view::npos) {
    end = colon;
  }
  std::string out(v.substr(0, end));
  for (char& c : out) c = ascii::lower(c);
  return out;
}

std::string Request::param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

Method method_from_string(std::string_view name) {
  if (name == "GET") return Method::Get;
  if (name == "HEAD") return Method::Head;
  if (name == "POST") return Method::Post;
  if (name == "PUT") return Method::Put;
  if (name == "PATCH") return Method::Patch;
  if (name == "DELETE") return Method::Delete;
  if (name == "OPTIONS") return Method::Options;
  return Method::Other;
}

std::string_view method_name(Method method) {
  switch (method) {
    case Method::Get: return "GET";
    case Method::Head: return "HEAD";
    case Method::Post: return "POST";
    case Method::Put: return "PUT";
    case Method::Patch: return "PATCH";
    case Method::Delete: return "DELETE";
    case Method::Options: return "OPTIONS";
    case Method::Other: break;
  }
  return "OTHER";
}

bool parse_target(std::string_view target, Request& req) {
  if (target.empty()) return false;
  boost::system::result<boost::urls::url_view> parsed;
  if (target.front() == '/') {
    parsed = boost::urls::parse_origin_form(target);
  } else {
    // absolute-form (RFC 9112 3.2.2): servers must accept it; only path and query matter.
    parsed = boost::urls::parse_absolute_uri(target);
  }
  if (!parsed) return false;
  const boost::urls::url_view& url = *parsed;

  std::string path = url.path();
  if (path.empty()) path.push_back('/');  // "http://host" asks for "/"
  if (path.front() != '/' || has_nul(path)) return false;

  std::vector<std::pair<std::string, std::string>> query;
  if (url.has_query()) {
    for (auto param : url.params()) {  // "+" decodes to a space, as forms send it
      if (has_nul(param.key) || has_nul(param.value)) return false;
      query.emplace_back(std::move(param.key), std::move(param.value));
    }
  }

  if (target.front() == '/') {
    req.target = std::string(target);
  } else {  // keep the origin-form, so that routing and cache keys see one spelling
    req.target = std::string(url.encoded_path());
    if (req.target.empty()) req.target.push_back('/');
    if (url.has_query()) req.target.append("?").append(url.encoded_query());
  }
  req.path = std::move(path);
  req.raw_query = std::string(url.encoded_query());
  req.query = std::move(query);
  return true;
}

}  // namespace zwgk::http
