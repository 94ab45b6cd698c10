// 工作要点 and 任务督办 in the console and on the public site, on the real server: the office
// pastes the seed 要点 and sees the units it has to map by hand; a bad date is a 400 that keeps
// the pasted text; it maps one; the 市政府办 editor reports its share; the office returns it
// with a reason and passes it the second time; the public 工作要点落实 page shows the passed
// 落实情况 and not the one still waiting; 我的工作 names what a unit still owes.
#include <gtest/gtest.h>

#include "store/department_repository.hpp"
#include "support/shared_data.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

bool has(const HttpResult& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

std::string path_of(const HttpResult& r) {
  std::string loc = r.header("location").value_or("");
  loc = loc.substr(0, loc.find('?'));
  const auto at = loc.find("/console/");
  return at == std::string::npos ? loc : loc.substr(at);
}

class WorkPlanServer : public SiteServer {
 public:
  WorkPlanServer() {
    mount_console([this](web::console::ConsoleOptions& o) {
      o.calendar = app->options().calendar;
      o.clock = [] { return 1741600800LL; };  // 2025-03-10
    });
    add_account("publisher", domain::Role::Publisher);
    add_account("editor", domain::Role::DepartmentEditor, seed.department.id);  // 邵阳市人民政府办公室 (市政府办)
    domain::Department audit;
    audit.site_id = seed.site.id;
    audit.name = "中国人民银行邵阳市分行";  // 人民银行邵阳市中心支行 in 2017
    audit_id = store::DepartmentRepository(*db).save(audit).id;
  }
  std::int64_t audit_id = 0;
};

// The first form action of the unit's report form on the page: /console/work-plans/units/{id}/report.
std::string first_report_action(const std::string& body) {
  const auto at = body.find("/console/work-plans/units/");
  if (at == std::string::npos) return "";
  const auto end = body.find_first_of("?\"", at);  // the form's action carries ?csrf_token= for uploads
  return body.substr(at, end - at);
}

TEST(WorkPlanConsole, TheOfficeImportsMapsReviewsAndTheSiteShowsWhatPassed) {
  const auto text = read_shared_file("data/demo/shaoyang-2017-zwgk-gongzuo-yaodian.txt");
  ASSERT_TRUE(text) << shared_path("data/demo").string();
  WorkPlanServer s;
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_FALSE(office.cookie.empty());
  EXPECT_TRUE(has(office.get("/console/work-plans/"), "还没有导入工作要点"));
  auto bad = office.post("/console/work-plans/import", {{"year", "2025"}, {"published_on", "3月3日"}, {"text", *text}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(has(bad, "公布日期应为 YYYY-MM-DD"));
  EXPECT_TRUE(has(bad, "以政务公开助力稳增长")) << "the pasted text stays";
  auto imported = office.post("/console/work-plans/import", {{"year", "2025"}, {"published_on", "2025-03-03"}, {"text", *text}});
  ASSERT_EQ(imported.status, 303) << imported.body;
  const auto plan = path_of(imported);
  auto page = office.get(plan);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "待对应的责任单位")) << page.body;
  EXPECT_TRUE(has(page, "<strong>人民银行邵阳市中心支行</strong>"));
  EXPECT_TRUE(has(page, "一(一) 做好政策解读宣传和预期引导"));
  EXPECT_TRUE(has(page, "完成时限 2025-03-31")) << "工作方案: 20 working days";
  ASSERT_EQ(office.post(plan + "map", {{"mention", "人民银行邵阳市中心支行"}, {"department_id", std::to_string(s.audit_id)}}).status, 303);
  EXPECT_FALSE(has(office.get(plan), "<strong>人民银行邵阳市中心支行</strong>")) << "mapped";

  auto editor = ConsoleSession::login(s.port, "editor", "correct horse");
  EXPECT_TRUE(has(editor.get("/console/"), "项工作要点任务待报送落实情况")) << "我的工作";
  auto mine = editor.get("/console/work-plans/");
  EXPECT_TRUE(has(mine, "本单位的任务"));
  const auto action = first_report_action(mine.body);
  ASSERT_FALSE(action.empty()) << mine.body;
  EXPECT_EQ(editor.post(action, {{"report", ""}}).status, 400);
  ASSERT_EQ(editor.post(action, {{"report", "已制定并公开本单位2025年政务公开工作方案。"}, {"links", "/xxgk/zfxxgkzd/"}}).status, 303);
  EXPECT_EQ(editor.post(plan + "map", {{"mention", "市审计局"}, {"department_id", "1"}}).status, 403);

  const std::string unit = action.substr(0, action.size() - std::string("report").size());
  auto refused = office.post(unit + "review", {{"decision", "return"}, {"note", ""}, {"plan", plan.substr(20, plan.size() - 21)}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(has(refused, "退回须说明理由")) << refused.body;
  ASSERT_EQ(office.post(unit + "review", {{"decision", "return"}, {"note", "请附工作方案的链接"}}).status, 303);
  EXPECT_TRUE(has(editor.get("/console/work-plans/"), "退回理由：请附工作方案的链接"));
  const std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  ASSERT_EQ(editor.post_file(action, {{"report", "已制定并公开本单位2025年政务公开工作方案，见链接和附件。"}, {"links", "/xxgk/zfxxgkzd/"}},
                             "files", "工作方案.pdf", pdf)
                .status,
            303);
  EXPECT_EQ(editor.post_file(action, {{"report", "再传一个"}}, "files", "page.html", "<html><script>x</script></html>").status,
            400)
      << "not a PDF, Word, Excel, OFD or image";
  ASSERT_EQ(office.post(unit + "review", {{"decision", "approve"}, {"note", ""}}).status, 303);

  auto pub = s.get("/gzyd/2025/");
  EXPECT_EQ(pub.status, 200);
  EXPECT_TRUE(has(pub, "2017年邵阳市政务公开工作要点"));
  EXPECT_TRUE(has(pub, "已制定并公开本单位2025年政务公开工作方案，见链接和附件。")) << "passed: public";
  const auto at = pub.body.find("/gzyd/files/");
  ASSERT_NE(at, std::string::npos) << "the file is linked";
  const auto file = s.get(pub.body.substr(at, pub.body.find('"', at) - at));
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf);
  EXPECT_EQ(s.get("/gzyd/files/999999").status, 404);
  EXPECT_TRUE(has(pub, "name=\"ColumnName\" content=\"工作要点落实\""));
  EXPECT_TRUE(has(s.get("/gzyd/"), "/gzyd/2025/"));
  EXPECT_EQ(s.get("/gzyd/2030/").status, 404);
}

}  // namespace
}  // namespace zwgk::test
