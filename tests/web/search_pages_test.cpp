// 站内搜索 through the real server: the search page, the OpenSearch description and
// GET /api/v1/search, on the backend the environment chooses. What a citizen notices:
// found documents with highlighted text, facets that stay selectable, help when nothing
// is found, and bad input answered with a clear 400 (or searched literally), never a 500.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/document_repository.hpp"
#include "web/formatting.hpp"
#include "web/site_fixture.hpp"
#include "web/urls.hpp"

using namespace zwgk;
using namespace zwgk::test;

namespace {

// The API's error envelope with a Chinese message that mentions `mention`.
void expect_api_error(const nlohmann::json& j, const std::string& mention) {
  ASSERT_TRUE(j.contains("error")) << j.dump();
  const std::string message = j["error"]["message"];
  EXPECT_NE(message.find_first_of("\xE4\xE5\xE6\xE7\xE8\xE9"), std::string::npos) << message;
  EXPECT_NE(message.find(mention), std::string::npos) << message;
}

class SearchPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new SiteServer(25);
    store::DocumentRepository docs(*server_->db);
    domain::Document d;
    d.site_id = seed().site.id;
    d.title = "关于加强环境保护工作的通知";
    d.doc_number = "湘办发〔2016〕41号";
    d.catalogue_id = seed().ghjh.id;
    d.department_id = seed().department.id;
    d.published_on = domain::Date::parse("2016-08-01");
    d.disclosure = domain::DisclosureForm::Proactive;
    d.body_html = "<p>各县市区：推进ABC智慧平台建设，落实 &lt;script&gt; 过滤。</p>";
    environment_id_ = docs.save(d);
    docs.publish(environment_id_);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static SiteServer& s() { return *server_; }
  static const Seed& seed() { return server_->seed; }
  static std::string q(const std::string& text) { return web::url_encode_component(text); }
  static nlohmann::json api(const std::string& query, int expected = 200) {
    const auto r = s().get("/api/v1/search?" + query);
    EXPECT_EQ(r.status, expected) << query << "\n" << r.body;
    EXPECT_EQ(r.header("content-type").value_or(""), "application/json; charset=utf-8") << query;
    return nlohmann::json::parse(r.body);
  }
  static std::set<std::int64_t> ids(const nlohmann::json& j) {
    std::set<std::int64_t> out;
    for (const auto& i : j["items"]) out.insert(i["id"].get<std::int64_t>());
    return out;
  }
  static SiteServer* server_;
  static std::int64_t environment_id_;
};
SiteServer* SearchPages::server_ = nullptr;
std::int64_t SearchPages::environment_id_ = 0;

TEST_F(SearchPages, SearchPageShowsHighlightedResultsFacetsAndIsCachedInItsOwnBudget) {
  const auto before = s().cache.entries("");
  const auto r = s().get("/search/?q=" + q("政务公开"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find(web::document_url(seed().site, seed().policy_id)), std::string::npos);
  EXPECT_NE(r.body.find("<em>政务公开</em>"), std::string::npos);
  EXPECT_NE(r.body.find("找到 "), std::string::npos);
  for (const char* facet : {"类型", "年份", "公开目录", "发布部门"}) EXPECT_NE(r.body.find(facet), std::string::npos) << facet;
  EXPECT_EQ(r.body.find(web::document_url(seed().site, seed().draft_id)), std::string::npos);
  EXPECT_EQ(r.body.find(web::document_url(seed().county, seed().county_doc_id)), std::string::npos);  // another site
  s().get("/search/?q=" + q("政务公开"));
  EXPECT_EQ(s().cache.entries(""), before) << "search pages must not fill the main page cache";
  EXPECT_GE(s().cache.entries("search"), 1u) << "they have a budget of their own (search_cache_test.cpp)";
}

TEST_F(SearchPages, EveryPageHasASearchBoxAndTheOpenSearchLink) {
  const auto home = s().get("/");
  EXPECT_NE(home.body.find("action=\"/search/\""), std::string::npos);
  EXPECT_NE(home.body.find("application/opensearchdescription+xml"), std::string::npos);
  const auto county = s().get("/xinshao/");
  EXPECT_NE(county.body.find("action=\"/xinshao/search/\""), std::string::npos);
  const auto xml = s().get("/opensearch.xml");
  ASSERT_EQ(xml.status, 200);
  EXPECT_EQ(xml.header("content-type").value_or(""), "application/opensearchdescription+xml; charset=utf-8");
  EXPECT_NE(xml.body.find(s().base_url() + "/search/?q={searchTerms}"), std::string::npos) << xml.body;
  EXPECT_NE(s().get("/xinshao/opensearch.xml").body.find("/xinshao/search/?q={searchTerms}"), std::string::npos);
}

TEST_F(SearchPages, AFacetIgnoresItsOwnFilterSoOtherValuesStaySelectable) {
  const auto r = s().get("/search/?q=" + q("政务公开") + "&type=document");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("type=interpretation"), std::string::npos) << "政策解读 must stay selectable";
  const auto j = api("q=" + q("政务公开") + "&site=shaoyang&type=document");
  EXPECT_EQ(ids(j), std::set<std::int64_t>{seed().policy_id});
  std::set<std::string> types;
  for (const auto& t : j["facets"]["type"]) types.insert(t["value"]);
  EXPECT_TRUE(types.count("interpretation")) << j["facets"].dump();
}

TEST_F(SearchPages, AcrossSitesFindsTheCountyDocument) {
  const auto r = s().get("/search/?q=" + q("政务公开") + "&site=all");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find(web::document_url(seed().county, seed().county_doc_id)), std::string::npos);
  EXPECT_NE(r.body.find("<h3>网站</h3>"), std::string::npos);
  const auto j = api("q=" + q("政务公开"));
  EXPECT_TRUE(ids(j).count(seed().county_doc_id));
  EXPECT_TRUE(j["facets"].contains("site"));
}

TEST_F(SearchPages, PaginationAndNoResultHelpAndHotQueries) {
  const auto p1 = s().get("/search/?q=" + q("规划计划文件"));
  EXPECT_NE(p1.body.find("找到 25 条结果"), std::string::npos);
  EXPECT_NE(p1.body.find("rel=\"next\""), std::string::npos);
  const auto p3 = s().get("/search/?q=" + q("规划计划文件") + "&page=3");
  EXPECT_EQ(count_of(p3.body, "class=\"doc-title\""), 5);
  const auto none = s().get("/search/?q=" + q("量子引力波"));
  ASSERT_EQ(none.status, 200);
  for (const char* help : {"没有找到", "减少", "文号", "政府信息公开目录"})
    EXPECT_NE(none.body.find(help), std::string::npos) << help;
  // One visitor is not enough for 本周热门搜索 (5 by default; search_cache_test.cpp has N).
  s().app->flush_hot_queries();
  const auto empty = s().get("/search/");
  EXPECT_EQ(empty.body.find("本周热门搜索"), std::string::npos);
}

TEST_F(SearchPages, ApiReturnsItemsWithUrlNumberDateAndSnippet) {
  const auto j = api("q=" + q("41号") + "&site=shaoyang");
  ASSERT_EQ(j["total"], 1);
  const auto& item = j["items"][0];
  EXPECT_EQ(item["url"], s().base_url() + web::document_url(seed().site, environment_id_));
  EXPECT_EQ(item["doc_number"], "湘办发〔2016〕41号");
  EXPECT_EQ(item["date"], "2016-08-01");
  EXPECT_EQ(item["type"], "document");
  EXPECT_FALSE(j["total_capped"].get<bool>());
  const auto filtered = api("q=" + q("环境保护") + "&site=shaoyang&year=2016&department=" +
                            std::to_string(seed().department.id) + "&catalogue=ghjh&per_page=5");
  EXPECT_EQ(ids(filtered), std::set<std::int64_t>{environment_id_});
  EXPECT_EQ(api("q=" + q("环境保护") + "&site=shaoyang&year=2015")["total"], 0);
}

TEST_F(SearchPages, TraditionalFullWidthAndBracketVariantsFindTheSameDocument) {
  for (const std::string text : {"環境保護", "ＡＢＣ智慧", "abc智慧", "湘办发[2016]41号", "湘办发(2016)41号", "湘办发（2016）41号",
                                 "湘办发【2016】41号", "湘辦發〔2016〕41號"}) {
    const auto j = api("q=" + q(text) + "&site=shaoyang");
    EXPECT_EQ(ids(j), std::set<std::int64_t>{environment_id_}) << text;
  }
}

TEST_F(SearchPages, SnippetsAreEscaped) {
  const auto j = api("q=" + q("script") + "&site=shaoyang");
  ASSERT_EQ(ids(j), std::set<std::int64_t>{environment_id_});
  const std::string snippet = j["items"][0]["snippet_html"];
  EXPECT_EQ(snippet.find("<script"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("&lt;<em>script</em>&gt;"), std::string::npos) << snippet;
  const auto page = s().get("/search/?q=" + q("<script>alert(1)</script>"));
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
}

TEST_F(SearchPages, QuerySyntaxIsNeverExposedAndBadInputIsAClear400) {
  const std::string noise = [] {
    std::string n;
    for (int i = 0; i < 2000; ++i) n += "（*\"-【"[i % 5];
    return n;
  }();
  for (const std::string text : {"\"", "*", "AND", "NEAR(", "-", "(", ")", "【", "〔", "环境\"保护", "环境 AND 保护",
                                 "NEAR(环境 保护)", "-环境", "环境*", "\"环境保护\"", "{title}:环境"}) {
    const auto page = s().get("/search/?q=" + q(text));
    EXPECT_TRUE(page.status == 200 || page.status == 400) << text << " " << page.status;
    const auto r = s().get("/api/v1/search?q=" + q(text));
    EXPECT_TRUE(r.status == 200 || r.status == 400) << text << " " << r.status << r.body;
    const auto j = nlohmann::json::parse(r.body);
    if (r.status == 400) {
      expect_api_error(j, "q");
    } else {
      EXPECT_TRUE(j["items"].is_array()) << text;
    }
  }
  // Syntax characters are searched literally: AND is the letters a-n-d, quotes are quotes.
  EXPECT_EQ(api("q=" + q("环境 AND 保护"))["total"], 0);
  EXPECT_EQ(api("q=" + q("\"环境保护\""))["total"], 0);
  EXPECT_EQ(ids(api("q=" + q("环境 保护"))), std::set<std::int64_t>{environment_id_});

  // 2,000 characters of noise: a clear 400 (or, for a URL too long for the server, 431).
  std::string ascii_noise;
  for (int i = 0; i < 2000; ++i) ascii_noise += "a*\"-(NEAR"[i % 9];
  EXPECT_EQ(s().get("/search/?q=" + q(ascii_noise)).status, 400);
  expect_api_error(api("q=" + q(ascii_noise), 400), "过长");
  for (const std::string& target : {"/search/?q=" + q(noise), "/api/v1/search?q=" + q(noise)}) {
    const auto r = s().get(target);
    EXPECT_TRUE(r.status == 400 || r.status == 431) << r.status;
  }
  // Ill-formed UTF-8, percent-encoded.
  const auto bad_page = s().get("/search/?q=%FF%FE%E7%8E");
  EXPECT_EQ(bad_page.status, 400);
  EXPECT_NE(bad_page.body.find("UTF-8"), std::string::npos);
  expect_api_error(api("q=%FF%FE%E7%8E", 400), "UTF-8");
  // Missing or meaningless queries, and bad parameters.
  expect_api_error(api("", 400), "q");
  expect_api_error(api("q=" + q("。。"), 400), "q");
  expect_api_error(api("q=a&type=pdf", 400), "type");
  expect_api_error(api("q=a&catalogue=ghjh", 400), "catalogue");
  expect_api_error(api("q=a&per_page=1000", 400), "per_page");
  expect_api_error(api("q=a&site=nowhere", 404), "站点");
  EXPECT_EQ(s().get("/search/?q=a&type=pdf").status, 400);
  EXPECT_EQ(s().get("/search/?q=a&sort=up").status, 400);
}

}  // namespace
