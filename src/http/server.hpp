#pragma once
// The HTTP/1.1 server (Boost.Beast/Asio inside server.cpp only): keep-alive, pipelining
// answered in order, timeouts, size limits, a thread per core, graceful shutdown.
// Around the router it adds: the page cache, conditional GET, HEAD, gzip, Range,
// security headers, /healthz and /metrics, one access-log line per request.
//
// Threads: the I/O threads (`threads`) read requests, answer /healthz, /metrics and page-
// cache hits themselves, and hand every other request (it needs a handler, hence usually
// the database) to a bounded pool of `workers`. When the pool's queue is full the request
// is answered 503 with Retry-After at once (load shedding); a cached page never waits
// behind a database query. Requests that match rate_limit.applies are first counted
// against a per-address token bucket (429 with Retry-After when it is empty).
//
// /metrics renders Metrics::render() plus the page-cache gauges (zwgk_page_cache_entries,
// zwgk_page_cache_bytes); other layers add gauges with Metrics::add_gauge before run().
// The access log goes to the spdlog logger named "access": register your own before
// constructing the Server to choose its sink; otherwise one writing to stdout is made.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/metrics.hpp"
#include "http/page_cache.hpp"
#include "http/router.hpp"

namespace zwgk::http {

// What to do with a request whose body may exceed body_limit (its declared Content-Length
// is larger, or it is chunked), decided on the request head before any of the body is read.
struct LargeBodyVerdict {
  bool allowed = false;     // true: the body may be up to upload_body_limit
  int status = 413;         // otherwise this status (413, 403 ...) and message, then close
  std::string message = "请求内容过大";
};

struct RateLimitOptions {
  double per_second = 0;  // 0 = no rate limit
  double burst = 20;      // requests allowed at once before the rate applies
  // Which requests count (those the page cache did not answer); empty = none.
  std::function<bool(const Request&)> applies;
  std::string message = "您的请求过于频繁，请稍后再试。";
  // A refusal is answered after this delay (tarpit): a client flooding in a loop then
  // sends one request per connection per delay instead of thousands a second, and its
  // refusals cost the server a timer, not CPU. 0 = answer at once.
  int refusal_delay_ms = 1000;
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;                 // 0 = ephemeral (tests)
  int threads = 0;                           // 0 = one per core
  std::size_t header_limit = 16 * 1024;      // bytes
  std::size_t body_limit = 1 * 1024 * 1024;  // bytes; larger -> 413
  // Large bodies (file uploads): called with the request head (target, headers, remote
  // address; no body) when the body may exceed body_limit. Unset: body_limit for all.
  // It runs on an I/O thread, so it should be cheap (a route match, one indexed lookup).
  std::function<LargeBodyVerdict(const Request& head)> admit_large_body;
  std::size_t upload_body_limit = 64 * 1024 * 1024;
  int workers = 0;                           // handler threads; 0 = 2 per core, at least 4
  std::size_t worker_queue_limit = 256;      // requests waiting for a worker; more -> 503
  int worker_nice = 19;                      // workers' lower CPU priority (0..19)
  int retry_after_seconds = 5;               // Retry-After of a 503 when the queue is full
  RateLimitOptions rate_limit;
  // /metrics answers only clients whose address is listed, or that send
  // "Authorization: Bearer <metrics_token>" (when the token is set); others get 403.
  std::vector<std::string> metrics_allow = {"127.0.0.1", "::1"};
  std::string metrics_token;
  // Reverse proxies whose X-Forwarded-For is believed: for a request from one of these
  // addresses the client is the right-most X-Forwarded-For address that is not itself a
  // trusted proxy. Empty: the socket's peer is the client.
  std::vector<std::string> trusted_proxies;
  // Paths whose clients read JSON (the API): the server's own refusals there (429, 503)
  // are {"error": {"code", "message", "request_id"}} instead of plain text.
  std::vector<std::string> json_error_prefixes = {"/api/"};
  int read_timeout_seconds = 30;             // a request must arrive completely within this (else 408)
  int idle_timeout_seconds = 60;             // keep-alive connection idle limit
  int write_timeout_seconds = 60;            // a response batch must be written within this
  int shutdown_timeout_seconds = 10;         // stop(): in-flight work gets this long
  std::size_t pipeline_limit = 16;           // queued responses per connection
  bool access_log = true;
  std::string content_security_policy =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
      "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
};

class Server {
 public:
  Server(ServerOptions options, Router& router, PageCache& cache, Metrics& metrics);
  ~Server();
  // Binds and listens; returns the bound port (useful with port 0). Throws on bind failure.
  std::uint16_t start();
  // Runs the I/O threads until stop(); blocks. Calls start() if it was not called.
  // Routes must be registered before run(); the Router is not locked.
  void run();
  // Stops accepting, lets in-flight requests finish (bounded), then returns from run().
  // Thread-safe. From outside the server's threads it returns once the listener is closed.
  void stop();
  // Installs SIGINT/SIGTERM handling that calls stop(). Call before run().
  void stop_on_signals();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zwgk::http
