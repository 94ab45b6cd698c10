// 依申请公开, the office side, through the real server on both backends: staff registration
// per channel with the Art. 31 receipt day, every action by the right role and refused for
// a wrong role or state with nothing changed, one extension only, the clock restarting after
// a correction, the reply letter, disclosed files, review records, the dashboard and the
// annual-report JSON behind login, and the applicant's ID number shown to the 公开工作机构
// only — never on a public page, an audit entry or for another role.
#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <regex>

#include <nlohmann/json.hpp>

#include "store/account_repository.hpp"
#include "store/department_repository.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/personal_data_key.hpp"
#include "web/console/console.hpp"
#include "modules/ysqgk/web/request_console.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

std::string resident_id(std::string_view first17) {
  static constexpr int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view check = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * w[i];
  return std::string(first17) + check[static_cast<std::size_t>(sum % 11)];
}
const std::string kId = resident_id("43052219850615882");
const std::string kName = "司马登记";

domain::Date days_ago(int n) { return domain::Date::from_sys_days(domain::Date::today().days() - std::chrono::days(n)); }

class RequestConsoleServer : public SiteServer {
 public:
  RequestConsoleServer() {
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
    store::DepartmentRepository deps(*db);
    domain::Department other;
    other.site_id = seed.site.id;
    other.name = "邵阳市发展和改革委员会";
    other_department = deps.save(other);
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
    make("reviewer", domain::Role::DepartmentReviewer, seed.department.id);
  }
  std::vector<web::console::AuditEvent> audit_events() {
    std::lock_guard lock(mutex);
    return audit;
  }
  store::DisclosureRequestRepository repo() {
    key = std::make_unique<store::PersonalDataKey>(store::PersonalDataKey::derive_from(secret));
    return store::DisclosureRequestRepository(*db, *key);
  }
  std::unique_ptr<web::console::ConsoleApp> console;
  std::string secret;
  std::unique_ptr<store::PersonalDataKey> key;
  domain::Department other_department;
  std::mutex mutex;
  std::vector<web::console::AuditEvent> audit;
};

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields person(const std::string& channel) {
  return {{"channel", channel},        {"applicant_kind", "natural_person"}, {"name", kName},
          {"id_type", "resident_id"},  {"id_number", kId},                   {"address", "湖南省邵阳市大祥区登记路8号"},
          {"phone", "13973955502"},    {"description", "2025年老旧小区改造计划"}, {"medium", "paper"},
          {"delivery", "post"}};
}

struct Registered {
  std::string tn, code;
};

Registered parse_receipt(const HttpResult& r) {
  std::smatch m;
  Registered out;
  if (std::regex_search(r.body, m, std::regex(R"(class="tracking-number">(YSQ-\d{4}-\d{6})<)"))) out.tn = m[1];
  if (std::regex_search(r.body, m, std::regex(R"(class="query-code">([^<]+)<)"))) out.code = m[1];
  return out;
}

class RequestConsoleTest : public ::testing::Test {
 protected:
  RequestConsoleServer s;
  ConsoleSession login(const std::string& user) { return ConsoleSession::login(s.port, user, "correct horse"); }
  Registered register_letter(const ConsoleSession& c, domain::Date signed_for) {
    auto f = person("letter");
    f.push_back({"signed_for", signed_for.iso()});
    auto r = c.post("/console/requests/new", f);
    EXPECT_EQ(r.status, 201) << visible_text(r.body);
    return parse_receipt(r);
  }
  std::size_t history_size(const std::string& tn) { return s.repo().find(tn)->request.history.size(); }
};

TEST_F(RequestConsoleTest, StaffRegistersEachChannelWithItsReceiptDay) {
  auto pub = login("publisher");
  ASSERT_FALSE(pub.cookie.empty());
  struct Case {
    std::string channel;
    Fields extra;
    domain::Date expected;
  };
  const std::vector<Case> cases = {
      {"in_person", {{"handed_in", days_ago(1).iso()}, {"signed_for", days_ago(5).iso()}}, days_ago(1)},
      {"letter", {{"signed_for", days_ago(2).iso()}, {"handed_in", days_ago(6).iso()}}, days_ago(2)},
      {"letter", {{"ordinary_letter", "1"}, {"signed_for", days_ago(9).iso()}, {"confirmed_by_office", days_ago(3).iso()}},
       days_ago(3)},
      {"fax", {{"both_sides_confirmed", days_ago(4).iso()}, {"handed_in", days_ago(8).iso()}}, days_ago(4)},
      {"online", {{"both_sides_confirmed", days_ago(0).iso()}}, days_ago(0)},
  };
  for (const auto& k : cases) {
    auto f = person(k.channel);
    for (const auto& e : k.extra) f.push_back(e);
    auto r = pub.post("/console/requests/new", f);
    ASSERT_EQ(r.status, 201) << k.channel << visible_text(r.body);
    const auto reg = parse_receipt(r);
    ASSERT_FALSE(reg.tn.empty());
    EXPECT_EQ(reg.code.size(), 10u) << reg.code;
    auto stored = s.repo().find(reg.tn);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->request.received_on, k.expected) << k.channel;
    EXPECT_EQ(domain::to_code(stored->request.channel), k.channel);
    auto page = pub.get("/console/requests/" + reg.tn + "/");
    EXPECT_NE(visible_text(page.body).find(domain::chinese_date_with_weekday(k.expected)), std::string::npos);
  }
  // The channel's day missing: a Chinese reason, nothing registered.
  const auto before = s.repo().list(s.seed.site.id, std::nullopt).size();
  auto f = person("letter");
  f.push_back({"handed_in", days_ago(1).iso()});
  auto r = pub.post("/console/requests/new", f);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("以邮寄方式提交的申请，请填写政府信息公开工作机构签收之日"), std::string::npos);
  auto g = person("in_person");
  g.push_back({"handed_in", "2026-02-30"});
  g[4].second = "123";  // a bad ID number too: every problem at once
  r = pub.post("/console/requests/new", g);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("当面提交日期格式不正确"), std::string::npos);
  EXPECT_NE(r.body.find("居民身份证号码不正确"), std::string::npos);
  EXPECT_EQ(r.body.find("123\""), std::string::npos);  // the ID number is not echoed
  EXPECT_EQ(s.repo().list(s.seed.site.id, std::nullopt).size(), before);
  // Only the 公开工作机构 registers.
  for (const char* who : {"editor", "auditor", "admin"}) {
    auto c = login(who);
    auto x = person("in_person");
    x.push_back({"handed_in", days_ago(1).iso()});
    EXPECT_EQ(c.post("/console/requests/new", x).status, 403) << who;
  }
  EXPECT_EQ(s.repo().list(s.seed.site.id, std::nullopt).size(), before);
  // The list shows them all.
  auto list = pub.get("/console/requests/");
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(count_of(list.body, "/console/requests/YSQ-"), static_cast<int>(before));
}

TEST_F(RequestConsoleTest, EachActionByTheRightRoleAndRefusedOtherwiseWithNothingChanged) {
  auto pub = login("publisher");
  const auto reg = register_letter(pub, days_ago(1));
  const std::string base = "/console/requests/" + reg.tn + "/";
  const Fields correction = {{"on", days_ago(1).iso()}, {"correction_due_on", domain::Date::today().iso()}};

  // Wrong roles: refused in Chinese, nothing recorded.
  for (const char* who : {"editor", "auditor", "admin", "reviewer"}) {
    auto c = login(who);
    auto r = c.post(base + "correction", correction);
    EXPECT_EQ(r.status, 403) << who;
    EXPECT_NE(r.body.find("操作未执行"), std::string::npos) << who << visible_text(r.body);
  }
  EXPECT_EQ(history_size(reg.tn), 0u);
  // Missing CSRF token: refused.
  EXPECT_EQ(pub.post(base + "correction", correction, false).status, 403);
  EXPECT_EQ(history_size(reg.tn), 0u);

  // A state that does not allow it: 409, nothing changed.
  auto r = pub.post(base + "correction-received", {{"on", domain::Date::today().iso()}});
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(visible_text(r.body).find("当前状态为“已收到”，不能办理"), std::string::npos) << visible_text(r.body);
  EXPECT_EQ(history_size(reg.tn), 0u);

  // 补正 by the publisher.
  r = pub.post(base + "correction", correction);
  ASSERT_EQ(r.status, 303) << visible_text(r.body);
  EXPECT_EQ(s.repo().find(reg.tn)->request.state, domain::RequestState::CorrectionRequested);
  EXPECT_EQ(pub.post(base + "correction", correction).status, 409);  // only once
  // Close for no correction before the period ends: refused.
  r = pub.post(base + "close-no-correction", {{"on", domain::Date::today().iso()}});
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(visible_text(r.body).find("尚未届满"), std::string::npos);
  EXPECT_EQ(history_size(reg.tn), 1u);
  // Malformed date: a 400 listing the problem.
  EXPECT_EQ(pub.post(base + "correction-received", {{"on", "昨天"}}).status, 400);
  EXPECT_EQ(history_size(reg.tn), 1u);

  r = pub.post(base + "correction-received", {{"on", domain::Date::today().iso()}});
  ASSERT_EQ(r.status, 303);
  // Assign: an unknown department is refused; the editor of that department cannot assign.
  EXPECT_EQ(pub.post(base + "assign", {{"department", "不存在的部门"}}).status, 400);
  EXPECT_EQ(login("editor").post(base + "assign", {{"department", s.seed.department.name}}).status, 403);
  r = pub.post(base + "assign", {{"department", s.seed.department.name}});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(s.repo().find(reg.tn)->request.department, s.seed.department.name);

  // Third-party consultation: start and end.
  EXPECT_EQ(pub.post(base + "consultation-start", {{"third_party", ""}}).status, 409);
  ASSERT_EQ(pub.post(base + "consultation-start", {{"third_party", "某某房地产开发有限公司"}}).status, 303);
  auto page = pub.get(base);
  EXPECT_NE(visible_text(page.body).find("目前暂停计时"), std::string::npos);
  ASSERT_EQ(pub.post(base + "consultation-end", {}).status, 303);

  // Extension: needs an approver and the notice, then once only.
  EXPECT_EQ(pub.post(base + "extend", {{"working_days", "20"}, {"applicant_notified", "1"}}).status, 409);
  EXPECT_EQ(pub.post(base + "extend", {{"working_days", "21"}, {"approver", "赵主任"}, {"applicant_notified", "1"}}).status,
            409);
  EXPECT_EQ(pub.post(base + "extend", {{"working_days", "20"}, {"approver", "赵主任"}}).status, 409);
  const auto before_ext = history_size(reg.tn);
  r = pub.post(base + "extend", {{"working_days", "20"}, {"approver", "赵主任"}, {"applicant_notified", "1"}});
  ASSERT_EQ(r.status, 303) << visible_text(r.body);
  r = pub.post(base + "extend", {{"working_days", "5"}, {"approver", "赵主任"}, {"applicant_notified", "1"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(visible_text(r.body).find("答复期限只能延长一次"), std::string::npos);
  EXPECT_EQ(history_size(reg.tn), before_ext + 1);
  page = pub.get(base);
  EXPECT_NE(visible_text(page.body).find("延长20个工作日"), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"form-extend\""), std::string::npos);  // no second extension offered
  {
    // The explanation names the extension, and a missing calendar year is warned about.
    const auto stored = s.repo().find(reg.tn)->request;
    const auto d = domain::due_date(stored, zwgk::test::calendar(), domain::Date::today());
    EXPECT_NE(visible_text(page.body).find(domain::chinese_date_with_weekday(d.due_on)), std::string::npos);
    if (!d.warning.empty()) {
      EXPECT_NE(page.body.find("calendar-warning"), std::string::npos);
      EXPECT_NE(page.body.find(d.warning.message()), std::string::npos);
    }
  }

  // Reply: the outcome is required; the editor of the department may read but not answer.
  EXPECT_EQ(pub.post(base + "reply", {{"outcome", "nonsense"}}).status, 400);
  EXPECT_EQ(pub.post(base + "reply", {{"outcome", "other.no_correction"}}).status, 409);
  auto editor = login("editor");
  EXPECT_EQ(editor.get(base).status, 200);
  EXPECT_EQ(editor.post(base + "reply", {{"outcome", "disclosed"}}).status, 403);
  EXPECT_EQ(login("other_editor").get(base).status, 403);
  r = pub.post(base + "reply", {{"outcome", "not_disclosed.third_party_rights"}, {"note", "涉及商业秘密"}});
  ASSERT_EQ(r.status, 303) << visible_text(r.body);
  EXPECT_EQ(s.repo().find(reg.tn)->request.state, domain::RequestState::Replied);
  EXPECT_EQ(pub.post(base + "reply", {{"outcome", "disclosed"}}).status, 409);

  // Reconsideration record, then its decision.
  EXPECT_EQ(editor.post(base + "reviews", {{"kind", "reconsideration"}, {"filed_on", domain::Date::today().iso()}}).status,
            403);
  r = pub.post(base + "reviews", {{"kind", "reconsideration"}, {"filed_on", domain::Date::today().iso()}});
  ASSERT_EQ(r.status, 303) << visible_text(r.body);
  auto reviews = s.repo().reviews(reg.tn);
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_EQ(reviews[0].outcome, domain::ReviewOutcome::Pending);
  r = pub.post(base + "reviews/" + std::to_string(reviews[0].id) + "/decide",
               {{"outcome", "upheld"}, {"decided_on", domain::Date::today().iso()}});
  ASSERT_EQ(r.status, 303) << visible_text(r.body);
  EXPECT_EQ(s.repo().reviews(reg.tn)[0].outcome, domain::ReviewOutcome::Upheld);
  page = pub.get(base);
  EXPECT_NE(visible_text(page.body).find("结果维持"), std::string::npos);

  // Every applied action is audited with the tracking number and no personal data.
  std::set<std::string> actions;
  for (const auto& e : s.audit_events()) {
    if (e.object_type == "disclosure_request") {
      EXPECT_EQ(e.object_id, reg.tn);
      actions.insert(e.action);
    }
    for (const std::string& secret : {kId, kName, std::string("13973955502")}) EXPECT_EQ(e.detail.find(secret), std::string::npos);
  }
  for (const char* a : {"ysqgk.register", "ysqgk.correction", "ysqgk.correction_received", "ysqgk.assign",
                        "ysqgk.consultation_start", "ysqgk.consultation_end", "ysqgk.extend", "ysqgk.reply",
                        "ysqgk.review_add", "ysqgk.review_decide"})
    EXPECT_TRUE(actions.count(a)) << a;
  // One naming scheme (ADR 0020): every action this run audited is module.action.
  const std::regex module_action("^[a-z_]+\\.[a-z_.]+$");
  for (const auto& e : s.audit_events()) EXPECT_TRUE(std::regex_match(e.action, module_action)) << e.action;
}

TEST_F(RequestConsoleTest, TheAssignedDepartmentDraftsAndTheOfficeApproves) {
  auto pub = login("publisher");
  const auto reg = register_letter(pub, days_ago(1));
  const std::string base = "/console/requests/" + reg.tn + "/";
  const Fields draft = {{"outcome", "partially_disclosed"}, {"note", "涉及第三方商业秘密的部分不予公开"}};
  // Not yet assigned: no department sees it, the office cannot draft yet.
  auto editor = login("editor");
  EXPECT_EQ(editor.post(base + "draft", draft).status, 403);
  EXPECT_EQ(pub.post(base + "draft", draft).status, 409);
  ASSERT_EQ(pub.post(base + "assign", {{"department", s.seed.department.name}}).status, 303);
  EXPECT_EQ(login("other_editor").post(base + "draft", draft).status, 403);
  EXPECT_EQ(login("auditor").post(base + "draft", draft).status, 403);
  EXPECT_EQ(editor.post(base + "draft", {{"outcome", ""}}).status, 400);
  auto page = editor.get(base);
  EXPECT_NE(page.body.find("id=\"form-draft\""), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"form-reply\""), std::string::npos);
  auto r = editor.post(base + "draft", draft);
  ASSERT_EQ(r.status, 303) << visible_text(r.body);
  EXPECT_EQ(s.repo().find(reg.tn)->request.state, domain::RequestState::Assigned);  // a draft is not the reply
  // The office sees the draft, and the reply form starts from it.
  page = pub.get(base);
  const auto text = visible_text(page.body);
  EXPECT_NE(text.find("答复意见稿"), std::string::npos);
  EXPECT_NE(text.find("（二）部分公开"), std::string::npos);
  EXPECT_NE(text.find("editor，"), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"partially_disclosed\" selected>"), std::string::npos);
  EXPECT_NE(page.body.find(">涉及第三方商业秘密的部分不予公开</textarea>"), std::string::npos);
  r = pub.post(base + "reply", {{"outcome", "partially_disclosed"}, {"note", "涉及第三方商业秘密的部分不予公开"}});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(s.repo().find(reg.tn)->request.outcome, domain::ReplyOutcome::PartiallyDisclosed);
  // Answered: no more drafting.
  EXPECT_EQ(editor.post(base + "draft", draft).status, 409);
  bool audited = false;
  for (const auto& e : s.audit_events()) audited = audited || (e.action == "ysqgk.draft" && e.object_id == reg.tn);
  EXPECT_TRUE(audited);
}

TEST_F(RequestConsoleTest, CorrectionRestartsTheClockOnTheDetailPage) {
  auto pub = login("publisher");
  const auto received = days_ago(3);
  const auto reg = register_letter(pub, received);
  const std::string base = "/console/requests/" + reg.tn + "/";
  const auto& cal = zwgk::test::calendar();
  const auto original = cal.add_working_days(received, 20).date;
  EXPECT_NE(visible_text(pub.get(base).body).find(domain::chinese_date_with_weekday(original)), std::string::npos);
  ASSERT_EQ(pub.post(base + "correction", {{"on", days_ago(2).iso()}, {"correction_due_on", days_ago(0).iso()}}).status,
            303);
  ASSERT_EQ(pub.post(base + "correction-received", {{"on", days_ago(0).iso()}}).status, 303);
  const auto restarted = cal.add_working_days(domain::Date::today(), 20).date;
  const auto text = visible_text(pub.get(base).body);
  EXPECT_NE(text.find("答复期限： " + domain::chinese_date_with_weekday(restarted)), std::string::npos) << text;
  EXPECT_NE(text.find("补正"), std::string::npos);
}

TEST_F(RequestConsoleTest, ReplyProducesADownloadableLetterAndDisclosedFiles) {
  auto pub = login("publisher");
  const auto reg = register_letter(pub, days_ago(1));
  const std::string base = "/console/requests/" + reg.tn + "/";
  ASSERT_EQ(pub.post(base + "assign", {{"department", s.seed.department.name}}).status, 303);
  EXPECT_EQ(pub.get(base + "letter").status, 404);
  ASSERT_EQ(pub.post(base + "reply", {{"outcome", "disclosed"}}).status, 303);
  auto page = pub.get(base);
  EXPECT_NE(page.body.find("href=\"" + base + "letter\""), std::string::npos);
  auto letter = pub.get(base + "letter");
  ASSERT_EQ(letter.status, 200);
  EXPECT_NE(letter.header("content-disposition").value_or("").find("attachment"), std::string::npos);
  EXPECT_NE(letter.body.find(reg.tn), std::string::npos);
  EXPECT_NE(letter.body.find("予以公开"), std::string::npos);
  EXPECT_EQ(letter.body.find(kId), std::string::npos);
  EXPECT_EQ(login("auditor").get(base + "letter").status, 200);

  // A disclosed file, sniffed: a PDF is accepted, an executable named .pdf is not.
  auto upload = [&](const std::string& name, const std::string& bytes) {
    const std::string boundary = "----zwgkBoundary7MA4YWxk";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + pub.csrf +
                       "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
                       "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
    std::string req = "POST " + base + "files HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: " + pub.cookie +
                      "\r\nContent-Type: multipart/form-data; boundary=" + boundary +
                      "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    return parse_http_response(http_exchange(s.port, req));
  };
  auto bad = upload("答复附件.pdf", std::string("MZ\x90\x00\x03\x00\x00\x00", 8) + std::string(200, 'A'));
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(s.repo().disclosed_files(reg.tn).empty());
  auto ok = upload("答复附件.pdf", bytes_of(3000));
  ASSERT_EQ(ok.status, 303) << visible_text(ok.body);
  const auto files = s.repo().disclosed_files(reg.tn);
  ASSERT_EQ(files.size(), 1u);
  page = pub.get(base);
  const std::string link = "/ysqgk-files/" + files[0].download_token + "/";
  ASSERT_NE(page.body.find(link), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("href=\"(" + link + "[^\"]+)\"")));
  auto file = s.get(m[1]);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, bytes_of(3000));
}

TEST_F(RequestConsoleTest, TheIdNumberIsShownToTheOfficeOnlyAndOnNoPublicPage) {
  auto pub = login("publisher");
  const auto reg = register_letter(pub, days_ago(1));
  const std::string base = "/console/requests/" + reg.tn + "/";
  ASSERT_EQ(pub.post(base + "assign", {{"department", s.seed.department.name}}).status, 303);
  auto office = pub.get(base);
  ASSERT_EQ(office.status, 200);
  EXPECT_NE(office.body.find(kId), std::string::npos);
  EXPECT_NE(office.body.find(kName), std::string::npos);
  for (const char* who : {"editor", "auditor", "admin"}) {
    auto page = login(who).get(base);
    ASSERT_EQ(page.status, 200) << who;
    EXPECT_EQ(page.body.find(kId), std::string::npos) << who;
    EXPECT_NE(page.body.find("尾号" + kId.substr(14)), std::string::npos) << who;
  }
  EXPECT_EQ(login("reviewer").get(base).status, 403);
  EXPECT_EQ(login("other_editor").get(base).status, 403);
  EXPECT_EQ(s.get(base).status, 303);  // not signed in: to the login page

  // Public: the status page and its JSON carry no personal data.
  std::vector<std::string> bodies;
  auto status = http_post(s.port, "/ysqgk/status/", form_encode({{"tracking_number", reg.tn}, {"query_code", reg.code}}));
  ASSERT_EQ(status.status, 200);
  EXPECT_NE(status.body.find(reg.tn), std::string::npos);
  bodies.push_back(status.body);
  bodies.push_back(s.get("/api/v1/requests/" + reg.tn + "?code=" + reg.code).body);
  bodies.push_back(s.get("/ysqgk/").body);
  for (const auto& b : bodies) {
    EXPECT_EQ(b.find(kId), std::string::npos);
    EXPECT_EQ(b.find(kName), std::string::npos);
  }
}

TEST_F(RequestConsoleTest, DashboardAndAnnualReportBehindLogin) {
  auto pub = login("publisher");
  const auto reg = register_letter(pub, days_ago(0));
  const auto reg2 = register_letter(pub, days_ago(0));
  ASSERT_EQ(pub.post("/console/requests/" + reg2.tn + "/assign", {{"department", s.seed.department.name}}).status, 303);
  auto dash = pub.get("/console/requests/dashboard");
  ASSERT_EQ(dash.status, 200);
  const auto text = visible_text(dash.body);
  for (const char* label : {"3个工作日内到期", "已逾期", "暂停计时", "按承办部门", "三、收到和处理政府信息公开申请情况",
                            "四、政府信息公开行政复议、行政诉讼情况", "（七）总计", "法律服务机构"})
    EXPECT_NE(text.find(label), std::string::npos) << label;
  EXPECT_NE(text.find(s.seed.department.name), std::string::npos);
  EXPECT_NE(text.find("未分办"), std::string::npos);
  // The navigation links the pages.
  EXPECT_NE(dash.body.find("href=\"/console/requests/\""), std::string::npos);
  EXPECT_EQ(pub.get("/console/requests/dashboard?year=abc").status, 400);
  // An editor sees only what is assigned to the editor's department.
  auto editor = login("editor");
  const auto ed = visible_text(editor.get("/console/requests/dashboard").body);
  EXPECT_NE(ed.find(s.seed.department.name), std::string::npos);
  EXPECT_EQ(ed.find("未分办"), std::string::npos);
  const auto list = editor.get("/console/requests/").body;
  EXPECT_NE(list.find(reg2.tn), std::string::npos);
  EXPECT_EQ(list.find(reg.tn), std::string::npos);

  // The annual report's JSON: no longer public, behind console login.
  EXPECT_EQ(s.get("/api/v1/requests/annual-report?year=2026").status, 404);
  const std::string year = reg.tn.substr(4, 4);
  EXPECT_EQ(s.get("/console/api/requests/annual-report?year=" + year).status, 303);
  auto json = pub.get("/console/api/requests/annual-report?year=" + year);
  ASSERT_EQ(json.status, 200);
  EXPECT_NE(json.header("content-type").value_or("").find("application/json"), std::string::npos);
  for (const char* label : {"一、本年新收政府信息公开申请数量", "（七）总计", "四、结转下年度继续办理", "未经复议直接起诉",
                            "结果维持", "法律服务机构"})
    EXPECT_NE(json.body.find(label), std::string::npos) << label;
  EXPECT_NE(json.body.find("\"自然人\":2"), std::string::npos) << json.body.substr(0, 400);
  EXPECT_EQ(pub.get("/console/api/requests/annual-report").status, 400);
  EXPECT_EQ(pub.get("/console/api/requests/annual-report?year=abc").status, 400);
  EXPECT_EQ(login("auditor").get("/console/api/requests/annual-report?year=" + year).status, 200);
}

// Was: the dashboard showed editors the site-wide annual-report tables while the JSON
// behind it refused them. One rule now (annual_figures_department): an editor sees, on the
// page and in the JSON alike, the figures of the applications assigned to their department.
TEST_F(RequestConsoleTest, EditorsSeeTheirDepartmentsAnnualFiguresOnThePageAndInTheJson) {
  auto pub = login("publisher");
  const auto unassigned = register_letter(pub, days_ago(0));
  const auto mine = register_letter(pub, days_ago(0));
  const auto theirs = register_letter(pub, days_ago(0));
  ASSERT_EQ(pub.post("/console/requests/" + mine.tn + "/assign",
                     {{"department_id", std::to_string(s.seed.department.id)}}).status, 303);
  ASSERT_EQ(pub.post("/console/requests/" + theirs.tn + "/assign",
                     {{"department_id", std::to_string(s.other_department.id)}}).status, 303);
  const std::string year = mine.tn.substr(4, 4);
  // 一、本年新收 for 自然人, as the page's table shows it and as the JSON gives it.
  auto page_count = [&](const ConsoleSession& c) {
    auto r = c.get("/console/requests/dashboard?year=" + year);
    EXPECT_EQ(r.status, 200);
    std::smatch m;
    if (!std::regex_search(r.body, m, std::regex(R"(一、本年新收政府信息公开申请数量</th><td[^>]*>(\d+)</td>)"))) return -1;
    return std::stoi(m[1]);
  };
  auto json_count = [&](const ConsoleSession& c) {
    auto r = c.get("/console/api/requests/annual-report?year=" + year);
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return -1;
    auto j = nlohmann::json::parse(r.body);
    return j["三、收到和处理政府信息公开申请情况"]["一、本年新收政府信息公开申请数量"]["自然人"].get<int>();
  };
  EXPECT_EQ(page_count(pub), 3);
  EXPECT_EQ(json_count(pub), 3);
  auto editor = login("editor");
  EXPECT_EQ(page_count(editor), 1);
  EXPECT_EQ(json_count(editor), 1);
  EXPECT_NE(visible_text(editor.get("/console/requests/dashboard?year=" + year).body).find("仅统计分办给本部门的申请"),
            std::string::npos);
  auto other = login("other_editor");
  EXPECT_EQ(page_count(other), 1);
  EXPECT_EQ(json_count(other), 1);
  EXPECT_EQ(nlohmann::json::parse(other.get("/console/api/requests/annual-report?year=" + year).body)["department"],
            s.other_department.id);
  // Roles that do not read applications see neither.
  auto reviewer = login("reviewer");
  EXPECT_EQ(reviewer.get("/console/requests/dashboard").status, 403);
  EXPECT_EQ(reviewer.get("/console/api/requests/annual-report?year=" + year).status, 403);
  (void)unassigned;
}

// Assignment is by department id: renaming the department keeps its editors' applications.
TEST_F(RequestConsoleTest, RenamingADepartmentKeepsItsApplicationsWithItsEditors) {
  auto pub = login("publisher");
  const auto reg = register_letter(pub, days_ago(0));
  const auto base = "/console/requests/" + reg.tn + "/";
  // The form's select sends the id.
  EXPECT_NE(pub.get(base).body.find("value=\"" + std::to_string(s.seed.department.id) + "\""), std::string::npos);
  EXPECT_EQ(pub.post(base + "assign", {{"department_id", "999999"}}).status, 400);
  ASSERT_EQ(pub.post(base + "assign", {{"department_id", std::to_string(s.seed.department.id)}}).status, 303);
  auto renamed = s.seed.department;
  renamed.name = "邵阳市人民政府办公室（更名）";
  store::DepartmentRepository(*s.db).save(renamed);

  auto editor = login("editor");
  EXPECT_NE(editor.get("/console/requests/").body.find(reg.tn), std::string::npos);
  EXPECT_EQ(editor.get(base).status, 200);
  // The dashboard groups by the name at assignment, and still counts it for this editor.
  EXPECT_NE(visible_text(editor.get("/console/requests/dashboard").body).find(s.seed.department.name),
            std::string::npos);
  // The other department's editor still does not see it.
  auto other = login("other_editor");
  EXPECT_EQ(other.get("/console/requests/").body.find(reg.tn), std::string::npos);
  EXPECT_EQ(other.get(base).status, 403);
}

// The list is paged in SQL: 50 a page, with the pagination links and the filter kept.
TEST_F(RequestConsoleTest, TheListIsPaged) {
  auto repo = s.repo();
  std::vector<std::string> tns;
  for (int i = 0; i < 53; ++i) {
    domain::Applicant a;
    a.kind = domain::ApplicantKind::NaturalPerson;
    a.person.name = kName;
    a.person.id_number = kId;
    a.person.address = "湖南省邵阳市";
    a.person.phone = "13973955502";
    domain::ReceiptEvents ev;
    ev.both_sides_confirmed = days_ago(60 - i);
    auto r = domain::new_disclosure_request(domain::RequestChannel::Online, ev, a, "第" + std::to_string(i) + "件");
    tns.push_back(repo.insert(s.seed.site.id, r).tracking_number);
  }
  auto pub = login("publisher");
  const auto p1 = pub.get("/console/requests/");
  ASSERT_EQ(p1.status, 200);
  const auto t1 = visible_text(p1.body);
  EXPECT_NE(t1.find("共 53 条，第 1/2 页"), std::string::npos);
  EXPECT_NE(p1.body.find(tns.back()), std::string::npos);   // newest first
  EXPECT_EQ(p1.body.find(tns.front() + "<"), std::string::npos);
  EXPECT_NE(p1.body.find("/console/requests/?page=2"), std::string::npos);
  const auto p2 = pub.get("/console/requests/?page=2");
  EXPECT_NE(p2.body.find(tns.front() + "<"), std::string::npos);
  EXPECT_EQ(p2.body.find(tns.back() + "<"), std::string::npos);
  EXPECT_NE(pub.get("/console/requests/?state=received&page=2").body.find("state=received"), std::string::npos);
  EXPECT_EQ(pub.get("/console/requests/?page=abc").status, 400);
}

// 我的工作 (issue 17): the 依申请公开 section counts and lists the office's unassigned
// applications and, once assigned, the overdue one for its department — not for another.
TEST_F(RequestConsoleTest, MyWorkListsOverdueApplicationsForTheirDepartment) {
  auto pub = login("publisher");
  const auto reg = register_letter(pub, days_ago(60));  // far beyond 20 working days
  ASSERT_FALSE(reg.tn.empty());
  auto home = pub.get("/console/");
  ASSERT_EQ(home.status, 200);
  ASSERT_NE(home.body.find("id=\"ysqgk-work-h\""), std::string::npos) << visible_text(home.body);
  const auto unassigned = home.body.find("id=\"ysqgk-unassigned\"");
  ASSERT_NE(unassigned, std::string::npos);
  EXPECT_NE(home.body.find(reg.tn, unassigned), std::string::npos);

  ASSERT_EQ(pub.post("/console/requests/" + reg.tn + "/assign", {{"department", s.seed.department.name}}).status, 303);
  auto editor_home = login("editor").get("/console/");
  ASSERT_EQ(editor_home.status, 200);
  const auto overdue = editor_home.body.find("id=\"ysqgk-overdue\"");
  ASSERT_NE(overdue, std::string::npos) << visible_text(editor_home.body);
  EXPECT_NE(editor_home.body.find(reg.tn, overdue), std::string::npos);
  EXPECT_TRUE(std::regex_search(visible_text(editor_home.body), std::regex("已逾期 [1-9][0-9]* 个工作日")));
  EXPECT_NE(editor_home.body.find("待起草答复意见"), std::string::npos);
  auto other = login("other_editor").get("/console/");
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(other.body.find(reg.tn), std::string::npos) << "another department does not see it";
}

}  // namespace
// An empty list says so instead of showing an empty table.
TEST_F(RequestConsoleTest, AnEmptyRequestListSaysThereIsNothing) {
  const auto list = login("editor").get("/console/requests/");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("暂无符合条件的申请。"), std::string::npos) << visible_text(list.body);
}

}  // namespace zwgk::test
