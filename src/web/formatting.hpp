#pragma once
// Small text helpers for the public pages: dates, sizes, URL components.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"

namespace zwgk::web {

// Seconds since the epoch of an ISO-8601 timestamp in UTC ("2017-05-02T08:30:00Z",
// "2017-05-02 08:30:00", fractions and a "+00:00" suffix tolerated; a bare date is midnight).
std::optional<long long> parse_iso_timestamp(std::string_view iso);

// HTTP-date for Last-Modified from an ISO timestamp; "" if it does not parse.
std::string http_date_from_iso(std::string_view iso);

// "yyyy-MM-dd HH:mm" in China Standard Time (UTC+8) from an ISO UTC timestamp; "" if invalid.
std::string china_minute(std::string_view iso);

// "2017年05月02日", or "" for none.
std::string chinese_date(const std::optional<domain::Date>& d);
std::string iso_date(const std::optional<domain::Date>& d);

// "356 KB", "1.2 MB" (1024-based, as file managers show in China).
std::string human_size(std::int64_t bytes);

// Percent-encodes everything except RFC 3986 unreserved characters.
std::string url_encode_component(std::string_view s);

// At most `max_chars` Unicode characters of UTF-8 text, with "…" if cut.
std::string utf8_truncate(std::string_view s, std::size_t max_chars);
// At most max_bytes of s, cut before a character, never inside one.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

// base_url without a trailing slash.
std::string trim_base_url(std::string_view base_url);

}  // namespace zwgk::web
