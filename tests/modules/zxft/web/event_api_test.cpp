// 访谈发布 JSON API over the real server, on both backends (docs/api.md "访谈发布"): the list
// and one event carry only what the public page shows — no draft, no pending or rejected
// question, no asker's name or phone; another site's event is a 404 in Chinese, a bad
// parameter a 400; /api/v1/openapi.json describes both paths.
#include <gtest/gtest.h>

#include <atomic>

#include <nlohmann/json.hpp>

#include "domain/china_time.hpp"
#include "modules/zxft/service/event_service.hpp"
#include "store/account_repository.hpp"
#include "store/personal_data_key.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

using nlohmann::json;

std::int64_t at(const char* day, int hour = 0, int minute = 0) {
  return domain::china_midnight(*domain::Date::parse(day)).time_since_epoch().count() + hour * 3600 + minute * 60;
}

std::atomic<std::int64_t> g_now{0};

class EventApiServer : public SiteServer {
 public:
  EventApiServer()
      : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return g_now.load(); }; }),
        key(store::PersonalDataKey::derive_from(app->options().secret)),
        office(caller_of(add_account("publisher", domain::Role::Publisher, std::nullopt, "新闻办"))) {}
  modules::zxft::EventService service() { return modules::zxft::EventService(*db, key, [] { return g_now.load(); }); }
  domain::EventDraft conference(const char* title) const {
    domain::EventDraft d;
    d.kind = domain::EventKind::PressConference;
    d.title = title;
    d.place = "市政府新闻发布厅";
    d.department_id = seed.department.id;
    d.starts_at = at("2026-12-10", 10);
    d.ends_at = at("2026-12-10", 11);
    d.guests = {{"王五", "市人民政府办公室主任", seed.department.id, "", true}};
    d.policy_ids = {seed.policy_id};
    return d;
  }
  store::PersonalDataKey key;
  domain::Caller office;
};

struct Events {
  std::int64_t ended = 0, draft = 0;
};

// An ended 新闻发布会 with a transcript, one answered, one published, one pending and one
// rejected question; and a draft 在线访谈 never announced.
Events make_events(EventApiServer& s) {
  Events out;
  g_now = at("2026-12-01", 9);
  auto svc = s.service();
  out.ended = svc.create(s.office, s.conference("优化营商环境新闻发布会"));
  svc.step(s.office, out.ended, domain::EventStep::Announce);
  auto draft = s.conference("尚未公布的在线访谈草稿");
  draft.kind = domain::EventKind::OnlineInterview;
  out.draft = svc.create(s.office, draft);
  g_now = at("2026-12-05", 9);
  const auto answered = svc.submit_question(s.seed.site.id, out.ended, {"热心市民", "欧阳青山", "13973955501", "企业开办时间还能再压缩吗？"});
  const auto published = svc.submit_question(s.seed.site.id, out.ended, {"", "李四", "13973955502", "窗口能否延时服务？"});
  svc.submit_question(s.seed.site.id, out.ended, {"路人甲", "张三", "13973955503", "待审核的提问内容"});
  const auto rejected = svc.submit_question(s.seed.site.id, out.ended, {"路人乙", "钱七", "13973955504", "不予公开的提问内容"});
  svc.moderate_question(s.office, out.ended, published, domain::QuestionState::Published);
  svc.moderate_question(s.office, out.ended, rejected, domain::QuestionState::Rejected);
  g_now = at("2026-12-10", 10);
  svc.step(s.office, out.ended, domain::EventStep::Open);
  svc.add_entry(s.office, out.ended, {"主持人", "各位记者朋友，上午好。", std::nullopt});
  svc.add_entry(s.office, out.ended, {"王五", "开办时间已压缩到一个工作日。", answered});
  g_now = at("2026-12-10", 11);
  svc.step(s.office, out.ended, domain::EventStep::Close);
  return out;
}

void expect_private_parts_absent(const std::string& body) {
  for (const char* secret : {"欧阳青山", "13973955501", "李四", "13973955502", "张三", "13973955503", "待审核的提问内容",
                             "不予公开的提问内容", "尚未公布的在线访谈草稿"})
    EXPECT_EQ(body.find(secret), std::string::npos) << secret << " in " << body;
}

TEST(EventApi, TheListShowsThePublicEventsWithCodesAndLabels) {
  EventApiServer s;
  const auto ev = make_events(s);
  const std::string base = "/api/v1/sites/" + s.seed.site.code + "/events";
  auto r = http_get(s.port, base);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.header("content-type").value_or("").find("application/json"), std::string::npos);
  expect_private_parts_absent(r.body);
  const auto j = json::parse(r.body);
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["page"], 1);
  ASSERT_EQ(j["items"].size(), 1u);
  const auto& e = j["items"][0];
  EXPECT_EQ(e["id"], ev.ended);
  EXPECT_EQ(e["title"], "优化营商环境新闻发布会");
  EXPECT_EQ(e["kind"], json({{"code", "press_conference"}, {"label", "新闻发布会"}}));
  EXPECT_EQ(e["state"]["code"], "ended");
  EXPECT_EQ(e["starts_at"], "2026-12-10T10:00:00+08:00");
  EXPECT_EQ(e["url"], s.base_url() + "/zxft/" + std::to_string(ev.ended) + "/");
  EXPECT_EQ(e["guests"][0]["name"], "王五");
  EXPECT_EQ(e["guests"][0]["principal"], true);

  // Filters.
  EXPECT_EQ(json::parse(http_get(s.port, base + "?kind=online_interview").body)["total"], 0);
  EXPECT_EQ(json::parse(http_get(s.port, base + "?kind=press_conference&state=ended").body)["total"], 1);
  EXPECT_EQ(json::parse(http_get(s.port, base + "?state=live").body)["total"], 0);
  EXPECT_EQ(json::parse(http_get(s.port, base + "?page=2").body)["items"].size(), 0u);
  // The county site has none.
  EXPECT_EQ(json::parse(http_get(s.port, "/api/v1/sites/" + s.seed.county.code + "/events").body)["total"], 0);
}

TEST(EventApi, OneEventCarriesItsTranscriptAndOnlyItsPublishedQuestions) {
  EventApiServer s;
  const auto ev = make_events(s);
  auto r = http_get(s.port, "/api/v1/sites/" + s.seed.site.code + "/events/" + std::to_string(ev.ended));
  ASSERT_EQ(r.status, 200) << r.body;
  expect_private_parts_absent(r.body);
  const auto j = json::parse(r.body);
  EXPECT_EQ(j["department"]["id"], s.seed.department.id);
  ASSERT_EQ(j["policies"].size(), 1u);
  EXPECT_EQ(j["policies"][0]["id"], s.seed.policy_id);
  EXPECT_NE(j["policies"][0]["url"].get<std::string>().find(s.base_url()), std::string::npos);
  ASSERT_EQ(j["entries"].size(), 2u);
  EXPECT_EQ(j["entries"][1]["speaker"], "王五");
  EXPECT_EQ(j["entries"][1]["question"]["nickname"], "热心市民");
  EXPECT_EQ(j["entries"][1]["question"]["text"], "企业开办时间还能再压缩吗？");
  EXPECT_EQ(j["entries"][0]["at"], "2026-12-10T10:00:00+08:00");
  ASSERT_EQ(j["questions"].size(), 2u);  // answered + published; never pending or rejected
  for (const auto& q : j["questions"]) {
    EXPECT_TRUE(q["state"]["code"] == "answered" || q["state"]["code"] == "published") << q.dump();
    EXPECT_FALSE(q.contains("phone"));
    EXPECT_FALSE(q.contains("name"));
  }
  EXPECT_TRUE(j["video"].is_null());
  EXPECT_EQ(j["entries_url"], s.base_url() + "/zxft/" + std::to_string(ev.ended) + "/entries.json");
}

TEST(EventApi, DraftsOtherSitesAndBadParameters) {
  EventApiServer s;
  const auto ev = make_events(s);
  const std::string site = "/api/v1/sites/" + s.seed.site.code;
  auto draft = http_get(s.port, site + "/events/" + std::to_string(ev.draft));
  EXPECT_EQ(draft.status, 404);
  expect_private_parts_absent(draft.body);
  EXPECT_EQ(json::parse(draft.body)["error"]["code"], "not_found");
  EXPECT_NE(draft.body.find("活动"), std::string::npos);
  // Another site's event.
  auto other = http_get(s.port, "/api/v1/sites/" + s.seed.county.code + "/events/" + std::to_string(ev.ended));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.body.find("优化营商环境"), std::string::npos);
  EXPECT_EQ(http_get(s.port, "/api/v1/sites/nosuchsite/events").status, 404);
  for (const char* bad : {"?kind=concert", "?state=draft", "?state=cancelled", "?page=0", "?per_page=1000"}) {
    auto r = http_get(s.port, site + "/events" + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "bad_request") << bad;
    EXPECT_NE(r.body.find("参数"), std::string::npos) << r.body;
  }
  EXPECT_EQ(http_get(s.port, site + "/events/abc").status, 400);
}

TEST(EventApi, TheOpenApiDocumentDescribesTheEvents) {
  EventApiServer s;
  auto r = http_get(s.port, "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  const auto j = json::parse(r.body);
  EXPECT_TRUE(j["paths"].contains("/api/v1/sites/{site}/events"));
  EXPECT_TRUE(j["paths"].contains("/api/v1/sites/{site}/events/{id}"));
  EXPECT_TRUE(j["components"]["schemas"].contains("EventDetail"));
}

}  // namespace
}  // namespace zwgk::test
