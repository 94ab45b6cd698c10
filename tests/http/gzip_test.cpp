// gzip negotiation over real sockets, for fresh and cached pages.
#include <gtest/gtest.h>

#include "http/compression.hpp"
#include "http/page_cache.hpp"
#include "http/raw_client.hpp"
#include "http/test_server.hpp"

namespace zwgk::test {
namespace {

using http::Request;
using http::Response;

std::string big_page() {
  std::string html = "<!doctype html><html lang=\"zh-CN\"><body>";
  for (int i = 0; html.size() < 36 * 1024; ++i) {
    html += "<p>第" + std::to_string(i) + "条：政府信息公开目录，依申请公开，政策解读。</p>\n";
  }
  return html + "</body></html>";
}

class GzipTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ts.router.get("/page", [](Request&) { return Response::html(big_page()); });
    ts.router.get("/cached", [](Request&) {
      auto r = Response::html(big_page());
      r.cache_tags = {"page"};
      return r;
    });
    ts.router.get("/tiny", [](Request&) { return Response::html("<p>短</p>"); });
    ts.router.get("/image", [](Request&) {
      Response r;
      r.content_type = "image/png";
      r.body = std::string(4096, 'P');
      return r;
    });
    ts.start();
  }
  TestServer ts;
};

TEST_F(GzipTest, GzipIsServedToClientsThatAcceptIt) {
  for (const char* path : {"/page", "/cached", "/cached"}) {  // fresh, cache miss, cache hit
    auto r = get(ts.port, path, {{"Accept-Encoding", "gzip, deflate, br"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("content-encoding"), "gzip") << path;
    EXPECT_EQ(r.header("vary"), "Accept-Encoding");
    EXPECT_LT(r.body.size(), big_page().size() / 3);
    EXPECT_EQ(gunzip(r.body), big_page()) << path;
    EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  }
}

TEST_F(GzipTest, IdentityIsServedOtherwise) {
  for (const char* path : {"/page", "/cached"}) {
    auto plain = get(ts.port, path);
    EXPECT_FALSE(plain.header("content-encoding"));
    EXPECT_EQ(plain.header("vary"), "Accept-Encoding");
    EXPECT_EQ(plain.body, big_page());
    auto refused = get(ts.port, path, {{"Accept-Encoding", "gzip;q=0, identity"}});
    EXPECT_FALSE(refused.header("content-encoding"));
    EXPECT_EQ(refused.body, big_page());
  }
}

TEST_F(GzipTest, GzipAndIdentityHaveDifferentEtagsAndBothRevalidate) {
  auto z = get(ts.port, "/cached", {{"Accept-Encoding", "gzip"}});
  auto id = get(ts.port, "/cached");
  ASSERT_TRUE(z.header("etag") && id.header("etag"));
  EXPECT_NE(*z.header("etag"), *id.header("etag"));
  auto again = get(ts.port, "/cached", {{"Accept-Encoding", "gzip"}, {"If-None-Match", *z.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(again.header("etag"), z.header("etag"));
}

TEST_F(GzipTest, SmallBodiesAndImagesAreNotCompressed) {
  auto tiny = get(ts.port, "/tiny", {{"Accept-Encoding", "gzip"}});
  EXPECT_FALSE(tiny.header("content-encoding"));
  EXPECT_EQ(tiny.body, "<p>短</p>");
  auto image = get(ts.port, "/image", {{"Accept-Encoding", "gzip"}});
  EXPECT_FALSE(image.header("content-encoding"));
  EXPECT_FALSE(image.header("vary"));
  EXPECT_EQ(image.body.size(), 4096u);
}

TEST(GzipCompress, TextAndXmlAreCompressibleZipPackagesAreNot) {
  for (const char* t : {"text/html; charset=utf-8", "application/json", "application/xml", "image/svg+xml",
                        "application/rss+xml", "text/javascript"})
    EXPECT_TRUE(http::is_compressible(t)) << t;
  // .docx and .xlsx are zip files already; "openxmlformats" is no XML type.
  for (const char* t : {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip",
                        "image/png", "application/pdf"})
    EXPECT_FALSE(http::is_compressible(t)) << t;
}

TEST(GzipCompress, RoundTrips) {
  std::string text = big_page();
  auto z = http::gzip_compress(text);
  EXPECT_LT(z.size(), text.size() / 3);
  EXPECT_EQ(gunzip(z), text);
  EXPECT_EQ(gunzip(http::gzip_compress("")), "");
}

}  // namespace
}  // namespace zwgk::test
