// The JSON API over a real server and database: every field, pagination, filters, the
// error envelope for every bad parameter, drafts and withdrawn documents, caching.
#include <gtest/gtest.h>

#include "store/blob_store.hpp"
#include "web/api_fixture.hpp"

namespace zwgk::web::test {
namespace {

using nlohmann::json;

class ApiRoutes : public ApiServerTest {
 protected:
  void SetUp() override {
    ApiServerTest::SetUp();
    city = add_site("shaoyang", "邵阳市人民政府", "");
    county = add_site("xinshao", "新邵县人民政府", "/xinshao");
    office = add_department(city, "邵阳市人民政府办公室");
    finance = add_department(city, "邵阳市财政局");
    policy = add_node(city, "zcwj", "政策文件", std::nullopt, 0);
    normative = add_node(city, "gfxwj", "规范性文件", policy.id, 0);
    plans = add_node(city, "ghjh", "规划计划", std::nullopt, 1);
    county_node = add_node(county, "tzgg", "通知公告");
  }

  domain::Site city, county;
  domain::Department office, finance;
  domain::CatalogueNode policy, normative, plans, county_node;
};

TEST_F(ApiRoutes, ListsSitesWithTheirIdentity) {
  start();
  const auto j = get_json("/api/v1/sites");
  EXPECT_EQ(j["total"], 2);
  ASSERT_EQ(j["items"].size(), 2u);
  const auto& s = j["items"][0];
  EXPECT_EQ(s["code"], "shaoyang");
  EXPECT_EQ(s["name"], "邵阳市人民政府");
  EXPECT_EQ(s["url"], "http://zwgk.test/");
  EXPECT_EQ(s["sponsor"], "邵阳市人民政府办公室");
  EXPECT_EQ(s["phone"], "0739-5363114");
  EXPECT_EQ(s["site_id_code"], "4305000001");
  EXPECT_EQ(s["icp_record"], "湘ICP备05003342号");
  EXPECT_EQ(s["police_record"], "湘公网安备 43050202000123号");
  EXPECT_EQ(s["domain"], "shaoyang.gov.cn");
  EXPECT_EQ(j["items"][1]["url"], "http://zwgk.test/xinshao/");
}

TEST_F(ApiRoutes, CatalogueIsANestedTree) {
  start();
  const auto j = get_json("/api/v1/sites/shaoyang/catalogue");
  EXPECT_EQ(j["site"], "shaoyang");
  ASSERT_EQ(j["items"].size(), 2u);
  const auto& root = j["items"][0];
  EXPECT_EQ(root["code"], "zcwj");
  EXPECT_EQ(root["name"], "政策文件");
  EXPECT_EQ(root["description"], "政策文件的说明");
  EXPECT_EQ(root["url"], "http://zwgk.test/xxgk/zcwj/");
  ASSERT_EQ(root["children"].size(), 1u);
  EXPECT_EQ(root["children"][0]["code"], "gfxwj");
  EXPECT_EQ(root["children"][0]["url"], "http://zwgk.test/xxgk/gfxwj/");
  EXPECT_TRUE(root["children"][0]["children"].empty());
  EXPECT_EQ(j["items"][1]["code"], "ghjh");

  const auto county_tree = get_json("/api/v1/sites/xinshao/catalogue");
  ASSERT_EQ(county_tree["items"].size(), 1u);
  EXPECT_EQ(county_tree["items"][0]["url"], "http://zwgk.test/xinshao/xxgk/tzgg/");
}

TEST_F(ApiRoutes, UnknownSiteIsA404Envelope) {
  start();
  expect_envelope(get_json("/api/v1/sites/nosuch/catalogue", 404), "not_found");
  expect_envelope(get_json("/api/v1/sites/nosuch/documents", 404), "not_found");
  expect_envelope(get_json("/api/v1/nosuch", 404), "not_found");
  expect_envelope(get_json("/api/v2/sites", 404), "not_found");
}

TEST_F(ApiRoutes, DocumentShowsEveryMetadataField) {
  const auto sha = store::BlobStore(*db).put("%PDF-1.4 test", "application/pdf");
  auto d = make_document(city, normative, office, "邵阳市人民政府办公室关于印发《2017年邵阳市政务公开工作要点》的通知",
                         "2017-05-02");
  d.doc_number = "邵政办发〔2017〕12号";
  d.issuer = "邵阳市人民政府办公室";
  d.written_on = domain::Date::parse("2017-04-28");
  d.effective_on = domain::Date::parse("2017-05-02");
  d.expires_on = domain::Date::parse("2099-12-31");
  d.topic = "综合政务";
  d.summary = "2017年政务公开工作要点";
  d.body_html = "<p>各县市区人民政府……</p>";
  d.attachments.push_back({0, "附件1 要点.pdf", sha, "application/pdf", 13, 0});
  const auto id = publish(d);
  auto interp = make_document(city, normative, office, "《2017年邵阳市政务公开工作要点》解读", "2017-05-03");
  interp.kind = domain::DocumentKind::Interpretation;
  interp.interprets_id = id;
  const auto interp_id = publish(interp);
  start();

  const auto j = get_json("/api/v1/documents/" + std::to_string(id));
  EXPECT_EQ(j["id"], id);
  EXPECT_EQ(j["url"], "http://zwgk.test/content/" + std::to_string(id) + ".html");
  EXPECT_EQ(j["site"]["code"], "shaoyang");
  EXPECT_EQ(j["title"], "邵阳市人民政府办公室关于印发《2017年邵阳市政务公开工作要点》的通知");
  EXPECT_EQ(j["doc_number"], "邵政办发〔2017〕12号");
  EXPECT_EQ(j["index_number"].get<std::string>().rfind(std::string(kCreditCode) + "/2017-", 0), 0u) << j["index_number"];
  EXPECT_EQ(j["catalogue"], (json{{"code", "gfxwj"}, {"name", "规范性文件"}}));
  EXPECT_EQ(j["department"], (json{{"id", office.id}, {"name", "邵阳市人民政府办公室"}}));
  EXPECT_EQ(j["issuer"], "邵阳市人民政府办公室");
  EXPECT_EQ(j["written_on"], "2017-04-28");
  EXPECT_EQ(j["published_on"], "2017-05-02");
  EXPECT_EQ(j["disclosure"], "主动公开");
  EXPECT_EQ(j["effective_on"], "2017-05-02");
  EXPECT_EQ(j["expires_on"], "2099-12-31");
  EXPECT_TRUE(j["repealed_on"].is_null());
  EXPECT_EQ(j["validity"], "有效");
  EXPECT_EQ(j["topic"], "综合政务");
  EXPECT_EQ(j["summary"], "2017年政务公开工作要点");
  EXPECT_EQ(j["kind"], "document");
  EXPECT_EQ(j["state"], "published");
  EXPECT_EQ(j["body_html"], "<p>各县市区人民政府……</p>");
  ASSERT_EQ(j["attachments"].size(), 1u);
  const auto& a = j["attachments"][0];
  EXPECT_EQ(a["file_name"], "附件1 要点.pdf");
  EXPECT_EQ(a["url"], "http://zwgk.test/attachments/" + sha + "/%E9%99%84%E4%BB%B61%20%E8%A6%81%E7%82%B9.pdf");
  EXPECT_EQ(a["size"], 13);
  EXPECT_EQ(a["media_type"], "application/pdf");
  EXPECT_EQ(a["sha256"], sha);
  EXPECT_TRUE(j["interprets"].is_null());
  ASSERT_EQ(j["interpretations"].size(), 1u);
  EXPECT_EQ(j["interpretations"][0],
            (json{{"id", interp_id},
                  {"url", "http://zwgk.test/content/" + std::to_string(interp_id) + ".html"},
                  {"title", "《2017年邵阳市政务公开工作要点》解读"}}));

  const auto i = get_json("/api/v1/documents/" + std::to_string(interp_id));
  EXPECT_EQ(i["kind"], "interpretation");
  EXPECT_EQ(i["interprets"]["id"], id);
  EXPECT_EQ(i["interprets"]["url"], j["url"]);
  EXPECT_EQ(i["interprets"]["title"], j["title"]);
  EXPECT_TRUE(i["interpretations"].empty());
  EXPECT_TRUE(i["expires_on"].is_null());
}

TEST_F(ApiRoutes, ValidityLabelsFollowTheDates) {
  auto repealed = make_document(city, plans, office, "已废止的规划", "2015-01-01");
  repealed.repealed_on = domain::Date::parse("2016-01-01");
  const auto id = publish(repealed);
  start();
  const auto j = get_json("/api/v1/documents/" + std::to_string(id));
  EXPECT_EQ(j["validity"], "废止");
  EXPECT_EQ(j["repealed_on"], "2016-01-01");
}

TEST_F(ApiRoutes, DraftsDoNotExistAndWithdrawnDocumentsLoseTheirContent) {
  const auto draft = save_draft(make_document(city, plans, office, "草稿文件", "2017-06-01"));
  auto w = make_document(city, plans, office, "撤回的文件", "2017-06-02");
  w.body_html = "<p>不应再显示</p>";
  const auto withdrawn = publish(w);
  store::DocumentRepository(*db).withdraw(withdrawn);
  start();

  expect_envelope(get_json("/api/v1/documents/" + std::to_string(draft), 404), "not_found");
  const auto j = get_json("/api/v1/documents/" + std::to_string(withdrawn));
  EXPECT_EQ(j["state"], "withdrawn");
  EXPECT_EQ(j["title"], "撤回的文件");
  EXPECT_TRUE(j["body_html"].is_null());
  EXPECT_TRUE(j["attachments"].empty());
  EXPECT_EQ(get(("/api/v1/documents/" + std::to_string(withdrawn))).body.find("不应再显示"), std::string::npos);

  const auto list = get_json("/api/v1/sites/shaoyang/documents");
  EXPECT_EQ(list["total"], 0);  // neither the draft nor the withdrawn document is listed
  EXPECT_TRUE(list["items"].empty());
}

TEST_F(ApiRoutes, UnknownAndMalformedIds) {
  start();
  expect_envelope(get_json("/api/v1/documents/999999", 404), "not_found");
  expect_envelope(get_json("/api/v1/documents/abc", 400), "bad_request", "参数 id");
  expect_envelope(get_json("/api/v1/documents/-1", 400), "bad_request", "参数 id");
  expect_envelope(get_json("/api/v1/documents/0", 400), "bad_request", "参数 id");
  expect_envelope(get_json("/api/v1/documents/99999999999999999999999", 400), "bad_request", "参数 id");
}

TEST_F(ApiRoutes, ListsPageNewestFirst) {
  for (int i = 1; i <= 25; ++i) {
    char date[32];  // room for any int: -O1 -Wformat-truncation
    std::snprintf(date, sizeof date, "2017-03-%02d", i);
    publish(make_document(city, plans, office, "文件" + std::to_string(i), date));
  }
  save_draft(make_document(city, plans, office, "草稿", "2017-12-31"));
  start();

  auto j = get_json("/api/v1/sites/shaoyang/documents");
  EXPECT_EQ(j["total"], 25);
  EXPECT_EQ(j["page"], 1);
  EXPECT_EQ(j["per_page"], 20);
  ASSERT_EQ(j["items"].size(), 20u);
  EXPECT_EQ(j["items"][0]["title"], "文件25");
  EXPECT_EQ(j["items"][0]["published_on"], "2017-03-25");
  EXPECT_EQ(j["items"][19]["title"], "文件6");
  // A list item carries the metadata, not the body.
  EXPECT_EQ(j["items"][0]["catalogue"]["code"], "ghjh");
  EXPECT_EQ(j["items"][0]["department"]["name"], "邵阳市人民政府办公室");
  EXPECT_EQ(j["items"][0]["disclosure"], "主动公开");
  EXPECT_FALSE(j["items"][0].contains("body_html"));

  j = get_json("/api/v1/sites/shaoyang/documents?page=3&per_page=10");
  EXPECT_EQ(j["total"], 25);
  EXPECT_EQ(j["page"], 3);
  EXPECT_EQ(j["per_page"], 10);
  ASSERT_EQ(j["items"].size(), 5u);
  EXPECT_EQ(j["items"][4]["title"], "文件1");

  j = get_json("/api/v1/sites/shaoyang/documents?page=4&per_page=10");
  EXPECT_EQ(j["total"], 25);
  EXPECT_TRUE(j["items"].empty());

  j = get_json("/api/v1/sites/shaoyang/documents?per_page=100&page=");
  EXPECT_EQ(j["items"].size(), 25u);
  EXPECT_EQ(get_json("/api/v1/sites/xinshao/documents")["total"], 0);
}

TEST_F(ApiRoutes, FiltersByCatalogueDepartmentAndYear) {
  publish(make_document(city, policy, office, "政策A", "2016-01-10"));
  publish(make_document(city, normative, finance, "规范B", "2017-02-10"));
  publish(make_document(city, normative, office, "规范C", "2017-03-10"));
  publish(make_document(city, plans, finance, "规划D", "2017-04-10"));
  publish(make_document(county, county_node, add_department(county, "新邵县政府办"), "县E", "2017-05-10"));
  start();

  auto titles = [&](const std::string& query) {
    std::vector<std::string> out;
    const auto j = get_json("/api/v1/sites/shaoyang/documents" + query);
    for (const auto& item : j["items"]) out.push_back(item["title"]);
    EXPECT_EQ(j["total"].get<std::size_t>(), out.size()) << query;
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(titles(""), (V{"规划D", "规范C", "规范B", "政策A"}));
  EXPECT_EQ(titles("?catalogue=zcwj"), (V{"规范C", "规范B", "政策A"}));  // with descendants
  EXPECT_EQ(titles("?catalogue=gfxwj"), (V{"规范C", "规范B"}));
  EXPECT_EQ(titles("?department=" + std::to_string(finance.id)), (V{"规划D", "规范B"}));
  EXPECT_EQ(titles("?year=2017"), (V{"规划D", "规范C", "规范B"}));
  EXPECT_EQ(titles("?year=2016"), (V{"政策A"}));
  EXPECT_EQ(titles("?year=2015"), V{});
  EXPECT_EQ(titles("?catalogue=zcwj&department=" + std::to_string(office.id) + "&year=2017"), (V{"规范C"}));
  EXPECT_EQ(titles("?catalogue=&department=&year="), (V{"规划D", "规范C", "规范B", "政策A"}));
}

TEST_F(ApiRoutes, EveryBadParameterIsA400NamingIt) {
  start();
  const auto other_dep = add_department(county, "新邵县政府办");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"page=-1", "参数 page"},
      {"page=abc", "参数 page"},
      {"page=0", "参数 page"},
      {"page=1.5", "参数 page"},
      {"per_page=0", "参数 per_page"},
      {"per_page=1000", "参数 per_page"},
      {"per_page=101", "参数 per_page"},
      {"per_page=x", "参数 per_page"},
      {"year=abc", "参数 year"},
      {"year=17", "参数 year"},
      {"department=x", "参数 department"},
      {"department=-3", "参数 department"},
      {"department=999999", "参数 department"},
      {"department=" + std::to_string(other_dep.id), "参数 department"},  // another site's department
      {"catalogue=nosuch", "参数 catalogue"},
      {"catalogue=tzgg", "参数 catalogue"},                              // another site's node
      {"catalogue=%3Cscript%3E", "参数 catalogue"},
  };
  for (const auto& [query, mention] : cases) {
    SCOPED_TRACE(query);
    const auto r = get("/api/v1/sites/shaoyang/documents?" + query);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.header("content-type").value_or(""), "application/json; charset=utf-8");
    expect_envelope(json::parse(r.body), "bad_request", mention);
  }
}

TEST_F(ApiRoutes, WritesAreRefusedWithTheEnvelope) {
  start();
  for (const char* method : {"POST", "PUT", "DELETE"}) {
    const auto r = http_get(port, "/api/v1/sites", {}, method);
    EXPECT_EQ(r.status, 405) << method;
    EXPECT_EQ(r.header("allow").value_or(""), "GET, HEAD");
    expect_envelope(json::parse(r.body), "method_not_allowed");
  }
  const auto head = http_get(port, "/api/v1/sites", {}, "HEAD");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

TEST_F(ApiRoutes, AnyOriginMayRead) {
  start();
  EXPECT_EQ(get("/api/v1/sites").header("access-control-allow-origin").value_or(""), "*");
  EXPECT_EQ(get("/api/v1/documents/77").header("access-control-allow-origin").value_or(""), "*");
}

TEST_F(ApiRoutes, OpenApiIsValidJsonWithThePaths) {
  start();
  const auto j = get_json("/api/v1/openapi.json");
  EXPECT_EQ(j["openapi"].get<std::string>().substr(0, 2), "3.");
  EXPECT_EQ(j["servers"][0]["url"], "http://zwgk.test");
  for (const char* p : {"/api/v1/sites", "/api/v1/sites/{site}/catalogue", "/api/v1/sites/{site}/documents",
                        "/api/v1/documents/{id}"}) {
    EXPECT_TRUE(j["paths"].contains(p)) << p;
  }
  EXPECT_TRUE(j["components"]["schemas"].contains("Document"));
  EXPECT_TRUE(j["components"]["schemas"].contains("Error"));
}

TEST_F(ApiRoutes, CachedResponsesFollowWrites) {
  publish(make_document(city, plans, office, "第一份", "2017-01-01"));
  start();
  EXPECT_EQ(get_json("/api/v1/sites/shaoyang/documents")["total"], 1);
  EXPECT_EQ(get_json("/api/v1/sites/shaoyang/documents")["total"], 1);  // served from the cache
  EXPECT_GT(cache.entries(), 0u);
  const auto second = publish(make_document(city, plans, office, "第二份", "2017-01-02"));
  EXPECT_EQ(get_json("/api/v1/sites/shaoyang/documents")["total"], 2);

  const auto first_view = get_json("/api/v1/documents/" + std::to_string(second));
  EXPECT_TRUE(first_view["interpretations"].empty());
  auto interp = make_document(city, plans, office, "第二份的解读", "2017-01-03");
  interp.kind = domain::DocumentKind::Interpretation;
  interp.interprets_id = second;
  publish(interp);
  EXPECT_EQ(get_json("/api/v1/documents/" + std::to_string(second))["interpretations"].size(), 1u);

  store::DocumentRepository(*db).withdraw(second);
  EXPECT_EQ(get_json("/api/v1/documents/" + std::to_string(second))["state"], "withdrawn");
}

TEST_F(ApiRoutes, ErrorsAreNotCached) {
  start();
  expect_envelope(get_json("/api/v1/documents/12345", 404), "not_found");
  EXPECT_EQ(cache.entries(), 0u);
}

}  // namespace
}  // namespace zwgk::web::test
