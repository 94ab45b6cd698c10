#pragma once
// The blob sweep inside `zwgk serve`: once an hour, deletes stored file bytes no row
// references that are older than store::kBlobSweepMinAge (store/blob_store.hpp). On
// several nodes each runs it; the sweep re-checks every row in its own transaction, so a
// second node deletes nothing twice and never a blob that became referenced.
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/blob_store.hpp"

namespace zwgk::app {

// "已清理 3 个无引用的附件内容（共 1.5 MB）；保留 1 个存入不足 24 小时的无引用内容；库中现有 12 个。"
std::string blob_sweep_summary(const store::BlobSweep& result, int min_age_hours);

class BlobSweeper {
 public:
  explicit BlobSweeper(store::Database& db);
  ~BlobSweeper();
  BlobSweeper(const BlobSweeper&) = delete;
  BlobSweeper& operator=(const BlobSweeper&) = delete;

 private:
  void run();

  store::Database& db_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;  // last: starts after the members it uses
};

}  // namespace zwgk::app
