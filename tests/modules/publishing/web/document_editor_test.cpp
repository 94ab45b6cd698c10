// The document editor and the document's console page as the 部门编辑 and 保密审查员 use
// them (issue 17), through the real server: a returned document says why (退回意见, who,
// when) on its page and in the editor; 修改记录 lists the workflow events between the saves in
// order; the 政策解读's policy is found by a title fragment or its 文号 (JSON typeahead and
// the form's own 查找 step) and stored by id; the fields the publish check requires are
// marked from that same rule; 预览 renders a draft with the public template, refuses who may
// not see it, and is never cached.
#include <gtest/gtest.h>

#include <regex>

#include "domain/document.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"
#include "web/urls.hpp"

namespace zwgk::test {
namespace {

class DocumentEditorTest : public ::testing::Test {
 protected:
  DocumentEditorTest() {
    s.mount_console();
    s.add_account("editor", domain::Role::DepartmentEditor, s.seed.department.id, "王编辑");
    s.add_account("reviewer", domain::Role::DepartmentReviewer, s.seed.department.id, "李审查");
    s.add_account("publisher", domain::Role::Publisher);
    domain::Department other;
    other.site_id = s.seed.site.id;
    other.name = "邵阳市财政局";
    other = store::DepartmentRepository(*s.db).save(other);
    s.add_account("other", domain::Role::DepartmentEditor, other.id);
  }
  ConsoleSession login(const std::string& user) {
    auto c = ConsoleSession::login(s.port, user, "correct horse");
    EXPECT_FALSE(c.cookie.empty()) << user;
    return c;
  }
  std::vector<std::pair<std::string, std::string>> fields(const std::string& title, const std::string& doc_number,
                                                          const std::string& body = "<p>正文</p>") {
    return {{"title", title},
            {"doc_number", doc_number},
            {"catalogue_id", std::to_string(s.seed.ghjh.id)},
            {"department_id", std::to_string(s.seed.department.id)},
            {"issuer", "邵阳市人民政府"},
            {"written_on", "2024-05-06"},
            {"published_on", "2024-05-08"},
            {"disclosure", "proactive"},
            {"summary", "概述"},
            {"kind", "document"},
            {"body_html", body}};
  }
  std::int64_t create(const ConsoleSession& editor, std::vector<std::pair<std::string, std::string>> f) {
    auto r = editor.post("/console/documents/new", std::move(f));
    EXPECT_EQ(r.status, 303) << visible_text(r.body);
    std::smatch m;
    const auto loc = r.header("location").value_or("");
    if (!std::regex_search(loc, m, std::regex("/console/documents/([0-9]+)/"))) return 0;
    return std::stoll(m[1]);
  }
  std::string path(std::int64_t id, const std::string& rest = "") {
    return "/console/documents/" + std::to_string(id) + "/" + rest;
  }
  void edit(const ConsoleSession& editor, std::int64_t id, const std::string& title) {
    auto f = fields(title, "邵政办发〔2024〕7号");
    f.push_back({"expected_revision",
                 std::to_string(store::WorkflowRepository(*s.db).info(id)->latest_revision)});
    ASSERT_EQ(editor.post(path(id, "edit"), f).status, 303);
  }
  void publish(std::int64_t id) {
    auto editor = login("editor"), reviewer = login("reviewer"), publisher = login("publisher");
    ASSERT_EQ(editor.post(path(id, "submit"), {}).status, 303);
    ASSERT_EQ(reviewer.post(path(id, "start-review"), {}).status, 303);
    ASSERT_EQ(reviewer.post(path(id, "decide"), {{"opinion", "未发现涉密信息"}, {"decision", "proactive"}}).status, 303);
    ASSERT_EQ(publisher.post(path(id, "approve"), {}).status, 303);
    const auto rev = store::WorkflowRepository(*s.db).info(id)->latest_revision;
    ASSERT_EQ(publisher.post(path(id, "publish"), {{"expected_revision", std::to_string(rev)}}).status, 303);
  }
  std::size_t drafts() { return store::WorkflowRepository(*s.db).work_items({s.seed.site.id, {}, {}}).size(); }
  // The section of `html` from `from` up to `to` ("" if absent).
  static std::string between(const std::string& html, const std::string& from, const std::string& to) {
    const auto a = html.find(from);
    if (a == std::string::npos) return {};
    const auto b = html.find(to, a);
    return html.substr(a, b == std::string::npos ? std::string::npos : b - a);
  }
  // The opening tag of the form control named `name` ("" if none).
  static std::string control(const std::string& html, const std::string& name) {
    std::smatch m;
    if (std::regex_search(html, m, std::regex("<(input|select|textarea)[^>]*name=\"" + name + "\"[^>]*>"))) return m[0];
    return {};
  }

  SiteServer s;
};

TEST_F(DocumentEditorTest, ReturnedDocumentSaysWhyWhoAndWhenOnItsPageAndInTheEditor) {
  auto editor = login("editor"), reviewer = login("reviewer");
  const auto id = create(editor, fields("关于城区道路维修的通知", "邵政办发〔2024〕7号"));
  ASSERT_EQ(editor.post(path(id, "submit"), {}).status, 303);
  ASSERT_EQ(reviewer.post(path(id, "start-review"), {}).status, 303);
  ASSERT_EQ(reviewer.post(path(id, "return"), {{"reason", "请补充施工期间的交通组织方案"}}).status, 303);

  for (const auto& page : {path(id), path(id, "edit")}) {
    auto r = editor.get(page);
    ASSERT_EQ(r.status, 200) << page;
    const auto notice = between(r.body, "id=\"returned-notice\"", "</section>");
    ASSERT_FALSE(notice.empty()) << page;
    EXPECT_NE(notice.find("退回意见：</span>请补充施工期间的交通组织方案"), std::string::npos) << notice;
    EXPECT_NE(notice.find("退回人：reviewer"), std::string::npos) << notice;
    EXPECT_TRUE(std::regex_search(notice, std::regex("退回时间：20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}"))) << notice;
    // At the top: before the form / the status block.
    EXPECT_LT(r.body.find("id=\"returned-notice\""), r.body.find(page == path(id) ? "document-status" : "id=\"document-form\""));
  }
  // Submitted again: no longer returned, the notice goes (the reason stays in the history).
  ASSERT_EQ(editor.post(path(id, "submit"), {}).status, 303);
  auto again = editor.get(path(id));
  EXPECT_EQ(again.body.find("id=\"returned-notice\""), std::string::npos);
  EXPECT_NE(between(again.body, "id=\"history\"", "</ol>").find("退回意见：请补充施工期间的交通组织方案"), std::string::npos);
}

TEST_F(DocumentEditorTest, HistoryListsWorkflowEventsBetweenTheEditsNewestFirst) {
  auto editor = login("editor"), reviewer = login("reviewer");
  const auto id = create(editor, fields("第一稿", "邵政办发〔2024〕7号"));
  edit(editor, id, "第二稿");
  ASSERT_EQ(editor.post(path(id, "submit"), {}).status, 303);
  ASSERT_EQ(reviewer.post(path(id, "start-review"), {}).status, 303);
  ASSERT_EQ(reviewer.post(path(id, "return"), {{"reason", "标题不规范"}}).status, 303);
  edit(editor, id, "第三稿");
  ASSERT_EQ(editor.post(path(id, "submit"), {}).status, 303);

  const auto history = between(editor.get(path(id)).body, "id=\"history\"", "</ol>");
  ASSERT_FALSE(history.empty());
  const std::vector<std::string> expected = {"提交审查", "保存第 3 版", "退回修改", "退回意见：标题不规范",
                                             "开始保密审查", "提交审查", "保存第 2 版", "新建草稿（第 1 版）"};
  std::size_t at = 0;
  for (const auto& e : expected) {
    const auto found = history.find(e, at);
    ASSERT_NE(found, std::string::npos) << "missing or out of order: " << e << "\n" << visible_text(history);
    at = found + e.size();
  }
  // Who did each step: the reviewer's return, the editor's saves.
  EXPECT_TRUE(std::regex_search(history, std::regex("退回修改</span> · reviewer")));
  EXPECT_TRUE(std::regex_search(history, std::regex("保存第 3 版</span> · editor")));
  // The edit's field-level change is still there, beside the events.
  EXPECT_NE(history.find("<del>第二稿</del>"), std::string::npos);
}

TEST_F(DocumentEditorTest, PolicyIsFoundByTitleFragmentOrDocNumberAndStoredById) {
  auto editor = login("editor");
  const auto policy = create(editor, fields("关于优化营商环境的若干措施", "邵政发〔2024〕3号"));
  const auto other = create(editor, fields("关于财政预算执行情况的通知", "邵财发〔2024〕9号"));
  publish(policy);
  publish(other);

  // The typeahead's endpoint.
  auto by_title = editor.get("/console/documents/policies.json?" + form_encode({{"q", "营商"}}));
  ASSERT_EQ(by_title.status, 200);
  EXPECT_NE(by_title.header("content-type").value_or("").find("application/json"), std::string::npos);
  EXPECT_NE(by_title.body.find("\"id\":" + std::to_string(policy)), std::string::npos) << by_title.body;
  EXPECT_EQ(by_title.body.find("\"id\":" + std::to_string(other)), std::string::npos) << by_title.body;
  auto by_number = editor.get("/console/documents/policies.json?" + form_encode({{"q", "邵政发〔2024〕3号"}}));
  EXPECT_NE(by_number.body.find("\"id\":" + std::to_string(policy)), std::string::npos) << by_number.body;
  EXPECT_EQ(by_number.body.find("\"id\":" + std::to_string(other)), std::string::npos) << by_number.body;
  EXPECT_EQ(editor.get("/console/documents/policies.json?" + form_encode({{"q", "不存在的词"}})).body, "[]");

  // Without JavaScript: 查找 posts the form, which comes back with what was typed and the matches.
  auto f = fields("《关于优化营商环境的若干措施》政策解读", "");
  f.back() = {"body_html", "<p>解读正文</p>"};
  for (auto& [k, v] : f)
    if (k == "kind") v = "interpretation";
  auto step = f;
  step.push_back({"policy_q", "〔2024〕3号"});
  step.push_back({"find_policy", "1"});
  const auto before = drafts();
  auto found = editor.post("/console/documents/new", step);
  ASSERT_EQ(found.status, 200) << visible_text(found.body);
  EXPECT_EQ(drafts(), before);  // nothing saved
  const auto results = between(found.body, "id=\"policy-results\"", "</fieldset>");
  EXPECT_NE(results.find("name=\"interprets_id\" value=\"" + std::to_string(policy) + "\""), std::string::npos) << results;
  EXPECT_NE(results.find("《关于优化营商环境的若干措施》（邵政发〔2024〕3号）"), std::string::npos) << results;
  EXPECT_EQ(results.find("value=\"" + std::to_string(other) + "\""), std::string::npos);
  EXPECT_NE(found.body.find("value=\"《关于优化营商环境的若干措施》政策解读\""), std::string::npos);  // typed text kept

  // Choosing the radio and saving stores the id; the editor shows the policy by title and 文号.
  f.push_back({"interprets_id", std::to_string(policy)});
  const auto interpretation = create(editor, f);
  ASSERT_GT(interpretation, 0);
  EXPECT_EQ(store::DocumentRepository(*s.db).by_id(interpretation)->interprets_id, policy);
  auto page = editor.get(path(interpretation, "edit"));
  EXPECT_NE(between(page.body, "id=\"policy-chosen\"", "</strong>").find("《关于优化营商环境的若干措施》（邵政发〔2024〕3号）"),
            std::string::npos);
  EXPECT_NE(control(page.body, "interprets_id").find("value=\"" + std::to_string(policy) + "\""), std::string::npos);
}

TEST_F(DocumentEditorTest, FieldsThePublishCheckRequiresAreMarkedRequired) {
  auto editor = login("editor");
  auto page = editor.get("/console/documents/new");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("为发布必填"), std::string::npos);
  ASSERT_FALSE(domain::publication_required_fields().empty());
  for (const auto& f : domain::publication_required_fields()) {
    const auto tag = control(page.body, f.name);
    ASSERT_FALSE(tag.empty()) << f.name;
    EXPECT_NE(tag.find("aria-required=\"true\""), std::string::npos) << f.name << ": " << tag;
    // The label carries the visible mark.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(page.body, m, std::regex("<label for=\"" + f.name + "\">([^<]*)<span class=\"required-mark\"")))
        << f.name;
    EXPECT_EQ(m[1].str(), f.label);
  }
  for (const std::string optional : {"doc_number", "issuer", "topic", "written_on"})
    EXPECT_EQ(control(page.body, optional).find("aria-required"), std::string::npos) << optional;

  // And the publish check asks for exactly these: a draft missing them cannot be published.
  domain::Document empty;
  EXPECT_EQ(domain::missing_publication_metadata(empty).size(), domain::publication_required_fields().size());
}

TEST_F(DocumentEditorTest, PreviewRendersTheDraftWithThePublicTemplateOnlyForThoseWhoMaySeeIt) {
  auto editor = login("editor");
  const auto id = create(editor, fields("关于春季植树活动的通知", "邵政办发〔2024〕11号", "<p>预览中的正文内容</p>"));
  auto r = editor.get(path(id, "preview"));
  ASSERT_EQ(r.status, 200) << visible_text(r.body);
  EXPECT_NE(r.body.find("id=\"preview-notice\""), std::string::npos);
  EXPECT_NE(r.body.find("预览"), std::string::npos);
  EXPECT_NE(r.body.find("预览中的正文内容"), std::string::npos);
  EXPECT_NE(r.body.find("class=\"doc-heading\">关于春季植树活动的通知"), std::string::npos);  // the public template
  EXPECT_NE(r.body.find("<meta name=\"robots\" content=\"noindex\">"), std::string::npos);
  EXPECT_NE(r.header("cache-control").value_or("").find("no-store"), std::string::npos);
  EXPECT_NE(r.header("x-robots-tag").value_or("").find("noindex"), std::string::npos);
  // Not public, and nothing of it in the page cache.
  EXPECT_EQ(http_get(s.port, web::document_url(s.seed.site, id)).status, 404);
  edit(editor, id, "关于春季植树活动的通知（修改）");
  EXPECT_NE(editor.get(path(id, "preview")).body.find("关于春季植树活动的通知（修改）"), std::string::npos);

  // Another department's editor may not see the draft: 403; no session: to the login page.
  EXPECT_EQ(login("other").get(path(id, "preview")).status, 403);
  EXPECT_EQ(http_get(s.port, path(id, "preview")).status, 303);
  EXPECT_EQ(editor.get(path(999999, "preview")).status, 404);
  // The document's page and the editor link to it.
  EXPECT_NE(editor.get(path(id)).body.find("href=\"" + path(id, "preview") + "\""), std::string::npos);
  EXPECT_NE(editor.get(path(id, "edit")).body.find("href=\"" + path(id, "preview") + "\""), std::string::npos);
}

}  // namespace
}  // namespace zwgk::test
