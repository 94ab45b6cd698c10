// HotQueryCounter (hot_query_counter.hpp).
#include "web/hot_query_counter.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "http/request.hpp"
#include "web/site_app.hpp"

namespace zwgk::web {

HotQueryCounter::HotQueryCounter(store::Database& db, const WebOptions& options)
    : db_(db),
      policy_{options.hot_query_min_visitors, options.hot_queries},
      key_(store::visitor_key(options.secret)),
      flush_seconds_(options.hot_query_flush_seconds) {}

HotQueryCounter::~HotQueryCounter() {
  if (thread_.joinable()) {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  flush();
}

void HotQueryCounter::start() {
  if (flush_seconds_ <= 0 || thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void HotQueryCounter::run() {
  std::unique_lock lock(mutex_);
  while (!cv_.wait_for(lock, std::chrono::seconds(flush_seconds_), [this] { return stop_; })) {
    lock.unlock();
    flush();
    lock.lock();
  }
}

void HotQueryCounter::count(std::int64_t site_id, const std::string& query, std::string_view address) noexcept {
  try {
    tally_.add(site_id, query, store::visitor_hash(key_, address));
  } catch (const std::exception&) {
    // visitor_hash allocates; out of memory: not counted, the page is still served.
  }
}

std::function<void(const http::Request&)> HotQueryCounter::hit_observer(std::int64_t site_id, std::string query) {
  return [weak = weak_from_this(), site_id, query = std::move(query)](const http::Request& req) {
    if (auto self = weak.lock()) self->count(site_id, query, req.remote_address);
  };
}

void HotQueryCounter::flush() noexcept {
  try {
    tally_.flush(db_, domain::Date::today());
  } catch (const std::exception& e) {
    spdlog::warn("hot queries: writing the tally failed, kept for the next try error={}", e.what());
  }
  if (const auto n = tally_.dropped(); n > 0) spdlog::debug("hot queries: searches not tallied (bounds) total={}", n);
}

}  // namespace zwgk::web
