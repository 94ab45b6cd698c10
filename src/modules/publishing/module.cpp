// 主动公开的发布 (《政府信息公开条例》第三章): drafts, 保密审查, approval, publication,
// amendment and withdrawal in the console; the public document page and its versions under
// P/content/; 定时发布 as a background job.
#include "modules/publishing/module.hpp"

#include "modules/publishing/domain/publishing_permissions.hpp"

#include <chrono>
#include <ctime>

#include <spdlog/spdlog.h>

#include "modules/periodic_job.hpp"
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
void publish_due(store::Database& db) {
  for (const auto& o : store::WorkflowRepository(db).publish_due(utc_now_iso())) {
    if (o.published)
      spdlog::info("scheduled publication document={}", o.document_id);
    else
      spdlog::warn("scheduled publication failed document={} reason={}", o.document_id, o.message);
  }
}

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

  void register_console(ConsoleContext& ctx) override { web::console::register_document_pages(ctx.console, ctx.router, ctx.web); }

  std::vector<std::unique_ptr<Job>> start_jobs(JobContext& ctx) override {
    std::vector<std::unique_ptr<Job>> jobs;
    jobs.push_back(periodic_job("scheduled publication", std::chrono::seconds(30), [&db = ctx.db] { publish_due(db); }));
    return jobs;
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Publishing>(); }

}  // namespace zwgk::modules::publishing
