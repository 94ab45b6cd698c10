#pragma once
// Serving one request, minus the I/O: what the server adds around the router. No Beast
// here, so it stays cheap to compile and the session in server.cpp stays about sockets.
//
// Order of work for a request (serve()):
//   1. /healthz and /metrics, answered here (/metrics only to ServerOptions::metrics_allow
//      addresses or the bearer token).
//   2. GET/HEAD without Authorization: the page cache, keyed by host + request-target. A
//      hit is answered from the cached page without calling any handler. A miss claims the
//      key's one render (PageCache::RenderClaim); a request that finds the key being
//      rendered is served the page's previous version if one is held, else waits for it.
//   3. Otherwise the router. A 200 with cache_tags to a cacheable request is turned into
//      a CachedPage (identity, gzip and br computed once) and put in the cache.
//   4. Then, for the cached or the fresh representation alike: conditional GET (304),
//      Range (206/416), gzip by Accept-Encoding, and the header block with the security
//      headers every response carries.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "http/metrics.hpp"
#include "http/page_cache.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace zwgk::http::detail {

enum class CacheUse { None, Hit, Miss };

// A response ready to write: the serialized head, then the body bytes (zero-copy: `body`
// points into memory that `owner` keeps alive, e.g. a cached page's gzip form).
struct Outgoing {
  std::string head;
  std::shared_ptr<const void> owner;
  std::string_view body;
  int status = 0;
  bool close = false;    // close the connection once this is written
  bool interim = false;  // "100 Continue": not a response of its own; not logged
  bool pending = false;  // a worker is still making this response (server.cpp)
  std::uint64_t slot = 0;  // which request a pending entry waits for

  // For the access log and metrics.
  CacheUse cache = CacheUse::None;
  std::string_view method = "-";
  std::string path = "-";  // as sent, without the query string (it may carry personal data)
  std::string request_id;
  std::chrono::steady_clock::time_point started;
};

class Exchange {
 public:
  // While `draining` is true (the server is stopping) every response closes its connection.
  Exchange(const ServerOptions& options, const Router& router, PageCache& cache,
           Metrics& metrics, const std::atomic<bool>& draining);

  // Answers one parsed request. Never throws. keep_alive: what the client asked and the
  // server allows; http10: the request was HTTP/1.0.
  Outgoing serve(Request& req, bool keep_alive, bool http10) const;

  // Steps 1 and 2 only, for the I/O thread: true and `out` filled when the request needs
  // no handler (/healthz, /metrics, a page-cache hit); false: call serve() (on a worker).
  bool serve_without_handler(Request& req, bool keep_alive, bool http10, Outgoing& out) const;

  // A refusal that keeps the connection (429 rate limit, 503 overload): short Chinese text,
  // Retry-After, Cache-Control: no-store.
  Outgoing refuse(const Request& req, int status, std::string_view message, int retry_after_seconds,
                  bool keep_alive, bool http10) const;

  // A reply the server makes itself before any routing (400, 408, 413, 431, 503...):
  // short Chinese text, security headers, and the connection closes after it.
  Outgoing reject(int status, std::string_view message, std::string request_id) const;

  // "HTTP/1.1 100 Continue", for a request that sent Expect: 100-continue.
  static Outgoing continue_100();

 private:
  const ServerOptions& options_;
  const Router& router_;
  PageCache& cache_;
  Metrics& metrics_;
  const std::atomic<bool>& draining_;

  bool serve_builtin(Request& req, bool keep_alive, bool http10, Outgoing& out) const;
  bool cacheable(const Request& req) const;
  // A page-cache hit for `key` written into `out` (or its previous version while another
  // request renders it); false: the caller must render (serve()).
  bool serve_hit(Request& req, const std::string& key, bool keep_alive, bool http10, Outgoing& out) const;
  void serve_cached(Request& req, const CachedPage& page, bool stale, bool keep_alive, bool http10,
                    Outgoing& out) const;
  bool metrics_allowed(const Request& req) const;
};

// "5f3a9c1e-00002a": a per-process random prefix and a counter; unique per request across
// nodes with overwhelming probability, and short enough to read out over the phone.
std::string next_request_id();

// Reason phrase for a status code ("Not Found"); "Unknown" if we never send it.
std::string_view reason_phrase(int status);

}  // namespace zwgk::http::detail
