#include "web/query_params.hpp"

#include <algorithm>
#include <limits>

#include "web/page_error.hpp"

namespace zwgk::web {

std::optional<std::string> single_param(const http::Request& req, std::string_view name) {
  std::optional<std::string> found;
  int count = 0;
  for (const auto& [k, v] : req.query) {
    if (k != name) continue;
    ++count;
    if (!v.empty()) found = v;
  }
  if (count > 1) throw bad_request("参数 " + std::string(name) + " 只能出现一次");
  return found;
}

std::optional<std::int64_t> parse_positive_integer(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return std::nullopt;
  return v;
}

std::optional<std::int64_t> canonical_id(std::string_view s) {
  auto v = parse_positive_integer(s);
  if (!v || std::to_string(*v) != s) return std::nullopt;
  return v;
}

int page_param(const http::Request& req) {
  auto raw = single_param(req, "page");
  if (!raw) return 1;
  auto v = parse_positive_integer(*raw);
  if (!v) throw bad_request("参数 page 必须是正整数");
  if (*v > kMaxPage) throw bad_request("参数 page 不能大于 " + std::to_string(kMaxPage));
  return static_cast<int>(*v);
}

int per_page_param(const http::Request& req, int default_per_page) {
  auto raw = single_param(req, "per_page");
  if (!raw) return default_per_page;
  auto v = parse_positive_integer(*raw);
  if (!v || *v > kMaxPerPage) {
    throw bad_request("参数 per_page 必须是 1 到 " + std::to_string(kMaxPerPage) + " 之间的整数");
  }
  return static_cast<int>(*v);
}

std::optional<int> year_param(const http::Request& req) {
  auto raw = single_param(req, "year");
  if (!raw) return std::nullopt;
  const auto v = parse_year(*raw);
  if (!v) throw bad_request("参数 year 必须是四位数字的年份，例如 2017");
  return v;
}

std::optional<int> parse_year(std::string_view s) {
  // A four-digit year; the oldest records a government site republishes are post-1949,
  // but imported archives may go back further, so only the shape is enforced.
  const auto v = parse_positive_integer(s);
  if (!v || s.size() != 4 || *v < 1000) return std::nullopt;
  return static_cast<int>(*v);
}

std::optional<std::int64_t> department_param(const http::Request& req) {
  auto raw = single_param(req, "department");
  if (!raw) return std::nullopt;
  auto v = parse_positive_integer(*raw);
  if (!v) throw bad_request("参数 department 必须是正整数（部门编号）");
  return *v;
}

std::optional<domain::Validity> validity_param(const http::Request& req) {
  auto raw = single_param(req, "validity");
  if (!raw) return std::nullopt;
  auto v = domain::validity_from(*raw);
  if (!v) {
    throw bad_request(
        "参数 validity 必须是以下之一：valid（有效）、expired（失效）、repealed（废止）、amended（已修订）、"
        "not_yet_effective（尚未生效）");
  }
  return v;
}

bool print_param(const http::Request& req) {
  auto raw = single_param(req, "print");
  if (!raw) return false;
  if (*raw == "1") return true;
  if (*raw == "0") return false;
  throw bad_request("参数 print 只能是 1（打印版）或 0");
}

bool has_unknown_params(const http::Request& req, std::initializer_list<std::string_view> known) {
  return std::any_of(req.query.begin(), req.query.end(), [&](const auto& kv) {
    return std::find(known.begin(), known.end(), std::string_view(kv.first)) == known.end();
  });
}

}  // namespace zwgk::web
