// 政民互动 public side and the 12345 API over real sockets, on both backends: the mailboxes,
// the letter form (multipart with an image, CSRF token, arithmetic question, one submission
// per token), the receipt, the status page and the rating, 信件选登 masked, 受理反馈统计 with
// its CSV and XLSX, the footer's 我为政府网站找错 link, the API's tokens — and that the
// writer's name and phone reach no public page, no API answer and no log line.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <regex>
#include <sstream>

#include "modules/zmhd/service/letter_service.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "modules/ysqgk/store/request_fixture.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

using domain::LetterEventKind;

const std::string kId = store::test::resident_id("43052219800101123");
const std::string kName = "欧阳青山";
const std::string kPhone = "13973955501";
const std::string kEmail = "qingshan@example.cn";
const std::string kPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
    "\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92"
    "\xef\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    69);

struct FormState {
  std::string token, cookie, answer;
};

FormState open_form(const HttpResult& page) {
  FormState f;
  std::smatch m;
  EXPECT_TRUE(std::regex_search(page.body, m, std::regex(R"re(name="form_token" value="([^"]+)")re")));
  f.token = m[1];
  EXPECT_TRUE(std::regex_search(page.body, m, std::regex(R"re(class="question">(\d+) 加 (\d+) 等于几？)re")));
  f.answer = std::to_string(std::stoi(m[1]) + std::stoi(m[2]));
  f.cookie = cookie_from(page, "zmhd_form");
  return f;
}

HttpResult post_multipart(const SiteServer& s, const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::vector<std::pair<std::string, std::string>>& files, const std::string& cookie) {
  const std::string b = "----zwgktestboundary7MA4YWxk";
  std::string body;
  for (const auto& [k, v] : fields)
    body += "--" + b + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  for (const auto& [name, data] : files)
    body += "--" + b + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"" + name +
            "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n";
  body += "--" + b + "--\r\n";
  std::string req = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
                    "multipart/form-data; boundary=" + b + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  if (!cookie.empty()) req += "Cookie: " + cookie + "\r\n";
  req += "\r\n" + body;
  return parse_http_response(http_exchange(s.port, req));
}

HttpResult post_json(const SiteServer& s, const std::string& target, const std::string& json, const std::string& token) {
  std::string req = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
                    "application/json\r\nContent-Length: " + std::to_string(json.size()) + "\r\n";
  if (!token.empty()) req += "Authorization: Bearer " + token + "\r\n";
  req += "\r\n" + json;
  return parse_http_response(http_exchange(s.port, req));
}

std::string by_class(const std::string& body, const char* cls) {
  std::smatch m;
  return std::regex_search(body, m, std::regex(std::string("class=\"") + cls + "\">([^<]+)<")) ? std::string(m[1]) : "";
}

std::vector<std::pair<std::string, std::string>> letter_fields(const FormState& f) {
  return {{"form_token", f.token},
          {"challenge_answer", f.answer},
          {"website", ""},
          {"category", "consultation"},
          {"title", "关于小区加装电梯补贴的咨询"},
          {"content", "我是" + kName + "，身份证号" + kId + "，想咨询老旧小区加装电梯的补贴标准和申请流程。"},
          {"name", kName},
          {"phone", kPhone},
          {"email", kEmail},
          {"consent_publish", "1"}};
}

class LetterPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log);
    spdlog::default_logger()->sinks().push_back(log_sink);
    spdlog::default_logger()->set_level(spdlog::level::info);
    s = std::make_unique<SiteServer>(0, true);
    if (auto access = spdlog::get("access")) access->sinks().push_back(log_sink);
    store::MailboxRepository(*s->db).ensure_default_mailboxes(s->seed.site.id, "市长信箱");
    store::MailboxRepository(*s->db).ensure_default_mailboxes(s->seed.county.id, "县长信箱");
  }
  void TearDown() override {
    auto& sinks = spdlog::default_logger()->sinks();
    sinks.erase(std::remove(sinks.begin(), sinks.end(), log_sink), sinks.end());
    if (auto access = spdlog::get("access")) {
      auto& a = access->sinks();
      a.erase(std::remove(a.begin(), a.end(), log_sink), a.end());
    }
  }
  store::PersonalDataKey key() const { return store::PersonalDataKey::derive_from(s->app->options().secret); }
  // The office's steps through the use cases, on the day the letter was received.
  void step(const std::string& number, LetterEventKind kind, const std::function<void(domain::LetterEvent&)>& fill = {}) {
    domain::Caller office;
    office.account.id = 1;
    office.account.role = domain::Role::Publisher;
    office.account.site_id = s->seed.site.id;
    office.name = "office";
    office.audit = [](const domain::AuditNote&) {};
    modules::zmhd::StepInput in{domain::LetterEvent{kind, s->app->options().today(), ""}, ""};
    if (fill) fill(in.event);
    const auto k = key();
    modules::zmhd::LetterService(*s->db, k, calendar(), s->app->options().today()).apply(office, number, in);
  }

  std::ostringstream log;
  std::shared_ptr<spdlog::sinks::ostream_sink_mt> log_sink;
  std::unique_ptr<SiteServer> s;
};

TEST_F(LetterPagesTest, WriteReceiptStatusRatePublishStatisticsAndNoPersonalDataAnywhere) {
  std::vector<std::string> public_bodies;
  auto index = s->get("/zmhd/");
  ASSERT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("市长信箱"), std::string::npos);
  EXPECT_NE(index.body.find("我为政府网站找错"), std::string::npos);
  auto form = s->get("/zmhd/write/leader/");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(form.header("cache-control").value_or(""), "no-store");
  const auto f = open_form(form);

  // A wrong answer to the question: 400, every value kept, nothing stored.
  auto wrong = letter_fields(f);
  wrong[1].second = "999";
  auto refused = post_multipart(*s, "/zmhd/write/leader/", wrong, {}, f.cookie);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("关于小区加装电梯补贴的咨询"), std::string::npos) << "the title is kept";
  // A file that is not an image or a PDF.
  auto exe = post_multipart(*s, "/zmhd/write/leader/", letter_fields(f), {{"photo.png", "MZ\x90\x00 not an image"}}, f.cookie);
  EXPECT_EQ(exe.status, 400);

  auto receipt = post_multipart(*s, "/zmhd/write/leader/", letter_fields(f), {{"现场照片.png", kPng}}, f.cookie);
  ASSERT_EQ(receipt.status, 200) << receipt.body;
  public_bodies.push_back(receipt.body);
  const std::string number = by_class(receipt.body, "letter-number");
  const std::string code = by_class(receipt.body, "query-code");
  EXPECT_TRUE(std::regex_match(number, std::regex(R"(XJ-\d{4}-000001)"))) << number;
  EXPECT_EQ(code.size(), 10u);
  EXPECT_NE(receipt.body.find("身份证号码"), std::string::npos) << "told what publication masks";
  // The same token again: refused, no second letter.
  EXPECT_EQ(post_multipart(*s, "/zmhd/write/leader/", letter_fields(f), {}, f.cookie).status, 400);
  const auto k = key();
  store::LetterRepository repo(*s->db, k);
  auto stored = repo.find(number);
  ASSERT_TRUE(stored);
  EXPECT_EQ(repo.attachments(stored->id).size(), 1u);
  EXPECT_EQ(repo.attachments(stored->id)[0].media_type, "image/png");

  // Status: right code, wrong code, unknown number.
  auto status = http_post(s->port, "/zmhd/status/", form_encode({{"number", number}, {"query_code", code}}));
  ASSERT_EQ(status.status, 200);
  EXPECT_EQ(by_class(status.body, "state"), "已收到");
  public_bodies.push_back(status.body);
  EXPECT_EQ(http_post(s->port, "/zmhd/status/", form_encode({{"number", number}, {"query_code", "ABCDEFGHJK"}})).status, 404);
  EXPECT_EQ(http_post(s->port, "/zmhd/status/", form_encode({{"number", "XJ-2020-000009"}, {"query_code", code}})).status, 404);

  // The office accepts, assigns, the department answers, the office approves.
  step(number, LetterEventKind::Accept);
  step(number, LetterEventKind::Assign, [&](auto& e) { e.department_id = s->seed.department.id; });
  step(number, LetterEventKind::DraftReply, [](auto& e) {
    e.text = "您好！老旧小区加装电梯每台补贴15万元，由业主委员会向所在街道提交申请，具体流程见市住建局网站。";
  });
  step(number, LetterEventKind::ApproveReply);
  status = http_post(s->port, "/zmhd/status/", form_encode({{"number", number}, {"query_code", code}}));
  EXPECT_EQ(by_class(status.body, "state"), "已答复");
  EXPECT_NE(status.body.find("每台补贴15万元"), std::string::npos);
  EXPECT_NE(status.body.find("name=\"rating\""), std::string::npos) << "the rating form";
  public_bodies.push_back(status.body);
  EXPECT_EQ(http_post(s->port, "/zmhd/rate/", form_encode({{"number", number}, {"query_code", "ABCDEFGHJK"}, {"rating", "satisfied"}})).status, 404);
  auto rated = http_post(s->port, "/zmhd/rate/", form_encode({{"number", number}, {"query_code", code}, {"rating", "satisfied"}}));
  ASSERT_EQ(rated.status, 200) << rated.body;
  EXPECT_EQ(by_class(rated.body, "state"), "已办结");
  EXPECT_EQ(by_class(rated.body, "rating"), "满意");
  public_bodies.push_back(rated.body);

  // 信件选登: masked, listed, searchable.
  domain::Caller office;
  office.account.role = domain::Role::Publisher;
  office.account.site_id = s->seed.site.id;
  office.name = "office";
  office.audit = [](const domain::AuditNote&) {};
  modules::zmhd::LetterService(*s->db, k, calendar(), s->app->options().today()).publish(office, number);
  auto list = s->get("/zmhd/letters/");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("关于小区加装电梯补贴的咨询"), std::string::npos);
  public_bodies.push_back(list.body);
  auto one = s->get("/zmhd/letters/" + number + "/");
  ASSERT_EQ(one.status, 200);
  EXPECT_NE(one.body.find(kId.substr(0, 6) + "********"), std::string::npos) << "the ID number masked";
  public_bodies.push_back(one.body);
  EXPECT_EQ(s->get("/zmhd/letters/?q=" + std::string("%E7%94%B5%E6%A2%AF")).body.find(number) != std::string::npos, true)
      << "searchable by 电梯";
  EXPECT_EQ(s->get("/xinshao/zmhd/letters/" + number + "/").status, 404) << "not on another site";
  // The site search shows it beside the documents.
  auto search = s->get("/search/?q=%E5%8A%A0%E8%A3%85%E7%94%B5%E6%A2%AF");  // 加装电梯
  ASSERT_EQ(search.status, 200);
  EXPECT_NE(search.body.find("信件选登：找到 1 条"), std::string::npos);
  EXPECT_NE(search.body.find("/zmhd/letters/" + number + "/"), std::string::npos);
  public_bodies.push_back(search.body);

  // 受理反馈统计 counts it; the spreadsheets open in Excel and WPS.
  const std::string year = number.substr(3, 4);
  auto stats = s->get("/zmhd/stats/?period=" + year);
  ASSERT_EQ(stats.status, 200);
  EXPECT_EQ(by_class(stats.body, "stat-received"), "1");
  EXPECT_EQ(by_class(stats.body, "stat-answered"), "1");
  EXPECT_EQ(by_class(stats.body, "stat-on-time"), "100.0%");
  EXPECT_EQ(by_class(stats.body, "stat-satisfaction"), "100.0%");
  EXPECT_NE(stats.body.find("<svg"), std::string::npos);
  public_bodies.push_back(stats.body);
  auto csv = s->get("/zmhd/stats.csv?period=" + year);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.body.find("邵阳市人民政府办公室"), std::string::npos);
  auto xlsx = s->get("/zmhd/stats.xlsx?period=" + year + "&by=category");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(s->get("/zmhd/stats/?period=20x4").status, 400);

  // Every page's footer links 我为政府网站找错 with the page filled in.
  auto home = s->get("/");
  EXPECT_NE(home.body.find("/zmhd/write/error/?url=http%3A%2F%2F127.0.0.1"), std::string::npos);
  auto error_form = s->get("/zmhd/write/error/?url=http%3A%2F%2F127.0.0.1%2Fcontent%2F1");
  EXPECT_NE(error_form.body.find("value=\"http://127.0.0.1/content/1\""), std::string::npos);

  spdlog::default_logger()->flush();
  if (auto access = spdlog::get("access")) access->flush();
  for (const std::string& secret : {kName, kPhone, kEmail, kId}) {
    for (const auto& b : public_bodies) EXPECT_EQ(b.find(secret), std::string::npos) << secret;
    EXPECT_EQ(log.str().find(secret), std::string::npos) << secret;
  }
}

TEST_F(LetterPagesTest, TheApiTakesATicketWithItsOwnTokenOnlyAndReadsOnlyItsOwnLetters) {
  store::MailboxRepository boxes(*s->db);
  auto [client, token] = boxes.add_client(s->seed.site.id, "邵阳市12345热线");
  auto [county_client, county_token] = boxes.add_client(s->seed.county.id, "新邵县12345热线");
  const std::string ticket = R"({"ticket_id":"GD20260101001","mailbox":"consult","category":"complaint",)"
                             R"("title":"夜间施工噪音扰民","content":"某工地每天夜里十二点以后还在施工，噪音很大，影响休息。",)"
                             R"("name":")" + kName + R"(","phone":")" + kPhone + R"(","consent_publish":false})";
  EXPECT_EQ(post_json(*s, "/api/v1/letters", ticket, "").status, 401);
  auto bad = post_json(*s, "/api/v1/letters", ticket, token + "x");
  EXPECT_EQ(bad.status, 401);
  EXPECT_NE(bad.header("www-authenticate").value_or("").find("Bearer"), std::string::npos);
  EXPECT_EQ(post_json(*s, "/api/v1/letters", "{not json", token).status, 400);
  auto invalid = post_json(*s, "/api/v1/letters", R"({"ticket_id":"GD1","title":""})", token);
  EXPECT_EQ(invalid.status, 400);
  EXPECT_NE(invalid.body.find("请填写来信标题"), std::string::npos);
  auto created = post_json(*s, "/api/v1/letters", ticket, token);
  ASSERT_EQ(created.status, 201) << created.body;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(created.body, m, std::regex(R"re("number":"(XJ-\d{4}-\d{6})")re")));
  const std::string number = m[1];
  EXPECT_NE(created.body.find("\"state\":{\"code\":\"received\""), std::string::npos) << created.body;
  EXPECT_EQ(post_json(*s, "/api/v1/letters", ticket, token).status, 409) << "the same ticket twice";
  auto read = http_get(s->port, "/api/v1/letters/" + number, {"Authorization: Bearer " + token});
  ASSERT_EQ(read.status, 200);
  EXPECT_NE(read.body.find("GD20260101001"), std::string::npos);
  // Another site's system, and no token at all, get nothing.
  EXPECT_EQ(http_get(s->port, "/api/v1/letters/" + number, {"Authorization: Bearer " + county_token}).status, 404);
  EXPECT_EQ(http_get(s->port, "/api/v1/letters/" + number).status, 401);
  for (const auto* body : {&created.body, &read.body}) {
    EXPECT_EQ(body->find(kName), std::string::npos);
    EXPECT_EQ(body->find(kPhone), std::string::npos);
  }
  boxes.revoke_client(client.id);
  EXPECT_EQ(http_get(s->port, "/api/v1/letters/" + number, {"Authorization: Bearer " + token}).status, 401);
  // Described in the OpenAPI document beside the kernel's read-side API.
  auto openapi = s->get("/api/v1/openapi.json");
  EXPECT_NE(openapi.body.find("\"/api/v1/letters/{number}\""), std::string::npos);
  EXPECT_NE(openapi.body.find("IntegrationToken"), std::string::npos);
  EXPECT_NE(openapi.body.find("\"/api/v1/search\""), std::string::npos) << "the kernel's paths are still there";
  spdlog::default_logger()->flush();
  EXPECT_EQ(log.str().find(kPhone), std::string::npos);
  EXPECT_EQ(log.str().find(token), std::string::npos) << "the token is never logged";
}

TEST_F(LetterPagesTest, TheFootersFindErrorsLinkNeverLeadsToANotFoundPage) {
  store::MailboxRepository boxes(*s->db);
  // The city renamed its 找错 mailbox's code: the footer's link still opens its form.
  auto error = *boxes.mailbox(s->seed.site.id, "error");
  error.enabled = false;
  boxes.save_mailbox(error);
  error.id = 0;
  error.code = "zhaocuo";
  error.enabled = true;
  boxes.save_mailbox(error);
  auto form = s->get("/zmhd/write/error/?url=http%3A%2F%2F127.0.0.1%2Fxxgk%2F");
  EXPECT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("action=\"/zmhd/write/zhaocuo/\""), std::string::npos) << form.body;
  EXPECT_NE(form.body.find("value=\"http://127.0.0.1/xxgk/\""), std::string::npos) << "the page in question is filled in";

  // The county closed every mailbox: the link shows the 政民互动 page and how to call.
  for (auto b : boxes.mailboxes(s->seed.county.id)) {
    b.enabled = false;
    boxes.save_mailbox(b);
  }
  auto none = s->get("/xinshao/zmhd/write/error/");
  EXPECT_EQ(none.status, 200);
  EXPECT_NE(none.body.find("本网站暂未开设信箱。"), std::string::npos) << none.body;
  EXPECT_EQ(s->get("/xinshao/zmhd/write/leader/").status, 404) << "a named closed mailbox is still not there";
}

}  // namespace
}  // namespace zwgk::test
