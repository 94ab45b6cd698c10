// Reader preferences (适老化: 大字版 and 高对比度) over real sockets: the links every page
// carries, the GET that sets or clears the cookie and sends the reader back, and the per-reader
// stylesheet /preferences/text-size.css that carries the rules (src/web/text_size_preference.hpp).
#include <gtest/gtest.h>

#include "web/formatting.hpp"
#include "web/site_fixture.hpp"

using namespace zwgk;
using namespace zwgk::test;

namespace {

class Preferences : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new SiteServer(0); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static SiteServer& s() { return *server_; }
  static SiteServer* server_;
};
SiteServer* Preferences::server_ = nullptr;

// A rule only contrast.css has (the black ground) and one only large.css has (the 125% root).
constexpr const char* kContrastRule = "background: #000";
constexpr const char* kLargeRule = "font-size: 125%";

bool varies_by_cookie(const HttpResult& r) {
  for (const auto& v : r.all("vary"))
    if (v.find("Cookie") != std::string::npos) return true;
  return false;
}

TEST_F(Preferences, EveryPageLinksBothContrastChoicesWithItsOwnAddress) {
  const std::string page = "/search/?q=%E8%A7%84%E5%88%92";
  auto listing = s().get(page);
  ASSERT_EQ(listing.status, 200);
  const std::string ret = web::url_encode_component(page);
  EXPECT_NE(listing.body.find("href=\"/preferences/contrast?on=1&amp;return=" + ret + "\">高对比度</a>"), std::string::npos);
  EXPECT_NE(listing.body.find("href=\"/preferences/contrast?on=0&amp;return=" + ret + "\">标准配色</a>"), std::string::npos);
  EXPECT_NE(listing.body.find("href=\"/preferences/large-text?on=1&amp;return=" + ret + "\">大字版</a>"), std::string::npos);
  EXPECT_NE(listing.body.find("<link rel=\"stylesheet\" href=\"/preferences/text-size.css\">"), std::string::npos);

  // The cached page is the same with and without the cookies: the stylesheet does the work.
  auto with_cookie = s().get(page, {"Cookie: zwgk_contrast=1; zwgk_large=1"});
  EXPECT_EQ(with_cookie.body, listing.body);
}

TEST_F(Preferences, ContrastOnSetsTheCookieForAYearAndGoesBack) {
  auto r = s().get("/preferences/contrast?on=1&return=" + web::url_encode_component("/search/?q=%E8%A7%84%E5%88%92"));
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/search/?q=%E8%A7%84%E5%88%92");
  auto cookie = r.header("set-cookie");
  ASSERT_TRUE(cookie);
  EXPECT_EQ(cookie->rfind("zwgk_contrast=1;", 0), 0u) << *cookie;
  EXPECT_NE(cookie->find("Path=/"), std::string::npos) << *cookie;
  EXPECT_NE(cookie->find("Max-Age=31536000"), std::string::npos) << *cookie;
  EXPECT_NE(cookie->find("SameSite=Lax"), std::string::npos) << *cookie;
  EXPECT_EQ(r.header("cache-control"), "no-store");
}

TEST_F(Preferences, ContrastOffClearsTheCookie) {
  auto r = s().get("/preferences/contrast?on=0&return=%2Fxxgk%2F", {"Cookie: zwgk_contrast=1"});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/xxgk/");
  auto cookie = r.header("set-cookie").value_or("");
  EXPECT_EQ(cookie.rfind("zwgk_contrast=;", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("Max-Age=0"), std::string::npos) << cookie;
}

TEST_F(Preferences, ContrastReturnsOnlyToAPathOnThisSite) {
  for (const char* evil : {"https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example%2F", "%2F%5Cevil.example",
                           "javascript%3Aalert(1)", "%2Fok%0D%0ASet-Cookie%3A%20x%3D1", "xxgk%2F", ""}) {
    auto r = s().get(std::string("/preferences/contrast?on=1&return=") + evil);
    EXPECT_EQ(r.status, 303) << evil;
    EXPECT_EQ(r.header("location"), "/") << evil;
  }
  auto no_return = s().get("/preferences/contrast?on=1");
  EXPECT_EQ(no_return.status, 303);
  EXPECT_EQ(no_return.header("location"), "/");
}

TEST_F(Preferences, BadOnIsAClear400) {
  for (const char* q : {"", "?on=2", "?on=yes", "?on=", "?return=%2F"}) {
    auto r = s().get(std::string("/preferences/contrast") + q);
    EXPECT_EQ(r.status, 400) << q;
    EXPECT_NE(visible_text(r.body).find("参数 on 必须是 1（高对比度）或 0（标准配色）"), std::string::npos) << q;
    EXPECT_FALSE(r.header("set-cookie")) << q;
  }
  auto twice = s().get("/preferences/contrast?on=1&on=0");
  EXPECT_EQ(twice.status, 400);
  EXPECT_NE(visible_text(twice.body).find("参数 on 只能出现一次"), std::string::npos);
  EXPECT_FALSE(twice.header("set-cookie"));
  auto large = s().get("/preferences/large-text?on=x");
  EXPECT_EQ(large.status, 400);
  EXPECT_NE(visible_text(large.body).find("参数 on 必须是 1（大字版）或 0（标准版）"), std::string::npos);
}

TEST_F(Preferences, StylesheetCarriesTheContrastRulesOnlyWithTheCookie) {
  auto plain = s().get("/preferences/text-size.css");
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.header("content-type").value_or("").rfind("text/css", 0), 0u);
  EXPECT_EQ(plain.body.find(kContrastRule), std::string::npos);
  EXPECT_EQ(plain.body.find(kLargeRule), std::string::npos);

  auto contrast = s().get("/preferences/text-size.css", {"Cookie: other=x; zwgk_contrast=1"});
  EXPECT_NE(contrast.body.find(kContrastRule), std::string::npos);
  EXPECT_NE(contrast.body.find(".contrast.to-standard"), std::string::npos) << "swaps the topbar link";
  EXPECT_EQ(contrast.body.find(kLargeRule), std::string::npos);

  auto both = s().get("/preferences/text-size.css", {"Cookie: zwgk_large=1; zwgk_contrast=1"});
  const auto large_at = both.body.find(kLargeRule);
  const auto contrast_at = both.body.find(kContrastRule);
  ASSERT_NE(large_at, std::string::npos);
  ASSERT_NE(contrast_at, std::string::npos);
  EXPECT_LT(large_at, contrast_at) << "the theme's colours come last, so they win over large.css";

  for (const char* cookie : {"Cookie: zwgk_contrast=0", "Cookie: zwgk_contrast=", "Cookie: xzwgk_contrast=1",
                             "Cookie: zwgk_contrast=11", "Cookie: zwgk_contrastx=1"}) {
    auto r = s().get("/preferences/text-size.css", {cookie});
    EXPECT_EQ(r.body.find(kContrastRule), std::string::npos) << cookie;
  }

  // site.js reloads the sheet with a cache-busting query; the answer is the same.
  auto busted = s().get("/preferences/text-size.css?t=1764777600000", {"Cookie: zwgk_contrast=1"});
  EXPECT_EQ(busted.status, 200);
  EXPECT_EQ(busted.body, contrast.body);

  for (const auto* r : {&plain, &contrast, &both}) {
    EXPECT_EQ(r->header("cache-control"), "no-cache, private");
    EXPECT_TRUE(varies_by_cookie(*r));
  }
  // Each variant has its own validator, so a revalidation never hands back the wrong theme.
  const auto e1 = plain.header("etag").value_or("");
  const auto e2 = contrast.header("etag").value_or("");
  const auto e3 = both.header("etag").value_or("");
  EXPECT_FALSE(e1.empty());
  EXPECT_NE(e1, e2);
  EXPECT_NE(e2, e3);
  EXPECT_NE(e1, e3);
}

TEST_F(Preferences, StaticContrastSheetIsNotLinkedDirectly) {
  // contrast.css reaches readers only through the cookie-dependent sheet; a page never links it,
  // so a reader without the cookie never gets a black page from a shared cache.
  auto home = s().get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_EQ(home.body.find("contrast.css"), std::string::npos);
}

}  // namespace
