#include "web/api_params.hpp"

#include <charconv>
#include <limits>

#include "web/api_error.hpp"

namespace zwgk::web::api {

namespace {
constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
}

std::optional<std::int64_t> parse_integer(std::string_view text, std::int64_t min, std::int64_t max) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) return std::nullopt;
  return value;
}

std::optional<std::string> query_value(const http::Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

int page_param(const http::Request& req) {
  const auto raw = query_value(req, "page");
  if (!raw) return 1;
  const auto v = parse_integer(*raw, 1, kMaxPage);
  if (!v) throw bad_request("参数 page 无效：必须是 1 到 " + std::to_string(kMaxPage) + " 之间的整数");
  return static_cast<int>(*v);
}

int per_page_param(const http::Request& req) {
  const auto raw = query_value(req, "per_page");
  if (!raw) return kDefaultPerPage;
  const auto v = parse_integer(*raw, 1, kMaxPerPage);
  if (!v) throw bad_request("参数 per_page 无效：必须是 1 到 " + std::to_string(kMaxPerPage) + " 之间的整数");
  return static_cast<int>(*v);
}

std::optional<int> year_param(const http::Request& req) {
  const auto raw = query_value(req, "year");
  if (!raw) return std::nullopt;
  const auto v = raw->size() == 4 ? parse_integer(*raw, 1000, 9999) : std::nullopt;
  if (!v) throw bad_request("参数 year 无效：必须是四位数字的年份，例如 2017");
  return static_cast<int>(*v);
}

std::optional<std::int64_t> id_query_param(const http::Request& req, std::string_view name) {
  const auto raw = query_value(req, name);
  if (!raw) return std::nullopt;
  const auto v = parse_integer(*raw, 1, kMaxId);
  if (!v) throw bad_request("参数 " + std::string(name) + " 无效：必须是正整数编号");
  return v;
}

std::int64_t id_path_param(const http::Request& req, const std::string& name) {
  const auto v = parse_integer(req.param(name), 1, kMaxId);
  if (!v) throw bad_request("参数 " + name + " 无效：必须是正整数编号");
  return *v;
}

}  // namespace zwgk::web::api
