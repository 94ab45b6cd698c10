// Static files end to end: types, validators, and every way out of the root refused.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>

#include "http/raw_client.hpp"
#include "http/static_files.hpp"
#include "http/test_server.hpp"

namespace zwgk::test {
namespace {

namespace fs = std::filesystem;
using http::Request;
using http::Response;

void write_file(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base = fs::temp_directory_path() / ("zwgk-static-" + std::to_string(std::random_device{}()));
    root = base / "root";
    write_file(root / "css" / "site.css", "body { font-family: \"Noto Sans CJK SC\"; }");
    write_file(root / "img" / "logo.png", std::string("\x89PNG\r\n\x1a\n", 8) + "pixels");
    write_file(root / "docs" / "规划.pdf", "%PDF-1.4 规划");
    write_file(root / ".env", "SECRET=1");
    write_file(base / "secret.txt", "TOP SECRET");
    fs::create_symlink(base / "secret.txt", root / "escape.txt");
    ts.router.get("/static/{path*}", [this](Request& r) { return http::serve_static(root, r.param("path")); });
    ts.start();
  }
  void TearDown() override {
    ts.stop();
    fs::remove_all(base);
  }
  fs::path base, root;
  TestServer ts;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirContentType) {
  auto css = get(ts.port, "/static/css/site.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(css.body, "body { font-family: \"Noto Sans CJK SC\"; }");
  EXPECT_TRUE(css.header("last-modified"));
  EXPECT_TRUE(css.header("etag"));
  EXPECT_TRUE(css.header("cache-control"));

  auto png = get(ts.port, "/static/img/logo.png");
  EXPECT_EQ(png.status, 200);
  EXPECT_EQ(png.header("content-type"), "image/png");

  auto pdf = get(ts.port, "/static/docs/%E8%A7%84%E5%88%92.pdf");  // 规划.pdf
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body, "%PDF-1.4 规划");
}

TEST_F(StaticFilesTest, TraversalAndHiddenFilesAre404) {
  for (const char* target : {
           "/static/../secret.txt",
           "/static/%2e%2e/secret.txt",
           "/static/%2E%2E/secret.txt",
           "/static/%2F..%2Fsecret.txt",
           "/static/css/..%2F..%2Fsecret.txt",
           "/static/css/%2e%2e/%2e%2e/secret.txt",
           "/static/..%5Csecret.txt",
           "/static/%2Fetc%2Fpasswd",
           "/static/escape.txt",  // a symlink out of the root
           "/static/.env",
           "/static/css",  // a directory
           "/static/",
           "/static/missing.css",
       }) {
    auto r = get(ts.port, target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << target;
  }
}

TEST_F(StaticFilesTest, StaticFilesAreCachedAndRevalidate) {
  auto first = get(ts.port, "/static/css/site.css");
  auto again = get(ts.port, "/static/css/site.css", {{"If-None-Match", *first.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(ts.cache.entries(), 1u);
}

TEST(MediaType, ByExtension) {
  EXPECT_EQ(http::media_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(http::media_type_for("app.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(http::media_type_for("data.json"), "application/json; charset=utf-8");
  EXPECT_EQ(http::media_type_for("feed.xml"), "application/xml; charset=utf-8");
  EXPECT_EQ(http::media_type_for("readme.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(http::media_type_for("qr.svg"), "image/svg+xml");
  EXPECT_EQ(http::media_type_for("photo.jpg"), "image/jpeg");
  EXPECT_EQ(http::media_type_for("anim.gif"), "image/gif");
  EXPECT_EQ(http::media_type_for("favicon.ico"), "image/x-icon");
  EXPECT_EQ(http::media_type_for("年报.pdf"), "application/pdf");
  EXPECT_EQ(http::media_type_for("申请表.doc"), "application/msword");
  EXPECT_EQ(http::media_type_for("申请表.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(http::media_type_for("预算.xls"), "application/vnd.ms-excel");
  EXPECT_EQ(http::media_type_for("预算.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(http::media_type_for("附件.zip"), "application/zip");
  EXPECT_EQ(http::media_type_for("font.woff2"), "font/woff2");
  EXPECT_EQ(http::media_type_for("no-extension"), "application/octet-stream");
  EXPECT_EQ(http::media_type_for("dir.d/file"), "application/octet-stream");
}

}  // namespace
}  // namespace zwgk::test
