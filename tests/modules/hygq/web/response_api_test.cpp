// 回应关切 JSON API over the real server, on both backends (docs/api.md "回应关切"): the list
// is what the public column shows — a linked published document and a response recorded
// elsewhere, under the incident's title, date and level; never a linked draft, never the
// internal summary; another site's incidents are not in a site's list; an unknown site is a
// 404 in Chinese; /api/v1/openapi.json describes the path.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "modules/hygq/service/incident_service.hpp"
#include "store/account_repository.hpp"
#include "store/personal_data_key.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

using nlohmann::json;

const std::int64_t kNow = domain::parse_china_minute("2026-12-02 12:00")->time_since_epoch().count();

class ResponseApiServer : public SiteServer {
 public:
  ResponseApiServer()
      : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return kNow; }; }),
        key(store::PersonalDataKey::derive_from(app->options().secret)),
        office(caller_of(add_account("publisher", domain::Role::Publisher))) {}
  modules::hygq::IncidentService service() { return modules::hygq::IncidentService(*db, key, [] { return kNow; }); }
  store::PersonalDataKey key;
  domain::Caller office;
};

TEST(ResponseApi, TheListIsWhatTheColumnShows) {
  ResponseApiServer s;
  auto svc = s.service();
  const auto id = svc.record(s.office, {"serious", "2026-12-02 08:30", "城南化工厂爆炸事故", "内部研判：死亡人数待核实", s.seed.department.id});
  svc.link_document(s.office, id, s.seed.policy_id);
  svc.link_document(s.office, id, s.seed.draft_id);  // not published: not in the column
  svc.record_response(s.office, id, {"response", "2026-12-02 10:15", "在邵阳日报发布事故处置进展", "https://news.example.cn/a/1"});

  auto r = http_get(s.port, "/api/v1/sites/" + s.seed.site.code + "/responses");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.find("内部研判"), std::string::npos) << "never the internal summary";
  const auto j = json::parse(r.body);
  ASSERT_EQ(j["total"], 2) << r.body;
  bool document = false, recorded = false;
  for (const auto& item : j["items"]) {
    EXPECT_EQ(item["incident"]["id"], id);
    EXPECT_EQ(item["incident"]["title"], "城南化工厂爆炸事故");
    EXPECT_EQ(item["incident"]["date"], "2026-12-02");
    EXPECT_EQ(item["incident"]["level"]["code"], "serious");
    EXPECT_FALSE(item["incident"].contains("summary"));
    EXPECT_FALSE(item["incident"].contains("clocks")) << "the site does not show its clocks";
    EXPECT_NE(item["document_id"], s.seed.draft_id);
    if (item["kind"]["code"] == "document") {
      document = true;
      EXPECT_EQ(item["kind"]["label"], "权威发布");
      EXPECT_EQ(item["document_id"], s.seed.policy_id);
      EXPECT_EQ(item["url"].get<std::string>().rfind(s.base_url(), 0), 0u) << item["url"];
    } else {
      recorded = true;
      EXPECT_EQ(item["kind"], json({{"code", "recorded"}, {"label", "回应"}}));
      EXPECT_EQ(item["title"], "在邵阳日报发布事故处置进展");
      EXPECT_EQ(item["url"], "https://news.example.cn/a/1");
      EXPECT_EQ(item["at"], "2026-12-02T10:15:00+08:00");
    }
  }
  EXPECT_TRUE(document);
  EXPECT_TRUE(recorded);
  // Another site's list does not carry it.
  auto county = http_get(s.port, "/api/v1/sites/" + s.seed.county.code + "/responses");
  ASSERT_EQ(county.status, 200);
  EXPECT_EQ(json::parse(county.body)["total"], 0);
  EXPECT_EQ(county.body.find("城南化工厂"), std::string::npos);
}

TEST(ResponseApi, TheClocksOnlyWhenTheSiteShowsThem) {
  ResponseApiServer s;
  auto svc = s.service();
  const auto id = svc.record(s.office, {"serious", "2026-12-02 08:30", "城南化工厂爆炸事故", "内部摘要", s.seed.department.id});
  svc.record_response(s.office, id, {"release", "2026-12-02 10:15", "在邵阳日报发布事故处置进展", ""});
  const std::string url = "/api/v1/sites/" + s.seed.site.code + "/responses";
  auto off = json::parse(http_get(s.port, url).body);
  ASSERT_EQ(off["total"], 1);
  EXPECT_FALSE(off["items"][0]["incident"].contains("clocks"));
  EXPECT_TRUE(off["items"][0]["url"].is_null());

  domain::Caller admin = s.office;
  admin.account.role = domain::Role::SiteAdmin;
  svc.save_settings(admin, {domain::format_clock_rules(domain::default_clock_rules()), "60", true, ""});
  auto r = http_get(s.port, url);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("内部摘要"), std::string::npos);
  const auto on = json::parse(r.body);
  const auto& clocks = on["items"][0]["incident"]["clocks"];
  ASSERT_FALSE(clocks.empty()) << r.body;
  bool met = false;
  for (const auto& c : clocks) {
    EXPECT_TRUE(c["clock"].contains("code"));
    EXPECT_FALSE(c["text"].get<std::string>().empty());
    if (c["clock"]["code"] == "release") {
      met = !c["met_at"].is_null();
      EXPECT_EQ(c["text"], "提前3小时15分完成");
    } else {
      EXPECT_EQ(c["text"], "进行中，截止 2026-12-03 08:30") << "the 24-hour press conference, no countdown";
    }
  }
  EXPECT_TRUE(met) << r.body;
}

TEST(ResponseApi, UnknownSiteAndTheOpenApiDocument) {
  ResponseApiServer s;
  auto r = http_get(s.port, "/api/v1/sites/nosuchsite/responses");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "not_found");
  EXPECT_NE(r.body.find("站点不存在"), std::string::npos);
  const auto j = json::parse(http_get(s.port, "/api/v1/openapi.json").body);
  EXPECT_TRUE(j["paths"].contains("/api/v1/sites/{site}/responses"));
}

}  // namespace
}  // namespace zwgk::test
