// 回应关切 (seed 六(四); 国办发〔2016〕61号, 国办发〔2016〕80号): 突发事件 and 政务舆情 with
// their clocks in clock hours — 权威发布 within 5 hours and 新闻发布会 within 24 hours of a
// 特别重大 or 重大 突发事件, a response within 48 hours to 政务舆情 — the office's console
// pages and 我的工作 countdown, the public 回应关切 column under P/hygq/, and the job that
// sends the notices before a clock runs out and when it is missed.
#include "modules/hygq/module.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "domain/clock.hpp"
#include "modules/hygq/domain/hygq_permissions.hpp"
#include "modules/hygq/service/incident_service.hpp"
#include "modules/hygq/web/incident_console.hpp"
#include "modules/hygq/web/incident_pages.hpp"
#include "modules/hygq/web/response_api.hpp"
#include "modules/periodic_job.hpp"
#include "store/personal_data_key.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::hygq {

namespace {

// 回应关切提醒: every 2 minutes, the notices due (IncidentService::send_notices; each written
// once per incident and key, whichever node runs first). A 5-hour clock's 60-minute notice
// is then at most 2 minutes late.
std::unique_ptr<Job> incident_notices(JobContext& ctx) {
  struct State {
    store::Database& db;
    const web::WebOptions& web;
    store::PersonalDataKey key;
  };
  auto state = std::make_shared<State>(State{ctx.db, ctx.web, store::PersonalDataKey::derive_from(ctx.web.secret)});
  return periodic_job("hygq notices", std::chrono::minutes(2), [state] {
    domain::UnixClock clock = state->web.clock ? state->web.clock : domain::UnixClock(domain::system_unix_seconds);
    const int n = IncidentService(state->db, state->key, clock, state->web.base_url).send_notices();
    if (n) spdlog::info("hygq: clock notices written={}", n);
  });
}

class Hygq final : public Module {
 public:
  std::string name() const override { return "hygq"; }
  std::string label() const override { return "回应关切"; }

  void register_permissions(domain::PermissionRegistry& registry) override {
    domain::register_hygq_permissions(registry);
  }

  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("hygq", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::incident_page(page, seg);
    });
    ctx.site.add_navigation({"回应关切", "/hygq/", "hygq"});
    web::register_response_api(ctx.router, ctx.db, ctx.site.options());
    ctx.site.add_api_description(web::response_api_description());
  }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_incident_console_pages(ctx.console, ctx.router, {ctx.web.secret});
  }

  std::vector<std::unique_ptr<Job>> start_jobs(JobContext& ctx) override {
    std::vector<std::unique_ptr<Job>> jobs;
    jobs.push_back(incident_notices(ctx));
    return jobs;
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Hygq>(); }

}  // namespace zwgk::modules::hygq
