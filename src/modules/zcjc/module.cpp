// 自查监测 (国办秘函〔2019〕19号 《政府网站与政务新媒体检查指标》; issue 15): every site of the
// installation checked the way the national inspection checks it, with a warning below each
// veto line; the console dashboard, the installation's overview and the printable 自查报告;
// the read-only API; the daily run (one node at a time) with its warning mail, and the hourly
// homepage probe every node makes of its own sites.
#include "modules/zcjc/module.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <optional>

#include "domain/china_time.hpp"
#include "http/router.hpp"
#include "modules/periodic_job.hpp"
#include "modules/zcjc/domain/zcjc_permissions.hpp"
#include "modules/zcjc/service/inspection_service.hpp"
#include "modules/zcjc/web/inspection_api.hpp"
#include "modules/zcjc/web/inspection_console.hpp"
#include "store/node_lock.hpp"
#include "store/personal_data_key.hpp"
#include "store/site_repository.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::zcjc {

namespace {

constexpr long long kInspectionLockKey = 0x7a776a63;  // "zwjc"; the outbox uses 0x7a776f62

struct JobState {
  store::Database& db;
  const web::WebOptions& web;
  store::PersonalDataKey key;
  std::optional<domain::Date> done;
};


std::string node_name() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) return "node";
  return host;
}

// 每日自查: from 06:00 China time, every site without today's result is walked, checked and
// its contacts warned. Checked every 10 minutes; one node at a time (NodeLock), and a site
// another node already did today is skipped.
std::unique_ptr<Job> daily_inspection(JobContext& ctx) {
  auto state = std::make_shared<JobState>(JobState{ctx.db, ctx.web, store::PersonalDataKey::derive_from(ctx.web.secret), {}});
  return periodic_job("zcjc daily", std::chrono::minutes(10), [state] {
    const long long now = state->web.now_unix();
    const auto china = domain::china_time_of_unix(now);
    if (china.time.hours().count() < 6 || (state->done && *state->done == china.date)) return;
    auto lock = store::NodeLock::try_acquire(state->db, kInspectionLockKey, "自查监测");
    if (!lock) return;
    const auto calendar = state->web.calendar->current();
    InspectionService service(state->db, state->key, *calendar, [state] { return state->web.now_unix(); });
    for (const auto& site : store::SiteRepository(state->db).all()) {
      if (store::InspectionRepository(state->db).run_on(site.id, china.date)) continue;
      try {
        SiteAddress address;
        address.base_url = state->web.base_url;
        service.crawl(site.id, address);
      } catch (const std::exception& e) {
        spdlog::warn("zcjc: crawl site={} error={}", site.code, e.what());
      }
      const auto report = service.run(site.id);
      const int mails = service.send_alerts(report, state->web.base_url);
      spdlog::info("zcjc: daily inspection site={} level={} vetoes={} warnings={} mails={}", site.code,
                   domain::to_code(report.level), report.vetoes, report.warnings, mails);
    }
    store::InspectionRepository(state->db).prune_probes(domain::to_utc_iso_of_unix(now - 35 * 86400LL));
    state->done = china.date;
  });
}

// 可访问性探测: every hour (24 a day, the inspection asks for 20) each node fetches its sites'
// homepages with the inspection's 15-second timeout and records the result.
std::unique_ptr<Job> homepage_probes(JobContext& ctx) {
  auto state = std::make_shared<JobState>(JobState{ctx.db, ctx.web, store::PersonalDataKey::derive_from(ctx.web.secret), {}});
  const std::string node = node_name();
  return periodic_job("zcjc probes", std::chrono::minutes(60), [state, node] {
    const auto calendar = state->web.calendar->current();
    InspectionService service(state->db, state->key, *calendar, [state] { return state->web.now_unix(); });
    for (const auto& site : store::SiteRepository(state->db).all()) {
      SiteAddress address;
      address.base_url = state->web.base_url;
      const auto p = service.probe(site.id, address, node);
      if (!p.ok) spdlog::warn("zcjc: homepage probe failed site={} error={}", site.code, p.error);
    }
  });
}

class Zcjc final : public Module {
 public:
  std::string name() const override { return "zcjc"; }
  std::string label() const override { return "自查监测"; }

  void register_permissions(domain::PermissionRegistry& registry) override { domain::register_zcjc_permissions(registry); }

  void register_public(PublicContext& ctx) override {
    web::register_inspection_api(ctx.router, ctx.db);
    ctx.site.add_api_description(web::inspection_api_description());
  }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_inspection_console_pages(ctx.console, ctx.router, ctx.web);
  }

  std::vector<std::unique_ptr<Job>> start_jobs(JobContext& ctx) override {
    std::vector<std::unique_ptr<Job>> jobs;
    jobs.push_back(daily_inspection(ctx));
    jobs.push_back(homepage_probes(ctx));
    return jobs;
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Zcjc>(); }

}  // namespace zwgk::modules::zcjc
