#include "web/formatting.hpp"

#include <chrono>
#include <cstdio>

#include "domain/china_time.hpp"
#include "http/response.hpp"

namespace zwgk::web {

namespace {

bool read_digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<long long> parse_iso_timestamp(std::string_view s) {
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!read_digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !read_digits(s, 5, 2, mo) || s[7] != '-' ||
      !read_digits(s, 8, 2, d)) {
    return std::nullopt;
  }
  if (s.size() > 10) {
    if ((s[10] != 'T' && s[10] != ' ') || !read_digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' ||
        !read_digits(s, 14, 2, mi)) {
      return std::nullopt;
    }
    if (s.size() >= 19 && s[16] == ':' && !read_digits(s, 17, 2, sec)) return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  const auto days = std::chrono::sys_days(ymd).time_since_epoch().count();
  return static_cast<long long>(days) * 86400 + h * 3600 + mi * 60 + sec;
}

std::string http_date_from_iso(std::string_view iso) {
  auto t = parse_iso_timestamp(iso);
  return t ? http::http_date(*t) : std::string();
}

std::string china_minute(std::string_view iso) {
  auto t = parse_iso_timestamp(iso);
  if (!t) return {};
  const auto local = domain::china_time_of_unix(*t);
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(local.time.hours().count()),
                static_cast<int>(local.time.minutes().count()));
  return local.date.iso() + buf;
}

std::string chinese_date(const std::optional<domain::Date>& d) { return d ? d->chinese() : std::string(); }
std::string iso_date(const std::optional<domain::Date>& d) { return d ? d->iso() : std::string(); }

std::string human_size(std::int64_t bytes) {
  char buf[32];
  if (bytes < 1024) {
    std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
  } else if (bytes < 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1024.0 < 1 ? 1 : bytes / 1024.0);
  } else if (bytes < 1024LL * 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
  }
  return buf;
}

std::string url_encode_component(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string utf8_truncate(std::string_view s, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) return std::string(s.substr(0, i)) + "…";
      ++chars;
    }
  }
  return std::string(s);
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // not inside a character
  return s.substr(0, end);
}

std::string trim_base_url(std::string_view base_url) {
  while (!base_url.empty() && base_url.back() == '/') base_url.remove_suffix(1);
  return std::string(base_url);
}

}  // namespace zwgk::web
