#pragma once
// Private to src/store/*.cpp: cache invalidation between app nodes over PostgreSQL
// LISTEN/NOTIFY (DESIGN "Scale-out"). Payload: "<node id>\n<tag>\n<tag>...".
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database_impl.hpp"

namespace zwgk::store {

class ClusterFeed {
 public:
  static constexpr const char* kChannel = "zwgk_changes";

  // Starts the listening thread and waits (a few seconds at most) until it listens.
  explicit ClusterFeed(Database::Impl& impl);
  ~ClusterFeed();
  ClusterFeed(const ClusterFeed&) = delete;
  ClusterFeed& operator=(const ClusterFeed&) = delete;

  // Sends tags to the other nodes (best effort: logged, never thrown).
  void publish(const std::vector<std::string>& tags);

 private:
  void run();
  void sleep_a_while();

  Database::Impl& impl_;
  const std::string node_id_;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
  bool listening_ = false;
  std::thread thread_;
};

}  // namespace zwgk::store
