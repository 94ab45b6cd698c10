#pragma once
// Private to src/store/*.cpp: cache invalidation between processes that share a database
// (DESIGN "Scale-out"; also `zwgk import` beside `zwgk serve`).
//   PostgreSQL: NOTIFY zwgk_changes, payload "<node id>\n<tag>\n<tag>...", and a LISTEN
//               connection per listening process.
//   SQLite:     a row per committed write in change_events (origin, tags), polled every
//               half second by listening processes.
// Every process publishes (publish_changes); only those that enable it listen (ClusterFeed).
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database_impl.hpp"

namespace zwgk::store {

// Announces tags to the other processes (best effort: logged, never thrown).
void publish_changes(Database::Impl& impl, const std::vector<std::string>& tags);

class ClusterFeed {
 public:
  static constexpr const char* kChannel = "zwgk_changes";

  // Starts the listening thread and waits (a few seconds at most) until it listens.
  explicit ClusterFeed(Database::Impl& impl);
  ~ClusterFeed();
  ClusterFeed(const ClusterFeed&) = delete;
  ClusterFeed& operator=(const ClusterFeed&) = delete;

  static constexpr int kPollMilliseconds = 500;  // SQLite

 private:
  void run();
  void run_sqlite();
  void sleep_a_while();

  Database::Impl& impl_;
  const std::string& node_id_;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
  bool listening_ = false;
  std::thread thread_;
};

}  // namespace zwgk::store
