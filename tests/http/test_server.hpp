#pragma once
// A real zwgk::http::Server on 127.0.0.1, an ephemeral port, run on a background thread.
// Configure `router` and `options`, then start(); stop() (or the destructor) joins.
#include <memory>
#include <thread>

#include "http/metrics.hpp"
#include "http/page_cache.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace zwgk::test {

struct TestServer {
  http::Router router;
  http::PageCache cache;
  http::Metrics metrics;
  http::ServerOptions options;
  std::unique_ptr<http::Server> server;
  std::thread thread;
  std::uint16_t port = 0;

  TestServer() {
    options.address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    options.access_log = false;
  }
  ~TestServer() { stop(); }

  std::uint16_t start() {
    server = std::make_unique<http::Server>(options, router, cache, metrics);
    port = server->start();
    thread = std::thread([this] { server->run(); });
    return port;
  }

  void stop() {
    if (!server) return;
    server->stop();
    if (thread.joinable()) thread.join();
    server.reset();
  }
};

}  // namespace zwgk::test
