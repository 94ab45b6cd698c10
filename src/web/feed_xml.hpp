#pragma once
// Text helpers for the XML the feeds write (RSS 2.0, Atom, sitemaps) and the instants they
// carry. Private to src/web/feed*.cpp and their tests; xml_escape() also escapes the text of
// the SVG charts (svg_chart.cpp).
//
// Invariants of the output:
//   1. xml_escape() output is valid UTF-8 and contains only characters XML 1.0 allows
//      (invalid byte sequences become U+FFFD, C0 controls other than TAB/LF/CR are dropped),
//      so a feed stays well-formed whatever an import put in a title.
//   2. Instants are shown in China Standard Time (UTC+8, no daylight saving).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/document.hpp"

namespace zwgk::web::feed {

using Instant = std::chrono::sys_seconds;

// Escapes & < > " ' and enforces invariant 1.
std::string xml_escape(std::string_view text);

// "2017-05-02", "2017-05-02T08:30:00", "2017-05-02 08:30:00.123", with optional "Z" or
// "+08:00"/"+0800"/"+08" offset; no offset means UTC (how the store writes timestamps).
std::optional<Instant> parse_timestamp(std::string_view text);

// Midnight of the date in China Standard Time.
Instant start_of_day_cst(const domain::Date& date);

// RFC 822 (RSS pubDate): "Tue, 02 May 2017 00:00:00 +0800".
std::string rfc822(Instant t);
// RFC 3339 (Atom, sitemap lastmod): "2017-05-02T00:00:00+08:00".
std::string rfc3339(Instant t);

// When a document appeared: 发文日期 at midnight CST, else its first publication timestamp.
std::optional<Instant> published_instant(const domain::Document& doc);
// When it last changed: the later of published_instant and updated_at.
std::optional<Instant> updated_instant(const domain::Document& doc);

}  // namespace zwgk::web::feed
