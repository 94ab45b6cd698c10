// 基层政务公开标准目录 over the real server, on both backends: the office uploads its own
// 领域's catalogue in the console (a bad sheet gets a 400 naming the row and writes nothing),
// maps an item to a 公开目录 column; the public page per 领域 shows the items by 一级事项 with
// their 公开时限, the link to the column and the 落实情况, which turns 逾期未公开 once the
// column's draft passes its working-day limit; an editor reads the console page but cannot
// map; 我的工作 lists the overdue item for the office.
#include <gtest/gtest.h>

#include <atomic>

#include "domain/china_time.hpp"
#include "modules/bzml/store/standard_catalogue_repository.hpp"
#include "store/catalogue_repository.hpp"
#include "store/document_repository.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

std::int64_t at(const char* day) {
  return domain::china_midnight(*domain::Date::parse(day)).time_since_epoch().count() + 10 * 3600;
}

std::atomic<std::int64_t> g_now{0};

const std::string kSheet =
    "水利工程领域基层政务公开标准目录\n"
    "序号,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级\n"
    "1,工程建设,项目审批,审批结果；批复文件,《中华人民共和国水法》,自信息形成或者变更之日起20个工作日内,县级水利部门,政府网站、公开查阅点,全社会,主动,县级\n"
    "2,工程建设,招标投标,招标公告；中标结果,《中华人民共和国招标投标法》,及时,县级水利部门,政府网站,全社会,主动,县级\n"
    "3,运行管理,防汛抗旱,防汛抗旱预案,《中华人民共和国防洪法》,每年4月底前,县级水利部门,政府网站,全社会,主动,县级、乡级\n";

class CatalogueServer : public SiteServer {
 public:
  CatalogueServer() : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return g_now.load(); }; }) {
    // The console counts on the site's calendar, as `zwgk serve` mounts it.
    mount_console([this](web::console::ConsoleOptions& o) { o.calendar = app->options().calendar; });
    add_account("publisher", domain::Role::Publisher);
    add_account("editor", domain::Role::DepartmentEditor, seed.department.id);
  }
  HttpResult upload(const ConsoleSession& s, const std::vector<std::pair<std::string, std::string>>& fields,
                    const std::string& bytes) const {
    const std::string boundary = "----bzmlBoundary7MA4YWxk";
    std::string body;
    for (const auto& [k, v] : fields)
      body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"标准目录.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
    std::string req = "POST /console/standard-catalogue/import?csrf_token=" + s.csrf +
                      " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: multipart/form-data; boundary=" +
                      boundary + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nCookie: " + s.cookie +
                      "\r\nX-CSRF-Token: " + s.csrf + "\r\n\r\n" + body;
    return parse_http_response(http_exchange(port, req));
  }
};

bool has(const HttpResult& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

TEST(StandardCataloguePages, TheOfficeUploadsMapsAndThePublicPageTellsWhatIsOverdue) {
  g_now = at("2026-09-28");
  CatalogueServer s;
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_FALSE(office.cookie.empty());
  const std::vector<std::pair<std::string, std::string>> fields{
      {"csrf_token", office.csrf}, {"standard_code", ""}, {"code", "shuili-gongcheng"}, {"field", "水利工程"}, {"source", "本市标准目录"}};
  std::string bad = kSheet;
  bad.replace(bad.find("防汛抗旱预案"), std::string("防汛抗旱预案").size(), "");
  auto refused = s.upload(office, fields, bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(has(refused, "第5行缺少“公开内容（要素）”")) << refused.body;
  EXPECT_TRUE(store::StandardCatalogueRepository(*s.db).of_site(s.seed.site.id).empty()) << "nothing was written";
  EXPECT_EQ(s.get("/bzml/shuili-gongcheng/").status, 404);

  auto done = s.upload(office, fields, kSheet);
  ASSERT_EQ(done.status, 303) << done.body;
  auto index = s.get("/bzml/");
  ASSERT_EQ(index.status, 200);
  EXPECT_TRUE(has(index, "href=\"/bzml/shuili-gongcheng/\">水利工程</a>"));
  EXPECT_TRUE(has(index, "3项"));

  // Map 项目审批 to 市政建设 (a column without documents) and file a draft there, written today.
  const auto column = *store::CatalogueRepository(*s.db).by_code(s.seed.site.id, "szjs");
  const auto items = store::StandardCatalogueRepository(*s.db).items(
      store::StandardCatalogueRepository(*s.db).find(s.seed.site.id, "shuili-gongcheng")->id);
  ASSERT_EQ(items.size(), 3u);
  const std::string map = "/console/standard-catalogue/items/" + std::to_string(items[0].id) + "/map";
  auto desk = ConsoleSession::login(s.port, "editor", "correct horse");
  EXPECT_EQ(desk.post(map, {{"node_code", "szjs"}, {"list_type", ""}, {"back", "shuili-gongcheng"}}).status, 403);
  auto unknown = office.post(map, {{"node_code", "nosuch"}, {"list_type", ""}, {"back", "shuili-gongcheng"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_TRUE(has(unknown, "本网站的公开目录中没有代码为“nosuch”的栏目"));
  ASSERT_EQ(office.post(map, {{"node_code", "szjs"}, {"list_type", ""}, {"back", "shuili-gongcheng"}}).status, 303);
  domain::Document draft;
  draft.site_id = s.seed.site.id;
  draft.title = "某水库除险加固工程初步设计批复";
  draft.catalogue_id = column.id;
  draft.department_id = s.seed.department.id;
  draft.written_on = domain::Date::parse("2026-09-28");
  store::DocumentRepository(*s.db).save(draft);

  auto page = s.get("/bzml/shuili-gongcheng/");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "<h1>水利工程领域基层政务公开标准目录</h1>"));
  EXPECT_TRUE(has(page, "<h2>工程建设</h2>"));
  EXPECT_TRUE(has(page, "<h2>运行管理</h2>"));
  EXPECT_TRUE(has(page, "自信息形成或者变更之日起20个工作日内"));
  EXPECT_TRUE(has(page, "href=\"/xxgk/szjs/\">" + column.name + "</a>")) << "the item links to its column";
  EXPECT_TRUE(has(page, "待公开（2026-10-30前）")) << "the 20th working day, 国庆 skipped";
  EXPECT_TRUE(has(page, "未关联栏目"));
  EXPECT_FALSE(has(page, "逾期未公开（"));

  g_now = at("2026-11-02");
  page = s.get("/bzml/shuili-gongcheng/");
  EXPECT_TRUE(has(page, "逾期未公开（应于2026-10-30前公开）")) << "the cached page expired at midnight";
  desk = ConsoleSession::login(s.port, "editor", "correct horse");  // the sessions expired with the days
  office = ConsoleSession::login(s.port, "publisher", "correct horse");
  auto console_page = desk.get("/console/standard-catalogue/shuili-gongcheng/");
  ASSERT_EQ(console_page.status, 200);
  EXPECT_TRUE(has(console_page, "逾期未公开（应于2026-10-30前公开）"));
  EXPECT_FALSE(has(console_page, "保存关联")) << "an editor reads, the office maps";
  std::size_t headings = 0;
  for (auto at = console_page.body.find("<h1>"); at != std::string::npos; at = console_page.body.find("<h1>", at + 1)) ++headings;
  EXPECT_EQ(headings, 1u) << "one <h1>: the layout's title";
  EXPECT_TRUE(has(office.get("/console/standard-catalogue/shuili-gongcheng/"), "保存关联"));
  EXPECT_TRUE(has(office.get("/console/"), "水利工程：工程建设 / 项目审批，逾期未公开")) << "in 我的工作";
  EXPECT_EQ(s.get("/bzml/nosuch/").status, 404);
  EXPECT_EQ(office.get("/console/standard-catalogue/nosuch/").status, 404);
}

}  // namespace
}  // namespace zwgk::test
