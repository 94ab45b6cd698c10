// Conditional GET over real sockets: ETag / If-None-Match, Last-Modified / If-Modified-Since.
#include <gtest/gtest.h>

#include "http/raw_client.hpp"
#include "http/test_server.hpp"

namespace zwgk::test {
namespace {

using http::Request;
using http::Response;

constexpr const char* kModified = "Tue, 07 May 2024 08:00:00 GMT";

class ConditionalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ts.router.get("/notice", [](Request&) {
      auto r = Response::html("<p>关于开展2024年政务公开工作的通知</p>");
      r.last_modified = kModified;
      return r;
    });
    ts.router.get("/cached-notice", [](Request&) {
      auto r = Response::html("<p>已缓存的通知</p>");
      r.last_modified = kModified;
      r.cache_tags = {"notice"};
      return r;
    });
    ts.start();
  }
  TestServer ts;
};

TEST_F(ConditionalTest, MatchingIfNoneMatchGets304WithoutBody) {
  for (const char* path : {"/notice", "/cached-notice"}) {
    auto first = get(ts.port, path);
    ASSERT_EQ(first.status, 200);
    auto etag = first.header("etag");
    ASSERT_TRUE(etag) << path;
    EXPECT_EQ(etag->front(), '"');  // strong and quoted
    EXPECT_EQ(etag->back(), '"');

    RawClient c(ts.port);
    c.send(std::string("GET ") + path + " HTTP/1.1\r\nHost: test.local\r\nIf-None-Match: " +
           *etag + "\r\n\r\n");
    auto r = c.read_response();
    EXPECT_EQ(r.status, 304) << path;
    EXPECT_EQ(r.header("etag"), etag);
    EXPECT_FALSE(r.header("content-length"));
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
    EXPECT_TRUE(r.header("content-security-policy"));
    // No body was sent: the connection is ready for the next response.
    c.send("GET /notice HTTP/1.1\r\nHost: test.local\r\n\r\n");
    EXPECT_EQ(c.read_response().status, 200);
  }
}

TEST_F(ConditionalTest, OtherEtagGetsTheFullPage) {
  auto r = get(ts.port, "/notice", {{"If-None-Match", "\"stale-tag\", \"another\""}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<p>关于开展2024年政务公开工作的通知</p>");
}

TEST_F(ConditionalTest, IfModifiedSinceAtOrAfterLastModifiedGets304) {
  auto same = get(ts.port, "/notice", {{"If-Modified-Since", kModified}});
  EXPECT_EQ(same.status, 304);
  EXPECT_TRUE(same.body.empty());
  auto later = get(ts.port, "/cached-notice", {{"If-Modified-Since", "Wed, 08 May 2024 00:00:00 GMT"}});
  EXPECT_EQ(later.status, 304);
  auto earlier = get(ts.port, "/notice", {{"If-Modified-Since", "Mon, 06 May 2024 00:00:00 GMT"}});
  EXPECT_EQ(earlier.status, 200);
  EXPECT_EQ(earlier.header("last-modified"), kModified);
  auto garbage = get(ts.port, "/notice", {{"If-Modified-Since", "yesterday"}});
  EXPECT_EQ(garbage.status, 200);
}

TEST_F(ConditionalTest, IfNoneMatchWinsOverIfModifiedSince) {
  auto r = get(ts.port, "/notice",
               {{"If-None-Match", "\"changed\""}, {"If-Modified-Since", kModified}});
  EXPECT_EQ(r.status, 200);
}

}  // namespace
}  // namespace zwgk::test
