// zwgk inspect [--site CODE] [--crawl --base-url URL] [--mail] [--today YYYY-MM-DD]: 自查监测
// (modules/zcjc/) from the command line, for cron or CI: runs every check of each site (or
// one), stores the day's result as the daily job does, prints the report, and exits 1 when
// any site has a 单项否决 finding. --crawl walks the pages of a running server first;
// --mail sends the warnings the daily job would send.
#include <cstdio>

#include "app/cli.hpp"
#include "app/clock_offset.hpp"
#include "app/commands.hpp"
#include "app/database_url.hpp"
#include "app/progress.hpp"
#include "domain/china_time.hpp"
#include "modules/zcjc/service/inspection_service.hpp"
#include "store/personal_data_key.hpp"
#include "store/site_repository.hpp"

namespace zwgk::app {

namespace {

const char* mark(const domain::CheckResult& r) {
  if (!r.checked) return "未检查";
  switch (r.level) {
    case domain::CheckLevel::Veto: return "单项否决";
    case domain::CheckLevel::Warning: return "预警";
    case domain::CheckLevel::Normal: return "正常";
  }
  return "";
}

void print_report(const modules::zcjc::InspectionReport& report) {
  std::printf("%s（%s）%s 自查结论：%s（单项否决 %d 项，预警 %d 项）\n", report.site.name.c_str(),
              report.site.code.c_str(), report.on.iso().c_str(), domain::to_label(report.level).c_str(), report.vetoes,
              report.warnings);
  for (const auto& r : report.results) {
    std::printf("  [%s] %s：%s\n", mark(r), r.name.c_str(), r.summary.c_str());
    if (r.level == domain::CheckLevel::Normal) continue;
    std::size_t shown = 0;
    for (const auto& e : r.evidence) {
      if (++shown > 5) {
        std::printf("      ……共 %zu 项（见后台自查报告）\n", r.evidence.size());
        break;
      }
      std::printf("      - %s：%s\n", e.subject.c_str(), e.detail.c_str());
    }
  }
}

}  // namespace

int inspect_command(const Config& config, const InspectArgs& args) {
  auto db = open_database(config.database);
  db->migrate();
  const auto calendar = command_calendar(config);
  const auto key = store::PersonalDataKey::derive_from(installation_secret(config));
  domain::UnixClock clock = domain::system_unix_seconds;
  if (!args.today.empty()) {
    // Noon of the given day, China time: the day's checks as they would run that day.
    const long long noon = domain::china_midnight(command_today(args.today)).time_since_epoch().count() + 12 * 3600;
    clock = [noon] { return noon; };
  } else if (!config.clock_offset_file.empty()) {
    clock = offset_clock(config.clock_offset_file);  // the testing aid `zwgk serve` honours too
  }
  modules::zcjc::InspectionService service(*db, key, calendar, clock);
  std::vector<domain::Site> sites;
  if (args.site.empty()) {
    sites = store::SiteRepository(*db).all();
  } else {
    auto site = store::SiteRepository(*db).by_code(args.site);
    if (!site) throw CommandError{kExitUsage, "网站不存在: " + args.site};
    sites.push_back(*site);
  }
  if (args.crawl && args.base_url.empty()) throw CommandError{kExitUsage, "--crawl 需要 --base-url（正在运行的 zwgk serve 的地址）"};
  bool veto = false;
  for (const auto& site : sites) {
    if (args.crawl) {
      Progress progress("巡检 " + site.code, 0);
      modules::zcjc::SiteAddress address;
      address.base_url = args.base_url;
      address.check_external = args.external;
      address.max_pages = args.max_pages;
      address.progress = [&progress](int, int) { progress.advance(); };
      service.crawl(site.id, address);
      progress.finish();
    }
    const auto report = service.run(site.id);
    if (args.mail) {
      const int mails = service.send_alerts(report, config.base_url);
      if (mails) std::printf("  已写入发件箱 %d 封预警邮件\n", mails);
    }
    print_report(report);
    veto = veto || report.level == domain::CheckLevel::Veto;
  }
  return veto ? kExitFailure : kExitOk;
}

}  // namespace zwgk::app
