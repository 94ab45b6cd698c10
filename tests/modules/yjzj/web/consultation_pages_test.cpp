// 意见征集 over the real server, on both backends: the office schedules a 规章草案 in the
// console (20 days refused without a reason, accepted with one, the reason on the public
// page); a citizen's opinion on 第五条 stays off every public page until the office
// publishes it, then shows against its article; bad input gets a 400 in Chinese; the
// questionnaire's results are an SVG chart once it ends; the missing 反馈 is overdue in
// 我的工作; the 反馈 makes it 已反馈 in the list; the writer's phone reaches no public page.
#include <gtest/gtest.h>

#include <atomic>
#include <regex>

#include "domain/china_time.hpp"
#include "modules/yjzj/store/consultation_repository.hpp"
#include "store/account_repository.hpp"
#include "store/personal_data_key.hpp"
#include "web/console/console.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

std::int64_t at(const char* day, int hour = 9) {
  return domain::china_midnight(*domain::Date::parse(day)).time_since_epoch().count() + hour * 3600;
}

std::atomic<std::int64_t> g_now{0};

class ConsultationServer : public SiteServer {
 public:
  ConsultationServer() : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return g_now.load(); }; }) {
    mount_console();
    secret = app->options().secret;  // the public form seals with it, the console opens with it
    add_account("publisher", domain::Role::Publisher, std::nullopt, "政务公开办");
  }
  std::string secret;
};

std::string first_match(const std::string& body, const std::string& re) {
  std::smatch m;
  return std::regex_search(body, m, std::regex(re)) ? std::string(m[1]) : std::string();
}

// A public form's token, its question answered, and its cookie.
struct PublicForm {
  std::string token, answer, cookie;
};
PublicForm public_form(const HttpResult& page, const std::string& cookie_name) {
  PublicForm f;
  f.token = first_match(page.body, R"re(name="form_token" value="([^"]+)")re");
  std::smatch m;
  if (std::regex_search(page.body, m, std::regex(R"re(class="question">(\d+) 加 (\d+) 等于几？)re")))
    f.answer = std::to_string(std::stoi(m[1]) + std::stoi(m[2]));
  f.cookie = cookie_from(page, cookie_name);
  return f;
}

TEST(ConsultationPages, ScheduledOpinionOnArticleFiveModeratedAndTheFeedback) {
  g_now = at("2026-11-01");
  ConsultationServer s;
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_FALSE(office.cookie.empty());
  std::vector<std::pair<std::string, std::string>> fields = {
      {"kind", "rule_draft"},
      {"title", "邵阳市政府信息公开工作规定（征求意见稿）"},
      {"department_id", std::to_string(s.seed.department.id)},
      {"starts_on", "2026-11-02"},
      {"ends_on", "2026-11-22"},
      {"explanation", "依据《中华人民共和国政府信息公开条例》起草。"},
      {"body_html", "<p>第一条 为了规范政府信息公开工作，制定本规定。</p><p>第五条 主动公开的信息应当在20个工作日内公开。</p>"},
      {"how_to_send", "电子邮箱：zwgk@example.gov.cn"},
      {"short_period_reason", ""}};
  auto refused = office.post("/console/consultations/new", fields);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("规章草案的征求意见期限不少于30日，本次为20日"), std::string::npos);
  const auto key = store::PersonalDataKey::derive_from(s.secret);
  EXPECT_TRUE(store::ConsultationRepository(*s.db, key).list(s.seed.site.id, false).empty());
  auto bad_date = fields;
  bad_date[3].second = "十一月二日";
  EXPECT_NE(office.post("/console/consultations/new", bad_date).body.find("开始日期“十一月二日”无法识别"), std::string::npos);

  fields.back().second = "按照省政府要求须于年底前出台";
  auto created = office.post("/console/consultations/new", fields);
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 2000);
  const std::string id = first_match(created.header("location").value_or(""), R"(/console/consultations/(\d+)/)");
  ASSERT_FALSE(id.empty());
  const std::string desk = "/console/consultations/" + id + "/";
  const std::string page = "/yjzj/" + id + "/";
  EXPECT_EQ(s.get(page).status, 404) << "a draft is on no public page";
  ASSERT_EQ(office.post(desk + "survey", {{"survey", "单选：您是否赞成将期限缩短为15个工作日？\n赞成\n不赞成"}}).status, 303);
  ASSERT_EQ(office.post(desk + "publish", {}).status, 303);

  g_now = at("2026-11-05");
  office = ConsoleSession::login(s.port, "publisher", "correct horse");
  auto p = s.get(page);
  ASSERT_EQ(p.status, 200);
  EXPECT_EQ(meta_content(p.body, "ArticleTitle").value_or(""), "邵阳市政府信息公开工作规定（征求意见稿）");
  EXPECT_FALSE(meta_content(p.body, "PubDate").value_or("").empty());
  EXPECT_NE(p.body.find("按照省政府要求须于年底前出台"), std::string::npos) << "the short period's reason is public";
  EXPECT_NE(p.body.find("征集中"), std::string::npos);
  EXPECT_NE(p.body.find("<p id=\"art-5\">第五条"), std::string::npos);
  EXPECT_NE(s.get("/yjzj/").body.find("邵阳市政府信息公开工作规定"), std::string::npos);

  // The opinion form, preselected on 第五条.
  auto form = s.get(page + "opinion?anchor=art-5");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("<option value=\"art-5\" selected>第五条"), std::string::npos);
  auto f = public_form(form, "yjzj_form");
  ASSERT_FALSE(f.token.empty());
  auto send = [&](const std::string& phone, const std::string& anchor) {
    return http_post(s.port, page + "opinion",
                     form_encode({{"form_token", f.token}, {"challenge_answer", f.answer}, {"website", ""},
                                  {"anchor", anchor}, {"name", "欧阳青山"}, {"phone", phone},
                                  {"text", "建议将20个工作日缩短为15个工作日"}}),
                     {"Cookie: " + f.cookie});
  };
  auto bad = send("1234", "art-9");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("联系电话应为11位手机号码"), std::string::npos);
  EXPECT_NE(bad.body.find("所选条款不在征求意见稿中"), std::string::npos);
  auto sent = send("13973955501", "art-5");
  ASSERT_EQ(sent.status, 200) << sent.body.substr(0, 3000);
  EXPECT_NE(sent.body.find("您的意见已提交"), std::string::npos);
  EXPECT_EQ(send("13973955501", "art-5").status, 400) << "the same form is not taken twice";
  EXPECT_EQ(s.get(page).body.find("建议将20个工作日缩短为15个工作日"), std::string::npos) << "a pending opinion is public";

  auto console_page = office.get(desk);
  const std::string oid = first_match(console_page.body, R"re(data-opinion="(\d+)")re");
  ASSERT_FALSE(oid.empty());
  EXPECT_EQ(console_page.body.find("13973955501"), std::string::npos) << "the list shows no phone";
  ASSERT_EQ(office.post(desk + "opinions/" + oid, {{"action", "publish"}}).status, 303);
  auto shown = s.get(page);
  const auto group = shown.body.find("id=\"opinions-art-5\"");
  ASSERT_NE(group, std::string::npos) << "the opinion is shown against its article";
  EXPECT_NE(shown.body.find("对第五条的意见", group), std::string::npos);
  EXPECT_NE(shown.body.find("建议将20个工作日缩短为15个工作日", group), std::string::npos);
  auto writer = office.get(desk + "opinions/" + oid + "/writer");
  EXPECT_NE(writer.body.find("13973955501"), std::string::npos);

  // The questionnaire, answered once; results after the end.
  auto survey = s.get(page + "survey");
  ASSERT_EQ(survey.status, 200);
  auto sf = public_form(survey, "yjzj_survey");
  const std::string qname = first_match(survey.body, R"re(type="radio" name="(q\d+)")re");
  ASSERT_FALSE(qname.empty());
  auto no_choice = http_post(s.port, page + "survey",
                             form_encode({{"form_token", sf.token}, {"challenge_answer", sf.answer}, {"website", ""}}),
                             {"Cookie: " + sf.cookie});
  EXPECT_EQ(no_choice.status, 400);
  EXPECT_NE(no_choice.body.find("第1题请选择一项"), std::string::npos);
  auto answered = http_post(s.port, page + "survey",
                            form_encode({{"form_token", sf.token}, {"challenge_answer", sf.answer}, {"website", ""}, {qname, "0"}}),
                            {"Cookie: " + sf.cookie});
  ASSERT_EQ(answered.status, 200) << answered.body.substr(0, 3000);
  EXPECT_EQ(s.get(page).body.find("<svg"), std::string::npos) << "no results while open";

  // Ended: results as SVG; the 反馈 is due (20 working days: 2026-12-18) and then overdue.
  g_now = at("2026-11-23");
  auto ended = s.get(page);
  EXPECT_NE(ended.body.find("已结束待反馈"), std::string::npos);
  EXPECT_NE(ended.body.find("<svg"), std::string::npos);
  EXPECT_NE(ended.body.find("class=\"bar\""), std::string::npos);
  EXPECT_NE(ended.body.find("赞成"), std::string::npos);
  EXPECT_NE(ended.body.find("2026-12-18 前公布"), std::string::npos);
  EXPECT_NE(s.get("/yjzj/?tab=ended").body.find("邵阳市政府信息公开工作规定"), std::string::npos);
  EXPECT_EQ(s.get("/yjzj/?tab=nonsense").status, 400);

  g_now = at("2026-12-21");
  office = ConsoleSession::login(s.port, "publisher", "correct horse");
  auto work = office.get("/console/");
  const auto section = work.body.find("consultations-work");
  ASSERT_NE(section, std::string::npos) << "我的工作";
  EXPECT_NE(work.body.find("已逾期", section), std::string::npos);
  auto too_many = office.post(desk + "feedback", {{"received", "3"}, {"adopted", "2"}, {"partly_adopted", "1"}, {"not_adopted", "1"}, {"text", "说明"}});
  EXPECT_EQ(too_many.status, 400);
  EXPECT_NE(too_many.body.find("之和不能超过收到的意见条数"), std::string::npos);
  ASSERT_EQ(office.post(desk + "feedback", {{"received", "4"}, {"adopted", "1"}, {"partly_adopted", "1"}, {"not_adopted", "2"},
                                            {"text", "采纳1条；未采纳2条，理由：与上位法规定不一致。"}})
                .status,
            303);
  auto answered_page = s.get(page);
  EXPECT_NE(answered_page.body.find("已反馈"), std::string::npos);
  EXPECT_NE(answered_page.body.find("与上位法规定不一致"), std::string::npos);
  EXPECT_NE(answered_page.body.find("<dd class=\"received\">4条</dd>"), std::string::npos);
  EXPECT_NE(s.get("/yjzj/?tab=answered").body.find("邵阳市政府信息公开工作规定"), std::string::npos);
  EXPECT_EQ(office.get("/console/").body.find("consultations-work"), std::string::npos) << "nothing left to do";
  for (const auto& target : {page, std::string("/yjzj/"), std::string("/yjzj/?tab=answered"), page + "opinion"}) {
    auto r = s.get(target);
    EXPECT_EQ(r.body.find("13973955501"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("欧阳青山"), std::string::npos) << target;
  }
}

TEST(ConsultationPages, AStatementWhenTheUnitHadNothingToConsult) {
  g_now = at("2027-01-05");
  ConsultationServer s;
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_FALSE(office.cookie.empty());
  auto before = s.get("/yjzj/?tab=statements");
  ASSERT_EQ(before.status, 200);
  EXPECT_NE(before.body.find("暂无情况说明"), std::string::npos);
  auto form = office.get("/console/consultations/statements");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("<option value=\"4\" selected>第四季度</option>"), std::string::npos) << "the quarter just ended";
  EXPECT_NE(form.body.find("<option value=\"2026\" selected>2026年</option>"), std::string::npos);
  const std::string dep = std::to_string(s.seed.department.id);
  auto bad = office.post("/console/consultations/statements", {{"department_id", dep}, {"year", "2026"}, {"quarter", "9"}, {"text", ""}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("请选择期间：全年或第一至第四季度"), std::string::npos);
  auto made = office.post("/console/consultations/statements", {{"department_id", dep}, {"year", "2026"}, {"quarter", "4"}, {"text", ""}});
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 1500);
  auto again = office.post("/console/consultations/statements", {{"department_id", dep}, {"year", "2026"}, {"quarter", "4"}, {"text", "重复"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("的情况说明已经发布"), std::string::npos);
  // The public column shows it at once (the cached tab was invalidated), under its own tab.
  auto after = s.get("/yjzj/?tab=statements");
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body.find("经梳理，" + s.seed.department.name + "2026年第四季度无需要公开征求意见的"), std::string::npos);
  EXPECT_NE(s.get("/yjzj/").body.find("情况说明<span class=\"count\">（1）</span>"), std::string::npos);
  EXPECT_EQ(s.get("/yjzj/?tab=nothing").status, 400);
}

}  // namespace
}  // namespace zwgk::test
