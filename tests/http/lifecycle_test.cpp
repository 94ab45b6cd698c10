// Connection and server lifecycle: graceful stop, read and idle timeouts.
#include <atomic>
#include <cerrno>
#include <chrono>
#include <memory>
#include <gtest/gtest.h>
#include <thread>

#include "http/raw_client.hpp"
#include "http/test_server.hpp"

namespace zwgk::test {
namespace {

using namespace std::chrono_literals;
using http::Request;
using http::Response;
using Clock = std::chrono::steady_clock;

TEST(Lifecycle, StopLetsAnInFlightRequestFinishAndRefusesNewConnections) {
  TestServer ts;
  std::atomic<bool> started{false};
  ts.router.get("/slow", [&](Request&) {
    started = true;
    std::this_thread::sleep_for(300ms);
    return Response::text("done");
  });
  ts.start();
  auto idle = std::make_unique<RawClient>(ts.port);  // keep-alive, nothing in flight
  auto c = std::make_unique<RawClient>(ts.port);
  c->send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
  while (!started) std::this_thread::sleep_for(1ms);

  auto stop_began = Clock::now();
  ts.server->stop();  // returns once the listener is closed
  EXPECT_EQ(RawClient::connect_error(ts.port), ECONNREFUSED);

  auto r = c->read_response();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "done");
  EXPECT_EQ(r.header("connection"), "close");
  EXPECT_TRUE(c->wait_closed(2s));
  EXPECT_TRUE(idle->wait_closed(2s));
  c.reset();  // a client closes its end on EOF, as browsers do
  idle.reset();
  ts.thread.join();  // run() returned
  EXPECT_LT(Clock::now() - stop_began, 1500ms);
}

TEST(Lifecycle, ReadTimeoutClosesAConnectionThatSendsHalfARequest) {
  TestServer ts;
  ts.options.read_timeout_seconds = 1;
  ts.options.idle_timeout_seconds = 30;
  ts.router.get("/", [](Request&) { return Response::text("home"); });
  ts.start();
  RawClient c(ts.port);
  auto began = Clock::now();
  c.send("GET / HTTP/1.1\r\nHost: t\r\n");  // no blank line: never complete
  std::this_thread::sleep_for(300ms);
  c.send("X-Trickle: 1\r\n");  // trickling does not extend the deadline
  EXPECT_TRUE(c.wait_closed(5s));
  auto waited = Clock::now() - began;
  EXPECT_GE(waited, 900ms);
  EXPECT_LT(waited, 3s);
  EXPECT_EQ(get(ts.port, "/").body, "home");  // others are still served
}

TEST(Lifecycle, IdleTimeoutClosesAQuietKeepAliveConnection) {
  TestServer ts;
  ts.options.idle_timeout_seconds = 1;
  ts.router.get("/", [](Request&) { return Response::text("home"); });
  ts.start();
  RawClient c(ts.port);
  c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(c.read_response().body, "home");
  auto began = Clock::now();
  EXPECT_TRUE(c.wait_closed(5s));
  EXPECT_LT(Clock::now() - began, 3s);
}

TEST(Lifecycle, StopBeforeRunMakesRunReturn) {
  TestServer ts;
  ts.server = std::make_unique<http::Server>(ts.options, ts.router, ts.cache, ts.metrics);
  ts.server->start();
  ts.server->stop();
  ts.server->run();  // must not block
  ts.server.reset();
}

TEST(Lifecycle, OneThreadServes) {
  TestServer ts;
  ts.options.threads = 1;
  ts.router.get("/", [](Request&) { return Response::text("home"); });
  ts.start();
  RawClient a(ts.port), b(ts.port);
  a.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
  b.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(a.read_response().body, "home");
  EXPECT_EQ(b.read_response().body, "home");
}

}  // namespace
}  // namespace zwgk::test
