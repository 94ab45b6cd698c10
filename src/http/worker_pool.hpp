#pragma once
// A fixed set of worker threads with a bounded queue: the server hands them every request
// the page cache cannot answer (handlers that read or write the database), so the I/O
// threads never wait behind database work and go on serving cached pages.
//
// Invariants:
//   1. At most queue_limit jobs wait; try_submit() refuses (returns false) beyond that at
//      once, so the caller can shed load (503) instead of queueing without bound.
//   2. Jobs run in submission order, each exactly once, unless stop() is called first:
//      stop() lets running jobs finish, runs none of the waiting ones (they are destroyed),
//      and joins the threads.
//   3. Workers run at a lower scheduling priority (nice) than the thread that created the
//      pool, so on a busy machine the I/O threads get the CPU first.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace zwgk::http {

class WorkerPool {
 public:
  // threads >= 1; queue_limit >= 1; nice_increment 0..19 (0 = same priority).
  WorkerPool(int threads, std::size_t queue_limit, int nice_increment);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // false: the queue is full or the pool is stopping; the job was not taken.
  bool try_submit(std::function<void()> job);
  void stop();

  std::size_t waiting() const;  // jobs queued, not yet started
  std::size_t busy() const;     // jobs running now
  std::size_t threads() const { return threads_.size(); }
  std::size_t queue_limit() const { return queue_limit_; }

 private:
  void run(int nice_increment);

  const std::size_t queue_limit_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::size_t busy_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace zwgk::http
