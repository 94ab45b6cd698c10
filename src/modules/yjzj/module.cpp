// 意见征集 (《2017年邵阳市政务公开工作要点》 三(一) 征求意见, 五(一) 意见征集; domain/README §10):
// the public list and consultation pages under P/yjzj/ with the opinion form and the
// questionnaire, the office's console pages, and the job that records the closing of
// consultations whose period has ended.
#include "modules/yjzj/module.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "modules/periodic_job.hpp"
#include "modules/yjzj/domain/yjzj_permissions.hpp"
#include "modules/yjzj/service/consultation_service.hpp"
#include "modules/yjzj/web/consultation_api.hpp"
#include "modules/yjzj/web/consultation_console.hpp"
#include "modules/yjzj/web/consultation_pages.hpp"
#include "store/personal_data_key.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::yjzj {

namespace {

// 征集结束: every 10 minutes, consultations whose end date has passed are recorded closed
// (the phase is derived from the date in any case; the record and its audit entry are
// what the job adds). Idempotent across nodes: a closed one is not selected again.
std::unique_ptr<Job> closing_job(JobContext& ctx) {
  struct State {
    store::Database& db;
    const web::WebOptions& web;
    store::PersonalDataKey key;
  };
  auto state = std::make_shared<State>(State{ctx.db, ctx.web, store::PersonalDataKey::derive_from(ctx.web.secret)});
  return periodic_job("yjzj closing", std::chrono::minutes(10), [state] {
    const auto calendar = state->web.calendar ? state->web.calendar->current()
                                              : std::make_shared<const domain::WorkingDayCalendar>();
    const domain::UnixClock clock = domain::or_system_clock(state->web.clock);
    const int n = ConsultationService(state->db, state->key, *calendar, clock).close_ended();
    if (n > 0) spdlog::info("yjzj: consultations closed={}", n);
  });
}

class Yjzj final : public Module {
 public:
  std::string name() const override { return "yjzj"; }
  std::string label() const override { return "意见征集"; }

  void register_permissions(domain::PermissionRegistry& registry) override {
    domain::register_yjzj_permissions(registry);
  }

  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("yjzj", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::consultation_page(page, seg);
    }, /*accepts_post=*/true);
    ctx.site.add_navigation({"意见征集", "/yjzj/", "yjzj"});
    web::register_consultation_api(ctx.router, ctx.db, ctx.site.options());
    ctx.site.add_api_description(web::consultation_api_description());
  }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_consultation_console_pages(ctx.console, ctx.router, ctx.web.secret, ctx.web.calendar);
  }

  std::vector<std::unique_ptr<Job>> start_jobs(JobContext& ctx) override {
    std::vector<std::unique_ptr<Job>> jobs;
    jobs.push_back(closing_job(ctx));
    return jobs;
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Yjzj>(); }

}  // namespace zwgk::modules::yjzj
