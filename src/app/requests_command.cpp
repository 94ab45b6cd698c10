// `zwgk requests overdue`: the staff's daily check — every open application that is past
// its due date or due within 3 working days, with its department, counted on the current
// holiday calendar. Also the installation secret (used by serve).
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/database_url.hpp"
#include "app/working_day_calendar_loader.hpp"
#include "domain/clock.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/personal_data_key.hpp"
#include "store/site_repository.hpp"

namespace zwgk::app {

std::string installation_secret(const Config& config) {
  if (!config.secret_key.empty()) {
    auto s = store::secret_from_hex(config.secret_key);
    if (!s) throw CommandError{kExitUsage, "secret_key 应为64位十六进制数字（可用 openssl rand -hex 32 生成）"};
    return *s;
  }
  const std::filesystem::path file = "var/secret.key";
  if (std::ifstream in{file}) {
    std::string hex;
    in >> hex;
    if (auto s = store::secret_from_hex(hex)) return *s;
    throw CommandError{kExitFailure, "var/secret.key 内容无效（应为64位十六进制数字）"};
  }
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  const std::string secret = store::random_secret();
  {
    std::ofstream out{file};
    if (!out) throw CommandError{kExitFailure, "无法创建 var/secret.key；请在配置中设置 secret_key"};
    out << store::to_hex(secret) << "\n";
  }
  ::chmod(file.c_str(), 0600);
  std::fprintf(stderr, "zwgk: 已生成安装密钥 var/secret.key（多节点部署请在各节点配置相同的 secret_key）\n");
  return secret;
}

domain::Date command_today(const std::string& given) {
  if (given.empty()) return domain::china_date(domain::system_unix_seconds());  // the command line's clock
  auto d = domain::Date::parse(given);
  if (!d) throw CommandError{kExitUsage, "日期无效（应为 YYYY-MM-DD）: " + given};
  return *d;
}

domain::WorkingDayCalendar command_calendar(const Config& config) {
  try {
    return load_working_day_calendar(holiday_dir(config));
  } catch (const std::exception& e) {
    throw CommandError{kExitFailure, e.what()};
  }
}

int requests_command(const Config& config, const RequestsArgs& args) {
  const domain::Date today = command_today(args.today);
  const domain::WorkingDayCalendar calendar = command_calendar(config);
  auto db = open_database(config.database);
  db->migrate();
  std::int64_t site_id = 0;
  if (!args.site.empty()) {
    auto site = store::SiteRepository(*db).by_code(args.site);
    if (!site) throw CommandError{kExitUsage, "网站不存在: " + args.site};
    site_id = site->id;
  }
  // Counting never reads personal data: the key is not needed here.
  const auto key = store::PersonalDataKey::derive_from(std::string(32, '\0'));
  const auto open = store::DisclosureRequestRepository(*db, key).open_requests(site_id, calendar, today);
  int shown = 0;
  domain::CalendarWarning warning;
  for (const auto& o : open) {
    if (o.status != domain::DueStatus::Overdue && o.status != domain::DueStatus::DueSoon) continue;
    if (shown++ == 0) std::printf("申请编号\t状态\t收到日期\t届满日\t承办部门\n");
    std::printf("%s\t%s\t%s\t%s\t%s\n", o.tracking_number.c_str(), domain::to_label(o.status).c_str(),
                o.received_on.iso().c_str(), o.deadline.due_on.iso().c_str(),
                o.department.empty() ? "（未分办）" : o.department.c_str());
    warning.merge(o.deadline.warning);
  }
  if (shown == 0) std::printf("没有已逾期或3个工作日内到期的申请（%s）\n", today.iso().c_str());
  if (!warning.empty()) std::printf("注意：%s\n", warning.message().c_str());
  return kExitOk;
}

}  // namespace zwgk::app
