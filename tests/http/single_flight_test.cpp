// One render per page at a time (single-flight), over real sockets: a crowd that asks for a
// page nobody has cached waits for one render; a crowd that asks for a page just invalidated
// is served its previous version while one request renders the new one.
#include <atomic>
#include <chrono>
#include <future>
#include <gtest/gtest.h>
#include <string>
#include <thread>
#include <vector>

#include "http/page_cache.hpp"
#include "http/raw_client.hpp"
#include "http/test_server.hpp"

namespace zwgk::test {
namespace {

using http::CachedPage;
using http::PageCache;
using http::Request;
using http::Response;

constexpr int kCrowd = 12;

class SingleFlightTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ts.options.threads = 2;
    ts.options.workers = kCrowd + 2;  // every request of the crowd reaches a worker at once
    ts.router.get("/home", [this](Request&) {
      const int n = ++renders;
      std::this_thread::sleep_for(render_time);
      if (withdrawn) return Response::html("<p>页面不存在</p>", 404);
      auto r = Response::html("<p>首页 第" + std::to_string(n) + "版</p>");
      r.cache_tags = {"home"};
      return r;
    });
    ts.router.get("/private", [this](Request&) {
      ++renders;
      std::this_thread::sleep_for(render_time);
      auto r = Response::html("<p>您好</p>");
      r.cache_tags = {"home"};
      r.set_header("Cache-Control", "private");
      return r;
    });
    ts.start();
  }

  // kCrowd concurrent GETs of `path`, each on its own connection.
  std::vector<HttpResponse> crowd(const std::string& path) {
    std::vector<std::future<HttpResponse>> pending;
    for (int i = 0; i < kCrowd; ++i) {
      pending.push_back(std::async(std::launch::async, [this, path] { return get(ts.port, path); }));
    }
    std::vector<HttpResponse> out;
    for (auto& f : pending) out.push_back(f.get());
    return out;
  }

  TestServer ts;
  std::atomic<int> renders{0};
  std::atomic<bool> withdrawn{false};
  std::chrono::milliseconds render_time{300};
};

TEST_F(SingleFlightTest, ACrowdOnAColdPageCausesOneRender) {
  auto answers = crowd("/home");
  EXPECT_EQ(renders, 1) << "the other requests waited for the one render";
  for (const auto& a : answers) {
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.body, "<p>首页 第1版</p>");
  }
}

TEST_F(SingleFlightTest, AfterAnInvalidationTheCrowdGetsThePreviousVersionWhileOneRenders) {
  get(ts.port, "/home");
  ASSERT_EQ(renders, 1);
  ts.cache.invalidate("home");  // a publish: the homepage changes
  auto answers = crowd("/home");
  EXPECT_EQ(renders, 2) << "one render for the whole crowd";
  int previous = 0, fresh = 0;
  for (const auto& a : answers) {
    EXPECT_EQ(a.status, 200);
    if (a.body == "<p>首页 第1版</p>") ++previous;
    else if (a.body == "<p>首页 第2版</p>") ++fresh;
    else ADD_FAILURE() << a.body;
  }
  EXPECT_GE(fresh, 1) << "the request that rendered gets the new version";
  EXPECT_GE(previous, 1) << "the others were not held back";
  EXPECT_EQ(get(ts.port, "/home").body, "<p>首页 第2版</p>");
  EXPECT_EQ(renders, 2);
  EXPECT_EQ(ts.cache.stale_entries(), 0u) << "the previous version is let go once the render ends";
}

TEST_F(SingleFlightTest, AWithdrawnPageIsNotServedFromItsPreviousVersionOnceItsRenderSays404) {
  get(ts.port, "/home");
  withdrawn = true;
  ts.cache.invalidate("home");
  crowd("/home");  // whatever the crowd saw during the render
  EXPECT_EQ(renders, 2);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get(ts.port, "/home").status, 404);
  EXPECT_EQ(ts.cache.stale_entries(), 0u);
}

TEST_F(SingleFlightTest, APageThatIsNeverCachedIsRenderedForEveryRequest) {
  auto answers = crowd("/private");
  EXPECT_EQ(renders, kCrowd) << "waiters render their own when the first render cached nothing";
  for (const auto& a : answers) EXPECT_EQ(a.status, 200);
}

TEST(PageCacheStale, InvalidatedPagesAreHeldAsPreviousVersionsWithinTheirBudgetAndTime) {
  long long now = 1'000'000;
  PageCache cache(1 << 20);
  cache.set_clock([&] { return now; });
  auto page = [](std::string body) {
    auto p = std::make_shared<CachedPage>();
    p->content_type = "text/html; charset=utf-8";
    p->identity = std::make_shared<const std::string>(std::move(body));
    p->tags = {"t"};
    return p;
  };
  cache.put("h/a", page("旧版"));
  cache.invalidate("t");
  EXPECT_FALSE(cache.find("h/a")) << "find() never returns a previous version";
  auto l = cache.lookup("h/a");
  ASSERT_TRUE(l.page);
  EXPECT_TRUE(l.stale);
  EXPECT_EQ(*l.page->identity, "旧版");
  now += PageCache::kStaleSeconds;
  EXPECT_FALSE(cache.lookup("h/a").page) << "too old to be served";
  // A new version replaces the previous one.
  cache.put("h/b", page("b1"));
  cache.invalidate("t");
  cache.put("h/b", page("b2"));
  EXPECT_FALSE(cache.lookup("h/b").stale);
  EXPECT_EQ(*cache.lookup("h/b").page->identity, "b2");
  // No budget: nothing is held.
  cache.set_stale_budget(0);
  cache.invalidate("t");
  EXPECT_FALSE(cache.lookup("h/b").page);
}

TEST(PageCacheStale, OneClaimPerKeyAndWaitersWakeWhenItEnds) {
  PageCache cache;
  auto first = std::make_unique<PageCache::RenderClaim>(cache, "h/x");
  ASSERT_TRUE(first->owned());
  EXPECT_TRUE(cache.rendering("h/x"));
  PageCache::RenderClaim second(cache, "h/x");
  EXPECT_FALSE(second.owned());
  PageCache::RenderClaim other(cache, "h/y");
  EXPECT_TRUE(other.owned()) << "claims are per key";
  auto started = std::chrono::steady_clock::now();
  std::thread ender([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    first.reset();
  });
  second.wait(std::chrono::seconds(5));
  ender.join();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4)) << "woken, not timed out";
  EXPECT_FALSE(cache.rendering("h/x"));
}

}  // namespace
}  // namespace zwgk::test
