// See one_time_cookie.hpp.
#include "web/one_time_cookie.hpp"

#include <charconv>

#include "http/form.hpp"

namespace zwgk::web {

std::string one_time_cookie(const store::PersonalDataKey& key, std::string_view name, std::string_view value,
                            const std::string& path, long long now, long lifetime_seconds) {
  // "expiry\n" + value, sealed: hex, so a valid cookie-octet string.
  const std::string sealed = key.seal(std::to_string(now + lifetime_seconds) + "\n" + std::string(value));
  http::CookieOptions co;
  co.path = path;
  co.max_age_seconds = lifetime_seconds;
  return http::set_cookie_value(name, sealed, co);
}

std::optional<std::string> read_one_time_cookie(const store::PersonalDataKey& key, const http::Request& req,
                                                std::string_view name, long long now) {
  const auto raw = http::cookie(req, name);
  if (!raw || raw->empty()) return std::nullopt;
  const auto opened = key.open(*raw);
  if (!opened) return std::nullopt;
  const auto nl = opened->find('\n');
  if (nl == std::string::npos) return std::nullopt;
  long long expiry = 0;
  const auto [end, ec] = std::from_chars(opened->data(), opened->data() + nl, expiry);
  if (ec != std::errc{} || end != opened->data() + nl || now > expiry) return std::nullopt;
  return opened->substr(nl + 1);
}

std::string cleared_cookie(std::string_view name, const std::string& path) {
  http::CookieOptions co;
  co.path = path;
  co.max_age_seconds = 0;
  return http::set_cookie_value(name, "", co);
}

}  // namespace zwgk::web
