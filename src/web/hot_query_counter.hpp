#pragma once
// 本周热门搜索 for the public search page: counts searches in memory
// (store::HotQueryTallyBuffer) and writes them in batches — a flusher thread every
// WebOptions::hot_query_flush_seconds and once more when the counter is destroyed
// (SiteApp's end, i.e. `zwgk serve` shutting down). Owned by SiteApp.
//
// A search is counted on the page's first render and on every cache hit of it (the
// cached page carries on_cache_hit, see search_page.cpp): count() never touches the
// database. The visitor is the keyed hash of the client address (store::visitor_hash).
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "domain/date.hpp"
#include "store/hot_queries.hpp"
#include "store/hot_query_tally.hpp"

namespace zwgk::http {
struct Request;
}
namespace zwgk::store {
class Database;
}

namespace zwgk::web {

struct WebOptions;

class HotQueryCounter : public std::enable_shared_from_this<HotQueryCounter> {
 public:
  HotQueryCounter(store::Database& db, const WebOptions& options);
  ~HotQueryCounter();
  HotQueryCounter(const HotQueryCounter&) = delete;
  HotQueryCounter& operator=(const HotQueryCounter&) = delete;

  // Starts the flusher (if flush_seconds > 0). Separate from the constructor so that the
  // thread never sees a half-built object.
  void start();
  // One search of `query` (store::countable_hot_query) on the site (0 = cross-site) that
  // found results, from `address`. Never throws, never blocks on I/O.
  void count(std::int64_t site_id, const std::string& query, std::string_view address) noexcept;
  // What a cached search page calls on each hit: counts the same search for that request.
  // Holds the counter weakly (a page that outlives the site counts nothing).
  std::function<void(const http::Request&)> hit_observer(std::int64_t site_id, std::string query);
  // Writes the tally now; errors are logged, the tally kept for the next try.
  void flush() noexcept;

  const store::HotQueryPolicy& policy() const { return policy_; }

 private:
  void run();

  store::Database& db_;
  store::HotQueryPolicy policy_;
  store::VisitorKey key_;
  int flush_seconds_;
  store::HotQueryTallyBuffer tally_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace zwgk::web
