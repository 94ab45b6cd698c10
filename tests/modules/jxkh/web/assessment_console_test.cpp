// 政务公开绩效考核 in the console and on the portal, on the real server: the office computes
// 2025, reads a unit's page with the deduction and the link to the late document; an
// adjustment without a reason is a 400 that keeps what was typed, with one it is a 303 and
// shown; a bad indicator text is a 400 that keeps the text; a department's editor sees only
// its own unit; the .xlsx downloads; nothing is public until the office releases it, then the
// portal shows every unit's score and its deductions in words, tagged as a content page.
#include <gtest/gtest.h>

#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

bool has(const HttpResult& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

class AssessmentConsoleServer : public SiteServer {
 public:
  AssessmentConsoleServer()
      : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return 1768867200LL; }; }) {  // 2026-01-20
    mount_console([this](web::console::ConsoleOptions& o) { o.calendar = app->options().calendar; });
    add_account("publisher", domain::Role::Publisher);
    add_account("editor", domain::Role::DepartmentEditor, seed.department.id);
    domain::Department f;
    f.site_id = seed.site.id;
    f.name = "邵阳市财政局";
    f.credit_code = app::make_credit_code("430500", "00696771");
    finance = store::DepartmentRepository(*db).save(f);
    add_account("finance", domain::Role::DepartmentEditor, finance.id);
    // Formed on Monday 3 March 2025, published 8 April: 25 working days (Art. 26: 20).
    domain::Document d;
    d.site_id = seed.site.id;
    d.title = "关于2025年度财政资金绩效评价工作的通知";
    d.catalogue_id = seed.ghjh.id;
    d.department_id = finance.id;
    d.issuer = finance.name;
    d.written_on = domain::Date::parse("2025-03-03");
    d.published_on = domain::Date::parse("2025-04-08");
    d.disclosure = domain::DisclosureForm::Proactive;
    d.body_html = "<p>正文</p>";
    store::DocumentRepository docs(*db);
    late_id = docs.save(d);
    docs.publish(late_id);
  }
  domain::Department finance;
  std::int64_t late_id = 0;
};

TEST(AssessmentConsole, TheOfficeComputesAdjustsWithAReasonAndReleasesToThePortal) {
  AssessmentConsoleServer s;
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_FALSE(office.cookie.empty());
  const std::string base = "/console/assessment/";
  auto year = office.get(base + "?year=2025");
  ASSERT_EQ(year.status, 200) << year.body;
  EXPECT_TRUE(has(year, "2025年度尚未计算")) << year.body;
  EXPECT_TRUE(has(year, "所占分值权重为3%"));
  EXPECT_TRUE(has(office.get("/console/"), "绩效考核")) << "navigation";
  EXPECT_EQ(office.post(base + "compute", {{"year", "二〇二五"}}).status, 400);

  auto computed = office.post(base + "compute", {{"year", "2025"}});
  ASSERT_EQ(computed.status, 303) << computed.body;
  year = office.get(base + "?year=2025");
  EXPECT_TRUE(has(year, "id=\"assessment-units\"")) << year.body;
  EXPECT_TRUE(has(year, "邵阳市财政局"));
  EXPECT_TRUE(has(year, "邵阳市人民政府办公室"));
  EXPECT_TRUE(has(year, "草稿"));
  const std::string unit = base + "2025/units/" + std::to_string(s.finance.id) + "/";
  EXPECT_TRUE(has(year, "href=\"" + unit + "\""));

  auto page = office.get(unit);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "主动公开时效：得分 14 / 15，<strong>扣 1 分</strong>")) << page.body;
  EXPECT_TRUE(has(page, "<a href=\"/console/documents/" + std::to_string(s.late_id) +
                            "/\">《关于2025年度财政资金绩效评价工作的通知》</a>"));
  EXPECT_TRUE(has(page, "超期5个工作日"));
  EXPECT_TRUE(has(page, "评分规则：主动公开信息在形成或者变更之日起20个工作日内公开"));

  // Without a reason: refused, what was typed kept.
  auto refused = office.post(unit + "adjust", {{"points", "5"}, {"reason", ""}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(has(refused, "调整分数须说明理由")) << refused.body;
  EXPECT_TRUE(has(refused, "id=\"points\" name=\"points\" inputmode=\"decimal\" value=\"5\""));
  EXPECT_EQ(office.post(unit + "adjust", {{"points", "五分"}, {"reason", "理由"}}).status, 400);
  auto adjusted = office.post(unit + "adjust", {{"points", "-2.5"}, {"reason", "年度督查通报中被点名，整改不到位"}});
  ASSERT_EQ(adjusted.status, 303) << adjusted.body;
  page = office.get(unit);
  EXPECT_TRUE(has(page, "政府办公室调整 -2.5 分：年度督查通报中被点名，整改不到位")) << page.body;
  EXPECT_TRUE(has(page, "调整记录"));
  // 100 − 1 (late) − 5 (no 主要负责人) − 5 (no 2024 report) = 89, −2.5 = 86.5.
  EXPECT_TRUE(has(page, "最终得分 <strong>86.5</strong>")) << page.body;

  // The indicators: a bad text is a 400 that keeps the text.
  auto indicators = office.get(base + "2025/indicators");
  EXPECT_EQ(indicators.status, 200);
  EXPECT_TRUE(has(indicators, "zdgk.sx | 主动公开时效"));
  auto bad = office.post(base + "2025/indicators", {{"indicators", "权重 = 1\nall | 全部 | | 90 | 1 | | letters | 规则"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(has(bad, "不得低于3%")) << bad.body;
  EXPECT_TRUE(has(bad, "all | 全部 | | 90 | 1 | | letters | 规则"));

  // A department's editor sees its own unit only.
  auto finance = ConsoleSession::login(s.port, "finance", "correct horse");
  auto own = finance.get(base + "?year=2025");
  EXPECT_EQ(own.status, 200);
  EXPECT_TRUE(has(own, "邵阳市财政局"));
  EXPECT_FALSE(has(own, "2025/units/" + std::to_string(s.seed.department.id) + "/"));
  EXPECT_FALSE(has(own, "id=\"compute-form\""));
  EXPECT_EQ(finance.get(unit).status, 200);
  EXPECT_EQ(finance.get(base + "2025/units/" + std::to_string(s.seed.department.id) + "/").status, 403);
  EXPECT_EQ(finance.post(unit + "adjust", {{"points", "5"}, {"reason", "自评"}}).status, 403);
  EXPECT_EQ(finance.post(base + "2025/release", {}).status, 403);

  auto xlsx = office.get(base + "2025/assessment.xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("content-type").value_or(""), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");

  // Nothing is public before the release.
  EXPECT_EQ(s.get("/jxkh/2025/").status, 404);
  auto index = s.get("/jxkh/");
  EXPECT_EQ(index.status, 200);
  EXPECT_TRUE(has(index, "暂无公开的考核结果")) << index.body;
  EXPECT_EQ(meta_content(index.body, "ColumnName").value_or(""), "政务公开绩效考核");

  ASSERT_EQ(office.post(base + "2025/release", {}).status, 303);
  year = office.get(base + "?year=2025");
  EXPECT_TRUE(has(year, "已发布")) << year.body;
  EXPECT_FALSE(has(year, "id=\"release-form\""));
  EXPECT_EQ(office.post(unit + "adjust", {{"points", "1"}, {"reason", "再调"}}).status, 409);

  auto published = s.get("/jxkh/2025/");
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_TRUE(has(published, "邵阳市人民政府2025年度政务公开绩效考核结果"));
  EXPECT_TRUE(has(published, "邵阳市财政局：86.5分")) << published.body;
  EXPECT_TRUE(has(published, "“主动公开时效”扣1分：超期发布"));
  EXPECT_TRUE(has(published, "“年度报告按时公布”扣5分：未按时公布"));
  EXPECT_TRUE(has(published, "政府办公室调整-2.5分：年度督查通报中被点名，整改不到位"));
  EXPECT_FALSE(has(published, "/console/")) << "no console links on the portal";
  EXPECT_EQ(meta_content(published.body, "ArticleTitle").value_or(""), "邵阳市人民政府2025年度政务公开绩效考核结果");
  EXPECT_EQ(meta_content(published.body, "ColumnName").value_or(""), "政务公开绩效考核");
  EXPECT_EQ(meta_content(published.body, "PubDate").value_or("").size(), 16u);
  EXPECT_TRUE(has(published, "name=\"viewport\"")) << "a phone reads it";
  index = s.get("/jxkh/");
  EXPECT_TRUE(has(index, "href=\"/jxkh/2025/\"")) << index.body;
  EXPECT_TRUE(has(s.get("/"), "href=\"/jxkh/\"")) << "the footer links it";
}

}  // namespace
}  // namespace zwgk::test
