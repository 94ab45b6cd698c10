// Request parsing and HTTP dates.
#include <gtest/gtest.h>

#include "http/request.hpp"
#include "http/response.hpp"

namespace zwgk::test {
namespace {

using http::Request;

TEST(ParseTarget, DecodesPathAndQuery) {
  Request r;
  ASSERT_TRUE(http::parse_target("/xxgk/%E8%A7%84%E5%88%92?q=%E4%BD%8E%E4%BF%9D+%E6%94%BF%E7%AD%96&page=2&flag", r));
  EXPECT_EQ(r.path, "/xxgk/规划");
  EXPECT_EQ(r.raw_query, "q=%E4%BD%8E%E4%BF%9D+%E6%94%BF%E7%AD%96&page=2&flag");
  ASSERT_EQ(r.query.size(), 3u);
  EXPECT_EQ(r.query_param("q"), "低保 政策");
  EXPECT_EQ(r.query_param("page"), "2");
  EXPECT_EQ(r.query_param("flag"), "");
  EXPECT_FALSE(r.query_param("missing"));
  EXPECT_EQ(r.target, "/xxgk/%E8%A7%84%E5%88%92?q=%E4%BD%8E%E4%BF%9D+%E6%94%BF%E7%AD%96&page=2&flag");
}

TEST(ParseTarget, RejectsWhatCannotBeDecodedSafely) {
  Request r;
  EXPECT_FALSE(http::parse_target("/a%00b", r));
  EXPECT_FALSE(http::parse_target("/a?x=%00", r));
  EXPECT_FALSE(http::parse_target("/a%zz", r));
  EXPECT_FALSE(http::parse_target("/a b", r));
  EXPECT_FALSE(http::parse_target("", r));
  EXPECT_FALSE(http::parse_target("*", r));
}

TEST(ParseTarget, AcceptsAbsoluteForm) {
  Request r;
  ASSERT_TRUE(http::parse_target("http://www.example.gov.cn/a%20b?x=1", r));
  EXPECT_EQ(r.path, "/a b");
  EXPECT_EQ(r.target, "/a%20b?x=1");
}

TEST(RequestHeaders, HostWithoutPortLowerCase) {
  Request r;
  r.headers = {{"host", "WWW.Example.GOV.cn:8080"}};
  EXPECT_EQ(r.host(), "www.example.gov.cn");
  r.headers = {{"host", "[::1]:8080"}};
  EXPECT_EQ(r.host(), "[::1]");
  r.headers = {};
  EXPECT_EQ(r.host(), "");
}

TEST(HttpDate, FormatsAndParses) {
  EXPECT_EQ(http::http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(http::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(http::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
  EXPECT_EQ(http::parse_http_date("Sun Nov  6 08:49:37 1994"), 784111777);
  EXPECT_FALSE(http::parse_http_date("yesterday"));
  EXPECT_FALSE(http::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT trailing"));
}

TEST(ResponseHelpers, SetTheRightTypes) {
  EXPECT_EQ(http::Response::json("{}").content_type, "application/json; charset=utf-8");
  EXPECT_EQ(http::Response::text("x").content_type, "text/plain; charset=utf-8");
  auto redirect = http::Response::redirect("/new", 301);
  EXPECT_EQ(redirect.status, 301);
  EXPECT_EQ(redirect.header("location"), "/new");
  http::Response r;
  r.set_header("Cache-Control", "no-cache");
  r.set_header("cache-control", "no-store");
  EXPECT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
}

}  // namespace
}  // namespace zwgk::test
