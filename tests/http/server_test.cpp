// The server end to end over real sockets: framing, keep-alive, pipelining, errors,
// HEAD, 405/404/500, /healthz, /metrics, request decoding, the access log.
#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sstream>
#include <stdexcept>

#include "http/raw_client.hpp"
#include "http/test_server.hpp"

namespace zwgk::test {
namespace {

using http::Request;
using http::Response;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ts.router.get("/hello", [](Request&) { return Response::html("<p>你好</p>"); });
    ts.router.get("/echo/{word}", [](Request& r) { return Response::text(r.param("word")); });
    ts.router.get("/decoded/{name}", [](Request& r) {
      return Response::text(r.path + "|" + r.param("name") + "|" + r.query_param("q").value_or("-"));
    });
    ts.router.post("/form", [](Request& r) { return Response::text("got " + r.body); });
    ts.router.get("/boom", [](Request&) -> Response {
      throw std::runtime_error("password=hunter2 in table citizens");
    });
  }
  TestServer ts;
};

TEST_F(ServerTest, GetServesPageWithCharsetAndSecurityHeadersAndNoServerBanner) {
  ts.start();
  auto r = get(ts.port, "/hello");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<p>你好</p>");
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.header("content-length"), std::to_string(r.body.size()));
  ASSERT_TRUE(r.header("content-security-policy"));
  EXPECT_NE(r.header("content-security-policy")->find("frame-ancestors"), std::string::npos);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("referrer-policy"), "strict-origin-when-cross-origin");
  EXPECT_EQ(r.header("x-frame-options"), "SAMEORIGIN");
  EXPECT_FALSE(r.header("server"));
  EXPECT_TRUE(r.header("date"));
  ASSERT_TRUE(r.header("x-request-id"));
  EXPECT_GE(r.header("x-request-id")->size(), 8u);
  EXPECT_NE(get(ts.port, "/hello").header("x-request-id"), r.header("x-request-id"));
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  ts.start();
  RawClient c(ts.port);
  c.send("GET /echo/one HTTP/1.1\r\nHost: t\r\n\r\n");
  auto first = c.read_response();
  c.send("GET /echo/two HTTP/1.1\r\nHost: t\r\n\r\n");
  auto second = c.read_response();
  EXPECT_EQ(first.body, "one");
  EXPECT_EQ(second.body, "two");
  EXPECT_FALSE(first.header("connection"));  // HTTP/1.1: persistent by default
}

TEST_F(ServerTest, Http10KeepAliveIsAcknowledged) {
  ts.start();
  RawClient c(ts.port);
  c.send("GET /echo/a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  auto r = c.read_response();
  EXPECT_EQ(r.header("connection"), "keep-alive");
  c.send("GET /echo/b HTTP/1.0\r\n\r\n");
  EXPECT_EQ(c.read_response().body, "b");
  EXPECT_TRUE(c.wait_closed(std::chrono::seconds(3)));
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  ts.start();
  RawClient c(ts.port);
  c.send("GET /echo/a HTTP/1.1\r\nHost: t\r\n\r\n"
         "GET /echo/b HTTP/1.1\r\nHost: t\r\n\r\n"
         "GET /echo/c HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(c.read_response().body, "a");
  EXPECT_EQ(c.read_response().body, "b");
  EXPECT_EQ(c.read_response().body, "c");
}

TEST_F(ServerTest, PipelineLongerThanTheQueueBoundIsStillAnsweredInOrder) {
  ts.options.pipeline_limit = 2;
  ts.start();
  RawClient c(ts.port);
  std::string burst;
  for (int i = 0; i < 20; ++i) burst += "GET /echo/w" + std::to_string(i) + " HTTP/1.1\r\nHost: t\r\n\r\n";
  c.send(burst);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(c.read_response().body, "w" + std::to_string(i));
}

TEST_F(ServerTest, MalformedRequestLineGets400AndTheServerKeepsServing) {
  ts.start();
  RawClient c(ts.port);
  c.send("THIS IS NOT HTTP\r\n\r\n");
  auto r = c.read_response();
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("请求格式错误"), std::string::npos);
  EXPECT_EQ(r.header("connection"), "close");
  EXPECT_EQ(r.header("x-frame-options"), "SAMEORIGIN");
  EXPECT_TRUE(c.wait_closed(std::chrono::seconds(3)));
  EXPECT_EQ(get(ts.port, "/hello").status, 200);
}

TEST_F(ServerTest, BadHeaderLineGets400) {
  ts.start();
  RawClient c(ts.port);
  c.send("GET /hello HTTP/1.1\r\nHost: t\r\nthis line has no colon\r\n\r\n");
  auto r = c.read_response();
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("请求格式错误"), std::string::npos);
  EXPECT_TRUE(c.wait_closed(std::chrono::seconds(3)));
}

TEST_F(ServerTest, MissingHostOnHttp11Gets400) {
  ts.start();
  RawClient c(ts.port);
  c.send("GET /hello HTTP/1.1\r\n\r\n");
  EXPECT_EQ(c.read_response().status, 400);
}

TEST_F(ServerTest, UndecodableOrNulTargetGets400) {
  ts.start();
  for (const char* target : {"/echo/a%zzb", "/echo/a%00b", "/hello?q=%00", "/echo/%E6%94%BF%"}) {
    RawClient c(ts.port);
    c.send(std::string("GET ") + target + " HTTP/1.1\r\nHost: t\r\n\r\n");
    EXPECT_EQ(c.read_response().status, 400) << target;
  }
}

TEST_F(ServerTest, PathAndQueryArriveDecoded) {
  ts.start();
  // 政府 in the path, "低保 x" in the query (a '+' is a space in a query).
  auto r = get(ts.port, "/decoded/%E6%94%BF%E5%BA%9C?q=%E4%BD%8E%E4%BF%9D+x");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "/decoded/政府|政府|低保 x");
}

TEST_F(ServerTest, OversizedBodyGets413AndTheConnectionCloses) {
  ts.options.body_limit = 1024;
  ts.start();
  RawClient c(ts.port);
  std::string body(5000, 'x');
  c.send("POST /form HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n" + body);
  auto r = c.read_response();
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.body.find("请求内容过大"), std::string::npos);
  EXPECT_TRUE(c.wait_closed(std::chrono::seconds(3)));
  // A body within the limit is fine.
  EXPECT_EQ(request(ts.port, "POST", "/form", {}, "small").body, "got small");
}

TEST_F(ServerTest, OversizedChunkedBodyGets413) {
  ts.options.body_limit = 1024;
  ts.start();
  RawClient c(ts.port);
  std::string chunk(800, 'y');
  c.send("POST /form HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
         "320\r\n" + chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
  EXPECT_EQ(c.read_response().status, 413);
}

TEST_F(ServerTest, LargeBodiesOnlyWhereTheHeadIsAdmitted) {
  ts.options.body_limit = 1024;
  std::atomic<int> asked{0};
  // The gate sees the head only: upload route and a token header, no body.
  ts.options.admit_large_body = [&](const Request& head) {
    ++asked;
    http::LargeBodyVerdict v;
    if (head.path.rfind("/upload/", 0) != 0) return v;  // 413
    if (head.header("x-token") != "good") return http::LargeBodyVerdict{false, 403, "登录已失效"};
    v.allowed = head.body.empty();
    return v;
  };
  ts.options.upload_body_limit = 8000;
  ts.router.post("/upload/file", [](Request& r) { return Response::text("size " + std::to_string(r.body.size())); });
  ts.start();
  const std::vector<std::pair<std::string, std::string>> good{{"X-Token", "good"}};
  // Admitted: 5,000 bytes are accepted, in one piece or chunked.
  EXPECT_EQ(request(ts.port, "POST", "/upload/file", good, std::string(5000, 'u')).body, "size 5000");
  {
    RawClient c(ts.port);
    std::string chunk(2000, 'c');
    c.send("POST /upload/file HTTP/1.1\r\nHost: t\r\nX-Token: good\r\nTransfer-Encoding: chunked\r\n\r\n"
           "7d0\r\n" + chunk + "\r\n7d0\r\n" + chunk + "\r\n0\r\n\r\n");
    auto r = c.read_response();
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "size 4000");
  }
  // ... but not more than the upload limit,
  {
    RawClient c(ts.port);
    c.send("POST /upload/file HTTP/1.1\r\nHost: t\r\nX-Token: good\r\nContent-Length: 9000\r\n\r\n" +
           std::string(9000, 'u'));
    EXPECT_EQ(c.read_response().status, 413);
  }
  // ... not without the token: refused on the head, before the body is sent,
  {
    RawClient c(ts.port);
    c.send("POST /upload/file HTTP/1.1\r\nHost: t\r\nContent-Length: 60000000\r\n\r\n");
    auto r = c.read_response();
    EXPECT_EQ(r.status, 403);
    EXPECT_NE(r.body.find("登录已失效"), std::string::npos);
    EXPECT_TRUE(c.wait_closed(std::chrono::seconds(3)));
  }
  // ... and elsewhere the ordinary limit holds, declared or chunked, token or not.
  {
    RawClient c(ts.port);
    c.send("POST /form HTTP/1.1\r\nHost: t\r\nX-Token: good\r\nContent-Length: 5000\r\n\r\n");
    EXPECT_EQ(c.read_response().status, 413);
  }
  {
    RawClient c(ts.port);
    std::string chunk(800, 'y');
    c.send("POST /form HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
           "320\r\n" + chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
    EXPECT_EQ(c.read_response().status, 413);
  }
  // Small bodies never ask the gate.
  const int before = asked.load();
  EXPECT_EQ(request(ts.port, "POST", "/form", {}, "small").body, "got small");
  EXPECT_EQ(request(ts.port, "POST", "/upload/file", {}, "tiny").body, "size 4");
  EXPECT_EQ(asked.load(), before);
  EXPECT_EQ(get(ts.port, "/form").status, 405);
}

TEST_F(ServerTest, OversizedHeaderGets431) {
  ts.options.header_limit = 1024;
  ts.start();
  RawClient c(ts.port);
  c.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(4000, 'a') + "\r\n\r\n");
  auto r = c.read_response();
  EXPECT_EQ(r.status, 431);
  EXPECT_TRUE(c.wait_closed(std::chrono::seconds(3)));
}

TEST_F(ServerTest, ExpectContinueGets100BeforeTheBodyIsSent) {
  ts.start();
  RawClient c(ts.port);
  c.send("POST /form HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(c.read_response().status, 100);
  c.send("data");
  auto r = c.read_response();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "got data");
}

TEST_F(ServerTest, HeadHasTheHeadersOfGetButNoBody) {
  ts.start();
  auto g = get(ts.port, "/hello");
  RawClient c(ts.port);
  c.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n");
  auto h = c.read_response(/*head=*/true);
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.header("content-length"), g.header("content-length"));
  EXPECT_EQ(h.header("content-type"), g.header("content-type"));
  EXPECT_EQ(h.header("etag"), g.header("etag"));
  EXPECT_EQ(h.header("x-content-type-options"), "nosniff");
  // Had a body been sent, this next response would not parse.
  c.send("GET /echo/after HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(c.read_response().body, "after");
}

TEST_F(ServerTest, UnknownPathGoesToTheRoutersNotFoundHandler) {
  ts.router.set_not_found([](Request& r) { return Response::html("<h1>找不到 " + r.path + "</h1>"); });
  ts.start();
  auto r = get(ts.port, "/no/such/page");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, "<h1>找不到 /no/such/page</h1>");
  EXPECT_EQ(r.header("x-frame-options"), "SAMEORIGIN");
}

TEST_F(ServerTest, HandlerExceptionGives500WithRequestIdAndNoInternals) {
  ts.start();
  auto r = get(ts.port, "/boom");
  EXPECT_EQ(r.status, 500);
  ASSERT_TRUE(r.header("x-request-id"));
  EXPECT_NE(r.body.find(*r.header("x-request-id")), std::string::npos);
  EXPECT_EQ(r.body.find("hunter2"), std::string::npos);
  EXPECT_EQ(r.body.find("citizens"), std::string::npos);
  EXPECT_EQ(r.header("content-security-policy"), ts.options.content_security_policy);
}

TEST_F(ServerTest, CustomErrorPageIsUsedFor500) {
  ts.router.set_error_page([](Request& r, int status, const std::string&) {
    return Response::html("<p>出错了，编号 " + r.request_id + "</p>", status);
  });
  ts.start();
  auto r = get(ts.port, "/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body, "<p>出错了，编号 " + *r.header("x-request-id") + "</p>");
}

TEST_F(ServerTest, WrongMethodGets405WithAllow) {
  ts.start();
  auto r = get(ts.port, "/form");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "POST");
  auto d = request(ts.port, "DELETE", "/hello");
  EXPECT_EQ(d.status, 405);
  EXPECT_EQ(d.header("allow"), "GET, HEAD");
}

TEST_F(ServerTest, HealthzAnswersOk) {
  ts.start();
  auto r = get(ts.port, "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "ok");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
}

// The value of a sample line "name value" in Prometheus text.
std::uint64_t sample(const std::string& text, const std::string& name) {
  auto pos = text.find("\n" + name + " ");
  if (pos == std::string::npos) throw std::runtime_error("no sample " + name);
  return std::stoull(text.substr(pos + name.size() + 2));
}

// Request counters move when a response has been written, which may be a moment after
// the client has read it: poll briefly.
std::string metrics_when(std::uint16_t port, const std::function<bool(const std::string&)>& ok) {
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text = get(port, "/metrics").body;
    if (ok(text)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return text;
}

TEST_F(ServerTest, MetricsCountersMove) {
  ts.router.get("/cached", [](Request&) {
    auto r = Response::html("<p>cached</p>");
    r.cache_tags = {"t"};
    return r;
  });
  ts.start();
  auto before = get(ts.port, "/metrics");
  EXPECT_EQ(before.status, 200);
  EXPECT_NE(before.header("content-type")->find("text/plain"), std::string::npos);
  get(ts.port, "/hello");
  get(ts.port, "/nope");
  get(ts.port, "/cached");
  get(ts.port, "/cached");
  const auto& b = before.body;
  auto after = metrics_when(ts.port, [&](const std::string& t) {
    return sample(t, "zwgk_http_requests_total{code=\"4xx\"}") >
               sample(b, "zwgk_http_requests_total{code=\"4xx\"}") &&
           sample(t, "zwgk_http_requests_total{code=\"2xx\"}") >=
               sample(b, "zwgk_http_requests_total{code=\"2xx\"}") + 4;
  });
  EXPECT_GE(sample(after, "zwgk_http_requests_total{code=\"2xx\"}"),
            sample(b, "zwgk_http_requests_total{code=\"2xx\"}") + 4);
  EXPECT_EQ(sample(after, "zwgk_http_requests_total{code=\"4xx\"}"),
            sample(b, "zwgk_http_requests_total{code=\"4xx\"}") + 1);
  EXPECT_EQ(sample(after, "zwgk_page_cache_hits_total"), sample(b, "zwgk_page_cache_hits_total") + 1);
  EXPECT_GT(sample(after, "zwgk_page_cache_misses_total"), sample(b, "zwgk_page_cache_misses_total"));
  EXPECT_EQ(sample(after, "zwgk_page_cache_entries"), 1u);
  EXPECT_GT(sample(after, "zwgk_http_request_duration_seconds_count"),
            sample(b, "zwgk_http_request_duration_seconds_count"));
  EXPECT_NE(after.find("zwgk_http_request_duration_seconds_bucket{le=\"+Inf\"}"), std::string::npos);
}

TEST_F(ServerTest, RegisteredGaugesAppearInMetrics) {
  std::atomic<int> in_use{3};
  ts.metrics.add_gauge("zwgk_db_pool_in_use", "Connections in use.", [&] { return in_use.load(); });
  ts.start();
  EXPECT_EQ(sample(get(ts.port, "/metrics").body, "zwgk_db_pool_in_use"), 3u);
  in_use = 5;
  EXPECT_EQ(sample(get(ts.port, "/metrics").body, "zwgk_db_pool_in_use"), 5u);
}

TEST_F(ServerTest, AccessLogHasOneLinePerRequestWithoutTheQueryString) {
  std::ostringstream lines;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(lines);
  auto logger = std::make_shared<spdlog::logger>("access", sink);
  logger->set_pattern("%v");
  spdlog::drop("access");
  spdlog::register_logger(logger);
  ts.options.access_log = true;
  ts.start();
  get(ts.port, "/hello?name=%E5%BC%A0%E4%B8%89&id=110101199003077777");
  get(ts.port, "/nope");
  ts.stop();
  spdlog::drop("access");

  std::string log = lines.str();
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 2);
  EXPECT_NE(log.find("method=GET path=/hello status=200"), std::string::npos) << log;
  EXPECT_NE(log.find("path=/nope status=404"), std::string::npos) << log;
  EXPECT_NE(log.find("request_id="), std::string::npos);
  EXPECT_NE(log.find("remote=127.0.0.1"), std::string::npos);
  EXPECT_NE(log.find("duration_ms="), std::string::npos);
  EXPECT_NE(log.find("cache=miss"), std::string::npos);
  EXPECT_EQ(log.find("110101199003077777"), std::string::npos);
  EXPECT_EQ(log.find("name="), std::string::npos);
}

}  // namespace
}  // namespace zwgk::test
