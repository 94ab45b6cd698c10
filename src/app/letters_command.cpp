// `zwgk letters ...`: the 信箱's operator commands — the systems that push 12345 工单 (a token
// each, shown once), where a department's staff notices go, and the daily check of overdue
// and long-unanswered letters (modules/zmhd/).
#include <cstdio>
#include <map>

#include "app/cli.hpp"
#include "app/cli_audit.hpp"
#include "app/commands.hpp"
#include "app/database_url.hpp"
#include "domain/contact_formats.hpp"
#include "modules/zmhd/domain/letter.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/department_repository.hpp"
#include "store/personal_data_key.hpp"
#include "store/site_repository.hpp"

namespace zwgk::app {

namespace {

domain::Site site_of(store::Database& db, const std::string& code) {
  if (code.empty()) throw CommandError{kExitUsage, "请用 --site 指定网站代码"};
  auto site = store::SiteRepository(db).by_code(code);
  if (!site) throw CommandError{kExitUsage, "网站不存在: " + code};
  return *site;
}

int overdue(const Config& config, const LettersArgs& args) {
  const domain::Date today = command_today(args.today);
  const domain::WorkingDayCalendar calendar = command_calendar(config);
  auto db = open_database(config.database);
  db->migrate();
  const std::int64_t site_id = args.site.empty() ? 0 : site_of(*db, args.site).id;
  const auto key = store::PersonalDataKey::derive_from(std::string(32, '\0'));  // no personal data read
  store::MailboxRepository boxes(*db);
  int shown = 0;
  std::map<std::int64_t, domain::LetterDeadlines> deadlines_of;  // one read per site
  for (const auto& s : store::LetterRepository(*db, key).open_letters(site_id)) {
    const auto& l = s.letter;
    if (l.state == domain::LetterState::Replied) continue;
    auto known = deadlines_of.find(s.site_id);
    if (known == deadlines_of.end()) known = deadlines_of.emplace(s.site_id, boxes.settings(s.site_id).deadlines).first;
    const auto due = domain::letter_due_on(l, calendar, known->second);
    const bool late = due && today > *due;
    const bool red = domain::unanswered_too_long(l, today);
    if (!late && !red) continue;
    if (shown++ == 0) std::printf("信件编号\t情况\t受理日期\t办理期限\t承办部门\n");
    std::printf("%s\t%s\t%s\t%s\t%s\n", l.number.c_str(), red ? "超过两个月未答复" : "已超期",
                l.accepted_on ? l.accepted_on->iso().c_str() : "—", due ? due->iso().c_str() : "—",
                l.department.empty() ? "（未转办）" : l.department.c_str());
  }
  if (shown == 0) std::printf("没有超期或超过两个月未答复的来信（%s）\n", today.iso().c_str());
  return kExitOk;
}

}  // namespace

int letters_command(const Config& config, const LettersArgs& args) {
  if (args.action == "overdue") return overdue(config, args);
  auto db = open_audited_database(config);
  store::MailboxRepository boxes(*db);
  if (args.action == "client-add") {
    const auto site = site_of(*db, args.site);
    if (args.name.empty()) throw CommandError{kExitUsage, "请用 --name 写明对接系统的名称，例如 邵阳市12345热线平台"};
    store::AuditedChange change(*db);
    auto [client, token] = boxes.add_client(site.id, args.name);
    change.commit(cli_entry("zmhd.client_add", "integration_client", std::to_string(client.id), {{"name", args.name}}, site.id));
    std::printf("对接系统 %lld（%s，网站 %s）的接口令牌：\n%s\n令牌只显示这一次，请交给对接方妥善保存；"
                "泄露时用 zwgk letters client revoke %lld 停用。\n",
                static_cast<long long>(client.id), args.name.c_str(), site.code.c_str(), token.c_str(),
                static_cast<long long>(client.id));
    return kExitOk;
  }
  if (args.action == "client-list") {
    const auto site = site_of(*db, args.site);
    const auto clients = boxes.clients(site.id);
    if (clients.empty()) std::printf("网站 %s 没有对接系统\n", site.code.c_str());
    for (const auto& c : clients)
      std::printf("%lld\t%s\t%s\n", static_cast<long long>(c.id), c.name.c_str(), c.revoked ? "已停用" : "有效");
    return kExitOk;
  }
  if (args.action == "client-revoke") {
    if (args.id <= 0) throw CommandError{kExitUsage, "请写明对接系统编号（zwgk letters client list 可查）"};
    store::AuditedChange change(*db);
    boxes.revoke_client(args.id);
    change.commit(cli_entry("zmhd.client_revoke", "integration_client", std::to_string(args.id)));
    std::printf("对接系统 %lld 的令牌已停用\n", static_cast<long long>(args.id));
    return kExitOk;
  }
  if (args.action == "contact") {
    const auto site = site_of(*db, args.site);
    store::LetterContact c;
    if (!args.department.empty()) {
      auto dep = store::DepartmentRepository(*db).by_name(site.id, args.department);
      if (!dep) throw CommandError{kExitUsage, "本网站没有这个部门: " + args.department};
      c.department_id = dep->id;
    }
    for (const auto* e : {&args.staff_email, &args.head_email})
      if (!e->empty() && !domain::is_valid_email(*e)) throw CommandError{kExitUsage, "电子邮箱格式不正确: " + *e};
    c.staff_email = args.staff_email;
    c.head_email = args.head_email;
    store::AuditedChange change(*db);
    boxes.save_contact(site.id, c);
    change.commit(cli_entry("zmhd.contact_set", "letter_contact", std::to_string(c.department_id), {}, site.id));
    std::printf("已设置%s的来信通知邮箱\n", args.department.empty() ? "信件办理机构" : args.department.c_str());
    return kExitOk;
  }
  throw CommandError{kExitUsage, "未知的子命令: " + args.action};
}

}  // namespace zwgk::app
