// Validators and conditional requests.
#include "http/conditional.hpp"

#include <cstdio>
#include <zlib.h>

#include "http/ascii.hpp"
#include "http/response.hpp"

namespace zwgk::http {

namespace {

// The opaque tag without W/ and without a coding suffix ("-gzip", "-br"), quotes kept.
std::string_view opaque(std::string_view tag) {
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  if (tag.size() >= 2 && tag.back() == '"') {
    auto inner = tag.substr(0, tag.size() - 1);
    for (std::string_view suffix : {std::string_view("-gzip"), std::string_view("-br")}) {
      if (inner.ends_with(suffix)) return inner.substr(0, inner.size() - suffix.size());
    }
    return inner;
  }
  return tag;
}

}  // namespace

std::string etag_for(std::string_view body) {
  // zlib's crc32 and adler32 are both fast and present already; together 64 bits of check.
  auto bytes = reinterpret_cast<const Bytef*>(body.data());
  auto n = static_cast<z_size_t>(body.size());
  unsigned long crc = crc32_z(0L, bytes, n);
  unsigned long adler = adler32_z(1L, bytes, n);
  char buf[48];
  std::snprintf(buf, sizeof buf, "\"%zx-%08lx%08lx\"", body.size(), crc & 0xffffffffUL,
                adler & 0xffffffffUL);
  return buf;
}

std::string coded_etag(std::string_view etag, std::string_view coding) {
  if (coding.empty() || etag.size() < 2 || etag.back() != '"') return std::string(etag);
  std::string out(etag.substr(0, etag.size() - 1));
  out.push_back('-');
  out.append(coding);
  out.push_back('"');
  return out;
}

std::string gzip_etag(std::string_view etag) { return coded_etag(etag, "gzip"); }

bool none_match_hits(std::string_view if_none_match, std::string_view etag) {
  if (ascii::trim(if_none_match) == "*") return true;
  if (etag.empty()) return false;
  auto mine = opaque(etag);
  bool hit = false;
  ascii::for_each_item(if_none_match, [&](std::string_view item) {
    if (!hit && opaque(item) == mine) hit = true;
  });
  return hit;
}

bool not_modified(const std::string_view* if_none_match, const std::string_view* if_modified_since,
                  std::string_view etag, std::string_view last_modified) {
  if (if_none_match) return none_match_hits(*if_none_match, etag);
  if (!if_modified_since || last_modified.empty()) return false;
  auto since = parse_http_date(*if_modified_since);
  auto modified = parse_http_date(last_modified);
  return since && modified && *modified <= *since;
}

bool if_range_holds(std::string_view if_range, std::string_view etag,
                    std::string_view last_modified) {
  if_range = ascii::trim(if_range);
  if (if_range.starts_with("W/")) return false;  // weak tags never satisfy If-Range
  if (if_range.starts_with("\"")) return !etag.empty() && if_range == etag;
  return !last_modified.empty() && if_range == last_modified;
}

}  // namespace zwgk::http
