// 政府信息公开工作年度报告 in the console, on the real server: the office prepares the
// government's report, reads what the checks find, writes the text and the sources of the
// hand-entered figures; a figure typed differently from the records without a reason is a 400
// that keeps what was typed; the .docx and the .xlsx download; the 市政府办 editor sends it to
// the workflow, which makes a 政府信息公开年报 document with both files attached; an editor of
// another department sees none of it; 我的工作 names the deadline.
#include <gtest/gtest.h>

#include <regex>

#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

bool has(const HttpResult& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

class ReportConsoleServer : public SiteServer {
 public:
  ReportConsoleServer() {
    mount_console([this](web::console::ConsoleOptions& o) {
      o.calendar = app->options().calendar;
      o.clock = [] { return 1768780800LL; };  // 2026-01-19: the 2025 reports are due
    });
    add_account("publisher", domain::Role::Publisher);
    add_account("editor", domain::Role::DepartmentEditor, seed.department.id);
    domain::Department other;
    other.site_id = seed.site.id;
    other.name = "邵阳市财政局";
    other = store::DepartmentRepository(*db).save(other);
    add_account("finance", domain::Role::DepartmentEditor, other.id);
  }
};

std::string path_of(const HttpResult& r) {
  std::string loc = r.header("location").value_or("");
  loc = loc.substr(0, loc.find('?'));
  const auto at = loc.find("/console/");
  return at == std::string::npos ? loc : loc.substr(at);
}

TEST(ReportConsole, TheOfficeWritesTheReportAndTheEditorSendsItToTheWorkflow) {
  ReportConsoleServer s;
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_FALSE(office.cookie.empty());
  auto list = office.get("/console/annual-reports/");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(has(list, "邵阳市人民政府2025年度报告应于2026-03-31前公布")) << list.body;
  EXPECT_TRUE(has(office.get("/console/"), "政府信息公开工作年度报告")) << "我的工作";
  EXPECT_EQ(office.post("/console/annual-reports/prepare", {{"year", "二〇二五"}, {"department", ""}}).status, 400);
  auto made = office.post("/console/annual-reports/prepare", {{"year", "2025"}, {"department", ""}});
  ASSERT_EQ(made.status, 303) << made.body;
  const std::string base = path_of(made);
  auto page = office.get(base);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "一、本年新收政府信息公开申请数量")) << page.body;
  EXPECT_TRUE(has(page, "请填写总体情况"));
  EXPECT_TRUE(has(page, "行政许可·本年处理决定数量不在本系统的记录中，请注明数据来源"));

  // A figure that differs from the records, without a reason: refused, what was typed kept.
  auto refused = office.post(base + "figure", {{"key", "3.new.0"}, {"value", "3"}, {"reason", ""}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(has(refused, "与记录不一致（记录为0），请说明理由")) << refused.body;
  EXPECT_TRUE(has(refused, "value=\"3\""));
  EXPECT_EQ(office.post(base + "figure", {{"key", "2.fees"}, {"value", "12.5万"}, {"reason", "财政局"}}).status, 400);

  for (const char* key : {"2.licensing", "2.penalty", "2.coercion"})
    ASSERT_EQ(office.post(base + "figure", {{"key", key}, {"value", "0"}, {"reason", "市政务服务中心统计"}}).status, 303);
  ASSERT_EQ(office.post(base + "figure", {{"key", "2.fees"}, {"value", "12.5"}, {"reason", "市财政局非税收入统计"}}).status, 303);
  ASSERT_EQ(office.post(base + "text", {{"overview", "2025年，市人民政府全面推进政务公开。"},
                                        {"problems", "政策解读的形式还不够丰富。\n下一步将增加图解。"},
                                        {"other", "本年度未收取信息处理费。"},
                                        {"include_departments", "1"}})
                .status,
            303);
  page = office.get(base);
  EXPECT_TRUE(has(page, "id=\"report-ok\"")) << page.body;
  EXPECT_TRUE(has(page, "市财政局非税收入统计")) << "the source is kept and shown";
  EXPECT_FALSE(has(page, "送审发布</button>")) << "the office writes; a department editor sends";

  auto docx = office.get(base + "report.docx");
  EXPECT_EQ(docx.status, 200);
  EXPECT_EQ(docx.header("content-type").value_or(""),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(docx.body.substr(0, 2), "PK");
  EXPECT_EQ(office.get(base + "report.xlsx").body.substr(0, 2), "PK");
  EXPECT_TRUE(has(office.get(base + "preview"), "本年度未收取信息处理费。"));

  auto finance = ConsoleSession::login(s.port, "finance", "correct horse");
  EXPECT_EQ(finance.get(base).status, 403) << "another department's editor";
  EXPECT_EQ(finance.post(base + "send", {}).status, 403);

  auto editor = ConsoleSession::login(s.port, "editor", "correct horse");
  EXPECT_TRUE(has(editor.get(base), "送审发布</button>")) << "the 市政府办 editor sends the government's report";
  auto sent = editor.post(base + "send", {});
  ASSERT_EQ(sent.status, 303) << sent.body;
  const std::string doc_path = path_of(sent);
  auto doc = editor.get(doc_path);
  EXPECT_EQ(doc.status, 200);
  EXPECT_TRUE(has(doc, "邵阳市人民政府2025年政府信息公开工作年度报告")) << doc.body;
  EXPECT_TRUE(has(doc, "政府信息公开年报"));
  EXPECT_TRUE(has(doc, "邵阳市人民政府2025年政府信息公开工作年度报告.docx"));
  EXPECT_TRUE(has(doc, "邵阳市人民政府2025年政府信息公开工作年度报告.xlsx"));
  EXPECT_TRUE(has(doc, "三、收到和处理政府信息公开申请情况"));
  EXPECT_TRUE(has(office.get(base), "已送审"));
}

}  // namespace
}  // namespace zwgk::test
