#pragma once
// The HTTP/1.1 server (Boost.Beast/Asio inside server.cpp only): keep-alive, pipelining
// answered in order, timeouts, size limits, a thread per core, graceful shutdown.
// Around the router it adds: the page cache, conditional GET, HEAD, gzip, Range,
// security headers, /healthz and /metrics, one access-log line per request.
//
// /metrics renders Metrics::render() plus the page-cache gauges (zwgk_page_cache_entries,
// zwgk_page_cache_bytes); other layers add gauges with Metrics::add_gauge before run().
// The access log goes to the spdlog logger named "access": register your own before
// constructing the Server to choose its sink; otherwise one writing to stdout is made.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "http/metrics.hpp"
#include "http/page_cache.hpp"
#include "http/router.hpp"

namespace zwgk::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;                 // 0 = ephemeral (tests)
  int threads = 0;                           // 0 = one per core
  std::size_t header_limit = 16 * 1024;      // bytes
  std::size_t body_limit = 1 * 1024 * 1024;  // bytes; larger -> 413
  // Requests whose path starts with one of these prefixes (file uploads) may carry up to
  // upload_body_limit bytes instead; decided once the header has been read.
  std::vector<std::string> upload_prefixes;
  std::size_t upload_body_limit = 64 * 1024 * 1024;
  int read_timeout_seconds = 30;             // a request must arrive completely within this
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
