// Demo accounts, workflow documents and applications for the console (demo_console.hpp).
#include "app/demo_console.hpp"

#include <stdexcept>

#include "app/cli_audit.hpp"
#include "app/demo.hpp"
#include "domain/account.hpp"
#include "modules/ysqgk/domain/applicant.hpp"
#include "modules/ysqgk/domain/disclosure_request.hpp"
#include "domain/password_quality.hpp"
#include "store/account_repository.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "modules/ysqgk/service/disclosure_request_service.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/audit_log.hpp"
#include "store/document_repository.hpp"
#include "store/personal_data_key.hpp"
#include "store/secrets.hpp"
#include "store/site_repository.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "modules/gzyd/service/work_plan_service.hpp"  // 工作要点 (gzyd)
#include "domain/html_sanitizer.hpp"

namespace zwgk::app {
namespace {

constexpr const char* kDepartment = "邵阳市人民政府办公室";

// 16 characters from an alphabet without look-alikes (0/O, 1/l/I), from libsodium's CSPRNG;
// drawn again in the (rare) case the password rule (domain/password_quality.hpp) refuses one.
std::string random_password(const std::string& username) {
  static const std::string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  for (;;) {
    const std::string bytes = store::random_token_hex(16);  // 32 hex digits = 16 random bytes
    std::string out;
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2)
      out += alphabet[std::stoi(bytes.substr(i, 2), nullptr, 16) % alphabet.size()];
    if (domain::password_problems(out, username).empty()) return out;
  }
}

struct Accounts {
  domain::Account admin, editor, reviewer, publisher, auditor;
};

Accounts ensure_accounts(store::Database& db, const domain::Site& site, const domain::Department& dep,
                         DemoConsoleStats& stats) {
  store::AccountRepository repo(db);
  auto ensure = [&](const std::string& username, const std::string& display, domain::Role role, bool in_department) {
    if (auto existing = repo.by_username(username)) {
      stats.accounts.push_back({username, domain::to_label(role), ""});
      return *existing;
    }
    domain::Account a;
    a.username = username;
    a.display_name = display;
    a.role = role;
    a.site_id = site.id;
    if (in_department) a.department_id = dep.id;
    const std::string password = random_password(username);
    auto created = repo.create(a, password);
    stats.accounts.push_back({username, domain::to_label(role), password});
    return created;
  };
  Accounts a;
  a.admin = ensure("demo_admin", "演示管理员", domain::Role::SiteAdmin, false);
  a.editor = ensure("demo_editor", "演示编辑", domain::Role::DepartmentEditor, true);
  a.reviewer = ensure("demo_reviewer", "演示审查员", domain::Role::DepartmentReviewer, true);
  a.publisher = ensure("demo_publisher", "演示发布员", domain::Role::Publisher, false);
  a.auditor = ensure("demo_auditor", "演示审计员", domain::Role::Auditor, false);
  return a;
}

store::Actor actor_of(const domain::Account& a) { return {a.id, a.username, ""}; }

// The demo office (the publisher account) taking a use case; its audit entries join the demo's
// transaction.
domain::Caller office_caller(store::Database& db, const Accounts& a, const domain::Site& site) {
  domain::Caller office;
  office.account = a.publisher;
  office.name = a.publisher.username;
  office.audit = [&db, publisher = a.publisher, site_id = site.id](const domain::AuditNote& n) {
    store::AuditEntryInput entry;
    entry.actor = actor_of(publisher);
    entry.action = n.action;
    entry.object_type = n.object_type;
    entry.object_id = n.object_id;
    entry.changes = {{"site_id", site_id}, {"detail", n.detail}};
    entry.site_id = site_id;
    store::AuditLog(db).append(entry);
  };
  return office;
}

void ensure_documents(store::Database& db, domain::Date today, const domain::Site& site, const domain::Department& dep,
                      const Accounts& a,
                      DemoConsoleStats& stats) {
  store::DocumentRepository documents(db);
  store::WorkflowRepository wf(db);
  auto catalogue = store::CatalogueRepository(db).by_code(site.id, "ghjh");
  if (!catalogue) throw std::runtime_error("演示网站缺少“规划计划”目录");
  enum class Stage { Draft, Submitted, Approved, Returned };
  struct Spec {
    const char* external_id;
    const char* title;
    const char* body;
    Stage stage;
  };
  // The ID number below is made up (valid check character), to show the privacy guard.
  const Spec specs[] = {
      {"demo-console-draft", "（演示）关于开展政务公开业务培训的通知", "<p>各县市区人民政府、市直各单位：为提升政务公开工作水平，定于近期举办政务公开业务培训。</p>",
       Stage::Draft},
      {"demo-console-submitted", "（演示）邵阳市政务服务大厅窗口调整公告",
       "<p>因工作需要，市政务服务大厅部分窗口调整。咨询人：张某，身份证号 4305021990<b>0101123X</b>。</p>",
       Stage::Submitted},
      {"demo-console-approved", "（演示）2024年第三季度政府网站检查情况通报",
       "<p>按照政府网站监管要求，对全市政府网站开展了季度检查，现将情况通报如下。</p>", Stage::Approved},
      {"demo-console-returned", "（演示）关于进一步规范信息公开申请办理的通知",
       "<p>为规范依申请公开办理工作，现就有关事项通知如下。</p>", Stage::Returned},
  };
  for (const auto& s : specs) {
    if (documents.by_external_id(site.id, s.external_id)) continue;
    domain::Document d;
    d.site_id = site.id;
    d.external_id = s.external_id;
    d.title = s.title;
    d.body_html = s.body;
    d.catalogue_id = catalogue->id;
    d.department_id = dep.id;
    d.published_on = today;
    d.disclosure = domain::DisclosureForm::Proactive;
    const auto ref = wf.create_draft(a.editor, d, actor_of(a.editor), today);
    ++stats.documents_created;
    if (s.stage == Stage::Draft) continue;
    wf.submit(a.editor, ref.id, actor_of(a.editor));
    if (s.stage == Stage::Submitted) continue;
    wf.start_review(a.reviewer, ref.id, actor_of(a.reviewer));
    if (s.stage == Stage::Returned) {
      wf.return_for_changes(a.reviewer, ref.id, "请补充办理时限的具体规定", actor_of(a.reviewer));
      continue;
    }
    wf.decide(a.reviewer, ref.id, {domain::DisclosureForm::Proactive, std::nullopt, "未发现涉密和个人信息，同意主动公开"},
              actor_of(a.reviewer));
    wf.approve(a.publisher, ref.id, actor_of(a.publisher));
  }
}

void ensure_requests(store::Database& db, domain::Date today, const std::string& secret, const domain::Site& site,
                     const domain::Department& dep, const Accounts& a, const domain::WorkingDayCalendar& calendar,
                     DemoConsoleStats& stats) {
  const auto key = store::PersonalDataKey::derive_from(secret);
  store::DisclosureRequestRepository repo(db, key);
  modules::ysqgk::DisclosureRequestService requests(db, key, calendar, today);
  // The office (publisher account) registers them; its entries join the demo's transaction.
  const auto office = office_caller(db, a, site);
  struct Spec {
    const char* description;
    int days_ago;
    bool assign;
  };
  // The second was received long enough ago that its 20 working days (Art. 33) are over.
  const Spec specs[] = {
      {"（演示）2024年城区老旧小区改造项目的立项批复文件", 2, false},
      {"（演示）邵阳市2023年度城市道路维修工程的招标文件和中标结果", 45, true},
  };
  const auto existing = repo.list(site.id, std::nullopt, 200);
  for (const auto& s : specs) {
    bool found = false;
    for (const auto& e : existing) found = found || e.request.description == s.description;
    if (found) continue;
    domain::Applicant applicant;
    applicant.kind = domain::ApplicantKind::NaturalPerson;
    applicant.person.name = "演示申请人";
    applicant.person.id_number = "43050219900101123X";  // made up, valid check character
    applicant.person.address = "湖南省邵阳市大祥区演示路1号";
    applicant.person.phone = "13800000000";
    const auto received = domain::Date::from_sys_days(today.days() - std::chrono::days(s.days_ago));
    domain::Registration in;
    in.channel = domain::RequestChannel::Online;  // taken down by the office (电话记录)
    in.receipt.both_sides_confirmed = received;
    in.applicant = applicant;
    in.description = s.description;
    in.medium = domain::MediumWanted::Electronic;
    in.delivery = domain::DeliveryMethod::Online;
    const auto reg = requests.register_received(office, in);
    if (s.assign) {
      domain::RequestEvent e{domain::RequestEventKind::Assign, received, ""};
      e.department_id = dep.id;
      requests.apply(office, reg.tracking_number, e);
    }
    ++stats.requests_created;
  }
}

// 工作要点: the seed document imported into its tasks by the office, so that the console's
// 工作要点 and the public 工作要点落实 page have the 2017 plan to show.
void ensure_work_plan(store::Database& db, const std::string& secret, const domain::Site& site, const Accounts& a,
                      const domain::WorkingDayCalendar& calendar) {
  const auto key = store::PersonalDataKey::derive_from(secret);
  if (store::WorkPlanRepository(db).plan(site.id, 2017)) return;
  const auto seed = store::DocumentRepository(db).by_external_id(site.id, kSeedExternalId);
  if (!seed || !seed->published_on) return;
  const auto office = office_caller(db, a, site);
  modules::gzyd::WorkPlanService plans(db, key, calendar, [] { return domain::system_unix_seconds(); });
  plans.import_plan(office, site.id, {2017, seed->title + "\n" + domain::html_to_text(seed->body_html), *seed->published_on});
}

}  // namespace

DemoConsoleStats load_demo_console(store::Database& db, const std::string& secret,
                                   const domain::WorkingDayCalendar& calendar, domain::Date today) {
  const auto site = store::SiteRepository(db).by_code(kDemoCitySite);
  if (!site) throw std::runtime_error("演示网站 shaoyang 不存在，请先运行 zwgk demo");
  auto dep = store::DepartmentRepository(db).by_name(site->id, kDepartment);
  if (!dep) throw std::runtime_error(std::string("演示网站缺少部门：") + kDepartment);
  DemoConsoleStats stats;
  // The accounts, documents and applications and the audit entry naming the operator: one
  // transaction (the workflow's own entries name the demo accounts).
  store::AuditedChange change(db);
  const Accounts accounts = ensure_accounts(db, *site, *dep, stats);
  ensure_documents(db, today, *site, *dep, accounts, stats);
  ensure_requests(db, today, secret, *site, *dep, accounts, calendar, stats);
  ensure_work_plan(db, secret, *site, accounts, calendar);
  nlohmann::json created = nlohmann::json::array();
  for (const auto& a : stats.accounts)
    if (!a.password.empty()) created.push_back(a.username);
  change.commit(cli_entry("kernel.demo_console", "site", std::to_string(site->id),
                          {{"accounts_created", created},
                           {"documents_created", stats.documents_created},
                           {"requests_created", stats.requests_created}},
                          site->id));
  return stats;
}

}  // namespace zwgk::app
