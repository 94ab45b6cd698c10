// 工作要点 and 任务督办 (seed 结尾段; issue 16): a site's 政务公开工作要点 imported into tasks and
// responsible units, each unit's 工作方案 and 落实情况 with their dates, the office's review, the
// daily 督办 mail to overdue units (once each, one node at a time), and the public page
// 工作要点落实 under P/gzyd/.
#include "modules/gzyd/module.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <optional>

#include "domain/china_time.hpp"
#include "modules/gzyd/domain/gzyd_permissions.hpp"
#include "modules/gzyd/service/work_plan_service.hpp"
#include "modules/gzyd/web/work_plan_console.hpp"
#include "modules/gzyd/web/work_plan_pages.hpp"
#include "modules/periodic_job.hpp"
#include "store/node_lock.hpp"
#include "store/personal_data_key.hpp"
#include "store/site_repository.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::gzyd {

namespace {

constexpr long long kReminderLockKey = 0x7a77677a;  // "zwgz"; 自查监测 uses 0x7a776a63


// 督办: from 09:00 China time, once a day, every site's overdue units get their mail (once each).
std::unique_ptr<Job> daily_reminders(JobContext& ctx) {
  struct State {
    store::Database& db;
    const web::WebOptions& web;
    store::PersonalDataKey key;
    std::optional<domain::Date> done;
  };
  auto state = std::make_shared<State>(State{ctx.db, ctx.web, store::PersonalDataKey::derive_from(ctx.web.secret), {}});
  return periodic_job("gzyd reminders", std::chrono::minutes(30), [state] {
    const auto china = domain::china_time_of_unix(state->web.now_unix());
    if (china.time.hours().count() < 9 || (state->done && *state->done == china.date)) return;
    auto lock = store::NodeLock::try_acquire(state->db, kReminderLockKey, "工作要点督办");
    if (!lock) return;
    const auto calendar = state->web.calendar->current();
    WorkPlanService service(state->db, state->key, *calendar, [state] { return state->web.now_unix(); });
    for (const auto& site : store::SiteRepository(state->db).all()) {
      const int sent = service.notify_overdue(site.id, china.date, state->web.base_url);
      if (sent > 0) spdlog::info("gzyd: overdue reminders site={} mails={}", site.code, sent);
    }
    state->done = china.date;
  });
}

class Gzyd final : public Module {
 public:
  std::string name() const override { return "gzyd"; }
  std::string label() const override { return "工作要点和任务督办"; }

  void register_permissions(domain::PermissionRegistry& registry) override { domain::register_gzyd_permissions(registry); }

  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("gzyd", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::work_plan_page(page, seg);
    });
    ctx.site.add_footer_link({"工作要点落实", "/gzyd/", ""});
  }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_work_plan_console_pages(ctx.console, ctx.router, ctx.web);
  }

  std::vector<std::unique_ptr<Job>> start_jobs(JobContext& ctx) override {
    std::vector<std::unique_ptr<Job>> jobs;
    jobs.push_back(daily_reminders(ctx));
    return jobs;
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Gzyd>(); }

}  // namespace zwgk::modules::gzyd
