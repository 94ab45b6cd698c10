// 政民互动 (《2017年邵阳市政务公开工作要点》 六(四); 国办秘函〔2019〕19号): the site's 信箱 and
// 我为政府网站找错 under P/zmhd/, the writer's status and rating, 信件选登 and 受理反馈统计,
// the office's console pages, the 12345 API, and the daily reminders.
#include "modules/zmhd/module.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <optional>

#include "domain/china_time.hpp"
#include "domain/clock.hpp"
#include "http/router.hpp"
#include "modules/periodic_job.hpp"
#include "modules/zmhd/service/letter_service.hpp"
#include "store/personal_data_key.hpp"
#include "modules/zmhd/domain/zmhd_permissions.hpp"
#include "modules/zmhd/web/letter_console.hpp"
#include "modules/zmhd/web/letter_pages.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::zmhd {

namespace {

// 来信提醒: once a day from 08:00 China time, the staff of letters due tomorrow or overdue and
// the writers whose rating period is ending get their notice (LetterService::send_reminders;
// each is written once per letter, kind and round, whichever node runs first). Checked every
// 10 minutes.
std::unique_ptr<Job> letter_reminders(JobContext& ctx) {
  struct State {
    store::Database& db;
    const web::WebOptions& web;
    store::PersonalDataKey key;
    std::optional<domain::Date> done;
  };
  auto state = std::make_shared<State>(State{ctx.db, ctx.web, store::PersonalDataKey::derive_from(ctx.web.secret), {}});
  return periodic_job("zmhd reminders", std::chrono::minutes(10), [state] {
    const long long now = state->web.now_unix();
    const auto china = domain::china_time_of_unix(now);
    const domain::Date today = china.date;
    if (china.time.hours().count() < 8 || (state->done && *state->done == today)) return;
    const auto calendar = state->web.calendar->current();
    const int n = modules::zmhd::LetterService(state->db, state->key, *calendar, today,
                                               {state->web.base_url, state->web.base_url})
                      .send_reminders(0);
    spdlog::info("zmhd: daily reminders written={}", n);
    state->done = today;
  });
}

class Zmhd final : public Module {
 public:
  std::string name() const override { return "zmhd"; }
  std::string label() const override { return "政民互动"; }

  void register_permissions(domain::PermissionRegistry& registry) override {
    domain::register_zmhd_permissions(registry);
  }

  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("zmhd", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::letter_page(page, seg);
    }, /*accepts_post=*/true);
    ctx.site.add_navigation({"政民互动", "/zmhd/", "zmhd"});
    ctx.site.add_footer_link({"我为政府网站找错", "/zmhd/write/error/", "", /*with_page_url=*/true});
    web::register_letter_api(ctx.router, ctx.db, ctx.site.options());
    ctx.site.add_api_description(web::letter_api_description());
    ctx.site.add_search_source([](web::PageContext& page, const std::string& q) { return web::letter_search(page, q); });
  }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_letter_console_pages(ctx.console, ctx.router, {ctx.web.secret, ctx.web.calendar});
  }

  std::vector<std::unique_ptr<Job>> start_jobs(JobContext& ctx) override {
    std::vector<std::unique_ptr<Job>> jobs;
    jobs.push_back(letter_reminders(ctx));
    return jobs;
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Zmhd>(); }

}  // namespace zwgk::modules::zmhd
