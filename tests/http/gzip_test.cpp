// gzip and brotli negotiation over real sockets, for fresh and cached pages.
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
    auto r = get(ts.port, path, {{"Accept-Encoding", "gzip, deflate"}});
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


// A browser sends "gzip, deflate, br": a cached page answers with its br form, which is
// smaller than gzip on Chinese HTML; the bytes decode to exactly the page.
TEST_F(GzipTest, CachedPagesAreServedAsBrotliToBrowsersThatAcceptIt) {
  for (int i = 0; i < 2; ++i) {  // cache miss, then hit
    auto r = get(ts.port, "/cached", {{"Accept-Encoding", "gzip, deflate, br"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("content-encoding"), "br");
    EXPECT_EQ(r.header("vary"), "Accept-Encoding");
    EXPECT_EQ(http::brotli_decompress(r.body), big_page());
    auto z = get(ts.port, "/cached", {{"Accept-Encoding", "gzip"}});
    EXPECT_LT(r.body.size(), z.body.size());
    ASSERT_TRUE(r.header("etag"));
    EXPECT_TRUE(r.header("etag")->ends_with("-br\""));
  }
  // "*" takes the best form there is.
  EXPECT_EQ(get(ts.port, "/cached", {{"Accept-Encoding", "*"}}).header("content-encoding"), "br");
}

TEST_F(GzipTest, BrotliFollowsTheClientsQValues) {
  EXPECT_EQ(get(ts.port, "/cached", {{"Accept-Encoding", "gzip, br;q=0"}}).header("content-encoding"), "gzip");
  EXPECT_EQ(get(ts.port, "/cached", {{"Accept-Encoding", "br;q=0.5, gzip"}}).header("content-encoding"), "gzip");
  EXPECT_EQ(get(ts.port, "/cached", {{"Accept-Encoding", "br;q=0.9, gzip;q=0.8"}}).header("content-encoding"), "br");
  auto none = get(ts.port, "/cached", {{"Accept-Encoding", "br;q=0, gzip;q=0"}});
  EXPECT_FALSE(none.header("content-encoding"));
  EXPECT_EQ(none.body, big_page());
  // A fresh (uncached) response is never brotli-compressed per request: gzip or identity.
  EXPECT_EQ(get(ts.port, "/page", {{"Accept-Encoding", "gzip, br"}}).header("content-encoding"), "gzip");
  auto only_br = get(ts.port, "/page", {{"Accept-Encoding", "br"}});
  EXPECT_FALSE(only_br.header("content-encoding"));
  EXPECT_EQ(only_br.body, big_page());
}

TEST_F(GzipTest, TheBrotliFormRevalidatesWithItsOwnEtag) {
  auto br = get(ts.port, "/cached", {{"Accept-Encoding", "br"}});
  auto id = get(ts.port, "/cached");
  ASSERT_TRUE(br.header("etag") && id.header("etag"));
  EXPECT_NE(*br.header("etag"), *id.header("etag"));
  auto again = get(ts.port, "/cached", {{"Accept-Encoding", "br"}, {"If-None-Match", *br.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(again.header("etag"), br.header("etag"));
  EXPECT_TRUE(again.body.empty());
}

TEST(ContentCoding, ChoosesByQAndByWhatExists) {
  using http::ContentCoding;
  auto pick = [](std::string_view ae, bool gz, bool br) { return http::choose_coding(&ae, gz, br); };
  EXPECT_EQ(pick("gzip, deflate, br", true, true), ContentCoding::Brotli);
  EXPECT_EQ(pick("gzip, deflate, br", true, false), ContentCoding::Gzip);
  EXPECT_EQ(pick("br", true, false), ContentCoding::Identity);
  EXPECT_EQ(pick("BR;Q=1, gzip;q=1", true, true), ContentCoding::Brotli);
  EXPECT_EQ(pick("br;q=0.001, gzip;q=0.002", true, true), ContentCoding::Gzip);
  EXPECT_EQ(pick("*;q=0.5, br;q=0", true, true), ContentCoding::Gzip);
  EXPECT_EQ(pick("identity", true, true), ContentCoding::Identity);
  EXPECT_EQ(pick("x-gzip", true, true), ContentCoding::Gzip);
  EXPECT_EQ(http::choose_coding(nullptr, true, true), ContentCoding::Identity);
}

TEST(BrotliCompress, RoundTripsAndRefusesCorruptStreams) {
  std::string text = big_page();
  auto b = http::brotli_compress(text);
  EXPECT_LT(b.size(), http::gzip_compress(text, 9).size());
  EXPECT_EQ(http::brotli_decompress(b), text);
  EXPECT_EQ(http::brotli_decompress(http::brotli_compress("")), "");
  EXPECT_THROW(http::brotli_decompress(b.substr(0, b.size() / 2)), std::runtime_error);
}

}  // namespace
}  // namespace zwgk::test
