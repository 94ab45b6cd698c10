// Cache invalidation between app nodes: two Database objects on one PostgreSQL database
// stand for two nodes.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "domain/cache_tags.hpp"
#include "store/site_repository.hpp"
#include "support/test_database.hpp"

namespace zwgk::store {
namespace {

struct Inbox {
  std::mutex m;
  std::condition_variable cv;
  std::vector<std::vector<std::string>> got;
  void add(const std::vector<std::string>& tags) {
    std::lock_guard lock(m);
    got.push_back(tags);
    cv.notify_all();
  }
  bool wait_for(std::size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    std::unique_lock lock(m);
    return cv.wait_for(lock, timeout, [&] { return got.size() >= n; });
  }
};

TEST(ClusterFeed, AWriteOnOneNodeReachesTheOther) {
  if (!testing_postgresql()) GTEST_SKIP() << "PostgreSQL LISTEN/NOTIFY";
  auto node_a = open_test_database();
  auto node_b = Database::open(node_a->url(), 2);
  Inbox a, b;
  node_a->set_change_listener([&](const std::vector<std::string>& t) { a.add(t); });
  node_b->set_change_listener([&](const std::vector<std::string>& t) { b.add(t); });
  node_a->enable_cluster_notifications();
  node_a->enable_cluster_notifications();  // idempotent
  node_b->enable_cluster_notifications();

  domain::Site s;
  s.code = "cluster";
  s = SiteRepository(*node_a).save(s);
  ASSERT_TRUE(b.wait_for(1)) << "node b never heard of the write";
  EXPECT_NE(std::find(b.got[0].begin(), b.got[0].end(), domain::tag_site(s.id)), b.got[0].end());
  // Node a got it once, locally, not again through NOTIFY.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(a.got.size(), 1u);

  // Many tags are split over several notifications and all arrive.
  std::vector<std::string> many;
  for (int i = 0; i < 2000; ++i) many.push_back(domain::tag_document(i));
  node_b->notify_changed(many);
  std::size_t received = 0;
  for (int tries = 0; tries < 50 && received < many.size(); ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::lock_guard lock(a.m);
    received = 0;
    for (std::size_t i = 1; i < a.got.size(); ++i) received += a.got[i].size();
  }
  EXPECT_EQ(received, many.size());
  node_b.reset();
}

TEST(ClusterFeed, IsANoOpOnSqlite) {
  if (testing_postgresql()) GTEST_SKIP();
  auto db = open_test_database();
  db->enable_cluster_notifications();
  std::vector<std::string> got;
  db->set_change_listener([&](const std::vector<std::string>& t) { got = t; });
  db->notify_changed({"x"});
  EXPECT_EQ(got, (std::vector<std::string>{"x"}));
}

}  // namespace
}  // namespace zwgk::store
