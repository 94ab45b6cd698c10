// Cache invalidation between processes: two Database objects on one database stand for
// two app nodes (PostgreSQL: NOTIFY) or `zwgk serve` and `zwgk import` on one SQLite file
// (change_events).
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

TEST(ClusterFeed, AProcessThatDoesNotListenStillPublishes) {
  // `zwgk import` never listens, but the server beside it must hear its writes.
  auto server = open_test_database();
  auto importer = Database::open(server->url(), 2);
  Inbox heard, own;
  server->set_change_listener([&](const std::vector<std::string>& t) { heard.add(t); });
  importer->set_change_listener([&](const std::vector<std::string>& t) { own.add(t); });
  server->enable_cluster_notifications();
  importer->notify_changed({"x"});
  ASSERT_TRUE(heard.wait_for(1));
  EXPECT_EQ(heard.got[0], (std::vector<std::string>{"x"}));
  EXPECT_EQ(own.got.size(), 1u) << "delivered locally too, once";
}

}  // namespace
}  // namespace zwgk::store
