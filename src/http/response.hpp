#pragma once
// An HTTP response as handlers build it. A handler that wants its page cached sets
// cache_tags (what the page shows); the server then keeps the body and its gzip form.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zwgk::http {

struct Request;

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  std::string body;
  std::string last_modified;             // HTTP-date, optional
  std::vector<std::string> cache_tags;   // non-empty => cacheable public page
  bool allow_range = false;              // attachments: honour Range
  std::string etag;                      // optional; computed from the body when cached
  long long cache_expires_at = 0;        // unix seconds after which a cached copy is stale; 0 = never
  // A cache class ("" = the main budget): pages of one class share a budget of their own
  // (PageCache::set_class_budget) and can only evict each other.
  std::string cache_class;
  // Called for every request served from the cached copy (the handler does not run then);
  // must be cheap and must not block (no database).
  std::function<void(const Request&)> on_cache_hit;

  // Replaces a header of the same name (case-insensitive) or adds it.
  void set_header(std::string name, std::string value);
  // Adds a header even if one of that name exists (e.g. a second Set-Cookie).
  void add_header(std::string name, std::string value);
  // The first header of that name (case-insensitive), if any.
  std::optional<std::string_view> header(std::string_view name) const;
  static Response html(std::string body, int status = 200);
  static Response json(std::string body, int status = 200);
  static Response text(std::string body, int status = 200);
  static Response redirect(std::string location, int status = 302);
};

// Formats a time_t as an IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string http_date(long long unix_seconds);
// Parses an IMF-fixdate (also the obsolete RFC 850 and asctime forms); nullopt if invalid.
std::optional<long long> parse_http_date(std::string_view text);

}  // namespace zwgk::http
