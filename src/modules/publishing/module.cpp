// 主动公开的发布 (《政府信息公开条例》第三章): drafts, 保密审查, approval, publication,
// amendment and withdrawal in the console; the public document page and its versions under
// P/content/; 定时发布 as a background job.
#include "modules/publishing/module.hpp"

#include "modules/publishing/domain/publishing_permissions.hpp"

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

#include "modules/publishing/store/workflow_repository.hpp"
#include "modules/publishing/web/document_pages.hpp"
#include "modules/publishing/web/public_pages.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::publishing {

namespace {

std::string utc_now_iso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// 定时发布: every 30 s, publishes what is due (store::WorkflowRepository::publish_due). On
// several nodes the document's row lock and stage check let exactly one node publish it.
class PublicationScheduler final : public Job {
 public:
  explicit PublicationScheduler(store::Database& db) : db_(db), thread_([this] { run(); }) {}
  ~PublicationScheduler() override {
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
    while (!cv_.wait_for(lock, std::chrono::seconds(30), [this] { return stop_; })) {
      lock.unlock();
      try {
        for (const auto& o : store::WorkflowRepository(db_).publish_due(utc_now_iso())) {
          if (o.published)
            spdlog::info("scheduled publication document={}", o.document_id);
          else
            spdlog::warn("scheduled publication failed document={} reason={}", o.document_id, o.message);
        }
      } catch (const std::exception& e) {
        spdlog::warn("scheduled publication error={}", e.what());
      }
      lock.lock();
    }
  }

  store::Database& db_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

class Publishing final : public Module {
 public:
  std::string name() const override { return "publishing"; }
  std::string label() const override { return "主动公开发布"; }

  void register_permissions(domain::PermissionRegistry& registry) override {
    domain::register_publishing_permissions(registry);
  }

  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("content", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::content_section(page, seg);
    });
  }

  void register_console(ConsoleContext& ctx) override { web::console::register_document_pages(ctx.console, ctx.router); }

  std::vector<std::unique_ptr<Job>> start_jobs(JobContext& ctx) override {
    std::vector<std::unique_ptr<Job>> jobs;
    jobs.push_back(std::make_unique<PublicationScheduler>(ctx.db));
    return jobs;
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Publishing>(); }

}  // namespace zwgk::modules::publishing
