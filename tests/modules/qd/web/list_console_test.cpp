// 清单 in the console over the real server, on both backends: an editor creates the
// 行政事业性收费目录清单 and uploads it as .xlsx (written by libxlsxwriter); a sheet with a bad
// cell gets a 400 naming the row and column and nothing is kept, a file that is not .xlsx a
// 400 in Chinese; the reviewer passes it (保密审查), the office publishes it with its 施行日期,
// and the public page shows it; an editor of another department can neither read nor submit it.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include <regex>

#include "domain/china_time.hpp"
#include "modules/qd/store/list_repository.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"
#include "web/table_export.hpp"

namespace zwgk::test {
namespace {

const std::int64_t kNow = domain::china_midnight(*domain::Date::parse("2026-03-02")).time_since_epoch().count() + 36000;

class ListConsoleServer : public SiteServer {
 public:
  ListConsoleServer() : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return kNow; }; }) {
    mount_console();
    add_account("editor", domain::Role::DepartmentEditor, seed.department.id);
    add_account("reviewer", domain::Role::DepartmentReviewer, seed.department.id);
    add_account("publisher", domain::Role::Publisher);
    domain::Department finance;
    finance.site_id = seed.site.id;
    finance.name = "邵阳市财政局";
    add_account("other_editor", domain::Role::DepartmentEditor, store::DepartmentRepository(*db).save(finance).id);
  }
  HttpResult upload(const ConsoleSession& s, const std::string& target, const std::string& bytes) const {
    const std::string boundary = "----qdBoundary7MA4YWxk";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + s.csrf + "\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"收费清单.xlsx\"\r\n"
            "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n" + bytes + "\r\n";
    body += "--" + boundary + "--\r\n";
    std::string req = "POST " + target + "?csrf_token=" + s.csrf + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                      "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\nCookie: " + s.cookie + "\r\nX-CSRF-Token: " + s.csrf + "\r\n\r\n" + body;
    return parse_http_response(http_exchange(port, req));
  }
};

std::string sheet(const std::string& fund_management) {
  web::Table t;
  t.header = {"序号", "收费单位", "项目名称", "收费标准", "依据", "资金管理方式"};
  t.rows.push_back({std::int64_t{1}, std::string("邵阳市公安局"), std::string("居民身份证工本费"), std::string("每证20元"),
                    std::string("价费字〔1992〕240号"), std::string("缴入国库")});
  t.rows.push_back({std::int64_t{2}, std::string("邵阳市自然资源和规划局"), std::string("不动产登记费"), std::string("每件80元"),
                    std::string("发改价格规〔2016〕2559号"), fund_management});
  return web::to_xlsx(t, "收费清单");
}

TEST(ListConsole, UploadReviewPublish) {
  ListConsoleServer s;
  auto editor = ConsoleSession::login(s.port, "editor", "correct horse");
  ASSERT_FALSE(editor.cookie.empty());
  auto created = editor.post("/console/lists/new", {{"type_code", "administrative_fees"}, {"title", "邵阳市行政事业性收费目录清单"},
                                                     {"department_id", std::to_string(s.seed.department.id)}});
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 1000);
  std::smatch m;
  const auto location = created.header("location").value_or("");
  ASSERT_TRUE(std::regex_search(location, m, std::regex(R"(/console/lists/(\d+)/)")));
  const std::string id = m[1];
  const std::string desk = "/console/lists/" + id + "/";

  auto bad = s.upload(editor, desk + "upload", sheet("上缴"));
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("第3行「资金管理方式」：“上缴”不是可选的值"), std::string::npos) << bad.body.substr(0, 2000);
  EXPECT_FALSE(store::ListRepository(*s.db).working(std::stoll(id))) << "nothing kept";
  auto junk = s.upload(editor, desk + "upload", "这不是表格");  // text: read as a CSV without the header
  EXPECT_EQ(junk.status, 400);
  EXPECT_NE(junk.body.find("第1行（表头）缺少必填列「收费单位」"), std::string::npos) << junk.body.substr(0, 2000);
  auto broken = s.upload(editor, desk + "upload", std::string("PK\x03\x04" "not a zip", 13));
  EXPECT_EQ(broken.status, 400);
  EXPECT_NE(broken.body.find("不是有效的 Excel 表格"), std::string::npos) << broken.body.substr(0, 3000);
  // A LibreOffice .xls of another type's sheet: read, and refused for its header, not as a file.
  std::ifstream xls(std::string(ZWGK_SOURCE_DIR) + "/tests/fixtures/sheets/blacklist.xls", std::ios::binary);
  const std::string xls_bytes((std::istreambuf_iterator<char>(xls)), std::istreambuf_iterator<char>());
  auto other_type = s.upload(editor, desk + "upload", xls_bytes);
  EXPECT_EQ(other_type.status, 400);
  EXPECT_NE(other_type.body.find("缺少必填列「项目名称」"), std::string::npos);

  ASSERT_EQ(s.upload(editor, desk + "upload", sheet("缴入财政专户")).status, 303);
  auto draft = editor.get(desk);
  ASSERT_EQ(draft.status, 200);
  EXPECT_NE(draft.body.find("新版本：草稿"), std::string::npos);
  EXPECT_NE(draft.body.find("<td>缴入财政专户</td>"), std::string::npos);
  ASSERT_EQ(editor.post(desk + "submit", {}).status, 303);
  EXPECT_EQ(s.get("/qd/" + id + "/").status, 404) << "not public before publication";

  auto other = ConsoleSession::login(s.port, "other_editor", "correct horse");
  EXPECT_EQ(other.get(desk).status, 403) << "another department's editor";
  EXPECT_EQ(other.post(desk + "submit", {}).status, 403);

  auto reviewer = ConsoleSession::login(s.port, "reviewer", "correct horse");
  EXPECT_EQ(reviewer.post(desk + "review", {{"action", "return"}, {"note", ""}}).status, 400) << "a return needs its reason";
  ASSERT_EQ(reviewer.post(desk + "review", {{"action", "pass"}, {"note", ""}}).status, 303);
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  EXPECT_NE(office.get(desk).body.find("name=\"effective_on\""), std::string::npos);
  ASSERT_EQ(office.post(desk + "publish", {{"effective_on", "2026-03-01"}}).status, 303);
  auto page = s.get("/qd/" + id + "/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("不动产登记费"), std::string::npos);
  EXPECT_NE(page.body.find("2026-03-02施行的是第1版"), std::string::npos);
  EXPECT_NE(office.get(desk).body.find("首次发布，共2项"), std::string::npos);
}

}  // namespace
}  // namespace zwgk::test

namespace zwgk::test {
namespace {

// A site adds a list type of its own in the console (清单类型), without code: a bad definition
// gets a 400 naming the line and keeps the text; only the site administrator may add one.
TEST(ListConsole, ASiteAddsItsOwnListType) {
  ListConsoleServer s;
  s.add_account("admin", domain::Role::SiteAdmin);
  auto admin = ConsoleSession::login(s.port, "admin", "correct horse");
  auto editor = ConsoleSession::login(s.port, "editor", "correct horse");
  auto page = editor.get("/console/lists/types/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("行政事业性收费目录清单"), std::string::npos) << "the shipped types with their columns";
  EXPECT_NE(page.body.find("随机抽查结果"), std::string::npos);
  EXPECT_EQ(page.body.find("新增清单类型"), std::string::npos) << "an editor does not define types";
  const std::string text = "名称：林木采伐许可事项清单\n代码：forest_permits\n事项编码，文本，必填，主键\n事项名称，文本，必填\n办理层级，选项：市级/县级，必填";
  EXPECT_EQ(editor.post("/console/lists/types/", {{"schema", text}}).status, 403);
  auto bad = admin.post("/console/lists/types/", {{"schema", "名称：林木采伐许可事项清单\n代码：forest_permits\n事项编码，颜色，必填，主键"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("颜色"), std::string::npos) << "the problem names the bad type";
  EXPECT_NE(bad.body.find("事项编码，颜色，必填，主键</textarea>"), std::string::npos) << "the text stays in the form";
  ASSERT_EQ(admin.post("/console/lists/types/", {{"schema", text}}).status, 303);
  page = admin.get("/console/lists/types/");
  EXPECT_NE(page.body.find("林木采伐许可事项清单"), std::string::npos);
  EXPECT_NE(page.body.find("本网站定义"), std::string::npos);
  EXPECT_EQ(admin.post("/console/lists/types/", {{"schema", text}}).status, 409) << "the same code twice";
  EXPECT_NE(editor.get("/console/lists/").body.find("<option value=\"forest_permits\">林木采伐许可事项清单</option>"),
            std::string::npos)
      << "the new type is offered for a new list";
}

}  // namespace
}  // namespace zwgk::test
