// Range requests over real sockets.
#include <gtest/gtest.h>

#include "http/range.hpp"
#include "http/raw_client.hpp"
#include "http/test_server.hpp"

namespace zwgk::test {
namespace {

using http::Request;
using http::Response;

std::string attachment() {
  std::string s;
  for (int i = 0; s.size() < 1000; ++i) s += std::to_string(i % 10);
  return s;  // "0123456789" repeated, 1000 bytes
}

class RangeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ts.router.get("/files/report.txt", [](Request&) {
      auto r = Response::text(attachment());
      r.allow_range = true;
      r.last_modified = "Tue, 07 May 2024 08:00:00 GMT";
      return r;
    });
    ts.router.get("/page", [](Request&) { return Response::text(attachment()); });
    ts.start();
  }
  TestServer ts;
};

TEST_F(RangeTest, SingleRangeGets206WithTheRightBytes) {
  struct Case {
    const char* range;
    std::size_t first, last;
  } cases[] = {{"bytes=0-4", 0, 4}, {"bytes=10-", 10, 999}, {"bytes=-3", 997, 999},
               {"bytes=990-5000", 990, 999}};
  for (const auto& c : cases) {
    auto r = get(ts.port, "/files/report.txt", {{"Range", c.range}, {"Accept-Encoding", "gzip"}});
    EXPECT_EQ(r.status, 206) << c.range;
    EXPECT_EQ(r.body, attachment().substr(c.first, c.last - c.first + 1)) << c.range;
    EXPECT_EQ(r.header("content-range"), "bytes " + std::to_string(c.first) + "-" +
                                             std::to_string(c.last) + "/1000");
    EXPECT_FALSE(r.header("content-encoding"));  // never gzip a range
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  }
}

TEST_F(RangeTest, UnsatisfiableRangeGets416) {
  for (const char* range : {"bytes=1000-", "bytes=5000-6000", "bytes=-0"}) {
    auto r = get(ts.port, "/files/report.txt", {{"Range", range}});
    EXPECT_EQ(r.status, 416) << range;
    EXPECT_EQ(r.header("content-range"), "bytes */1000");
  }
}

TEST_F(RangeTest, FullResponseAdvertisesRangesAndBadRangesAreIgnored) {
  auto full = get(ts.port, "/files/report.txt");
  EXPECT_EQ(full.status, 200);
  EXPECT_EQ(full.header("accept-ranges"), "bytes");
  for (const char* range : {"bytes=5-2", "items=0-1", "bytes=0-1,5-6", "bytes=x-y"}) {
    auto r = get(ts.port, "/files/report.txt", {{"Range", range}});
    EXPECT_EQ(r.status, 200) << range;
    EXPECT_EQ(r.body, attachment());
  }
}

TEST_F(RangeTest, IfRangeWithAnOldValidatorGetsTheWholeFile) {
  auto etag = *get(ts.port, "/files/report.txt").header("etag");
  auto current = get(ts.port, "/files/report.txt", {{"Range", "bytes=0-1"}, {"If-Range", etag}});
  EXPECT_EQ(current.status, 206);
  auto old = get(ts.port, "/files/report.txt", {{"Range", "bytes=0-1"}, {"If-Range", "\"old\""}});
  EXPECT_EQ(old.status, 200);
  EXPECT_EQ(old.body.size(), 1000u);
}

TEST_F(RangeTest, ResponsesWithoutAllowRangeIgnoreRange) {
  auto r = get(ts.port, "/page", {{"Range", "bytes=0-4"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(r.header("accept-ranges"));
  EXPECT_EQ(r.body.size(), 1000u);
}

TEST(ParseRange, Forms) {
  using K = http::ByteRange::Kind;
  EXPECT_EQ(http::parse_range("bytes=0-0", 10).kind, K::Satisfiable);
  EXPECT_EQ(http::parse_range("bytes=-20", 10).first, 0u);
  EXPECT_EQ(http::parse_range("bytes=0-", 0).kind, K::Unsatisfiable);
  EXPECT_EQ(http::parse_range("bytes=", 10).kind, K::Ignore);
  EXPECT_EQ(http::parse_range("bytes=99999999999999999999999-", 10).kind, K::Ignore);
}

}  // namespace
}  // namespace zwgk::test
