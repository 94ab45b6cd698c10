// 意见征集 JSON API over the real server, on both backends (docs/api.md "意见征集"): the list
// and one consultation carry only what the public pages show — no draft, no opinion the
// office has not published, no writer's name or phone, the questionnaire's results only once
// it has ended; the phase follows the site's clock; another site's consultation is a 404 in
// Chinese, a bad parameter a 400; /api/v1/openapi.json describes both paths.
#include <gtest/gtest.h>

#include <atomic>

#include <nlohmann/json.hpp>

#include "domain/china_time.hpp"
#include "modules/yjzj/service/consultation_service.hpp"
#include "store/account_repository.hpp"
#include "store/personal_data_key.hpp"
#include "support/holiday_calendar.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

using nlohmann::json;

std::int64_t at(const char* day, int hour = 9) {
  return domain::china_midnight(*domain::Date::parse(day)).time_since_epoch().count() + hour * 3600;
}

std::atomic<std::int64_t> g_now{0};

class ConsultationApiServer : public SiteServer {
 public:
  ConsultationApiServer()
      : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return g_now.load(); }; }),
        key(store::PersonalDataKey::derive_from(app->options().secret)),
        office(caller_of(add_account("publisher", domain::Role::Publisher, std::nullopt, "政务公开办"))) {}
  modules::yjzj::ConsultationService service() {
    return modules::yjzj::ConsultationService(*db, key, calendar(), [] { return g_now.load(); });
  }
  domain::ConsultationDraft rule_draft(const char* title) const {
    domain::ConsultationDraft d;
    d.kind = domain::ConsultationKind::RuleDraft;
    d.title = title;
    d.department_id = seed.department.id;
    d.explanation = "依据《中华人民共和国政府信息公开条例》起草。";
    d.body_html = "<p>第一条 为了规范政府信息公开工作，制定本规定。</p><p>第五条 主动公开的信息应当在20个工作日内公开。</p>";
    d.how_to_send = "电子邮箱：zwgk@example.gov.cn";
    d.starts_on = domain::Date::parse("2026-11-02");
    d.ends_on = domain::Date::parse("2026-11-22");
    d.short_period_reason = "按照省政府要求须于年底前出台";
    return d;
  }
  store::PersonalDataKey key;
  domain::Caller office;
};

struct Consultations {
  std::int64_t open = 0, draft = 0;
};

// A published 规章草案 (20 days, with its reason) with a survey, one published opinion on
// 第五条, one pending and one rejected; and a draft never published.
Consultations make_consultations(ConsultationApiServer& s) {
  Consultations out;
  g_now = at("2026-11-01");
  auto svc = s.service();
  out.open = svc.create(s.office, s.rule_draft("邵阳市政府信息公开工作规定（征求意见稿）"));
  svc.set_survey(s.office, out.open, "单选：您是否赞成将期限缩短为15个工作日？\n赞成\n不赞成\n\n填空：其他建议");
  svc.publish(s.office, out.open);
  out.draft = svc.create(s.office, s.rule_draft("尚未发布的征求意见稿草稿"));
  g_now = at("2026-11-05");
  const auto published = svc.submit_opinion(s.seed.site.id, out.open, {"art-5", "欧阳青山", "13973955501", "建议将20个工作日缩短为15个工作日。"});
  svc.submit_opinion(s.seed.site.id, out.open, {"", "张三", "13973955502", "待审核的意见内容"});
  const auto rejected = svc.submit_opinion(s.seed.site.id, out.open, {"art-1", "钱七", "13973955503", "不予公开的意见内容"});
  svc.moderate(s.office, out.open, published, domain::OpinionState::Published);
  svc.moderate(s.office, out.open, rejected, domain::OpinionState::Rejected);
  const auto questions = store::ConsultationRepository(*s.db, s.key).questions(out.open);
  svc.submit_survey(s.seed.site.id, out.open, {{questions.at(0).id, {0}, ""}, {questions.at(1).id, {}, "填空的答案不公开"}});
  return out;
}

// Nothing the public pages keep back, anywhere in an answer.
void expect_nothing_private(const std::string& body) {
  for (const char* secret : {"欧阳青山", "13973955501", "张三", "待审核的意见内容", "不予公开的意见内容", "尚未发布的征求意见稿草稿",
                             "填空的答案不公开"})
    EXPECT_EQ(body.find(secret), std::string::npos) << secret << " in " << body.substr(0, 3000);
}

TEST(ConsultationApi, TheListFollowsTheClockAndShowsOnlyWhatIsPublic) {
  ConsultationApiServer s;
  const auto c = make_consultations(s);
  const std::string url = "/api/v1/sites/" + s.seed.site.code + "/consultations";
  auto r = http_get(s.port, url);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.header("content-type").value_or("").find("application/json"), std::string::npos);
  expect_nothing_private(r.body);
  auto list = json::parse(r.body);
  ASSERT_EQ(list["total"], 1) << "the draft is not listed";
  const auto& item = list["items"][0];
  EXPECT_EQ(item["id"], c.open);
  EXPECT_EQ(item["kind"]["label"], "规章草案");
  EXPECT_EQ(item["phase"]["code"], "open");
  EXPECT_EQ(item["phase"]["label"], "征集中");
  EXPECT_EQ(item["starts_on"], "2026-11-02");
  EXPECT_EQ(item["ends_on"], "2026-11-22");
  EXPECT_EQ(item["published_opinions"], 1);
  EXPECT_TRUE(item["feedback"].is_null());
  EXPECT_EQ(item["url"].get<std::string>().find("/yjzj/" + std::to_string(c.open) + "/") != std::string::npos, true);
  EXPECT_EQ(json::parse(http_get(s.port, url + "?phase=feedback_published").body)["total"], 0);
  EXPECT_EQ(json::parse(http_get(s.port, url + "?kind=normative_document").body)["total"], 0);
  EXPECT_EQ(json::parse(http_get(s.port, url + "?kind=rule_draft&phase=open").body)["total"], 1);
  EXPECT_EQ(json::parse(http_get(s.port, "/api/v1/sites/" + s.seed.county.code + "/consultations").body)["total"], 0);

  // After the end: 已结束待反馈 with the day the 反馈 is due, the one the public list shows.
  g_now = at("2026-11-23");
  auto ended = json::parse(http_get(s.port, url).body)["items"][0];
  EXPECT_EQ(ended["phase"]["code"], "awaiting_feedback") << "the cached answer expired at midnight";
  ASSERT_TRUE(ended["feedback_due"].is_string());
  EXPECT_NE(s.get("/yjzj/?tab=ended").body.find(ended["feedback_due"].get<std::string>()), std::string::npos);

  // The 反馈 makes it 已反馈 with its figures.
  s.service().publish_feedback(s.office, c.open, {12, 3, 2, 7, "对第五条的意见予以部分采纳。"});
  auto answered = json::parse(http_get(s.port, url + "?phase=feedback_published").body);
  ASSERT_EQ(answered["total"], 1);
  EXPECT_EQ(answered["items"][0]["feedback"]["received"], 12);
  EXPECT_EQ(answered["items"][0]["feedback"]["partly_adopted"], 2);
  EXPECT_EQ(answered["items"][0]["feedback"]["text"], "对第五条的意见予以部分采纳。");
  EXPECT_TRUE(answered["items"][0]["feedback_due"].is_null());
}

TEST(ConsultationApi, OneConsultationAsItsPageShowsIt) {
  ConsultationApiServer s;
  const auto c = make_consultations(s);
  const std::string url = "/api/v1/sites/" + s.seed.site.code + "/consultations/" + std::to_string(c.open);
  auto r = http_get(s.port, url);
  ASSERT_EQ(r.status, 200) << r.body;
  expect_nothing_private(r.body);
  auto one = json::parse(r.body);
  EXPECT_EQ(one["period"]["length"], "20日");
  EXPECT_EQ(one["period"]["minimum"], "30日");
  EXPECT_EQ(one["period"]["short_period_reason"], "按照省政府要求须于年底前出台");
  EXPECT_EQ(one["department"], s.seed.department.name);
  EXPECT_NE(one["body_html"].get<std::string>().find("id=\"art-5\""), std::string::npos);
  ASSERT_EQ(one["articles"].size(), 2u);
  EXPECT_EQ(one["articles"][1]["label"], "第五条");
  EXPECT_EQ(one["articles"][1]["published_opinions"], 1);
  EXPECT_EQ(one["articles"][0]["published_opinions"], 0) << "the rejected opinion on 第一条 does not count";
  ASSERT_EQ(one["opinions"].size(), 1u);
  EXPECT_EQ(one["opinions"][0]["anchor_label"], "第五条");
  EXPECT_EQ(one["opinions"][0]["text"], "建议将20个工作日缩短为15个工作日。");
  EXPECT_FALSE(one["opinions"][0].contains("name"));
  ASSERT_TRUE(one["survey"].is_object());
  EXPECT_EQ(one["survey"]["questions"].size(), 2u);
  EXPECT_TRUE(one["survey"]["results"].is_null()) << "no results while it is open";
  EXPECT_TRUE(one["survey"]["respondents"].is_null());

  g_now = at("2026-11-23");
  auto ended = json::parse(http_get(s.port, url).body);
  EXPECT_EQ(ended["phase"]["code"], "awaiting_feedback");
  ASSERT_TRUE(ended["survey"]["results"].is_array());
  EXPECT_EQ(ended["survey"]["respondents"], 1);
  const auto& choice = ended["survey"]["results"][0];
  EXPECT_EQ(choice["counts"][0]["option"], "赞成");
  EXPECT_EQ(choice["counts"][0]["count"], 1);
  EXPECT_EQ(choice["counts"][1]["count"], 0);
  EXPECT_EQ(ended["survey"]["results"][1]["responses"], 1);
  EXPECT_TRUE(ended["survey"]["results"][1]["counts"].empty()) << "free text: only how many answered";
  expect_nothing_private(http_get(s.port, url).body);
}

TEST(ConsultationApi, UnknownDraftOtherSiteAndBadParameters) {
  ConsultationApiServer s;
  const auto c = make_consultations(s);
  const std::string base = "/api/v1/sites/" + s.seed.site.code + "/consultations";
  auto draft = http_get(s.port, base + "/" + std::to_string(c.draft));
  EXPECT_EQ(draft.status, 404);
  EXPECT_NE(draft.body.find("本网站没有这项意见征集"), std::string::npos) << draft.body;
  expect_nothing_private(draft.body);
  auto other = http_get(s.port, "/api/v1/sites/" + s.seed.county.code + "/consultations/" + std::to_string(c.open));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(http_get(s.port, "/api/v1/sites/nosuchsite/consultations").status, 404);
  auto bad_phase = http_get(s.port, base + "?phase=draft");
  EXPECT_EQ(bad_phase.status, 400);
  EXPECT_NE(json::parse(bad_phase.body)["error"]["message"].get<std::string>().find("参数 phase 无效"), std::string::npos)
      << bad_phase.body;
  auto bad_kind = http_get(s.port, base + "?kind=%E8%8D%89");
  EXPECT_EQ(bad_kind.status, 400);
  EXPECT_NE(bad_kind.body.find("参数 kind 无效"), std::string::npos);
  EXPECT_EQ(http_get(s.port, base + "/abc").status, 400);
  EXPECT_EQ(http_get(s.port, base + "?per_page=1000").status, 400);
  auto openapi = http_get(s.port, "/api/v1/openapi.json");
  ASSERT_EQ(openapi.status, 200);
  const auto doc = json::parse(openapi.body);
  EXPECT_TRUE(doc["paths"].contains("/api/v1/sites/{site}/consultations"));
  EXPECT_TRUE(doc["paths"].contains("/api/v1/sites/{site}/consultations/{id}"));
  EXPECT_TRUE(doc["components"]["schemas"].contains("ConsultationDetail"));
  EXPECT_TRUE(doc["paths"].contains("/api/v1/sites/{site}/consultation-statements"));
}

TEST(ConsultationApi, TheStatementsOfUnitsWithNothingToConsult) {
  ConsultationApiServer s;
  g_now = at("2027-01-05");
  s.service().publish_statement(s.office, {std::nullopt, {2026, 0}, ""});
  const std::string url = "/api/v1/sites/" + s.seed.site.code + "/consultation-statements";
  auto r = json::parse(http_get(s.port, url).body);
  ASSERT_EQ(r["total"], 1);
  EXPECT_EQ(r["items"][0]["unit"], s.seed.site.name) << "the government itself";
  EXPECT_EQ(r["items"][0]["period"], "2026年度");
  EXPECT_TRUE(r["items"][0]["quarter"].is_null());
  EXPECT_EQ(r["items"][0]["text"], "经梳理，本机关2026年度无需要公开征求意见的重大行政决策、规章草案和行政规范性文件事项。");
  EXPECT_EQ(json::parse(http_get(s.port, "/api/v1/sites/" + s.seed.county.code + "/consultation-statements").body)["total"], 0);
}

}  // namespace
}  // namespace zwgk::test
