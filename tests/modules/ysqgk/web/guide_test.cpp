// 依申请公开指南 through the real server on both backends (issue 17): the 公开工作机构 edits
// the 受理机构信息 in the console (指南设置, audited, refused for other roles and for bad
// values with nothing saved); the guide shows exactly what is configured — fax and postcode
// when set, no 传真 line and no 传真申请 when the fax is empty; the 政府信息公开申请表 as
// .docx (opens: a zip with word/document.xml holding the labels; LibreOffice prints it) and
// as PDF (pdftotext reads the labels, the site's 受理机构 and its address back).
#include <gtest/gtest.h>

#include <mutex>

#include "ingest/zip_reader.hpp"
#include "modules/ysqgk/service/guide_service.hpp"
#include "store/account_repository.hpp"
#include "support/libreoffice.hpp"
#include "web/console/console.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

class GuideServer : public SiteServer {
 public:
  GuideServer() {
    web::console::ConsoleOptions o;
    o.templates_dir = web::default_web_options().templates_dir;
    o.base_url = base_url();
    o.audit = [this](const web::console::AuditEvent& e) {
      std::lock_guard lock(mutex);
      audit.push_back(e);
    };
    console = std::make_unique<web::console::ConsoleApp>(o, *db);
    console->register_routes(router);
    register_module_consoles(*console, store::random_secret());
    store::AccountRepository accounts(*db);
    auto make = [&](const std::string& u, domain::Role r, std::optional<std::int64_t> dep) {
      domain::Account a;
      a.username = u;
      a.display_name = u;
      a.role = r;
      a.site_id = seed.site.id;
      a.department_id = dep;
      accounts.create(a, "correct horse");
    };
    make("publisher", domain::Role::Publisher, std::nullopt);
    make("editor", domain::Role::DepartmentEditor, seed.department.id);
    make("auditor", domain::Role::Auditor, std::nullopt);
  }
  std::vector<web::console::AuditEvent> audit_events() {
    std::lock_guard lock(mutex);
    return audit;
  }
  domain::DisclosureGuide stored() { return modules::ysqgk::GuideService(*db).current(seed.site); }

  std::unique_ptr<web::console::ConsoleApp> console;
  std::mutex mutex;
  std::vector<web::console::AuditEvent> audit;
};

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields full_guide() {
  return {{"body_name", "邵阳市人民政府"},
          {"office", "邵阳市人民政府办公室（政务公开办）"},
          {"person_in_charge", "欧阳公开"},
          {"address", "湖南省邵阳市双清区宝庆东路1号市政府大楼302室"},
          {"postcode", "422000"},
          {"hours", "法定工作日 上午8:30—12:00，下午14:30—17:30"},
          {"phone", "0739-5365203"},
          {"fax", "0739-5365299"},
          {"email", "gkb@shaoyang.gov.cn"}};
}

Fields without(Fields f, const std::string& name) {
  for (auto& [k, v] : f)
    if (k == name) v.clear();
  return f;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// The guide's <dl> of contact data and 二、申请方式, as text.
std::string contact_block(const std::string& html) {
  const auto b = html.find("id=\"g-contact\"");
  const auto e = html.find("id=\"g-content\"");
  return b == std::string::npos || e == std::string::npos ? std::string() : visible_text(html.substr(b, e - b));
}

class GuideTest : public ::testing::Test {
 protected:
  GuideServer s;
  ConsoleSession login(const std::string& user) { return ConsoleSession::login(s.port, user, "correct horse"); }
};

TEST_F(GuideTest, TheOfficeEditsTheContactFieldsAndTheGuideShowsThem) {
  auto pub = login("publisher");
  ASSERT_FALSE(pub.cookie.empty());
  auto form = pub.get("/console/ysqgk/guide");
  ASSERT_EQ(form.status, 200);
  for (const char* label : {"受理机构名称", "办公地址", "邮政编码", "办公时间", "联系电话", "传真", "电子邮箱"})
    EXPECT_TRUE(has(form.body, std::string(">") + label + "</label>")) << label;
  // The default guide (nothing stored yet) names no fax and no postcode.
  EXPECT_FALSE(has(contact_block(s.get("/ysqgk/").body), "传真"));

  auto saved = pub.post("/console/ysqgk/guide", full_guide());
  ASSERT_EQ(saved.status, 303) << visible_text(saved.body);
  const auto g = s.stored();
  EXPECT_EQ(g.fax, "0739-5365299");
  EXPECT_EQ(g.postcode, "422000");
  EXPECT_EQ(g.office, "邵阳市人民政府办公室（政务公开办）");
  // The form shows what is stored.
  EXPECT_TRUE(has(pub.get("/console/ysqgk/guide").body, "value=\"0739-5365299\""));

  const auto events = s.audit_events();
  ASSERT_FALSE(events.empty());
  const auto& e = events.back();
  EXPECT_EQ(e.action, "ysqgk.edit_guide");
  EXPECT_EQ(e.object_id, std::to_string(s.seed.site.id));
  EXPECT_TRUE(has(e.detail, "fax")) << e.detail;
  EXPECT_TRUE(has(e.detail, "postcode")) << e.detail;
  EXPECT_FALSE(has(e.detail, "0739")) << "the entry names the fields, not their values";

  // The public guide changed at once (its cached copy was invalidated).
  const std::string text = contact_block(s.get("/ysqgk/").body);
  // visible_text: each <dt> and <dd> a word (the "：" after the label is CSS).
  for (const char* shown : {"受理机构 邵阳市人民政府办公室（政务公开办）", "办公地址 湖南省邵阳市双清区宝庆东路1号市政府大楼302室",
                            "邮政编码 422000", "传真 0739-5365299", "电子邮箱 gkb@shaoyang.gov.cn", "联系电话 0739-5365203",
                            "负责人 欧阳公开", "办公时间 法定工作日", "传真申请", "信函申请", "当面申请"})
    EXPECT_TRUE(has(text, shown)) << shown << "\n" << text;
}

TEST_F(GuideTest, AnEmptyFaxIsNotMentionedAnywhereOnTheGuide) {
  auto pub = login("publisher");
  ASSERT_EQ(pub.post("/console/ysqgk/guide", full_guide()).status, 303);
  ASSERT_TRUE(has(s.get("/ysqgk/").body, "传真"));
  ASSERT_EQ(pub.post("/console/ysqgk/guide", without(without(full_guide(), "fax"), "postcode")).status, 303);
  const auto page = s.get("/ysqgk/");
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(has(page.body, "传真")) << contact_block(page.body);
  EXPECT_FALSE(has(page.body, "邮政编码")) << contact_block(page.body);
  EXPECT_TRUE(has(contact_block(page.body), "信函申请"));

  // Without an office address there is nothing to send a letter to or to visit.
  ASSERT_EQ(pub.post("/console/ysqgk/guide", without(without(full_guide(), "fax"), "address")).status, 303);
  const std::string text = contact_block(s.get("/ysqgk/").body);
  EXPECT_FALSE(has(text, "信函申请")) << text;
  EXPECT_FALSE(has(text, "当面申请")) << text;
  EXPECT_FALSE(has(text, "办公地址")) << text;
  EXPECT_TRUE(has(text, "网上申请")) << text;
}

TEST_F(GuideTest, BadValuesAreRefusedWithTheirReasonsAndNothingIsSaved) {
  auto pub = login("publisher");
  ASSERT_EQ(pub.post("/console/ysqgk/guide", full_guide()).status, 303);
  const auto before_events = s.audit_events().size();
  auto f = full_guide();
  for (auto& [k, v] : f) {
    if (k == "postcode") v = "42200";
    if (k == "fax") v = "传真号";
    if (k == "email") v = "gkb at shaoyang";
    if (k == "office") v = "  ";
  }
  auto r = pub.post("/console/ysqgk/guide", f);
  EXPECT_EQ(r.status, 400);
  const std::string text = visible_text(r.body);
  for (const char* reason : {"请填写受理机构名称", "邮政编码应为6位数字", "传真号码格式不正确", "电子邮箱格式不正确"})
    EXPECT_TRUE(has(text, reason)) << reason << "\n" << text;
  EXPECT_EQ(s.stored().postcode, "422000");
  EXPECT_EQ(s.stored().fax, "0739-5365299");
  EXPECT_EQ(s.audit_events().size(), before_events);
}

TEST_F(GuideTest, OnlyTheOfficeMayEditTheGuide) {
  for (const char* user : {"editor", "auditor"}) {
    auto c = login(user);
    ASSERT_FALSE(c.cookie.empty()) << user;
    EXPECT_EQ(c.get("/console/ysqgk/guide").status, 403) << user;
    EXPECT_EQ(c.post("/console/ysqgk/guide", full_guide()).status, 403) << user;
  }
  EXPECT_EQ(s.stored().fax, "") << "nothing was saved";
  // The navigation offers 指南设置 to the office only.
  EXPECT_TRUE(has(login("publisher").get("/console/").body, "指南设置"));
  EXPECT_FALSE(has(login("editor").get("/console/").body, "指南设置"));
}

const char* const kFormLabels[] = {
    "政府信息公开申请表", "申请人信息", "自然人", "姓名", "证件类型", "证件号码", "工作单位", "联系电话", "邮政编码",
    "通信地址", "电子邮箱", "法人或其他组织", "名称", "统一社会信用代码", "法定代表人", "联系人", "所需信息情况",
    "所需信息的名称、文号或者便于查询的其他特征性描述", "所需信息的用途（可选）", "获取信息的方式", "邮寄", "电子邮件",
    "自行领取", "当场阅读、抄录", "信息的提供方式", "纸质", "电子", "申请人签名或盖章", "申请时间"};

// pdftotext -raw keeps a cell's lines in drawing order but may break a long label across
// lines: compare without whitespace.
std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\f' && c != '\t') out += c;
  return out;
}

TEST_F(GuideTest, TheGuideLinksTheApplicationFormAsWordAndPdf) {
  auto pub = login("publisher");
  ASSERT_EQ(pub.post("/console/ysqgk/guide", full_guide()).status, 303);
  const auto page = s.get("/ysqgk/");
  EXPECT_TRUE(has(page.body, "href=\"/ysqgk/application-form.docx\"")) << contact_block(page.body);
  EXPECT_TRUE(has(page.body, "href=\"/ysqgk/application-form.pdf\""));

  const auto docx = s.get("/ysqgk/application-form.docx");
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.header("content-type").value_or(""),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_TRUE(has(docx.header("content-disposition").value_or(""), "attachment"));
  const auto xml = ingest::read_zip_member(docx.body, "word/document.xml");
  ASSERT_TRUE(xml) << "the .docx is a zip with word/document.xml";
  for (const char* label : kFormLabels) EXPECT_TRUE(has(*xml, label)) << label;
  for (const char* site_data : {"邵阳市人民政府办公室（政务公开办）", "湖南省邵阳市双清区宝庆东路1号市政府大楼302室", "422000",
                                "0739-5365299"})
    EXPECT_TRUE(has(*xml, site_data)) << site_data;

  const auto pdf = s.get("/ysqgk/application-form.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type").value_or(""), "application/pdf");
  ASSERT_TRUE(pdf.body.starts_with("%PDF-"));
  const auto read = read_pdf_with_pdftotext(pdf.body);
  ASSERT_TRUE(read.ok) << read.log;
  const std::string text = squeeze(read.text);
  for (const char* label : kFormLabels) EXPECT_TRUE(has(text, label)) << label << "\n" << read.text;
  for (const char* site_data : {"邵阳市人民政府办公室（政务公开办）", "湖南省邵阳市双清区宝庆东路1号市政府大楼302室", "422000"})
    EXPECT_TRUE(has(text, site_data)) << site_data << "\n" << read.text;
  EXPECT_TRUE(has(text, "传真申请")) << read.text;

  // Without a fax the form does not offer one either.
  ASSERT_EQ(pub.post("/console/ysqgk/guide", without(full_guide(), "fax")).status, 303);
  const auto again = read_pdf_with_pdftotext(s.get("/ysqgk/application-form.pdf").body);
  ASSERT_TRUE(again.ok) << again.log;
  EXPECT_FALSE(has(squeeze(again.text), "传真")) << again.text;
}

TEST_F(GuideTest, LibreOfficeOpensTheWordForm) {
  const auto docx = s.get("/ysqgk/application-form.docx");
  ASSERT_EQ(docx.status, 200);
  const auto printed = print_docx_with_libreoffice(docx.body, /*layout=*/false);
  ASSERT_TRUE(printed.ok) << printed.log;
  const std::string text = squeeze(printed.text);
  for (const char* label : {"政府信息公开申请表", "申请人信息", "统一社会信用代码", "获取信息的方式", "申请人签名或盖章",
                            "邵阳市人民政府办公室（政务公开办）"})
    EXPECT_TRUE(has(text, label)) << label << "\n" << printed.text;
}

TEST_F(GuideTest, TheProcessIsAnOrderedListOfStepsNotAScaledDrawing) {
  const auto page = s.get("/ysqgk/");
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(has(page.body, "<svg class=\"flow\"")) << "an SVG scaled to a phone's width has 7 px labels";
  const auto b = page.body.find("<ol class=\"flow-steps\">");
  ASSERT_NE(b, std::string::npos);
  const std::string flow = page.body.substr(b, page.body.find("</ol>", b) - b);
  for (const char* step : {"提出申请", "登记受理", "审查办理", "作出答复", "送达申请人"}) EXPECT_TRUE(has(flow, step)) << step;
}

}  // namespace
}  // namespace zwgk::test
