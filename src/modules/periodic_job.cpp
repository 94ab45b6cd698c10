// See periodic_job.hpp.
#include "modules/periodic_job.hpp"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace zwgk::modules {

namespace {

class PeriodicJob final : public Job {
 public:
  PeriodicJob(std::string name, std::chrono::milliseconds every, std::function<void()> tick)
      : name_(std::move(name)), every_(every), tick_(std::move(tick)), thread_([this] { run(); }) {}
  ~PeriodicJob() override {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    while (!cv_.wait_for(lock, every_, [this] { return stop_; })) {
      lock.unlock();
      try {
        tick_();
      } catch (const std::exception& e) {
        spdlog::warn("{} error={}", name_, e.what());
      }
      lock.lock();
    }
  }

  std::string name_;
  std::chrono::milliseconds every_;
  std::function<void()> tick_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;  // last: starts after everything it uses
};

}  // namespace

std::unique_ptr<Job> periodic_job(std::string name, std::chrono::milliseconds every, std::function<void()> tick) {
  return std::make_unique<PeriodicJob>(std::move(name), every, std::move(tick));
}

}  // namespace zwgk::modules
