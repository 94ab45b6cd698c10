// See worker_pool.hpp for the invariants.
#include "http/worker_pool.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <exception>

namespace zwgk::http {

WorkerPool::WorkerPool(int threads, std::size_t queue_limit, int nice_increment)
    : queue_limit_(std::max<std::size_t>(1, queue_limit)) {
  const int n = std::max(1, threads);
  nice_increment = std::clamp(nice_increment, 0, 19);
  threads_.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) threads_.emplace_back([this, nice_increment] { run(nice_increment); });
}

WorkerPool::~WorkerPool() { stop(); }

bool WorkerPool::try_submit(std::function<void()> job) {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || queue_.size() >= queue_limit_) return false;
    queue_.push_back(std::move(job));
  }
  cv_.notify_one();
  return true;
}

void WorkerPool::stop() {
  std::deque<std::function<void()>> dropped;
  {
    std::lock_guard lock(mu_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
    dropped.swap(queue_);  // invariant 2: waiting jobs are not run
  }
  cv_.notify_all();
  for (auto& t : threads_) {
    if (t.joinable() && t.get_id() != std::this_thread::get_id()) t.join();
  }
  threads_.clear();
}

std::size_t WorkerPool::waiting() const {
  std::lock_guard lock(mu_);
  return queue_.size();
}

std::size_t WorkerPool::busy() const {
  std::lock_guard lock(mu_);
  return busy_;
}

void WorkerPool::run(int nice_increment) {
  // Linux: nice is per thread (setpriority on the thread id). Lowering our own priority
  // needs no privilege; a failure only means equal priority.
  if (nice_increment > 0) {
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    const int current = ::getpriority(PRIO_PROCESS, tid);
    ::setpriority(PRIO_PROCESS, tid, std::min(19, current + nice_increment));
  }
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
    }
    try {
      job();
    } catch (const std::exception& e) {  // a bug in a job: keep the worker
      spdlog::error("worker pool: job failed: {}", e.what());
    } catch (...) {
      spdlog::error("worker pool: job failed with an unknown exception");
    }
    std::lock_guard lock(mu_);
    --busy_;
  }
}

}  // namespace zwgk::http
