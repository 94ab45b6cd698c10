// The page cache: served before routing, invalidated by tag; and PageCache on its own.
#include <atomic>
#include <ctime>
#include <gtest/gtest.h>

#include "http/page_cache.hpp"
#include "http/raw_client.hpp"
#include "http/test_server.hpp"

namespace zwgk::test {
namespace {

using http::CachedPage;
using http::PageCache;
using http::Request;
using http::Response;

class CachedServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ts.router.get("/doc/{id}", [this](Request& r) {
      ++calls;
      auto resp = Response::html("<p>文件 " + r.param("id") + " 第" + std::to_string(calls.load()) + "次渲染</p>");
      resp.cache_tags = {"doc:" + r.param("id"), "site:1"};
      return resp;
    });
    ts.router.get("/dated/{when}", [this](Request& r) {
      ++calls;
      auto resp = Response::html("<p>有效性取决于今天的日期</p>");
      resp.cache_tags = {"doc:9"};
      // "past": already stale when stored; "future": good until tomorrow.
      resp.cache_expires_at = std::time(nullptr) + (r.param("when") == "past" ? -1 : 86400);
      return resp;
    });
    ts.router.get("/private", [this](Request&) {
      ++calls;
      auto resp = Response::html("<p>您好，张三</p>");
      resp.cache_tags = {"doc:1"};
      resp.set_header("Set-Cookie", "zwgk_session=abc; HttpOnly");
      return resp;
    });
  }
  TestServer ts;
  std::atomic<int> calls{0};
};

TEST_F(CachedServerTest, CachedPageIsServedWithoutCallingTheHandler) {
  ts.start();
  auto first = get(ts.port, "/doc/1");
  auto second = get(ts.port, "/doc/1");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(first.body, second.body);
  EXPECT_EQ(second.header("x-frame-options"), "SAMEORIGIN");
  EXPECT_TRUE(second.header("content-security-policy"));
  EXPECT_NE(first.header("x-request-id"), second.header("x-request-id"));
  // HEAD is answered from the same entry.
  auto head = request(ts.port, "HEAD", "/doc/1");
  EXPECT_EQ(head.header("content-length"), first.header("content-length"));
  EXPECT_EQ(calls, 1);
}

TEST_F(CachedServerTest, ExpiredPagesAreRenderedAgain) {
  ts.start();
  get(ts.port, "/dated/future");
  get(ts.port, "/dated/future");
  EXPECT_EQ(calls, 1) << "a page that has not expired comes from the cache";
  get(ts.port, "/dated/past");
  get(ts.port, "/dated/past");
  EXPECT_EQ(calls, 3) << "an expired page is rendered again, not served stale";
}

TEST_F(CachedServerTest, InvalidatingItsTagMakesTheNextRequestRenderAgain) {
  ts.start();
  get(ts.port, "/doc/1");
  get(ts.port, "/doc/2");
  ts.cache.invalidate("doc:999");  // another tag: nothing changes
  get(ts.port, "/doc/1");
  get(ts.port, "/doc/2");
  EXPECT_EQ(calls, 2);
  ts.cache.invalidate("doc:1");
  auto fresh = get(ts.port, "/doc/1");
  EXPECT_EQ(calls, 3);
  EXPECT_NE(fresh.body.find("第3次渲染"), std::string::npos);
  get(ts.port, "/doc/2");  // doc:2 kept its entry
  EXPECT_EQ(calls, 3);
  ts.cache.invalidate("site:1");  // a tag both pages carry
  get(ts.port, "/doc/1");
  get(ts.port, "/doc/2");
  EXPECT_EQ(calls, 5);
}

TEST_F(CachedServerTest, AuthorizationBypassesTheCache) {
  ts.start();
  get(ts.port, "/doc/1");
  get(ts.port, "/doc/1", {{"Authorization", "Bearer x"}});
  get(ts.port, "/doc/1", {{"Authorization", "Bearer x"}});
  EXPECT_EQ(calls, 3);
}

TEST_F(CachedServerTest, HostIsPartOfTheKey) {
  ts.start();
  for (const char* host : {"a.gov.cn", "b.gov.cn", "a.gov.cn:8080"}) {
    RawClient c(ts.port);
    c.send(std::string("GET /doc/1 HTTP/1.1\r\nHost: ") + host + "\r\n\r\n");
    EXPECT_EQ(c.read_response().status, 200);
  }
  EXPECT_EQ(calls, 2);  // the port does not make another site
}

TEST_F(CachedServerTest, ResponsesSettingCookiesAreNeverCached) {
  ts.start();
  get(ts.port, "/private");
  get(ts.port, "/private");
  EXPECT_EQ(calls, 2);
}

TEST_F(CachedServerTest, DisabledCacheCallsTheHandlerEveryTime) {
  ts.cache.set_enabled(false);
  ts.start();
  get(ts.port, "/doc/1");
  get(ts.port, "/doc/1");
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(ts.cache.entries(), 0u);
}

std::shared_ptr<const CachedPage> page(std::string body, std::vector<std::string> tags) {
  auto p = std::make_shared<CachedPage>();
  p->content_type = "text/html; charset=utf-8";
  p->identity = std::make_shared<const std::string>(std::move(body));
  p->tags = std::move(tags);
  return p;
}

TEST(PageCache, InvalidateDropsExactlyTheTaggedEntries) {
  PageCache cache;
  cache.put("h/a", page("a", {"x", "y"}));
  cache.put("h/b", page("b", {"y"}));
  cache.put("h/c", page("c", {"z"}));
  cache.invalidate("y");
  EXPECT_FALSE(cache.find("h/a"));
  EXPECT_FALSE(cache.find("h/b"));
  ASSERT_TRUE(cache.find("h/c"));
  EXPECT_EQ(*cache.find("h/c")->identity, "c");
  cache.invalidate("x");  // a's other tag: already gone, nothing else affected
  EXPECT_EQ(cache.entries(), 1u);
}

TEST(PageCache, ReplacingAnEntryMovesItsTags) {
  PageCache cache;
  cache.put("k", page("old", {"old-tag"}));
  cache.put("k", page("new", {"new-tag"}));
  cache.invalidate("old-tag");
  ASSERT_TRUE(cache.find("k"));
  cache.invalidate("new-tag");
  EXPECT_FALSE(cache.find("k"));
}

TEST(PageCache, StaysWithinMaxBytesAndKeepsRecentlyUsedEntries) {
  PageCache cache(10 * 1024);
  cache.put("hot", page(std::string(2000, 'h'), {"t"}));
  for (int i = 0; i < 20; ++i) {
    cache.find("hot");  // used between every insertion
    cache.put("cold" + std::to_string(i), page(std::string(2000, 'c'), {"t"}));
    EXPECT_LE(cache.bytes(), 10u * 1024);
  }
  EXPECT_TRUE(cache.find("hot"));
  EXPECT_FALSE(cache.find("cold0"));
  EXPECT_LT(cache.entries(), 6u);
  cache.put("huge", page(std::string(20 * 1024, 'x'), {}));  // larger than the cache
  EXPECT_FALSE(cache.find("huge"));
}

TEST(PageCache, PageRenderedBeforeAnInvalidationIsNotCached) {
  PageCache cache;
  auto seen = cache.generation();
  cache.invalidate("doc:1");  // a write lands while the page renders
  cache.put("k", page("stale", {"doc:1"}), seen);
  EXPECT_FALSE(cache.find("k"));
  cache.put("k", page("fresh", {"doc:1"}), cache.generation());
  EXPECT_TRUE(cache.find("k"));
}

TEST(PageCache, DisabledFindsNothingAndStoresNothing) {
  PageCache cache;
  cache.put("k", page("v", {}));
  cache.set_enabled(false);
  EXPECT_FALSE(cache.find("k"));
  cache.put("k2", page("v", {}));
  EXPECT_EQ(cache.entries(), 0u);
  cache.set_enabled(true);
  EXPECT_FALSE(cache.find("k2"));
}


std::shared_ptr<const CachedPage> classed(std::string body, std::string cache_class, std::vector<std::string> tags = {}) {
  auto p = std::make_shared<CachedPage>();
  p->content_type = "text/html; charset=utf-8";
  p->identity = std::make_shared<const std::string>(std::move(body));
  p->tags = std::move(tags);
  p->cache_class = std::move(cache_class);
  return p;
}

// ADR 0015: a flood of pages anyone can create (one per query string) must not push the
// real pages out. Pages of a class live in its own budget and evict only each other.
TEST(PageCache, AFloodOfOneClassNeverEvictsTheMainPages) {
  PageCache cache(20 * 1024);
  cache.set_class_budget("search", 8 * 1024, 3);
  for (int i = 0; i < 5; ++i) cache.put("doc" + std::to_string(i), page(std::string(2000, 'd'), {"t"}));
  const auto main_bytes = cache.bytes("");
  for (int i = 0; i < 500; ++i) {
    cache.put("q" + std::to_string(i), classed(std::string(1500, 'q'), "search", {"s"}));
    ASSERT_LE(cache.entries("search"), 3u);
    ASSERT_LE(cache.bytes("search"), 8u * 1024);
  }
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(cache.find("doc" + std::to_string(i))) << i;
  EXPECT_EQ(cache.bytes(""), main_bytes);
  EXPECT_EQ(cache.entries(), 5u + cache.entries("search"));
  EXPECT_TRUE(cache.find("q499"));
  EXPECT_FALSE(cache.find("q0"));
  // Invalidation crosses classes by tag, as for any page.
  cache.invalidate("s");
  EXPECT_EQ(cache.entries("search"), 0u);
  EXPECT_EQ(cache.entries(""), 5u);
}

TEST(PageCache, AClassWithoutABudgetIsNotCachedAndABudgetCanShrink) {
  PageCache cache;
  cache.put("k", classed("v", "unknown"));
  EXPECT_FALSE(cache.find("k"));
  cache.set_class_budget("search", 1 << 20, 0);
  for (int i = 0; i < 10; ++i) cache.put("q" + std::to_string(i), classed("v", "search"));
  EXPECT_EQ(cache.entries("search"), 10u);
  cache.set_class_budget("search", 1 << 20, 4);
  EXPECT_EQ(cache.entries("search"), 4u);
  cache.invalidate_all();
  EXPECT_EQ(cache.entries("search"), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST_F(CachedServerTest, TheHitObserverACachedPageCarriesRunsOnEveryHit) {
  std::atomic<int> hits{0};
  ts.router.get("/observed", [this, &hits](Request&) {
    ++calls;
    auto resp = Response::html("<p>检索结果</p>");
    resp.cache_tags = {"s"};
    resp.cache_class = "search";
    resp.on_cache_hit = [&hits](const Request& r) {
      if (r.remote_address == "127.0.0.1") ++hits;
    };
    return resp;
  });
  ts.cache.set_class_budget("search", 1 << 20, 10);
  ts.start();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(get(ts.port, "/observed").status, 200);
  EXPECT_EQ(calls, 1);  // rendered once
  EXPECT_EQ(hits, 3);   // the three cache hits
  EXPECT_EQ(ts.cache.entries("search"), 1u);
}

}  // namespace
}  // namespace zwgk::test
