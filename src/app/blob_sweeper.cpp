#include "app/blob_sweeper.hpp"

#include <chrono>
#include <cstdio>
#include <spdlog/spdlog.h>

namespace zwgk::app {

namespace {

std::string size_text(std::int64_t bytes) {
  char buf[64];
  if (bytes < 1024)
    std::snprintf(buf, sizeof buf, "%lld 字节", static_cast<long long>(bytes));
  else if (bytes < 1024 * 1024)
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024);
  else
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
  return buf;
}

}  // namespace

std::string blob_sweep_summary(const store::BlobSweep& r, int min_age_hours) {
  std::string out = r.removed == 0 ? std::string("没有需要清理的附件内容")
                                   : "已清理 " + std::to_string(r.removed) + " 个无引用的附件内容（共 " +
                                         size_text(r.removed_bytes) + "）";
  if (r.young_orphans > 0)
    out += "；保留 " + std::to_string(r.young_orphans) + " 个存入不足 " + std::to_string(min_age_hours) +
           " 小时的无引用内容";
  out += "；库中现有 " + std::to_string(r.kept) + " 个。";
  return out;
}

BlobSweeper::BlobSweeper(store::Database& db) : db_(db), thread_([this] { run(); }) {}

BlobSweeper::~BlobSweeper() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void BlobSweeper::run() {
  std::unique_lock lock(mutex_);
  while (!cv_.wait_for(lock, std::chrono::hours(1), [this] { return stop_; })) {
    lock.unlock();
    try {
      const auto r = store::BlobStore(db_).sweep(
          store::blob_sweep_cutoff(std::chrono::system_clock::now(), store::kBlobSweepMinAge));
      if (r.removed > 0) spdlog::info("blob sweep removed={} bytes={} young_orphans={}", r.removed, r.removed_bytes, r.young_orphans);
    } catch (const std::exception& e) {
      spdlog::warn("blob sweep error={}", e.what());
    }
    lock.lock();
  }
}

}  // namespace zwgk::app
