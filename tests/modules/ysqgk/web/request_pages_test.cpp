// 依申请公开 public side over real sockets on both backends: the guide, the application form
// (validation, CSRF token, arithmetic question, honeypot, one submission per token), the
// receipt, the status page and JSON, and that the applicant's personal data reaches no
// public response and no log line.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <regex>
#include <sstream>

#include "domain/reply_outcome.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "modules/ysqgk/store/request_fixture.hpp"
#include "store/audit_log.hpp"
#include "store/outbox_repository.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

domain::Department named_department(std::string name) {
  domain::Department d;
  d.name = std::move(name);
  return d;
}

// A valid GB 11643 number nobody else would write.
std::string resident_id(std::string_view first17) {
  static constexpr int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view check = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * w[i];
  return std::string(first17) + check[static_cast<std::size_t>(sum % 11)];
}
const std::string kId = resident_id("43052219900312771");

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    out += k + "=";
    for (unsigned char c : v) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
      else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        out += buf;
      }
    }
  }
  return out;
}

HttpResult post(const SiteServer& s, const std::string& target, const std::string& body, const std::string& cookie = "") {
  std::string req = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  if (!cookie.empty()) req += "Cookie: " + cookie + "\r\n";
  req += "\r\n" + body;
  return parse_http_response(http_exchange(s.port, req));
}

struct FormState {
  std::string token, cookie, answer;
};

FormState open_form(const SiteServer& s, const HttpResult* from = nullptr) {
  HttpResult page = from ? *from : s.get("/ysqgk/apply/?type=person");
  FormState f;
  std::smatch m;
  std::regex tok(R"re(name="form_token" value="([^"]+)")re");
  EXPECT_TRUE(std::regex_search(page.body, m, tok));
  f.token = m[1];
  std::regex q(R"re(class="question">(\d+) 加 (\d+) 等于几？)re");
  EXPECT_TRUE(std::regex_search(page.body, m, q));
  f.answer = std::to_string(std::stoi(m[1]) + std::stoi(m[2]));
  for (const auto& c : page.all("set-cookie"))
    if (c.starts_with("ysq_form=")) f.cookie = c.substr(0, c.find(';'));
  return f;
}

std::vector<std::pair<std::string, std::string>> person_fields() {
  return {{"applicant_kind", "natural_person"}, {"name", "欧阳测试"},       {"id_type", "resident_id"},
          {"id_number", kId},                   {"work_unit", "某某单位"},  {"address", "湖南省邵阳市北塔区某路77号"},
          {"postcode", "422000"},               {"phone", "13973955501"},   {"email", "ouyang.test@example.cn"},
          {"description", "2024年城区道路改造项目的立项批复"},
          {"doc_number", "邵发改〔2024〕12号"},   {"medium", "electronic"},   {"delivery", "online"},
          {"website", ""}};
}

HttpResult submit_raw(const SiteServer& s, std::vector<std::pair<std::string, std::string>> fields, FormState f) {
  fields.push_back({"form_token", f.token});
  fields.push_back({"challenge_answer", f.answer});
  return post(s, "/ysqgk/apply/", form_encode(fields), f.cookie);
}

std::string receipt_cookie(const HttpResult& r) {
  for (const auto& c : r.all("set-cookie"))
    if (c.starts_with("zwgk_ysqgk_receipt=")) return c.substr(0, c.find(';'));
  return "";
}

// As a browser does: the POST's 303 followed with the receipt cookie it set.
HttpResult submit(const SiteServer& s, std::vector<std::pair<std::string, std::string>> fields, FormState f) {
  auto r = submit_raw(s, std::move(fields), std::move(f));
  if (r.status != 303) return r;
  return s.get(r.header("location").value_or(""), {"Cookie: " + receipt_cookie(r)});
}

std::string field(const std::string& body, const char* cls) {
  std::smatch m;
  std::regex re(std::string("class=\"") + cls + "\">([^<]+)<");
  return std::regex_search(body, m, re) ? std::string(m[1]) : "";
}

TEST(RequestPages, GuideForSiteAndDepartment) {
  SiteServer s;
  auto g = s.get("/ysqgk/");
  ASSERT_EQ(g.status, 200);
  for (const char* text : {"邵阳市人民政府依申请公开指南", "湖南省邵阳市双清区宝庆东路1号", "0739-5365203", "网上申请",
                           "信函申请", "当面申请", "20个工作日", "60日内", "6个月内", "class=\"flow-steps\"", "收费"})
    EXPECT_NE(g.body.find(text), std::string::npos) << text;
  EXPECT_EQ(g.body.find("传真"), std::string::npos) << "no fax is configured: the guide names none (issue 17)";
  auto d = s.get("/ysqgk/department/" + std::to_string(s.seed.department.id) + "/");
  ASSERT_EQ(d.status, 200);
  EXPECT_NE(d.body.find("邵阳市人民政府办公室依申请公开指南"), std::string::npos);
  EXPECT_EQ(s.get("/ysqgk/department/" + std::to_string(s.seed.county_department.id) + "/").status, 404);
  EXPECT_EQ(s.get("/xinshao/ysqgk/").status, 200);
  EXPECT_NE(g.body.find("各部门依申请公开指南"), std::string::npos);
}

TEST(RequestPages, SubmitReceiptStatusAndNoPersonalDataAnywhere) {
  std::ostringstream log;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log);
  auto access = spdlog::get("access");
  SiteServer s(0, true);
  spdlog::default_logger()->sinks().push_back(sink);
  spdlog::default_logger()->set_level(spdlog::level::info);
  if (!access) access = spdlog::get("access");
  if (access) access->sinks().push_back(sink);
  std::vector<std::string> public_bodies;

  auto form = s.get("/ysqgk/apply/?type=person");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(form.header("cache-control").value_or(""), "no-store");
  auto receipt = submit(s, person_fields(), open_form(s, &form));
  ASSERT_EQ(receipt.status, 200) << receipt.body;
  public_bodies.push_back(receipt.body);
  const std::string tn = field(receipt.body, "tracking-number");
  const std::string code = field(receipt.body, "query-code");
  EXPECT_TRUE(std::regex_match(tn, std::regex(R"(YSQ-\d{4}-000001)"))) << tn;
  EXPECT_EQ(code.size(), 10u);

  // Status with the right code.
  auto st = post(s, "/ysqgk/status/", form_encode({{"tracking_number", tn}, {"query_code", code}}));
  ASSERT_EQ(st.status, 200);
  public_bodies.push_back(st.body);
  EXPECT_EQ(field(st.body, "state"), "已收到");
  EXPECT_NE(st.body.find("第0日"), std::string::npos) << "how the due date was counted";
  // Wrong code and unknown number: the same answer, no data.
  auto wrong = post(s, "/ysqgk/status/", form_encode({{"tracking_number", tn}, {"query_code", "ABCDEFGHJK"}}));
  auto unknown = post(s, "/ysqgk/status/", form_encode({{"tracking_number", "YSQ-2020-000009"}, {"query_code", code}}));
  EXPECT_EQ(wrong.status, 404);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(wrong.body.find("申请编号或查询码不正确"), std::string::npos);
  EXPECT_EQ(field(wrong.body, "state"), "");
  EXPECT_EQ(field(unknown.body, "state"), "");
  public_bodies.push_back(wrong.body);

  // JSON status.
  auto api = s.get("/api/v1/requests/" + tn + "?code=" + code);
  ASSERT_EQ(api.status, 200);
  public_bodies.push_back(api.body);
  EXPECT_NE(api.body.find("\"received"), std::string::npos);
  auto api_wrong = s.get("/api/v1/requests/" + tn + "?code=ABCDEFGHJK");
  auto api_unknown = s.get("/api/v1/requests/YSQ-2020-000009?code=" + code);
  EXPECT_EQ(api_wrong.status, 404);
  EXPECT_EQ(api_unknown.status, 404);

  // The office replies; the applicant sees it and downloads the letter.
  const auto key = store::PersonalDataKey::derive_from(std::string(32, '\0'));
  // The web app's secret is random per SiteApp: the use cases need no key to apply events.
  store::DisclosureRequestRepository repo(*s.db, key);
  const auto received = repo.find(tn)->request.received_on;
  store::test::Office office(*s.db, key, s.seed.site, calendar(), received);
  ASSERT_TRUE(office.assign(tn, received, named_department("邵阳市人民政府办公室"), "office", calendar()));
  ASSERT_TRUE(office.reply(tn, received, domain::ReplyOutcome::Disclosed, "", "", "office", calendar(),
                           [](const domain::DisclosureRequest& r) {
                             return store::ReplyLetter{"答复书-" + r.tracking_number + ".html",
                                                       "text/html; charset=utf-8", "<p>予以公开</p>"};
                           }));
  office.add_disclosed_file(tn, "立项批复.pdf", "%PDF-1.4 reply", "application/pdf");
  auto replied = post(s, "/ysqgk/status/", form_encode({{"tracking_number", tn}, {"query_code", code}}));
  public_bodies.push_back(replied.body);
  EXPECT_EQ(field(replied.body, "state"), "已答复");
  EXPECT_EQ(field(replied.body, "outcome"), "（一）予以公开");
  auto letter = post(s, "/ysqgk/status/letter", form_encode({{"tracking_number", tn}, {"query_code", code}}));
  ASSERT_EQ(letter.status, 200);
  EXPECT_NE(letter.header("content-disposition").value_or("").find("attachment"), std::string::npos);
  public_bodies.push_back(letter.body);
  EXPECT_EQ(post(s, "/ysqgk/status/letter", form_encode({{"tracking_number", tn}, {"query_code", "ABCDEFGHJK"}})).status, 404);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(replied.body, m, std::regex(R"re(href="(/ysqgk-files/[0-9a-f]{48}/[^"]+)")re"))) << replied.body.substr(replied.body.find("公开的文件") == std::string::npos ? 0 : replied.body.find("公开的文件"), 600);
  auto file = s.get(m[1]);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, "%PDF-1.4 reply");
  public_bodies.push_back(s.get("/api/v1/requests/" + tn + "?code=" + code).body);
  public_bodies.push_back(s.get("/api/v1/requests/annual-report?year=" + tn.substr(4, 4)).body);
  public_bodies.push_back(s.get("/ysqgk/").body);

  spdlog::default_logger()->flush();
  if (access) access->flush();
  for (const char* secret : {"欧阳测试", "13973955501", "ouyang.test@example.cn", "北塔区某路77号"}) {
    for (const auto& b : public_bodies) EXPECT_EQ(b.find(secret), std::string::npos) << secret;
    EXPECT_EQ(log.str().find(secret), std::string::npos) << secret;
  }
  for (const auto& b : public_bodies) EXPECT_EQ(b.find(kId), std::string::npos);
  EXPECT_EQ(log.str().find(kId), std::string::npos);
  EXPECT_NE(log.str().find(tn), std::string::npos) << "the log does record the tracking number";
  EXPECT_EQ(log.str().find(code), std::string::npos) << "nor the query code";
  auto& sinks = spdlog::default_logger()->sinks();
  sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
  if (access) access->sinks().erase(std::remove(access->sinks().begin(), access->sinks().end(), sink), access->sinks().end());
  spdlog::set_level(spdlog::level::warn);
}

TEST(RequestPages, EachProblemIsNamedAndNothingIsLost) {
  SiteServer s;
  struct Case {
    const char* field;
    const char* value;
    const char* message;
  };
  static const std::string kTooLong(2001, 'a');
  const std::vector<Case> cases = {
      {"name", "", "请填写姓名"},
      {"id_number", "", "请填写证件号码"},
      {"id_number", "430522199003127710", "居民身份证号码不正确"},
      {"address", "", "请填写通信地址"},
      {"phone", "", "请填写联系电话"},
      {"phone", "12345", "联系电话格式不正确"},
      {"email", "not-an-email", "电子邮箱格式不正确"},
      {"postcode", "4220", "邮政编码应为6位数字"},
      {"description", "  ", "请填写所需政府信息的名称或内容描述"},
      // 2001 字 (ASCII here: the old byte count let 6000 of them through).
      {"description", kTooLong.c_str(), "所需政府信息的描述过长，请控制在2000字以内"},
      {"medium", "", "请选择获取信息的载体形式"},
      {"delivery", "fax", "请选择获取信息的方式"},
  };
  for (const auto& c : cases) {
    auto fields = person_fields();
    for (auto& [k, v] : fields)
      if (k == c.field) v = c.value;
    auto r = submit(s, fields, open_form(s));
    EXPECT_EQ(r.status, 400) << c.field;
    EXPECT_NE(r.body.find(c.message), std::string::npos) << c.field << " " << c.message;
    // The summary links to the field; the field is marked invalid and described by its message.
    const std::string f = c.field;
    EXPECT_NE(r.body.find("<a href=\"#f-" + f + "\">"), std::string::npos) << f;
    EXPECT_NE(r.body.find("id=\"f-" + f + "\" name=\"" + f + "\" aria-invalid=\"true\" aria-describedby=\"f-" + f +
                          "-error\""),
              std::string::npos)
        << f;
    EXPECT_TRUE(std::regex_search(r.body, std::regex("id=\"f-" + f + "-error\">[^<]*" + c.message))) << f;
    // The form is shown again with what was typed (the address survives any error but its own).
    if (std::string(c.field) != "address") {
      EXPECT_NE(r.body.find("北塔区某路77号"), std::string::npos) << c.field;
    }
    EXPECT_NE(r.body.find("邵发改〔2024〕12号"), std::string::npos) << c.field;
  }
  // An organisation with a bad credit code.
  std::vector<std::pair<std::string, std::string>> org = {
      {"applicant_kind", "organisation"}, {"org_kind", "legal_service"}, {"org_name", "邵阳某律师事务所"},
      {"credit_code", "31430000MD0001234X"}, {"legal_representative", "李四"}, {"contact_person", "王五"},
      {"contact_phone", "0739-5321234"}, {"org_address", "邵阳市双清区"}, {"description", "某项目环评批复"},
      {"medium", "paper"}, {"delivery", "post"}};
  auto org_form = s.get("/ysqgk/apply/?type=organization");
  auto r = submit(s, org, open_form(s, &org_form));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("统一社会信用代码不正确"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"legal_service\" selected"), std::string::npos);
  org.erase(org.begin() + 1);
  r = submit(s, org, open_form(s));
  EXPECT_NE(r.body.find("请选择法人或其他组织的类型"), std::string::npos);
  // Nothing was registered.
  const auto key = store::PersonalDataKey::derive_from(std::string(32, '\0'));
  EXPECT_TRUE(store::DisclosureRequestRepository(*s.db, key).open_requests(0, calendar(), domain::Date::today()).empty());
}

TEST(RequestPages, TheFormShowsOnlyTheChosenApplicantBlock) {
  SiteServer s;
  // First step: the two types as links, no form fields of either block.
  auto choice = s.get("/ysqgk/apply/");
  ASSERT_EQ(choice.status, 200);
  EXPECT_NE(choice.body.find("href=\"/ysqgk/apply/?type=person\""), std::string::npos);
  EXPECT_NE(choice.body.find("href=\"/ysqgk/apply/?type=organization\""), std::string::npos);
  for (const char* name : {"name=\"name\"", "name=\"org_name\"", "name=\"form_token\""})
    EXPECT_EQ(choice.body.find(name), std::string::npos) << name;
  auto person = s.get("/ysqgk/apply/?type=person");
  EXPECT_NE(person.body.find("name=\"id_number\""), std::string::npos);
  EXPECT_NE(person.body.find("name=\"applicant_kind\" value=\"natural_person\""), std::string::npos);
  for (const char* name : {"name=\"org_name\"", "name=\"credit_code\"", "name=\"legal_representative\""})
    EXPECT_EQ(person.body.find(name), std::string::npos) << name;
  EXPECT_NE(person.body.find("更改申请人类型"), std::string::npos);
  auto org = s.get("/ysqgk/apply/?type=organization");
  EXPECT_NE(org.body.find("name=\"credit_code\""), std::string::npos);
  EXPECT_NE(org.body.find("name=\"applicant_kind\" value=\"organisation\""), std::string::npos);
  for (const char* name : {"name=\"id_number\"", "name=\"name\""})
    EXPECT_EQ(org.body.find(name), std::string::npos) << name;

  // The server reads and checks only the chosen block: an organisation's errors never name
  // the person's fields, and its page again shows only its own block.
  std::vector<std::pair<std::string, std::string>> fields = {
      {"applicant_kind", "organisation"}, {"org_kind", "commercial"}, {"org_name", ""}, {"description", "某项目批复"},
      {"medium", "paper"}, {"delivery", "post"}, {"name", ""}, {"id_number", ""}};
  auto r = submit(s, fields, open_form(s, &org));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("请填写法人或其他组织名称"), std::string::npos);
  for (const char* m : {"请填写姓名", "请填写证件号码"}) EXPECT_EQ(r.body.find(m), std::string::npos) << m;
  EXPECT_EQ(r.body.find("name=\"id_number\""), std::string::npos);
  // The error summary can take the focus (static/site.js moves it there).
  EXPECT_NE(r.body.find("tabindex=\"-1\" id=\"error-summary\" data-focus-on-load"), std::string::npos);
}

// The error summary reads in the form's order (not the order the rules ran), focus goes to
// it (data-focus-on-load), and only the broken fields are marked.
TEST(RequestPages, ErrorSummaryFollowsTheFormOrder) {
  SiteServer s;
  auto fields = person_fields();
  for (auto& [k, v] : fields) {
    if (k == "description") v = "";
    if (k == "name") v = "";
    if (k == "phone") v = "12345";
  }
  auto f = open_form(s);
  f.answer = std::to_string(std::stoi(f.answer) + 1);
  auto r = submit(s, fields, f);
  ASSERT_EQ(r.status, 400);
  std::vector<std::string> order;
  std::regex link(R"re(<li><a href="#f-([a-z_]+)">)re");
  for (auto it = std::sregex_iterator(r.body.begin(), r.body.end(), link); it != std::sregex_iterator(); ++it)
    order.push_back((*it)[1]);
  EXPECT_EQ(order, (std::vector<std::string>{"name", "phone", "description", "challenge_answer"}));
  EXPECT_NE(r.body.find("id=\"error-summary\" data-focus-on-load"), std::string::npos);
  EXPECT_EQ(r.body.find("id=\"f-address\" name=\"address\" aria-invalid"), std::string::npos);
  EXPECT_NE(r.body.find("id=\"f-address\" name=\"address\" value="), std::string::npos);
  EXPECT_NE(r.body.find("id=\"f-challenge_answer\""), std::string::npos);
}

TEST(RequestPages, StatusPageHasNoEmptyRecordHeading) {
  SiteServer s;
  auto receipt = submit(s, person_fields(), open_form(s));
  ASSERT_EQ(receipt.status, 200);
  auto st = post(s, "/ysqgk/status/", form_encode({{"tracking_number", field(receipt.body, "tracking-number")},
                                                   {"query_code", field(receipt.body, "query-code")}}));
  ASSERT_EQ(st.status, 200);
  EXPECT_EQ(st.body.find("办理记录"), std::string::npos) << "a new application has no steps yet";
}

TEST(RequestPages, AntiAbuseRefusals) {
  SiteServer s;
  auto f = open_form(s);
  FormState wrong_answer = f;
  wrong_answer.answer = std::to_string(std::stoi(f.answer) + 1);
  auto r = submit(s, person_fields(), wrong_answer);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("验证问题回答不正确"), std::string::npos);

  FormState no_cookie = open_form(s);
  no_cookie.cookie = "";
  r = submit(s, person_fields(), no_cookie);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("表单校验失败"), std::string::npos);

  FormState other_cookie = open_form(s);
  other_cookie.cookie = open_form(s).cookie;
  EXPECT_EQ(submit(s, person_fields(), other_cookie).status, 400);

  auto bot = person_fields();
  for (auto& [k, v] : bot)
    if (k == "website") v = "http://spam.example";
  r = submit(s, bot, open_form(s));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("提交未通过校验"), std::string::npos);

  FormState forged = open_form(s);
  forged.token = forged.token.substr(0, forged.token.rfind('.') + 1) + std::string(64, '0');
  EXPECT_EQ(submit(s, person_fields(), forged).status, 400);

  // One submission per token.
  FormState once = open_form(s);
  EXPECT_EQ(submit(s, person_fields(), once).status, 200);
  r = submit(s, person_fields(), once);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("请勿重复提交"), std::string::npos);
}

// The form's two hours are counted on the site's clock (WebOptions::clock), like every
// other date: a form left open past them is refused with what to do, and what was typed is
// kept on the page; a fresh form goes through.
TEST(RequestPages, AFormLeftOpenPastTwoHoursIsRefusedOnTheSitesClock) {
  static std::atomic<std::int64_t> now{1772413200};  // 2026-03-02 09:00 北京时间
  SiteServer s(0, false, [](web::WebOptions& o) { o.clock = [] { return now.load(); }; });
  auto f = open_form(s);
  now += 2 * 60 * 60 + 60;
  auto r = submit(s, person_fields(), f);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("表单已超过2小时未提交"), std::string::npos);
  EXPECT_NE(r.body.find("2024年城区道路改造项目的立项批复"), std::string::npos) << "the description is kept";
  r = submit(s, person_fields(), open_form(s));
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("申请已提交"), std::string::npos);
  EXPECT_NE(r.body.find("2026年03月02日"), std::string::npos) << "received on the site's day";
}

// Post/redirect/get (issue 17): the POST answers 303 with the receipt sealed in a one-time
// cookie; the first GET shows the 查询码 and clears it; a refresh shows the number without
// the code and no form, so it never invites a second application. The receipt can be
// downloaded and goes to the e-mail given; the status link pre-fills the number.
TEST(RequestPages, ReceiptIsPostRedirectGetAndKeptByDownloadAndMail) {
  SiteServer s;
  auto raw = submit_raw(s, person_fields(), open_form(s));
  ASSERT_EQ(raw.status, 303) << raw.body;
  const std::string location = raw.header("location").value_or("");
  EXPECT_TRUE(location.starts_with("/ysqgk/apply/receipt/?n=YSQ-")) << location;
  EXPECT_EQ(raw.header("cache-control").value_or(""), "no-store");
  const std::string cookie = receipt_cookie(raw);
  ASSERT_FALSE(cookie.empty());
  bool http_only = false;
  for (const auto& c : raw.all("set-cookie"))
    if (c.starts_with("zwgk_ysqgk_receipt="))
      http_only = c.find("HttpOnly") != std::string::npos && c.find("Path=/ysqgk/") != std::string::npos;
  EXPECT_TRUE(http_only) << "the code is in the cookie: HttpOnly, only for /ysqgk/";
  EXPECT_EQ(cookie.find(kId), std::string::npos);

  auto first = s.get(location, {"Cookie: " + cookie});
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.header("cache-control").value_or(""), "no-store");
  const std::string tn = field(first.body, "tracking-number");
  const std::string code = field(first.body, "query-code");
  EXPECT_EQ(location, "/ysqgk/apply/receipt/?n=" + tn);
  EXPECT_EQ(code.size(), 10u);
  EXPECT_NE(first.body.find("打印回执"), std::string::npos);
  EXPECT_NE(first.body.find("下载回执"), std::string::npos);
  EXPECT_NE(first.body.find("已发送到您填写的电子邮箱"), std::string::npos);
  bool cleared = false;
  for (const auto& c : first.all("set-cookie"))
    cleared = cleared || (c.starts_with("zwgk_ysqgk_receipt=;") && c.find("Max-Age=0") != std::string::npos);
  EXPECT_TRUE(cleared) << "the receipt page clears its cookie";

  // The refresh (the browser dropped the cookie): the number, no code, no form to re-post.
  auto again = s.get(location);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(field(again.body, "tracking-number"), tn);
  EXPECT_EQ(again.body.find("query-code"), std::string::npos);
  EXPECT_EQ(again.body.find(code), std::string::npos);
  EXPECT_NE(again.body.find("无需重新申请"), std::string::npos);
  EXPECT_NE(again.body.find("/ysqgk/status/reset/?n=" + tn), std::string::npos);
  EXPECT_EQ(again.body.find("action=\"/ysqgk/apply/\""), std::string::npos);
  // A tampered cookie or one for another number shows no code either.
  auto tampered = cookie;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  EXPECT_EQ(s.get(location, {"Cookie: " + tampered}).body.find(code), std::string::npos);
  EXPECT_EQ(s.get("/ysqgk/apply/receipt/?n=YSQ-2020-000009", {"Cookie: " + cookie}).body.find(code),
            std::string::npos);
  const auto key = store::PersonalDataKey::derive_from(s.app->options().secret);
  EXPECT_EQ(store::DisclosureRequestRepository(*s.db, key).list(s.seed.site.id, std::nullopt).size(), 1u)
      << "following the redirect registered nothing more";

  // 下载回执: an HTML file with the number and the code; a wrong code gets nothing.
  auto file = post(s, "/ysqgk/status/receipt", form_encode({{"tracking_number", tn}, {"query_code", code}}));
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_NE(file.header("content-disposition").value_or("").find("attachment"), std::string::npos);
  EXPECT_NE(file.header("content-disposition").value_or("").find(tn + ".html"), std::string::npos);
  EXPECT_NE(file.body.find("政府信息公开申请回执"), std::string::npos);
  EXPECT_NE(file.body.find(code), std::string::npos);
  EXPECT_EQ(file.body.find(kId), std::string::npos);
  EXPECT_EQ(file.body.find("欧阳测试"), std::string::npos);
  EXPECT_EQ(post(s, "/ysqgk/status/receipt", form_encode({{"tracking_number", tn}, {"query_code", "ABCDEFGHJK"}})).status,
            404);

  // 办理进度查询 from the receipt: the number filled in.
  auto status = s.get("/ysqgk/status/?n=" + tn);
  EXPECT_NE(status.body.find("name=\"tracking_number\" value=\"" + tn + "\""), std::string::npos);
  EXPECT_NE(status.body.find("找回查询码"), std::string::npos);

  // The receipt mail, with the code, in the outbox.
  std::vector<std::string> kinds;
  for (const auto& e : store::OutboxRepository(*s.db, key).list()) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"ysqgk.receipt"}));
  auto mail = store::OutboxRepository(*s.db, key).claim_next(store::outbox_time(4102444800),
                                                             store::outbox_time(4102444800 - 600));
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->to, "ouyang.test@example.cn");
  EXPECT_NE(mail->subject.find(tn), std::string::npos);
  EXPECT_NE(mail->body.find("查询码：" + code), std::string::npos);
  EXPECT_NE(mail->body.find(s.base_url() + "/ysqgk/status/"), std::string::npos);
  EXPECT_EQ(mail->body.find(kId), std::string::npos);
}

// 找回查询码: the same answer whether or not the number and e-mail match; on a match a new
// code replaces the old one and goes to the applicant's address only; audited.
TEST(RequestPages, LostQueryCodeIsResetToTheApplicantsAddress) {
  SiteServer s;
  auto receipt = submit(s, person_fields(), open_form(s));
  ASSERT_EQ(receipt.status, 200);
  const std::string tn = field(receipt.body, "tracking-number");
  const std::string old_code = field(receipt.body, "query-code");
  const auto key = store::PersonalDataKey::derive_from(s.app->options().secret);
  store::OutboxRepository outbox(*s.db, key);
  const auto mails = [&] { return outbox.list().size(); };
  const std::size_t before = mails();

  auto form = s.get("/ysqgk/status/reset/?n=" + tn);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("value=\"" + tn + "\""), std::string::npos);
  EXPECT_NE(form.body.find("0739-5365203"), std::string::npos) << "the office's phone for those without e-mail";

  auto wrong = post(s, "/ysqgk/status/reset/", form_encode({{"tracking_number", tn}, {"email", "someone@example.cn"}}));
  auto unknown = post(s, "/ysqgk/status/reset/",
                      form_encode({{"tracking_number", "YSQ-2020-000009"}, {"email", "ouyang.test@example.cn"}}));
  auto right = post(s, "/ysqgk/status/reset/",
                    form_encode({{"tracking_number", tn}, {"email", "  Ouyang.Test@Example.cn "}}));
  for (const auto* r : {&wrong, &unknown, &right}) {
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("如果申请编号和电子邮箱与申请时填写的一致"), std::string::npos);
  }
  EXPECT_EQ(visible_text(wrong.body), visible_text(right.body)) << "no enumeration of numbers or addresses";
  EXPECT_EQ(mails(), before + 1) << "only the matching request sends";
  auto bad = post(s, "/ysqgk/status/reset/", form_encode({{"tracking_number", "abc"}, {"email", "x@example.cn"}}));
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("请填写正确的申请编号"), std::string::npos);

  // The new code is in the mail; the old one stops working.
  std::string new_code;
  while (auto m = outbox.claim_next(store::outbox_time(4102444800), store::outbox_time(4102444800 - 600))) {
    if (m->subject.find("新的查询码") == std::string::npos) continue;
    EXPECT_EQ(m->to, "ouyang.test@example.cn");
    std::smatch sm;
    ASSERT_TRUE(std::regex_search(m->body, sm, std::regex("新的查询码：([A-Z0-9]+)")));
    new_code = sm[1];
  }
  ASSERT_EQ(new_code.size(), 10u);
  EXPECT_NE(new_code, old_code);
  EXPECT_EQ(post(s, "/ysqgk/status/", form_encode({{"tracking_number", tn}, {"query_code", old_code}})).status, 404);
  EXPECT_EQ(post(s, "/ysqgk/status/", form_encode({{"tracking_number", tn}, {"query_code", new_code}})).status, 200);
  bool audited = false;
  for (const auto& e : store::AuditLog(*s.db).entries("disclosure_request", tn))
    audited = audited || (e.action == "ysqgk.query_code_reset" && e.object_id == tn && e.actor.username == "public");
  EXPECT_TRUE(audited);
}

TEST(RequestPages, TheAnnualReportCountsAreNotPublic) {
  // Served behind console login (tests/web/request_console_test.cpp).
  SiteServer s;
  EXPECT_EQ(s.get("/api/v1/requests/annual-report?year=2024").status, 404);
}

}  // namespace
}  // namespace zwgk::test
