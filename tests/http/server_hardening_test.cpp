// What an attack run found, over real sockets: request smuggling heads, a head that never
// completes (408), /metrics for anyone, handlers that starve cached pages (the worker pool
// and load shedding), the per-address rate limit, and X-Forwarded-For from anyone.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <gtest/gtest.h>
#include <mutex>
#include <thread>

#include "http/client_address.hpp"
#include "http/raw_client.hpp"
#include "http/rate_limiter.hpp"
#include "http/test_server.hpp"

namespace zwgk::test {
namespace {

using http::Request;
using http::Response;
using namespace std::chrono_literals;

// Holds handlers until released: a stand-in for slow database work.
struct Gate {
  std::mutex mu;
  std::condition_variable cv;
  bool open = false;
  std::atomic<int> waiting{0};
  void wait() {
    ++waiting;
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return open; });
  }
  void release() {
    {
      std::lock_guard lock(mu);
      open = true;
    }
    cv.notify_all();
  }
  void until_waiting(int n) {
    for (int i = 0; i < 500 && waiting.load() < n; ++i) std::this_thread::sleep_for(10ms);
  }
};

class HardeningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ts.router.get("/hello", [](Request&) { return Response::html("<p>你好</p>"); });
    ts.router.get("/page", [](Request&) {
      auto r = Response::html("<p>cached page</p>");
      r.cache_tags = {"page"};
      return r;
    });
    ts.router.get("/smuggled", [this](Request&) {
      ++smuggled;
      return Response::text("smuggled");
    });
    ts.router.post("/form", [](Request& r) { return Response::text("got " + r.body); });
    ts.router.get("/slow", [this](Request&) {
      gate.wait();
      return Response::text("slow done");
    });
    ts.router.get("/search", [](Request&) { return Response::text("results"); });
    ts.router.get("/whoami", [](Request& r) { return Response::text(r.remote_address); });
  }
  void TearDown() override { gate.release(); }
  TestServer ts;
  Gate gate;
  std::atomic<int> smuggled{0};
};

// --- framing (RFC 9112): each head is refused, and what follows it is never served ---

void expect_refused_and_nothing_smuggled(std::uint16_t port, const std::string& head, std::atomic<int>& smuggled) {
  RawClient c(port);
  const std::string second = "GET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n";
  c.send(head + second);
  auto r = c.read_response();
  EXPECT_EQ(r.status, 400) << head;
  EXPECT_NE(r.body.find("请求格式错误"), std::string::npos);
  EXPECT_EQ(r.header("connection"), "close");
  EXPECT_TRUE(c.wait_closed(3s)) << head;
  EXPECT_EQ(smuggled.load(), 0) << head;
}

TEST_F(HardeningTest, TransferEncodingOtherThanChunkedIsRefused) {
  ts.start();
  for (const char* te : {"xchunked", "chunked, identity", "gzip", "identity", "chunked\r\nTransfer-Encoding: chunked"}) {
    expect_refused_and_nothing_smuggled(
        ts.port, std::string("POST /form HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: ") + te + "\r\n\r\n", smuggled);
  }
  // Exactly "chunked" (any case) is fine.
  RawClient c(ts.port);
  c.send("POST /form HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
  EXPECT_EQ(c.read_response().body, "got abc");
}

TEST_F(HardeningTest, TransferEncodingWithContentLengthIsRefused) {
  ts.start();
  expect_refused_and_nothing_smuggled(
      ts.port, "POST /form HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      smuggled);
}

TEST_F(HardeningTest, ConflictingOrRepeatedContentLengthIsRefused) {
  ts.start();
  expect_refused_and_nothing_smuggled(
      ts.port, "POST /form HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\nContent-Length: 3\r\n\r\nabc", smuggled);
  expect_refused_and_nothing_smuggled(
      ts.port, "POST /form HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", smuggled);
}

TEST_F(HardeningTest, FoldedHeaderLineIsRefused) {
  ts.start();
  expect_refused_and_nothing_smuggled(ts.port, "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: one\r\n two\r\n\r\n", smuggled);
  expect_refused_and_nothing_smuggled(ts.port, "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: one\r\n\ttwo\r\n\r\n", smuggled);
}

TEST_F(HardeningTest, DuplicateHostIsRefused) {
  ts.start();
  expect_refused_and_nothing_smuggled(ts.port, "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", smuggled);
}

TEST_F(HardeningTest, OrdinaryRequestsStillWorkAfterTheChecks) {
  ts.start();
  RawClient c(ts.port);
  c.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Long:  spaced value \r\n\r\n"
         "POST /form HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc");
  EXPECT_EQ(c.read_response().status, 200);
  EXPECT_EQ(c.read_response().body, "got abc");
}

TEST_F(HardeningTest, HeadThatDoesNotArriveInTimeGets408ThenClose) {
  ts.options.read_timeout_seconds = 1;
  ts.start();
  RawClient c(ts.port, 5000ms);
  c.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Slow: ");  // and nothing more
  auto r = c.read_response();
  EXPECT_EQ(r.status, 408);
  EXPECT_NE(r.body.find("请求超时"), std::string::npos);
  EXPECT_TRUE(c.wait_closed(3s));
  // An idle connection (no request begun) is closed without a 408.
  EXPECT_EQ(get(ts.port, "/hello").status, 200);
}

TEST_F(HardeningTest, BodyThatDoesNotArriveInTimeGets408) {
  ts.options.read_timeout_seconds = 1;
  ts.start();
  RawClient c(ts.port, 5000ms);
  c.send("POST /form HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc");
  EXPECT_EQ(c.read_response().status, 408);
}

// --- /metrics ---

TEST_F(HardeningTest, MetricsAnswerOnlyListedAddressesOrTheToken) {
  ts.options.metrics_allow = {};  // loopback not listed
  ts.options.metrics_token = "s3cret-token";
  ts.start();
  auto anonymous = get(ts.port, "/metrics");
  EXPECT_EQ(anonymous.status, 403);
  EXPECT_EQ(anonymous.body.find("zwgk_http_requests_total"), std::string::npos);
  EXPECT_EQ(get(ts.port, "/metrics", {{"Authorization", "Bearer wrong-token!"}}).status, 403);
  auto with_token = get(ts.port, "/metrics", {{"Authorization", "Bearer s3cret-token"}});
  EXPECT_EQ(with_token.status, 200);
  EXPECT_NE(with_token.body.find("zwgk_http_requests_total"), std::string::npos);
  EXPECT_EQ(get(ts.port, "/healthz").status, 200);  // health stays public
}

TEST_F(HardeningTest, MetricsDefaultToLoopbackOnly) {
  http::ServerOptions defaults;
  ASSERT_EQ(defaults.metrics_allow, (std::vector<std::string>{"127.0.0.1", "::1"}));
  ts.start();
  EXPECT_EQ(get(ts.port, "/metrics").status, 200);  // we are on loopback
}

// --- worker pool and load shedding ---

TEST_F(HardeningTest, CachedPagesAnswerWhileEveryWorkerIsBusy) {
  ts.options.threads = 1;
  ts.options.workers = 2;
  ts.start();
  ASSERT_EQ(get(ts.port, "/page").status, 200);  // now cached
  std::vector<std::future<HttpResponse>> slow;
  for (int i = 0; i < 2; ++i) slow.push_back(std::async(std::launch::async, [&] { return get(ts.port, "/slow"); }));
  gate.until_waiting(2);
  ASSERT_EQ(gate.waiting.load(), 2);
  // Both workers are held; the single I/O thread still serves the cached page, at once.
  const auto t0 = std::chrono::steady_clock::now();
  auto r = get(ts.port, "/page");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<p>cached page</p>");
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
  gate.release();
  for (auto& f : slow) EXPECT_EQ(f.get().body, "slow done");
}

TEST_F(HardeningTest, FullWorkerQueueAnswers503WithRetryAfterAtOnce) {
  ts.options.workers = 1;
  ts.options.worker_queue_limit = 1;
  ts.options.retry_after_seconds = 7;
  ts.start();
  auto running = std::async(std::launch::async, [&] { return get(ts.port, "/slow"); });
  gate.until_waiting(1);
  ASSERT_EQ(gate.waiting.load(), 1);
  RawClient queued(ts.port, 10000ms);
  queued.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
  std::this_thread::sleep_for(500ms);  // now in the pool's queue (one place)
  // The worker is held and the queue full: the next request is shed, at once.
  const auto t0 = std::chrono::steady_clock::now();
  RawClient c(ts.port, 3000ms);
  c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
  auto shed = c.read_response();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
  EXPECT_EQ(shed.status, 503);
  EXPECT_EQ(shed.header("retry-after"), "7");
  EXPECT_NE(shed.body.find("服务器繁忙"), std::string::npos);
  EXPECT_EQ(shed.header("cache-control"), "no-store");
  EXPECT_NE(shed.header("connection"), "close");  // keep-alive: shedding costs no reconnect
  gate.release();
  EXPECT_EQ(running.get().body, "slow done");
  EXPECT_EQ(queued.read_response().body, "slow done");
  EXPECT_EQ(get(ts.port, "/hello").status, 200);  // recovered
}

TEST_F(HardeningTest, PipelinedSlowThenCachedAnswersInRequestOrder) {
  ts.start();
  ASSERT_EQ(get(ts.port, "/page").status, 200);
  RawClient c(ts.port);
  c.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\nGET /page HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
  gate.until_waiting(1);
  std::this_thread::sleep_for(50ms);
  gate.release();
  EXPECT_EQ(c.read_response().body, "slow done");
  EXPECT_EQ(c.read_response().body, "<p>cached page</p>");
  EXPECT_EQ(c.read_response().body, "<p>你好</p>");
}

// --- rate limit ---

TEST_F(HardeningTest, RateLimitAnswers429InChineseOnlyForTheLimitedPaths) {
  ts.options.rate_limit.per_second = 0.5;
  ts.options.rate_limit.burst = 3;
  ts.options.rate_limit.applies = [](const Request& r) { return r.path == "/search"; };
  ts.options.rate_limit.message = "搜索过于频繁，请稍后再试。";
  ts.options.rate_limit.refusal_delay_ms = 300;
  ts.start();
  ASSERT_EQ(get(ts.port, "/page").status, 200);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get(ts.port, "/search").status, 200) << i;
  const auto t0 = std::chrono::steady_clock::now();
  auto limited = get(ts.port, "/search");
  // The refusal is held back (tarpit), so a looping client slows down to the delay.
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 280ms);
  EXPECT_EQ(limited.status, 429);
  EXPECT_NE(limited.body.find("搜索过于频繁"), std::string::npos);
  ASSERT_TRUE(limited.header("retry-after"));
  EXPECT_GE(std::stoi(*limited.header("retry-after")), 1);
  // The API's clients get the API's JSON envelope.
  ts.stop();
  ts.options.rate_limit.applies = [](const Request& r) { return r.path == "/api/v1/search"; };
  ts.router.get("/api/v1/search", [](Request&) { return Response::text("{}"); });
  ts.start();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get(ts.port, "/api/v1/search").status, 200) << i;
  auto api = get(ts.port, "/api/v1/search");
  EXPECT_EQ(api.status, 429);
  EXPECT_EQ(api.header("content-type"), "application/json; charset=utf-8");
  EXPECT_NE(api.body.find("{\"error\":{\"code\":\"too_many_requests\",\"message\":\"搜索过于频繁"), std::string::npos)
      << api.body;
  EXPECT_NE(api.body.find("\"request_id\":\""), std::string::npos);
  // Other paths and cached pages are not limited.
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(get(ts.port, "/hello").status, 200);
    EXPECT_EQ(get(ts.port, "/page").status, 200);
  }
}

TEST(RateLimiter, TokenBucketRefillsAtTheRate) {
  http::RateLimiter limiter(2.0, 3.0);
  const auto t0 = http::RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.allow("a", t0));
  int retry = 0;
  EXPECT_FALSE(limiter.allow("a", t0, &retry));
  EXPECT_EQ(retry, 1);
  EXPECT_TRUE(limiter.allow("b", t0));  // another address has its own bucket
  EXPECT_TRUE(limiter.allow("a", t0 + 500ms));
  EXPECT_FALSE(limiter.allow("a", t0 + 500ms));
  EXPECT_TRUE(limiter.allow("a", t0 + 10s));
}

TEST(RateLimiter, MemoryStaysBoundedUnderManyAddresses) {
  http::RateLimiter limiter(1.0, 2.0, 1600);
  auto t = http::RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 50000; ++i) {
    limiter.allow("10.0." + std::to_string(i), t);
    limiter.allow("10.0." + std::to_string(i), t);  // not full: not freely evictable
    t += 1us;
  }
  EXPECT_LE(limiter.keys(), 1600u);
  // A busy address that was just seen keeps its (empty) bucket.
  EXPECT_FALSE(limiter.allow("10.0.49999", t));
}

TEST(RateLimiter, ZeroRateIsOff) {
  http::RateLimiter limiter(0, 1);
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limiter.allow("a", {}));
}

// --- client address behind a proxy ---

TEST(ClientAddress, ForwardedForIsBelievedOnlyFromTrustedProxies) {
  const std::vector<std::string> trusted{"127.0.0.1", "10.0.0.2"};
  EXPECT_EQ(http::client_address("203.0.113.9", "1.2.3.4", trusted), "203.0.113.9");
  EXPECT_EQ(http::client_address("127.0.0.1", "198.51.100.7", trusted), "198.51.100.7");
  // A client's own X-Forwarded-For entries before the proxy's are not believed.
  EXPECT_EQ(http::client_address("127.0.0.1", "6.6.6.6, 198.51.100.7", trusted), "198.51.100.7");
  EXPECT_EQ(http::client_address("127.0.0.1", "198.51.100.7, 10.0.0.2", trusted), "198.51.100.7");
  EXPECT_EQ(http::client_address("127.0.0.1", "garbage<script>", trusted), "127.0.0.1");
  EXPECT_EQ(http::client_address("127.0.0.1", std::nullopt, trusted), "127.0.0.1");
}

TEST_F(HardeningTest, HandlersSeeTheForwardedClientOnlyBehindATrustedProxy) {
  ts.start();
  EXPECT_EQ(get(ts.port, "/whoami", {{"X-Forwarded-For", "198.51.100.7"}}).body, "127.0.0.1");
  ts.stop();
  ts.options.trusted_proxies = {"127.0.0.1"};
  ts.start();
  EXPECT_EQ(get(ts.port, "/whoami", {{"X-Forwarded-For", "198.51.100.7"}}).body, "198.51.100.7");
}

}  // namespace
}  // namespace zwgk::test
