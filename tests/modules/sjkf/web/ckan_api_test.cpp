// 数据开放 over the real server, on both backends: the CKAN Action API answers with the keys
// and value types of CKAN's documented answers (tests/fixtures/ckan/, compared key by key,
// nested objects and the first element of every array), its failure envelope and statuses,
// POST with a JSON body as ckanapi sends it; the DCAT catalogue is JSON-LD; the dataset page
// previews the file, the download gives its bytes and counts; a draft is on no page.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "domain/china_time.hpp"
#include "modules/sjkf/service/open_data_service.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

using nlohmann::json;

std::atomic<std::int64_t> g_now{0};

std::int64_t at(const char* day) {
  return domain::china_midnight(*domain::Date::parse(day)).time_since_epoch().count() + 10 * 3600;
}

json documented(const std::string& name) {
  std::ifstream in(std::string(ZWGK_SOURCE_DIR) + "/tests/fixtures/ckan/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

// Every key of `doc` is in `ours` with a value of the same JSON type (null in `doc`: any).
void same_shape(const json& doc, const json& ours, const std::string& path) {
  if (doc.is_null()) return;
  if (doc.is_number()) {
    EXPECT_TRUE(ours.is_number()) << path << " should be a number, is " << ours.dump();
    return;
  }
  EXPECT_EQ(doc.type_name(), std::string(ours.type_name())) << path << " = " << ours.dump().substr(0, 200);
  const std::string data_keyed = ".facets.organization";  // its keys are the data, not fields
  if (path.size() >= data_keyed.size() && path.compare(path.size() - data_keyed.size(), data_keyed.size(), data_keyed) == 0)
    return;
  if (doc.is_object() && ours.is_object()) {
    for (const auto& [k, v] : doc.items()) {
      if (!ours.contains(k)) {
        ADD_FAILURE() << path << "." << k << " is missing";
        continue;
      }
      same_shape(v, ours[k], path + "." + k);
    }
  } else if (doc.is_array() && ours.is_array() && !doc.empty()) {
    ASSERT_FALSE(ours.empty()) << path << " is empty";
    same_shape(doc.front(), ours.front(), path + "[0]");
  }
}

class OpenDataServer : public SiteServer {
 public:
  OpenDataServer() : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return g_now.load(); }; }) {
    editor = caller_of(add_account("editor", domain::Role::DepartmentEditor, seed.department.id));
    office = caller_of(add_account("publisher", domain::Role::Publisher));
  }
  modules::sjkf::OpenDataService service() { return modules::sjkf::OpenDataService(*db, [] { return g_now.load(); }); }
  std::int64_t dataset(const std::string& name, const std::string& title, const std::string& csv, bool open = true) {
    modules::sjkf::NewDataset in;
    in.draft.name = name;
    in.draft.title = title;
    in.draft.notes = title + "，按月更新。";
    in.draft.field = "dljt";
    in.draft.frequency = "每月";
    in.draft.keywords = {"公交", "交通"};
    in.department_id = seed.department.id;
    auto s = service();
    const auto id = s.create(editor, in);
    modules::sjkf::ResourceUpload u;
    u.file_name = name + ".csv";
    u.bytes = csv;
    s.add_resource(editor, id, u);
    if (open) s.publish(office, id);
    return id;
  }
  json action(const std::string& target, int status = 200) {
    auto r = get("/api/3/action/" + target);
    EXPECT_EQ(r.status, status) << target << "\n" << r.body;
    EXPECT_NE(r.header("content-type").value_or("").find("application/json"), std::string::npos);
    return json::parse(r.body);
  }
  domain::Caller editor, office;
};

TEST(CkanApi, AnswersWithTheFieldsAndEnvelopeOfCkan) {
  g_now = at("2026-03-01");
  OpenDataServer s;
  s.dataset("bus-stops", "公交站点", "站点,道路,线路数\r\n火车站,宝庆路,12\r\n市政府,城南路,8\r\n");
  g_now = at("2026-03-05");
  s.dataset("bus-lines", "公交线路", "线路,首班,末班\n1路,06:00,21:30\n");
  s.dataset("draft-one", "未开放的数据", "a\n1\n", false);

  const auto list = s.action("package_list");
  EXPECT_EQ(list["success"], true);
  EXPECT_EQ(list["result"], json({"bus-lines", "bus-stops"})) << "no draft";

  const auto show = s.action("package_show?id=bus-stops");
  same_shape(documented("package_show.json"), show, "package_show");
  const auto& p = show["result"];
  EXPECT_EQ(p["name"], "bus-stops");
  EXPECT_EQ(p["title"], "公交站点");
  EXPECT_EQ(p["num_resources"], 1);
  EXPECT_EQ(p["organization"]["title"], s.seed.department.name);
  EXPECT_EQ(p["owner_org"], p["organization"]["id"]);
  EXPECT_EQ(p["groups"][0]["title"], "道路交通");
  EXPECT_EQ(p["tags"][0]["name"], "公交");
  EXPECT_EQ(p["license_id"], "cc-by-4.0");
  EXPECT_EQ(p["isopen"], true);
  EXPECT_EQ(p["metadata_created"], "2026-03-01T02:00:00.000000") << "naive UTC, as CKAN writes it";
  EXPECT_EQ(show["help"], s.base_url() + "/api/3/action/help_show?name=package_show");
  const auto& res = p["resources"][0];
  EXPECT_EQ(res["format"], "CSV");
  EXPECT_EQ(res["package_id"], p["id"]);
  EXPECT_EQ(res["row_count"], 2);
  EXPECT_EQ(s.action("package_show?id=" + p["id"].get<std::string>())["result"]["name"], "bus-stops") << "by id";

  const auto resource = s.action("resource_show?id=" + res["id"].get<std::string>());
  same_shape(documented("resource_show.json"), resource, "resource_show");

  const auto search = s.action("package_search?q=%E5%85%AC%E4%BA%A4&facet.field=%5B%22organization%22%5D&sort=name%20asc");
  same_shape(documented("package_search.json"), search, "package_search");
  EXPECT_EQ(search["result"]["count"], 2);
  EXPECT_EQ(search["result"]["results"][0]["name"], "bus-lines");
  const std::string org = p["organization"]["name"];
  EXPECT_EQ(search["result"]["facets"]["organization"][org], 2);
  EXPECT_EQ(search["result"]["search_facets"]["organization"]["items"][0]["display_name"], s.seed.department.name);
  const auto paged = s.action("package_search?rows=1&start=1&sort=metadata_modified%20desc");
  EXPECT_EQ(paged["result"]["count"], 2);
  ASSERT_EQ(paged["result"]["results"].size(), 1u);
  EXPECT_EQ(paged["result"]["results"][0]["name"], "bus-stops");
  EXPECT_EQ(s.action("package_search?fq=res_format:JSON")["result"]["count"], 0);

  const auto orgs = s.action("organization_list?all_fields=true");
  same_shape(documented("organization_list.json"), orgs, "organization_list");
  EXPECT_EQ(orgs["result"][0]["package_count"], 2);
  EXPECT_EQ(s.action("organization_list")["result"], json({org}));
  EXPECT_EQ(s.action("group_list")["result"], json({"dljt"}));

  // Failures: CKAN's envelope and statuses.
  const auto missing = s.action("package_show?id=draft-one", 404);
  same_shape(documented("error_not_found.json"), missing, "not_found");
  EXPECT_EQ(missing["success"], false);
  const auto invalid = s.action("package_search?rows=many", 409);
  same_shape(documented("error_validation.json"), invalid, "validation");
  EXPECT_EQ(invalid["error"]["__type"], "Validation Error");
  EXPECT_EQ(s.action("package_show", 409)["error"]["id"][0], "缺少参数");
  EXPECT_EQ(s.action("package_create", 400)["success"], false) << "no writing through this API";

  // POST with a JSON body, as ckanapi sends it.
  const std::string body = R"({"q": "线路", "rows": 5})";
  const auto posted = parse_http_response(http_exchange(
      s.port, "POST /api/3/action/package_search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
              "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body));
  ASSERT_EQ(posted.status, 200) << posted.body;
  const auto pj = json::parse(posted.body);
  EXPECT_EQ(pj["result"]["count"], 1);
  EXPECT_EQ(pj["result"]["results"][0]["name"], "bus-lines");
}

TEST(CkanApi, DcatCatalogueAndThePublicPages) {
  g_now = at("2026-03-01");
  OpenDataServer s;
  s.dataset("bus-stops", "公交站点", "站点,道路,线路数\r\n火车站,宝庆路,12\r\n市政府,城南路,8\r\n");
  s.dataset("draft-one", "未开放的数据", "a\n1\n", false);

  auto dcat = s.get("/catalog.jsonld");
  ASSERT_EQ(dcat.status, 200);
  EXPECT_NE(dcat.header("content-type").value_or("").find("application/ld+json"), std::string::npos);
  const auto cat = json::parse(dcat.body);
  EXPECT_EQ(cat["@type"], "dcat:Catalog");
  EXPECT_EQ(cat["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
  ASSERT_EQ(cat["dcat:dataset"].size(), 1u);
  const auto& ds = cat["dcat:dataset"][0];
  EXPECT_EQ(ds["dct:title"], "公交站点");
  EXPECT_EQ(ds["dcat:distribution"][0]["dct:format"], "CSV");
  const std::string download = ds["dcat:distribution"][0]["dcat:downloadURL"]["@id"];

  auto index = s.get("/sjkf/");
  ASSERT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("公交站点"), std::string::npos);
  EXPECT_EQ(index.body.find("未开放的数据"), std::string::npos);
  EXPECT_NE(index.body.find("道路交通（1）"), std::string::npos) << "the 数据领域 facet with its count";
  EXPECT_EQ(s.get("/sjkf/?q=%E4%B8%8D%E5%AD%98%E5%9C%A8").body.find("公交站点</a>"), std::string::npos);
  EXPECT_EQ(s.get("/sjkf/draft-one/").status, 404);

  auto page = s.get("/sjkf/bus-stops/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("数据预览（前2行）"), std::string::npos);
  EXPECT_NE(page.body.find("<td data-label=\"道路\">宝庆路</td>"), std::string::npos);
  EXPECT_NE(page.body.find("线路数</td><td data-label=\"类型\">数值"), std::string::npos);
  EXPECT_NE(page.body.find("已下载0次"), std::string::npos);

  const std::string path = download.substr(s.base_url().size());
  auto head = parse_http_response(
      http_exchange(s.port, "HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
  EXPECT_EQ(head.status, 200) << "a link checker's HEAD finds the file";
  EXPECT_NE(s.get("/sjkf/bus-stops/").body.find("已下载0次"), std::string::npos) << "a HEAD is not a download";
  auto file = s.get(path);
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, "站点,道路,线路数\r\n火车站,宝庆路,12\r\n市政府,城南路,8\r\n");
  EXPECT_NE(file.header("content-disposition").value_or("").find("attachment"), std::string::npos);
  EXPECT_NE(s.get("/sjkf/bus-stops/").body.find("已下载1次"), std::string::npos) << "counted, and not a cached page";
  EXPECT_EQ(s.get("/sjkf/bus-stops/resources/nope/download").status, 404);
}

}  // namespace
}  // namespace zwgk::test
