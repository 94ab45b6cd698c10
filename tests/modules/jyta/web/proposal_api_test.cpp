// 建议提案办理 JSON API over the real server, on both backends (docs/api.md "建议提案办理"):
// the list with its filters, one item with its answer as the public page shows it (in full;
// withheld: the reason and never the text; unanswered: no answer), the statistics equal to
// what the public statistics page computes; no deputy's phone in any answer; another site's
// item is a 404 in Chinese, a bad parameter a 400; /api/v1/openapi.json describes the paths.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "modules/jyta/service/proposal_service.hpp"
#include "modules/jyta/store/proposal_repository.hpp"
#include "modules/jyta/web/proposal_views.hpp"
#include "modules/jyta/xlsx_sheet.hpp"
#include "store/account_repository.hpp"
#include "store/department_repository.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

using nlohmann::json;

constexpr const char* kAnswer = "经研究，市政府已将老旧小区改造列入2026年民生实事项目，年内完成改造120个小区。";
constexpr const char* kWithheldAnswer = "公交线网调整方案涉及尚未公开的内部研究内容。";

class ProposalApiServer : public SiteServer {
 public:
  ProposalApiServer()
      : SiteServer(0, false, [](web::WebOptions& o) {
          const long long t = (domain::Date::parse("2026-07-01")->days().time_since_epoch().count()) * 86400LL + 4 * 3600;
          o.clock = [t] { return t; };
        }) {
    domain::Department t;
    t.site_id = seed.site.id;
    t.name = "邵阳市交通运输局";
    t.short_name = "市交通局";
    transport = store::DepartmentRepository(*db).save(t);
    office = make("publisher", domain::Role::Publisher, std::nullopt);
    editor = make("editor", domain::Role::DepartmentEditor, seed.department.id);
    transport_editor = make("transport_editor", domain::Role::DepartmentEditor, transport.id);
  }
  domain::Caller make(const std::string& u, domain::Role r, std::optional<std::int64_t> dep) {
    return caller_of(add_account(u, r, dep));
  }
  modules::jyta::ProposalService at(const char* day) { return modules::jyta::ProposalService(*db, *domain::Date::parse(day)); }
  std::int64_t id_of(const std::string& number) {
    for (const auto& p : store::ProposalRepository(*db).of_year(seed.site.id, 0))
      if (p.number == number) return p.id;
    return 0;
  }
  domain::Department transport;
  domain::Caller office, editor, transport_editor;
};

struct Items {
  std::int64_t full = 0, withheld = 0, open = 0;
};

// 建议第123号 answered in full (A), 提案第7号 answered and withheld, 建议第124号 not answered.
Items make_items(ProposalApiServer& s) {
  s.at("2026-03-20").import_xlsx(
      s.office, xlsx_of({proposal_header(),
                         {"人大代表建议", "十七届", "三次会议", "#123", "关于加快老旧小区改造的建议", "张三", "王五、赵六", "市政府办",
                          "邵阳市交通运输局", "2026-03-10", "13973950000"},
                         {"政协委员提案", "十二届", "三次会议", "#7", "关于完善公交线网的提案", "李四", "", "市交通局", "",
                          "2026-03-10", "13973950001"},
                         {"人大代表建议", "十七届", "三次会议", "#124", "关于增设社区养老服务站的建议", "孙八", "", "市政府办", "",
                          "2026-03-10", "13973950002"}}));
  Items out{s.id_of("123"), s.id_of("7"), s.id_of("124")};
  domain::ProposalAnswer a;
  a.text = kAnswer;
  a.answered_on = domain::Date::parse("2026-05-20");
  a.result_class = domain::ResultClass::A;
  s.at("2026-05-20").record_answer(s.editor, out.full, a);
  a.text = kWithheldAnswer;
  a.result_class = domain::ResultClass::B;
  s.at("2026-05-20").record_answer(s.transport_editor, out.withheld, a);
  modules::jyta::PublicationInput withhold;
  withhold.publication = domain::ProposalPublication::Withheld;
  withhold.ground = domain::ReplyOutcome::StateSecret;
  withhold.reason = "答复涉及尚在研究的事项";
  s.at("2026-05-21").set_publication(s.office, out.withheld, withhold);
  return out;
}

void expect_private_parts_absent(const std::string& body) {
  for (const char* secret : {"13973950000", "13973950001", "13973950002", kWithheldAnswer})
    EXPECT_EQ(body.find(secret), std::string::npos) << secret << " in " << body;
}

TEST(ProposalApi, TheListAndItsFilters) {
  ProposalApiServer s;
  const auto items = make_items(s);
  const std::string base = "/api/v1/sites/" + s.seed.site.code + "/proposals";
  auto r = http_get(s.port, base);
  ASSERT_EQ(r.status, 200) << r.body;
  expect_private_parts_absent(r.body);
  EXPECT_EQ(r.body.find(kAnswer), std::string::npos) << "the list carries no answer text";
  auto j = json::parse(r.body);
  EXPECT_EQ(j["total"], 3);
  bool seen = false;
  for (const auto& p : j["items"]) {
    if (p["id"] != items.full) continue;
    seen = true;
    EXPECT_EQ(p["kind"], json({{"code", "suggestion"}, {"label", "人大代表建议"}}));
    EXPECT_EQ(p["number"], "建议第123号");
    EXPECT_EQ(p["session"], "十七届人大三次会议");
    EXPECT_EQ(p["unit"]["id"], s.seed.department.id);
    EXPECT_EQ(p["category"]["code"], "A");
    EXPECT_EQ(p["answered_on"], "2026-05-20");
    EXPECT_EQ(p["answered_on_time"], true);
    EXPECT_EQ(p["publication"]["code"], "full");
    EXPECT_EQ(p["url"], s.base_url() + "/jyta/" + std::to_string(items.full) + "/");
  }
  EXPECT_TRUE(seen);
  EXPECT_EQ(json::parse(http_get(s.port, base + "?category=A").body)["total"], 1);
  EXPECT_EQ(json::parse(http_get(s.port, base + "?category=B").body)["items"][0]["id"], items.withheld);
  EXPECT_EQ(json::parse(http_get(s.port, base + "?unit=" + std::to_string(s.transport.id)).body)["total"], 1);
  EXPECT_EQ(json::parse(http_get(s.port, base + "?type=proposal").body)["total"], 1);
  EXPECT_EQ(json::parse(http_get(s.port, base + "?year=2025").body)["total"], 0);
  EXPECT_EQ(json::parse(http_get(s.port, base + "?q=%E5%85%BB%E8%80%81").body)["items"][0]["id"], items.open);  // 养老
  EXPECT_EQ(json::parse(http_get(s.port, "/api/v1/sites/" + s.seed.county.code + "/proposals").body)["total"], 0);
}

TEST(ProposalApi, OneItemShowsItsAnswerAsThePublicPageDoes) {
  ProposalApiServer s;
  const auto items = make_items(s);
  const std::string base = "/api/v1/sites/" + s.seed.site.code + "/proposals/";
  auto full = http_get(s.port, base + std::to_string(items.full));
  ASSERT_EQ(full.status, 200) << full.body;
  expect_private_parts_absent(full.body);
  auto j = json::parse(full.body);
  EXPECT_EQ(j["answer"]["publication"]["code"], "full");
  EXPECT_EQ(j["answer"]["text"], kAnswer);
  EXPECT_TRUE(j["answer"]["withheld_reason"].is_null());

  auto withheld = http_get(s.port, base + std::to_string(items.withheld));
  ASSERT_EQ(withheld.status, 200);
  expect_private_parts_absent(withheld.body);
  j = json::parse(withheld.body);
  EXPECT_EQ(j["answer"]["publication"]["code"], "withheld");
  EXPECT_TRUE(j["answer"]["text"].is_null());
  EXPECT_NE(j["answer"]["withheld_reason"].get<std::string>().find("答复涉及尚在研究的事项"), std::string::npos);

  auto open = http_get(s.port, base + std::to_string(items.open));
  ASSERT_EQ(open.status, 200);
  j = json::parse(open.body);
  EXPECT_TRUE(j["answer"].is_null());
  EXPECT_TRUE(j["answered_on"].is_null());
}

TEST(ProposalApi, TheStatisticsAreThoseOfThePublicPage) {
  ProposalApiServer s;
  make_items(s);
  auto r = http_get(s.port, "/api/v1/sites/" + s.seed.site.code + "/proposals/statistics?year=2026");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = json::parse(r.body);
  const auto expected = web::proposal_figures(*s.db, s.seed.site.id, 2026, *domain::Date::parse("2026-07-01"));
  EXPECT_EQ(j["year"], 2026);
  ASSERT_EQ(j["units"].size(), expected.statistics.units.size());
  for (std::size_t i = 0; i < expected.statistics.units.size(); ++i) {
    const auto& u = expected.statistics.units[i];
    EXPECT_EQ(j["units"][i]["unit"], u.unit);
    EXPECT_EQ(j["units"][i]["received"], u.received);
    EXPECT_EQ(j["units"][i]["answered_on_time"], u.answered_on_time);
    EXPECT_EQ(j["units"][i]["published"], u.published);
    EXPECT_EQ(j["units"][i]["a"], u.a);
  }
  EXPECT_EQ(j["total"]["received"], 3);
  EXPECT_EQ(j["total"]["answered"], 2);
  EXPECT_EQ(j["total"]["published"], 1);  // the withheld answer is not published
  EXPECT_EQ(j["total"]["a"], 1);
  EXPECT_EQ(j["total"]["b"], 1);
  // Without a year: the latest year with items, as the page.
  EXPECT_EQ(json::parse(http_get(s.port, "/api/v1/sites/" + s.seed.site.code + "/proposals/statistics").body)["year"], 2026);
}

TEST(ProposalApi, OtherSitesAndBadParameters) {
  ProposalApiServer s;
  const auto items = make_items(s);
  const std::string site = "/api/v1/sites/" + s.seed.site.code;
  auto other = http_get(s.port, "/api/v1/sites/" + s.seed.county.code + "/proposals/" + std::to_string(items.full));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(json::parse(other.body)["error"]["code"], "not_found");
  EXPECT_NE(other.body.find("建议提案"), std::string::npos);
  EXPECT_EQ(other.body.find(kAnswer), std::string::npos);
  EXPECT_EQ(http_get(s.port, site + "/proposals/999999").status, 404);
  EXPECT_EQ(http_get(s.port, "/api/v1/sites/nosuchsite/proposals").status, 404);
  for (const std::string bad : {"/proposals?category=D", "/proposals?type=letter", "/proposals?year=26", "/proposals?unit=abc",
                                "/proposals?unit=999999", "/proposals?page=0", "/proposals/statistics?year=abcd",
                                "/proposals/abc"}) {
    auto r = http_get(s.port, site + bad);
    EXPECT_EQ(r.status, 400) << bad << " " << r.body;
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "bad_request") << bad;
  }
}

TEST(ProposalApi, TheOpenApiDocumentDescribesTheProposals) {
  ProposalApiServer s;
  const auto j = json::parse(http_get(s.port, "/api/v1/openapi.json").body);
  for (const char* p : {"/api/v1/sites/{site}/proposals", "/api/v1/sites/{site}/proposals/{id}", "/api/v1/sites/{site}/proposals/statistics"})
    EXPECT_TRUE(j["paths"].contains(p)) << p;
}

}  // namespace
}  // namespace zwgk::test
