// 政民互动, the office side, through the real server on both backends: the 工作台, screening
// and 转办 by the office only, the department's draft flagged when it is a stock phrase (400,
// nothing kept), review and publication, the writer's contact data shown to the office and
// the assigned department only (and audited), another department's editor kept out, and the
// administrator's 信箱设置 (a renamed mailbox reaches the public page, bad e-mail refused).
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>

#include "modules/zmhd/service/letter_service.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/account_repository.hpp"
#include "store/department_repository.hpp"
#include "store/personal_data_key.hpp"
#include "support/holiday_calendar.hpp"
#include "web/console/console.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

class LetterConsoleServer : public SiteServer {
 public:
  LetterConsoleServer() {
    web::console::ConsoleOptions o;
    o.templates_dir = web::default_web_options().templates_dir;
    o.base_url = base_url();
    o.audit = [this](const web::console::AuditEvent& e) {
      std::lock_guard lock(mutex);
      audit.push_back(e);
    };
    console = std::make_unique<web::console::ConsoleApp>(o, *db);
    console->register_routes(router);
    secret = store::random_secret();
    register_module_consoles(*console, secret);
    store::MailboxRepository(*db).ensure_default_mailboxes(seed.site.id, "市长信箱");
    domain::Department other;
    other.site_id = seed.site.id;
    other.name = "邵阳市发展和改革委员会";
    other_department = store::DepartmentRepository(*db).save(other);
    store::AccountRepository accounts(*db);
    auto make = [&](const std::string& u, domain::Role r, std::optional<std::int64_t> dep) {
      domain::Account a;
      a.username = u;
      a.display_name = u;
      a.role = r;
      a.site_id = seed.site.id;
      a.department_id = dep;
      accounts.create(a, "correct horse");
    };
    make("publisher", domain::Role::Publisher, std::nullopt);
    make("editor", domain::Role::DepartmentEditor, seed.department.id);
    make("other_editor", domain::Role::DepartmentEditor, other_department.id);
    make("auditor", domain::Role::Auditor, std::nullopt);
    make("admin", domain::Role::SiteAdmin, std::nullopt);
  }
  // A letter from the public form's use case, received on the console's today.
  std::string submit() {
    const auto key = store::PersonalDataKey::derive_from(secret);
    domain::LetterSubmission s;
    s.category = domain::LetterCategory::Complaint;
    s.title = "小区门口占道经营";
    s.content = "小区门口每天傍晚有很多摊贩占道经营，车辆无法通行，希望有关部门管一管。";
    s.writer = {"上官来信", "13973955502", ""};
    s.consent_publish = true;
    return modules::zmhd::LetterService(*db, key, calendar(), console->today()).submit(seed.site.id, "leader", s).number;
  }
  std::size_t audited(const std::string& action) {
    std::lock_guard lock(mutex);
    return std::count_if(audit.begin(), audit.end(), [&](const auto& e) { return e.action == action; });
  }
  std::unique_ptr<web::console::ConsoleApp> console;
  std::string secret;
  domain::Department other_department;
  std::mutex mutex;
  std::vector<web::console::AuditEvent> audit;
};

TEST(LetterConsole, FromScreeningToPublicationByTheRightPeople) {
  LetterConsoleServer s;
  const std::string n = s.submit();
  const std::string url = "/console/letters/" + n + "/";
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  auto editor = ConsoleSession::login(s.port, "editor", "correct horse");
  auto other = ConsoleSession::login(s.port, "other_editor", "correct horse");
  auto auditor = ConsoleSession::login(s.port, "auditor", "correct horse");

  auto desk = office.get("/console/letters/");
  ASSERT_EQ(desk.status, 200);
  EXPECT_NE(desk.body.find(n), std::string::npos);
  auto page = office.get(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("13973955502"), std::string::npos) << "the office sees the phone";
  EXPECT_GE(s.audited("zmhd.view_writer"), 1u) << "and that is audited";
  EXPECT_EQ(auditor.get(url).body.find("13973955502"), std::string::npos) << "the auditor does not";

  // Screening is the office's.
  EXPECT_EQ(editor.post(url + "step", {{"kind", "accept"}}).status, 403);
  EXPECT_EQ(office.post(url + "step", {{"kind", "accept"}}).status, 303);
  EXPECT_EQ(office.post(url + "step", {{"kind", "accept"}}).status, 409) << "already accepted";
  EXPECT_EQ(office.post(url + "step", {{"kind", "assign"}, {"department_id", std::to_string(s.seed.department.id)}}).status, 303);
  EXPECT_EQ(other.get(url).status, 403) << "another department's editor";

  // The department: a stock phrase is flagged and not kept; a real answer goes to review.
  auto flagged = editor.post(url + "step", {{"kind", "draft_reply"}, {"text", "已阅。"}});
  EXPECT_EQ(flagged.status, 400);
  EXPECT_NE(flagged.body.find("答复"), std::string::npos) << flagged.body;
  EXPECT_EQ(editor.get(url).body.find("class=\"draft-reply\""), std::string::npos);
  EXPECT_EQ(editor.post(url + "step", {{"kind", "draft_reply"},
                                       {"text", "您好！城管执法大队已于本周在该路段设置临时疏导点，摊贩已迁入指定区域经营，并安排专人每日巡查。"}})
                .status,
            303);
  EXPECT_NE(editor.get(url).body.find("13973955502"), std::string::npos) << "the assigned department may call back";
  EXPECT_EQ(office.post(url + "step", {{"kind", "return_reply"}, {"reason", ""}}).status, 409) << "a reason is needed";
  EXPECT_EQ(office.post(url + "step", {{"kind", "approve_reply"}}).status, 303);
  EXPECT_EQ(office.post(url + "publish", {}).status, 303);
  EXPECT_NE(s.get("/zmhd/letters/").body.find("小区门口占道经营"), std::string::npos);
  EXPECT_EQ(s.get("/zmhd/letters/").body.find("上官来信"), std::string::npos);
  EXPECT_EQ(office.post("/console/letters/XJ-2020-000001/step", {{"kind", "accept"}}).status, 404);
  EXPECT_EQ(office.post(url + "step", {{"kind", "rate"}}).status, 400) << "the writer rates, not the office";
}

// 我的工作 (issue 17): the mailbox adds its cases through the module registry — the office
// sees the letter to accept; the department sees the overdue letter transferred to it;
// another department sees none of them.
TEST(LetterConsole, MyWorkCountsTheLettersOfTheUsersDepartment) {
  LetterConsoleServer s;
  const std::string waiting = s.submit();  // 待受理
  // Another letter, received, accepted and transferred 60 days ago: long past its due day.
  const auto past = domain::Date::from_sys_days(s.console->today().days() - std::chrono::days(60));
  const auto key = store::PersonalDataKey::derive_from(s.secret);
  modules::zmhd::LetterService old(*s.db, key, calendar(), past);
  domain::LetterSubmission sub;
  sub.category = domain::LetterCategory::Suggestion;
  sub.title = "公交线路调整建议";
  sub.content = "建议在新建小区附近增设公交站点，方便居民出行。";
  sub.writer = {"欧阳建议", "13973955503", ""};
  const std::string late = old.submit(s.seed.site.id, "leader", sub).number;
  store::AccountRepository accounts(*s.db);
  const auto office_caller = SiteServer::caller_of(*accounts.by_username("publisher"));
  domain::LetterEvent accept{domain::LetterEventKind::Accept, past, "publisher"};
  old.apply(office_caller, late, {accept, ""});
  domain::LetterEvent assign{domain::LetterEventKind::Assign, past, "publisher"};
  assign.department = s.seed.department.name;
  assign.department_id = s.seed.department.id;
  old.apply(office_caller, late, {assign, ""});

  auto office = ConsoleSession::login(s.port, "publisher", "correct horse").get("/console/");
  ASSERT_EQ(office.status, 200);
  ASSERT_NE(office.body.find("id=\"zmhd-work-h\""), std::string::npos) << visible_text(office.body);
  EXPECT_NE(visible_text(office.body).find("1 待受理"), std::string::npos) << visible_text(office.body);
  auto editor = ConsoleSession::login(s.port, "editor", "correct horse").get("/console/");
  const auto section = editor.body.find("id=\"zmhd-work-h\"");
  ASSERT_NE(section, std::string::npos) << visible_text(editor.body);
  EXPECT_NE(visible_text(editor.body).find("1 来信已超期"), std::string::npos) << visible_text(editor.body);
  EXPECT_NE(editor.body.find(late, section), std::string::npos);
  EXPECT_EQ(editor.body.find(waiting, section), std::string::npos) << "not yet the department's";
  auto other = ConsoleSession::login(s.port, "other_editor", "correct horse").get("/console/");
  EXPECT_EQ(other.body.find(late), std::string::npos);
  EXPECT_NE(visible_text(other.body).find("0 来信已超期"), std::string::npos);
}

TEST(LetterConsole, TheAdministratorSetsTheMailboxesTheRulesAndTheAddresses) {
  LetterConsoleServer s;
  auto admin = ConsoleSession::login(s.port, "admin", "correct horse");
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  EXPECT_EQ(office.get("/console/letters/settings").status, 403);
  ASSERT_EQ(admin.get("/console/letters/settings").status, 200);
  EXPECT_EQ(admin.post("/console/letters/settings/mailbox", {{"code", "leader"}, {"name", "邵阳市市长信箱"}, {"enabled", "1"}}).status, 303);
  EXPECT_NE(s.get("/zmhd/").body.find("邵阳市市长信箱"), std::string::npos) << "the public page follows";
  EXPECT_EQ(admin.post("/console/letters/settings/mailbox", {{"code", "consult"}, {"name", "咨询投诉"}}).status, 303);
  EXPECT_EQ(s.get("/zmhd/write/consult/").status, 404) << "switched off";
  EXPECT_EQ(admin.post("/console/letters/settings/department-mailbox", {{"department_id", std::to_string(s.other_department.id)}}).status, 303);
  EXPECT_NE(s.get("/zmhd/").body.find("邵阳市发展和改革委员会信箱"), std::string::npos);

  std::vector<std::pair<std::string, std::string>> rules = {{"rating_days", "7"}, {"phrases", "已阅\n收悉\n"},
                                                            {"petition_channel", "邵阳市信访局 0739-1234567"}};
  for (auto c : domain::letter_categories()) rules.push_back({"days_" + domain::to_code(c), "8"});
  EXPECT_EQ(admin.post("/console/letters/settings/rules", rules).status, 303);
  const auto settings = store::MailboxRepository(*s.db).settings(s.seed.site.id);
  EXPECT_EQ(settings.deadlines.days_for(domain::LetterCategory::Consultation), 8);
  EXPECT_EQ(settings.deadlines.rating_working_days, 7);
  EXPECT_EQ(settings.stock_phrases.size(), 2u);
  rules[0].second = "0";
  EXPECT_EQ(admin.post("/console/letters/settings/rules", rules).status, 400);

  EXPECT_EQ(admin.post("/console/letters/settings/contact", {{"department_id", "0"}, {"staff", "bad"}}).status, 400);
  EXPECT_EQ(admin.post("/console/letters/settings/contact",
                       {{"department_id", std::to_string(s.seed.department.id)}, {"staff", "banli@example.cn"}, {"head", "fzr@example.cn"}})
                .status,
            303);
  EXPECT_EQ(store::MailboxRepository(*s.db).contact(s.seed.site.id, s.seed.department.id).head_email, "fzr@example.cn");
  EXPECT_GE(s.audited("zmhd.settings_save"), 1u);
  EXPECT_EQ(admin.post("/console/letters/settings/template", {{"department_id", ""}, {"title", ""}, {"body", ""}}).status, 400);
  EXPECT_EQ(admin.post("/console/letters/settings/template",
                       {{"department_id", std::to_string(s.seed.department.id)}, {"title", "政策咨询"},
                        {"body", "您好！关于您咨询的……问题，根据《……》第……条规定，……。"}})
                .status,
            303);
  EXPECT_EQ(store::MailboxRepository(*s.db).reply_templates(s.seed.site.id, s.seed.department.id).size(), 1u);
}

}  // namespace
}  // namespace zwgk::test
