// 自查监测 in the console, on the real server: the office runs the checks and reads the
// dashboard (verdict, checks by urgency with their evidence), the printable 自查报告 and the
// overview; the settings refuse a bad address with a 400 that keeps what was typed; an editor
// has no entry; 我的工作 names the findings; the API answers the same result as JSON.
#include <gtest/gtest.h>

#include "store/catalogue_repository.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

bool has(const HttpResult& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

class InspectionConsoleServer : public SiteServer {
 public:
  InspectionConsoleServer() {
    mount_console([this](web::console::ConsoleOptions& o) { o.calendar = app->options().calendar; });
    add_account("publisher", domain::Role::Publisher);
    add_account("editor", domain::Role::DepartmentEditor, seed.department.id);
  }
};

TEST(InspectionConsole, TheOfficeRunsTheChecksAndReadsTheReport) {
  InspectionConsoleServer s;
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_FALSE(office.cookie.empty());
  auto empty = office.get("/console/inspection/");
  EXPECT_EQ(empty.status, 200);
  EXPECT_TRUE(has(empty, "还没有自查结果")) << empty.body;
  auto run = office.post("/console/inspection/run", {{"site", "shaoyang"}});
  EXPECT_EQ(run.status, 303) << run.body;
  auto dash = office.get("/console/inspection/");
  EXPECT_TRUE(has(dash, "邵阳市人民政府")) << dash.body;
  EXPECT_TRUE(has(dash, "自查结论：单项否决")) << "the seed site has no 信箱 and many blank columns";
  EXPECT_TRUE(has(dash, "互动回应差"));
  EXPECT_TRUE(has(dash, "没有启用的信箱"));
  EXPECT_LT(dash.body.find("单项否决</span> 空白栏目"), dash.body.find("正常</span>")) << "vetoes first";
  auto report = office.get("/console/inspection/report?site=shaoyang");
  EXPECT_EQ(report.status, 200);
  EXPECT_TRUE(has(report, "国办秘函〔2019〕19号"));
  EXPECT_EQ(office.get("/console/inspection/report?day=2001-01-01").status, 404);
  EXPECT_EQ(office.get("/console/inspection/report?day=yesterday").status, 400);
  EXPECT_TRUE(has(office.get("/console/inspection/sites"), "邵阳市人民政府"));
  EXPECT_TRUE(has(office.get("/console/"), "自查监测：单项否决")) << "我的工作";

  auto bad = office.post("/console/inspection/settings", {{"contacts", "office@example.cn\n不是邮箱"}, {"thresholds", ""}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(has(bad, "“不是邮箱”不是有效的电子邮箱地址")) << bad.body;
  EXPECT_TRUE(has(bad, "office@example.cn\n不是邮箱")) << "what was typed stays in the form";
  EXPECT_EQ(office.post("/console/inspection/settings", {{"contacts", "office@example.cn"}, {"thresholds", ""}}).status,
            303);
  EXPECT_TRUE(has(office.get("/console/inspection/settings"), "office@example.cn"));

  auto editor = ConsoleSession::login(s.port, "editor", "correct horse");
  EXPECT_EQ(editor.get("/console/inspection/").status, 403);
  EXPECT_EQ(editor.post("/console/inspection/run", {{"site", "shaoyang"}}).status, 403);

  auto api = s.get("/api/v1/inspection/sites/shaoyang");
  EXPECT_EQ(api.status, 200);
  EXPECT_TRUE(has(api, "\"level\":\"veto\"")) << api.body;
  EXPECT_TRUE(has(api, "\"code\":\"interaction\""));
  EXPECT_EQ(s.get("/api/v1/inspection/sites/nowhere").status, 404);
  EXPECT_EQ(s.get("/api/v1/inspection/sites/shaoyang?day=20261203").status, 400);
}

TEST(InspectionConsole, TheDocumentPageWarnsOfTheSitesWrongWordingWithoutBlocking) {
  InspectionConsoleServer s;
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_EQ(office.post("/console/inspection/wording", {{"wrong", "登陆网站"}, {"right", "登录网站"}, {"serious", "1"}})
                .status,
            303);
  auto editor = ConsoleSession::login(s.port, "editor", "correct horse");
  const auto catalogue = store::CatalogueRepository(*s.db).by_code(s.seed.site.id, "ghjh");
  ASSERT_TRUE(catalogue);
  auto made = editor.post("/console/documents/new", {{"title", "关于网上办事的通知"},
                                                     {"catalogue_id", std::to_string(catalogue->id)},
                                                     {"department_id", std::to_string(s.seed.department.id)},
                                                     {"issuer", "邵阳市人民政府办公室"},
                                                     {"written_on", "2026-11-30"},
                                                     {"disclosure", "proactive"},
                                                     {"summary", "网上办事"},
                                                     {"kind", "document"},
                                                     {"body_html", "<p>请登陆网站办理。</p>"}});
  ASSERT_EQ(made.status, 303) << made.body;
  std::string page_path = made.header("location").value_or("");
  page_path = page_path.substr(0, page_path.find('?'));  // "/console/documents/{id}/"
  page_path = page_path.substr(page_path.find("/console/"));
  auto page = editor.get(page_path);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "表述检查")) << page.body;
  EXPECT_TRUE(has(page, "“登陆网站”应为“登录网站”（严重表述错误）")) << page.body;
  EXPECT_TRUE(has(page, "请登陆网站办理")) << "the warning quotes where it is";
  EXPECT_EQ(editor.post(page_path + "submit", {}).status, 303) << "a warning, not a block";

  ASSERT_EQ(office.post("/console/inspection/wording", {{"wrong", "网上办事"}, {"right", "网上办事"}}).status, 400);
  auto fixed = editor.get(page_path);
  EXPECT_EQ(fixed.body.find("应为“网上办事”"), std::string::npos) << "a refused rule warns of nothing";
}

}  // namespace
}  // namespace zwgk::test
