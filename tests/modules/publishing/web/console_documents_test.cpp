// The console's document pages through the real server: the editor (validation, conflicts
// with the field-level diff), attachments (sniffed, text extracted for the privacy guard),
// .docx import, every workflow action by the right role, a wrong role refused with nothing
// changed, mask and override, the 政策解读 gate, the audit log viewer.
#include <gtest/gtest.h>

#include "ingest/ingest_samples.hpp"
#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/site_repository.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "web/console/console.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

constexpr const char* kId = "43050219900101123X";  // GB 11643 check character X

class DocumentConsoleServer : public SiteServer {
 public:
  DocumentConsoleServer() {
    web::console::ConsoleOptions o;
    o.templates_dir = web::default_web_options().templates_dir;
    o.base_url = base_url();
    console = std::make_unique<web::console::ConsoleApp>(o, *db);  // audit: the store's hash chain
    console->register_routes(router);
    register_module_consoles(*console);
    store::AccountRepository accounts(*db);
    auto make = [&](const std::string& u, domain::Role r, std::optional<std::int64_t> dep) {
      domain::Account a;
      a.username = u;
      a.display_name = u;
      a.role = r;
      a.site_id = seed.site.id;
      a.department_id = dep;
      return accounts.create(a, "correct horse");
    };
    domain::Department other;
    other.site_id = seed.site.id;
    other.name = "邵阳市财政局";
    other_department = store::DepartmentRepository(*db).save(other);
    make("editor", domain::Role::DepartmentEditor, seed.department.id);
    make("reviewer", domain::Role::DepartmentReviewer, seed.department.id);
    make("publisher", domain::Role::Publisher, std::nullopt);
    make("auditor", domain::Role::Auditor, std::nullopt);
    make("admin", domain::Role::SiteAdmin, std::nullopt);
    make("other", domain::Role::DepartmentEditor, other_department.id);
    domain::Site county;
    county.code = "dongkou";
    county.name = "洞口县人民政府";
    county.path_prefix = "/dongkou";
    county = store::SiteRepository(*db).save(county);
    domain::Account a;
    a.username = "county_auditor";
    a.display_name = "县审计员";
    a.role = domain::Role::Auditor;
    a.site_id = county.id;
    accounts.create(a, "correct horse");
  }
  std::unique_ptr<web::console::ConsoleApp> console;
  domain::Department other_department;
};

// multipart/form-data POST with one file.
HttpResult post_file(const ConsoleSession& s, const std::string& target,
                     std::vector<std::pair<std::string, std::string>> fields, const std::string& file_field,
                     const std::string& file_name, const std::string& data) {
  const std::string boundary = "----zwgkTestBoundary7MA4YWxkTrZu0gW";
  fields.insert(fields.begin(), {"csrf_token", s.csrf});
  std::string body;
  for (const auto& [k, v] : fields)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file_field + "\"; filename=\"" + file_name +
          "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n--" + boundary + "--\r\n";
  std::string req = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: " + s.cookie +
                    "\r\nContent-Type: multipart/form-data; boundary=" + boundary +
                    "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return parse_http_response(http_exchange(s.port, req));
}

class ConsoleDocumentsTest : public ::testing::Test {
 protected:
  ConsoleSession login(const std::string& user) {
    auto c = ConsoleSession::login(s.port, user, "correct horse");
    EXPECT_FALSE(c.cookie.empty()) << user;
    return c;
  }
  std::vector<std::pair<std::string, std::string>> fields(const std::string& title, const std::string& body,
                                                          const std::string& catalogue = "ghjh") {
    return {{"title", title},
            {"doc_number", "邵政办发〔2024〕7号"},
            {"catalogue_id", std::to_string(store::CatalogueRepository(*s.db).by_code(s.seed.site.id, catalogue)->id)},
            {"department_id", std::to_string(s.seed.department.id)},
            {"issuer", "邵阳市人民政府办公室"},
            {"written_on", "2024-05-06"},
            {"published_on", "2024-05-08"},
            {"disclosure", "proactive"},
            {"topic", "综合政务"},
            {"summary", "概述"},
            {"kind", "document"},
            {"body_html", body}};
  }
  // Creates a draft through the form; returns its id.
  std::int64_t create(const ConsoleSession& editor, const std::string& title, const std::string& body,
                      const std::string& catalogue = "ghjh") {
    auto r = editor.post("/console/documents/new", fields(title, body, catalogue));
    EXPECT_EQ(r.status, 303) << visible_text(r.body);
    const auto loc = r.header("location").value_or("");
    std::smatch m;
    std::regex re("/console/documents/([0-9]+)/");
    if (!std::regex_search(loc, m, re)) return 0;
    return std::stoll(m[1]);
  }
  std::string doc_path(std::int64_t id, const std::string& rest = "") {
    return "/console/documents/" + std::to_string(id) + "/" + rest;
  }
  domain::Stage stage(std::int64_t id) { return store::WorkflowRepository(*s.db).info(id)->status.stage; }
  int latest(std::int64_t id) { return store::WorkflowRepository(*s.db).info(id)->latest_revision; }
  void to_approved(std::int64_t id) {
    auto editor = login("editor"), reviewer = login("reviewer"), publisher = login("publisher");
    ASSERT_EQ(editor.post(doc_path(id, "submit"), {}).status, 303);
    ASSERT_EQ(reviewer.post(doc_path(id, "start-review"), {}).status, 303);
    ASSERT_EQ(reviewer.post(doc_path(id, "decide"), {{"opinion", "未发现涉密信息"}, {"decision", "proactive"}}).status,
              303);
    ASSERT_EQ(publisher.post(doc_path(id, "approve"), {}).status, 303);
  }

  DocumentConsoleServer s;
};

TEST_F(ConsoleDocumentsTest, EditorCreatesAndEditsADraftWithChineseValidation) {
  auto editor = login("editor");
  auto form = editor.get("/console/documents/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("公开目录"), std::string::npos);
  EXPECT_NE(form.body.find("规划计划"), std::string::npos);
  EXPECT_NE(form.body.find("/static/vendor/quill/quill.js"), std::string::npos);

  auto bad = fields("", "<p>正文</p>");
  bad[6].second = "2024-13-40";  // 发文日期
  auto r = editor.post("/console/documents/new", bad);
  EXPECT_EQ(r.status, 400);
  const auto text = visible_text(r.body);
  EXPECT_NE(text.find("请填写标题"), std::string::npos) << text;
  EXPECT_NE(text.find("发文日期格式应为"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"邵政办发〔2024〕7号\""), std::string::npos);  // what was typed stays

  const auto id = create(editor, "关于做好2024年防汛工作的通知", "<p>各县市区人民政府：</p><script>x()</script>");
  ASSERT_GT(id, 0);
  auto page = editor.get(doc_path(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(visible_text(page.body).find("草稿"), std::string::npos);
  EXPECT_EQ(page.body.find("<script>x()"), std::string::npos);  // sanitised

  auto edit = editor.get(doc_path(id, "edit"));
  ASSERT_EQ(edit.status, 200);
  EXPECT_EQ(hidden_value(edit.body, "expected_revision"), "1");
  auto f = fields("关于做好2024年防汛抗旱工作的通知", "<p>修改后的正文</p>");
  f.push_back({"expected_revision", "1"});
  EXPECT_EQ(editor.post(doc_path(id, "edit"), f).status, 303);
  EXPECT_EQ(latest(id), 2);
  auto history = editor.get(doc_path(id));
  EXPECT_NE(history.body.find("关于做好2024年防汛抗旱工作的通知"), std::string::npos);
  EXPECT_NE(visible_text(history.body).find("修改记录"), std::string::npos);

  // The list shows it to the editor's department, not to another department's editor.
  EXPECT_NE(editor.get("/console/documents/").body.find("防汛抗旱"), std::string::npos);
  auto other = login("other");
  EXPECT_EQ(other.get("/console/documents/").body.find("防汛抗旱"), std::string::npos);
  EXPECT_EQ(other.get(doc_path(id)).status, 404);
  EXPECT_NE(login("publisher").get("/console/documents/?stage=draft").body.find("防汛抗旱"), std::string::npos);
}

TEST_F(ConsoleDocumentsTest, SecondSaveOfTheSameRevisionShowsTheConflictAndKeepsTheInput) {
  auto editor = login("editor");
  const auto id = create(editor, "原标题", "<p>原正文</p>");
  auto first = fields("第一个人改的标题", "<p>原正文</p>");
  first.push_back({"expected_revision", "1"});
  ASSERT_EQ(editor.post(doc_path(id, "edit"), first).status, 303);

  auto second = fields("第二个人改的标题", "<p>第二个人写的正文</p>");
  second.push_back({"expected_revision", "1"});
  auto r = editor.post(doc_path(id, "edit"), second);
  EXPECT_EQ(r.status, 409);
  const auto text = visible_text(r.body);
  EXPECT_NE(text.find("保存冲突"), std::string::npos) << text;
  EXPECT_NE(text.find("第一个人改的标题"), std::string::npos);  // what the other person changed
  EXPECT_NE(r.body.find("value=\"第二个人改的标题\""), std::string::npos);  // own input kept
  EXPECT_NE(r.body.find("第二个人写的正文"), std::string::npos);
  EXPECT_EQ(hidden_value(r.body, "expected_revision"), "2");
  EXPECT_EQ(latest(id), 2);  // nothing overwritten
  EXPECT_EQ(store::DocumentRepository(*s.db).by_id(id)->title, "第一个人改的标题");
}

TEST_F(ConsoleDocumentsTest, AttachmentsAreSniffedAndTheirTextBlocksPublishing) {
  auto editor = login("editor");
  const auto id = create(editor, "2024年度补贴发放名单", "<p>名单见附件。</p>");
  std::string elf = "\x7f" "ELF";
  elf += std::string(2000, '\x01');
  auto refused = post_file(editor, doc_path(id, "attachments"), {{"expected_revision", "1"}}, "file", "名单.pdf", elf);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(visible_text(refused.body).find("未上传"), std::string::npos);
  EXPECT_EQ(latest(id), 1);

  const auto pdf = ingest::testing::make_pdf({"Name: Zhang San", std::string("ID: ") + kId});
  auto ok = post_file(editor, doc_path(id, "attachments"), {{"expected_revision", "1"}}, "file", "名单.pdf", pdf);
  EXPECT_EQ(ok.status, 303) << visible_text(ok.body);
  auto doc = store::DocumentRepository(*s.db).by_id(id);
  ASSERT_EQ(doc->attachments.size(), 1u);
  EXPECT_EQ(doc->attachments[0].media_type, "application/pdf");

  auto page = editor.get(doc_path(id));
  const auto text = visible_text(page.body);
  EXPECT_NE(text.find("附件《名单.pdf》"), std::string::npos) << text;
  EXPECT_NE(text.find("430502********123X"), std::string::npos);

  to_approved(id);
  auto publisher = login("publisher");
  auto blocked = publisher.post(doc_path(id, "publish"), {{"expected_revision", std::to_string(latest(id))}});
  EXPECT_EQ(blocked.status, 409);
  EXPECT_NE(visible_text(blocked.body).find("不能发布"), std::string::npos) << visible_text(blocked.body);
  EXPECT_EQ(stage(id), domain::Stage::Approved);
  EXPECT_EQ(store::DocumentRepository(*s.db).by_id(id)->state, domain::DocumentState::Draft);
}

TEST_F(ConsoleDocumentsTest, DocxImportReplacesTheBody) {
  auto editor = login("editor");
  const auto id = create(editor, "导入测试", "<p>旧正文</p>");
  const auto docx = ingest::testing::make_docx(
      "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>第一条</w:t></w:r><w:r><w:t>为了规范管理，制定本办法。</w:t></w:r></w:p>");
  auto r = post_file(editor, doc_path(id, "import-docx"), {{"expected_revision", "1"}}, "docx", "办法.docx", docx);
  EXPECT_EQ(r.status, 303) << visible_text(r.body);
  const auto body = store::DocumentRepository(*s.db).by_id(id)->body_html;
  EXPECT_NE(body.find("<strong>第一条</strong>"), std::string::npos) << body;
  EXPECT_NE(body.find("制定本办法"), std::string::npos);
  auto bad = post_file(editor, doc_path(id, "import-docx"), {{"expected_revision", "2"}}, "docx", "办法.docx",
                       "not a zip at all, just text");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(latest(id), 2);
}

TEST_F(ConsoleDocumentsTest, EveryWorkflowActionByTheRightRoleAndAWrongRoleChangesNothing) {
  auto editor = login("editor"), reviewer = login("reviewer"), publisher = login("publisher");
  const auto id = create(editor, "2024年政务公开工作要点", "<p>要点</p>");
  const auto audit_before = store::AuditLog(*s.db).count();

  auto wrong = [&](const ConsoleSession& who, const std::string& verb,
                   std::vector<std::pair<std::string, std::string>> f = {}) {
    const auto before = stage(id);
    const auto n = store::AuditLog(*s.db).count();
    auto r = who.post(doc_path(id, verb), f);
    EXPECT_TRUE(r.status == 403 || r.status == 409) << verb << " " << r.status;
    EXPECT_NE(visible_text(r.body).find("未执行"), std::string::npos) << visible_text(r.body);
    EXPECT_EQ(stage(id), before);
    EXPECT_EQ(store::AuditLog(*s.db).count(), n);
  };
  wrong(reviewer, "submit");
  wrong(publisher, "approve");
  ASSERT_EQ(editor.post(doc_path(id, "submit"), {}).status, 303);
  EXPECT_EQ(stage(id), domain::Stage::Submitted);
  wrong(editor, "start-review");
  ASSERT_EQ(reviewer.post(doc_path(id, "start-review"), {}).status, 303);
  // A decision other than 主动公开 needs its legal ground.
  EXPECT_EQ(reviewer.post(doc_path(id, "decide"), {{"opinion", "涉及个人隐私"}, {"decision", "not_disclosed"}}).status,
            400);
  EXPECT_EQ(stage(id), domain::Stage::UnderReview);
  wrong(publisher, "decide", {{"opinion", "可以公开"}, {"decision", "proactive"}});
  ASSERT_EQ(reviewer.post(doc_path(id, "decide"), {{"opinion", "可以公开"}, {"decision", "proactive"}}).status, 303);
  EXPECT_EQ(stage(id), domain::Stage::Reviewed);
  wrong(editor, "approve");
  ASSERT_EQ(publisher.post(doc_path(id, "approve"), {}).status, 303);
  EXPECT_EQ(stage(id), domain::Stage::Approved);
  // Return for changes and go round again.
  EXPECT_EQ(publisher.post(doc_path(id, "return"), {{"reason", ""}}).status, 400);
  ASSERT_EQ(publisher.post(doc_path(id, "return"), {{"reason", "请补充文号"}}).status, 303);
  EXPECT_EQ(stage(id), domain::Stage::Returned);
  to_approved(id);
  wrong(editor, "publish", {{"expected_revision", "1"}});
  auto page = publisher.get(doc_path(id));
  EXPECT_NE(visible_text(page.body).find("立即发布"), std::string::npos);
  EXPECT_EQ(visible_text(editor.get(doc_path(id)).body).find("立即发布"), std::string::npos);
  ASSERT_EQ(publisher.post(doc_path(id, "publish"), {{"expected_revision", "1"}}).status, 303);
  EXPECT_EQ(stage(id), domain::Stage::Published);
  EXPECT_EQ(s.get("/content/" + std::to_string(id) + ".html").status, 200);

  ASSERT_EQ(publisher.post(doc_path(id, "validity"), {{"expires_on", "2030-12-31"}}).status, 303);
  EXPECT_EQ(store::DocumentRepository(*s.db).by_id(id)->expires_on->iso(), "2030-12-31");
  ASSERT_EQ(publisher.post(doc_path(id, "change-note"), {{"version", "1"}, {"change_note", "首次发布"}}).status, 303);
  EXPECT_EQ(store::WorkflowRepository(*s.db).published_versions(id)[0].change_note, "首次发布");
  wrong(editor, "withdraw", {{"reason", "x"}});
  ASSERT_EQ(publisher.post(doc_path(id, "withdraw"), {{"reason", "内容已过时"}}).status, 303);
  EXPECT_EQ(stage(id), domain::Stage::Withdrawn);
  EXPECT_GT(store::AuditLog(*s.db).count(), audit_before);
  // One naming scheme (ADR 0020): every entry this run wrote is module.action.
  const std::regex module_action("^[a-z_]+\\.[a-z_.]+$");
  for (const auto& e : store::AuditLog(*s.db).entries())
    EXPECT_TRUE(std::regex_match(e.action, module_action)) << e.action;
  const auto entries = store::AuditLog(*s.db).entries("document", std::to_string(id));
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back().action, "publishing.withdraw");
}

TEST_F(ConsoleDocumentsTest, ScheduleAtABeijingTime) {
  auto editor = login("editor");
  const auto id = create(editor, "定时发布的通知", "<p>正文</p>");
  to_approved(id);
  auto publisher = login("publisher");
  EXPECT_EQ(publisher.post(doc_path(id, "schedule"), {{"expected_revision", "1"}, {"at", "明天"}}).status, 400);
  ASSERT_EQ(publisher.post(doc_path(id, "schedule"), {{"expected_revision", "1"}, {"at", "2099-01-02T09:30"}}).status,
            303);
  auto info = store::WorkflowRepository(*s.db).info(id);
  EXPECT_EQ(info->status.stage, domain::Stage::Scheduled);
  EXPECT_EQ(info->scheduled_at.substr(0, 16), "2099-01-02T01:30");
  EXPECT_NE(visible_text(publisher.get(doc_path(id)).body).find("2099-01-02 09:30"), std::string::npos);
}

TEST_F(ConsoleDocumentsTest, MaskInOneClickAndOverrideWithAReason) {
  auto editor = login("editor");
  const auto id = create(editor, "困难群众救助名单", std::string("<p>张三，身份证号") + kId + "，电话13812345678。</p>");
  auto page = editor.get(doc_path(id));
  EXPECT_NE(page.body.find("<mark>" + std::string(kId) + "</mark>"), std::string::npos);
  EXPECT_NE(visible_text(page.body).find("不能发布"), std::string::npos);

  // The reviewer overrides the phone number (an office hotline, say), the editor masks the rest.
  ASSERT_EQ(editor.post(doc_path(id, "submit"), {}).status, 303);
  auto reviewer = login("reviewer");
  ASSERT_EQ(reviewer.post(doc_path(id, "start-review"), {}).status, 303);
  const auto findings = store::WorkflowRepository(*s.db).privacy_findings(id);
  std::size_t phone = findings.size();
  for (std::size_t i = 0; i < findings.size(); ++i)
    if (findings[i].finding.kind == domain::PrivacyKind::MobilePhone) phone = i;
  ASSERT_LT(phone, findings.size());
  EXPECT_EQ(reviewer.post(doc_path(id, "override"),
                          {{"finding", std::to_string(phone)}, {"masked", "138****5678"}, {"reason", ""}}).status,
            400);
  ASSERT_EQ(reviewer.post(doc_path(id, "override"), {{"finding", std::to_string(phone)},
                                                     {"masked", "138****5678"},
                                                     {"reason", "该号码为救助站公开服务电话"}})
                .status,
            303);
  auto overridden = visible_text(reviewer.get(doc_path(id)).body);
  EXPECT_NE(overridden.find("已说明理由"), std::string::npos) << overridden;
  EXPECT_EQ(overridden.find("手机号码 138****5678（正文）"), std::string::npos);  // no longer blocks
  EXPECT_NE(overridden.find("不能发布"), std::string::npos);                      // the ID still does
  EXPECT_EQ(login("auditor").post(doc_path(id, "mask"), {{"expected_revision", "1"}}).status, 403);
  ASSERT_EQ(reviewer.post(doc_path(id, "mask"), {{"expected_revision", "1"}}).status, 303);
  const auto body = store::DocumentRepository(*s.db).by_id(id)->body_html;
  EXPECT_EQ(body.find(kId), std::string::npos);
  EXPECT_NE(body.find("430502********123X"), std::string::npos);
  auto after = visible_text(reviewer.get(doc_path(id)).body);
  EXPECT_EQ(after.find("不能发布"), std::string::npos) << after;
  bool audited = false;
  for (const auto& e : store::AuditLog(*s.db).entries("document", std::to_string(id)))
    if (e.action == "publishing.override_privacy" && e.changes.find("救助站公开服务电话") != std::string::npos) audited = true;
  EXPECT_TRUE(audited);
}

// The findings' context is the text a reader sees (no escaped markup), a number split by
// inline tags is found and blocks publishing, and masking edits the HTML keeping its tags.
TEST_F(ConsoleDocumentsTest, PrivacyFindingsReadTheVisibleTextAndMaskKeepsTheTags) {
  auto editor = login("editor");
  const auto id = create(editor, "救助名单（拆分）", "<p>申请人李四</p><p>身份证号4305021990<b>0101123X</b>，住址略。</p>");
  auto page = editor.get(doc_path(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<mark>" + std::string(kId) + "</mark>"), std::string::npos);
  EXPECT_EQ(page.body.find("&lt;/p&gt;"), std::string::npos);
  EXPECT_EQ(page.body.find("&lt;b&gt;"), std::string::npos);
  EXPECT_EQ(page.body.find("&lt;p&gt;"), std::string::npos);
  EXPECT_NE(visible_text(page.body).find("不能发布"), std::string::npos);
  ASSERT_EQ(editor.post(doc_path(id, "mask"), {{"expected_revision", "1"}}).status, 303);
  const auto body = store::DocumentRepository(*s.db).by_id(id)->body_html;
  EXPECT_NE(body.find("430502****<b>****123X</b>"), std::string::npos) << body;
  EXPECT_EQ(visible_text(editor.get(doc_path(id)).body).find("不能发布"), std::string::npos);
}

TEST_F(ConsoleDocumentsTest, PolicyNeedsItsInterpretationOrAnExemption) {
  auto editor = login("editor");
  const auto id = create(editor, "邵阳市促进就业若干政策", "<p>政策</p>", "zcwj");
  auto page = editor.get(doc_path(id));
  EXPECT_NE(page.body.find("/console/documents/new?kind=interpretation&amp;interprets_id=" + std::to_string(id)),
            std::string::npos);
  auto prefilled = editor.get("/console/documents/new?kind=interpretation&interprets_id=" + std::to_string(id));
  EXPECT_NE(prefilled.body.find("value=\"" + std::to_string(id) + "\""), std::string::npos);
  to_approved(id);
  auto publisher = login("publisher");
  auto blocked = publisher.post(doc_path(id, "publish"), {{"expected_revision", "1"}});
  EXPECT_EQ(blocked.status, 409);
  EXPECT_NE(visible_text(blocked.body).find("解读"), std::string::npos) << visible_text(blocked.body);

  // The interpretation, approved, goes out in the same step.
  auto f = fields("《邵阳市促进就业若干政策》解读", "<p>一、背景</p>", "zcjd");
  f[10].second = "interpretation";
  f.push_back({"interprets_id", std::to_string(id)});
  f.push_back({"interpretation_form", "graphic"});
  auto r = editor.post("/console/documents/new", f);
  ASSERT_EQ(r.status, 303) << visible_text(r.body);
  std::smatch m;
  const auto loc = r.header("location").value_or("");
  ASSERT_TRUE(std::regex_search(loc, m, std::regex("/console/documents/([0-9]+)/")));
  const auto interp = std::stoll(m[1]);
  EXPECT_EQ(store::WorkflowRepository(*s.db).info(interp)->interpretation_form, domain::InterpretationForm::Graphic);
  to_approved(interp);
  ASSERT_EQ(publisher.post(doc_path(id, "publish"), {{"expected_revision", "1"}}).status, 303);
  EXPECT_EQ(store::DocumentRepository(*s.db).by_id(interp)->state, domain::DocumentState::Published);
  EXPECT_NE(s.get("/content/" + std::to_string(id) + ".html").body.find("解读"), std::string::npos);

  // Exemption for another policy.
  const auto id2 = create(editor, "另一项政策", "<p>政策</p>", "zcwj");
  to_approved(id2);
  EXPECT_EQ(publisher.post(doc_path(id2, "exempt"), {{"reason", ""}}).status, 400);
  ASSERT_EQ(publisher.post(doc_path(id2, "exempt"), {{"reason", "仅调整执行期限，无需解读"}}).status, 303);
  EXPECT_EQ(publisher.post(doc_path(id2, "publish"), {{"expected_revision", "1"}}).status, 303);
}

TEST_F(ConsoleDocumentsTest, MyWorkCountsComeFromTheWorkflow) {
  auto editor = login("editor");
  create(editor, "草稿一", "<p>x</p>");
  const auto id = create(editor, "待审一", "<p>x</p>");
  ASSERT_EQ(editor.post(doc_path(id, "submit"), {}).status, 303);
  auto reviewer = login("reviewer");
  const auto home = reviewer.get("/console/");
  EXPECT_NE(home.body.find("待我审查"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(home.body, m,
                                std::regex("stage=submitted\"><span class=\"count\">([0-9]+)</span>")));
  EXPECT_EQ(m[1], "1");
  ASSERT_TRUE(std::regex_search(home.body, m, std::regex("stage=draft\"><span class=\"count\">([0-9]+)</span>")));
  EXPECT_EQ(m[1], "1");
  EXPECT_NE(reviewer.get("/console/documents/?stage=submitted").body.find("待审一"), std::string::npos);
}

TEST_F(ConsoleDocumentsTest, AuditLogViewerAndChainVerification) {
  auto editor = login("editor");
  create(editor, "审计测试", "<p>x</p>");
  EXPECT_EQ(editor.get("/console/audit/").status, 403);
  auto auditor = login("auditor");
  auto page = auditor.get("/console/audit/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("publishing.create_draft"), std::string::npos);
  const auto first_create = page.body.find("publishing.create_draft"), first_login = page.body.find(">kernel.login<");
  ASSERT_NE(first_login, std::string::npos);
  EXPECT_LT(page.body.find(">kernel.login<"), page.body.rfind(">kernel.login<"));
  EXPECT_LT(first_login, first_create);  // newest (the auditor's own login) first
  EXPECT_NE(visible_text(auditor.get("/console/audit/?verify=1").body).find("校验通过"), std::string::npos);

  auto admin = login("admin");
  EXPECT_EQ(admin.post("/console/workflow-settings/", {{"words", "内部资料\n"}, {"catalogue", "zcwj"}}).status, 303);
  EXPECT_EQ(store::WorkflowRepository(*s.db).sensitive_words(s.seed.site.id), std::vector<std::string>{"内部资料"});
  EXPECT_EQ(auditor.post("/console/workflow-settings/", {{"words", ""}, {"catalogue", "zcwj"}}).status, 403);
}

// Least privilege: an auditor of another site sees only that site's entries (here: their
// own login), never the city site's documents and logins; verification still covers all.
TEST_F(ConsoleDocumentsTest, AnAuditorSeesOnlyTheirOwnSitesAuditEntries) {
  auto editor = login("editor");
  create(editor, "市级文件", "<p>x</p>");
  auto county = login("county_auditor");
  auto page = county.get("/console/audit/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("publishing.create_draft"), std::string::npos);
  EXPECT_EQ(page.body.find(">editor<"), std::string::npos);
  EXPECT_NE(page.body.find(">county_auditor<"), std::string::npos);
  EXPECT_NE(page.body.find(">kernel.login<"), std::string::npos);
  EXPECT_NE(visible_text(county.get("/console/audit/?verify=1").body).find("校验通过"), std::string::npos);

  auto auditor = login("auditor");
  const auto city = auditor.get("/console/audit/").body;
  EXPECT_NE(city.find("publishing.create_draft"), std::string::npos);
  EXPECT_EQ(city.find(">county_auditor<"), std::string::npos);
  // The document's entries carry the document's site.
  for (const auto& e : store::AuditLog(*s.db).entries("document"))
    EXPECT_EQ(e.site_id, s.seed.site.id);
}

}  // namespace
}  // namespace zwgk::test
