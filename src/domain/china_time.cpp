// The text forms of an instant: see china_time.hpp.
#include "domain/china_time.hpp"

#include <cstdio>

namespace zwgk::domain {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool two_digits(std::string_view s, std::size_t pos, int& out, int max) {
  if (pos + 2 > s.size() || s[pos] < '0' || s[pos] > '9' || s[pos + 1] < '0' || s[pos + 1] > '9') return false;
  out = (s[pos] - '0') * 10 + (s[pos + 1] - '0');
  return out <= max;
}

}  // namespace

std::optional<std::chrono::sys_seconds> parse_china_minute(std::string_view t) {
  t = trim(t);
  if (t.size() < 16 || (t[10] != 'T' && t[10] != ' ') || t[13] != ':') return std::nullopt;
  auto date = Date::parse(t.substr(0, 10));
  if (!date) return std::nullopt;
  int h = 0, m = 0, s = 0;
  if (!two_digits(t, 11, h, 23) || !two_digits(t, 14, m, 59)) return std::nullopt;
  if (t.size() > 16 && (t.size() != 19 || t[16] != ':' || !two_digits(t, 17, s, 59))) return std::nullopt;
  return china_midnight(*date) + std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
}

std::string format_china_minute(std::chrono::sys_seconds t) {
  const auto c = china_time(t);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(c.time.hours().count()),
                static_cast<int>(c.time.minutes().count()));
  return c.date.iso() + " " + buf;
}

std::string format_china_local_input(std::chrono::sys_seconds t) {
  auto s = format_china_minute(t);
  s[10] = 'T';
  return s;
}

std::string to_utc_iso(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss<std::chrono::seconds> hms{t - day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return Date::from_sys_days(day).iso() + buf;
}

std::optional<std::chrono::sys_seconds> parse_utc_iso(std::string_view t) {
  if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') return std::nullopt;
  auto date = Date::parse(t.substr(0, 10));
  int h = 0, m = 0, s = 0;
  if (!date || !two_digits(t, 11, h, 23) || !two_digits(t, 14, m, 59) || !two_digits(t, 17, s, 59)) return std::nullopt;
  return std::chrono::sys_seconds{date->days()} + std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
}

std::string format_china_minute_of_unix(std::int64_t unix_seconds, std::string_view none) {
  return unix_seconds > 0 ? format_china_minute(instant_of_unix(unix_seconds)) : std::string(none);
}

std::string to_utc_iso_of_unix(std::int64_t unix_seconds) {
  return unix_seconds > 0 ? to_utc_iso(instant_of_unix(unix_seconds)) : std::string();
}

std::int64_t unix_of_utc_iso(std::string_view text) {
  const auto t = parse_utc_iso(text);
  return t ? t->time_since_epoch().count() : 0;
}

}  // namespace zwgk::domain
