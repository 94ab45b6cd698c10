// 建议提案办理 through the real server on both backends: the office uploads the year's 交办清单
// on the console (a bad row: 400 naming row and column, nothing written; a good file: every
// row on the public list), the 主办单位 answers and the answer is on the public page in full
// with the page-identity tags, withholding without a reason is a 400 in Chinese, a withheld
// answer shows its reason and not its text, no public page shows the deputy's phone, the
// statistics page draws A/B/C per unit and exports XLSX, overdue answers are in 我的工作, and
// bad filters are a 400 in Chinese.
#include <gtest/gtest.h>

#include "modules/jyta/store/proposal_repository.hpp"
#include "modules/jyta/xlsx_sheet.hpp"
#include "store/account_repository.hpp"
#include "store/department_repository.hpp"
#include "web/console/console.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

constexpr const char* kPhone = "13973950000";

class ProposalServer : public SiteServer {
 public:
  explicit ProposalServer(const char* today = "2026-07-01")
      : SiteServer(0, false, [today](web::WebOptions& o) {
          const long long t = (domain::Date::parse(today)->days().time_since_epoch().count()) * 86400LL + 4 * 3600;
          o.clock = [t] { return t; };
        }) {
    mount_console();
    domain::Department t;
    t.site_id = seed.site.id;
    t.name = "邵阳市交通运输局";
    t.short_name = "市交通局";
    transport = store::DepartmentRepository(*db).save(t);
    add_account("publisher", domain::Role::Publisher);
    add_account("editor", domain::Role::DepartmentEditor, seed.department.id);
    add_account("transport_editor", domain::Role::DepartmentEditor, transport.id);
  }

  HttpResult upload(const ConsoleSession& s, const std::string& bytes) const {
    const std::string boundary = "----jytaBoundary7MA4YWxk";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + s.csrf + "\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"2026年交办清单.xlsx\"\r\n"
            "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n" + bytes + "\r\n";
    body += "--" + boundary + "--\r\n";
    std::string req = "POST /console/proposals/import?csrf_token=" + s.csrf + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                      "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\nCookie: " + s.cookie + "\r\nX-CSRF-Token: " + s.csrf + "\r\n\r\n" + body;
    return parse_http_response(http_exchange(port, req));
  }

  std::int64_t id_of(const std::string& number) {
    for (const auto& p : store::ProposalRepository(*db).of_year(seed.site.id, 0))
      if (p.number == number) return p.id;
    return 0;
  }

  domain::Department transport;
};

std::string good_file() {
  return xlsx_of({proposal_header(),
                  {"人大代表建议", "十七届", "三次会议", "#123", "关于加快老旧小区改造的建议", "张三", "王五、赵六", "市政府办",
                   "邵阳市交通运输局", "2026-03-10", kPhone},
                  {"政协委员提案", "十二届", "三次会议", "#7", "关于完善公交线网的提案", "李四", "", "市交通局", "", "2026-03-10",
                   "13973950001"}});
}

TEST(ProposalPages, ImportAnswerPublishAndStatistics) {
  ProposalServer s;
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_FALSE(office.cookie.empty());
  ASSERT_EQ(office.get("/console/proposals/import").status, 200);

  // A bad row: 400, row and column named, nothing written.
  const auto bad = xlsx_of({proposal_header(),
                            {"人大代表建议", "十七届", "三次会议", "1", "标题一", "张三", "", "市政府办", "", "2026-03-10"},
                            {"人大代表建议", "十七届", "三次会议", "2", "标题二", "张三", "", "市政府办", "", "2026-03-10"},
                            {"人大代表建议", "十七届", "三次会议", "3", "标题三", "张三", "", "市交通厅", "", "2026-03-10"}});
  auto refused = s.upload(office, bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("第4行「主办单位」：找不到单位“市交通厅”"), std::string::npos) << refused.body;
  EXPECT_EQ(store::ProposalRepository(*s.db).of_year(s.seed.site.id, 0).size(), 0u);

  // A good file: every row on the public list.
  ASSERT_EQ(s.upload(office, good_file()).status, 303);
  auto list = s.get("/jyta/");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("关于加快老旧小区改造的建议"), std::string::npos);
  EXPECT_NE(list.body.find("关于完善公交线网的提案"), std::string::npos);
  EXPECT_EQ(meta_content(list.body, "ColumnName"), "建议提案办理");
  EXPECT_NE(s.get("/").body.find("/jyta/"), std::string::npos) << "in the navigation";
  EXPECT_EQ(s.upload(office, good_file()).status, 400) << "a re-import is refused";

  // The 主办单位 answers; another unit's editor may not.
  const auto id = std::to_string(s.id_of("123"));
  const std::string url = "/console/proposals/" + id + "/";
  auto editor = ConsoleSession::login(s.port, "editor", "correct horse");
  auto other = ConsoleSession::login(s.port, "transport_editor", "correct horse");
  const std::string answer = "经研究，市政府已将老旧小区改造列入2026年民生实事项目，年内完成改造120个小区。";
  std::vector<std::pair<std::string, std::string>> form = {
      {"text", answer}, {"answered_on", "2026-05-20"}, {"class", "A"}, {"publication", "full"}};
  EXPECT_EQ(other.post(url + "answer", form).status, 403);
  ASSERT_EQ(editor.post(url + "answer", form).status, 303);

  auto page = s.get("/jyta/" + id + "/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(answer), std::string::npos) << "published in full";
  EXPECT_NE(page.body.find("A 所提问题已经解决或基本解决"), std::string::npos);
  EXPECT_EQ(meta_content(page.body, "ArticleTitle"), "关于加快老旧小区改造的建议");
  EXPECT_EQ(meta_content(page.body, "ContentSource"), "邵阳市人民政府办公室");

  // Withholding: refused without a reason, then shown with its reason and without the text.
  auto no_reason = office.post(url + "publication", {{"publication", "withheld"}, {"ground", ""}, {"reason", ""}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("负面清单"), std::string::npos);
  EXPECT_NE(s.get("/jyta/" + id + "/").body.find(answer), std::string::npos) << "unchanged";
  ASSERT_EQ(office.post(url + "publication", {{"publication", "withheld"}, {"ground", "not_disclosed.state_secret"},
                                              {"reason", "答复涉及尚未公开的规划内容"}}).status,
            303);
  page = s.get("/jyta/" + id + "/");
  EXPECT_EQ(page.body.find(answer), std::string::npos);
  EXPECT_NE(page.body.find("属于国家秘密：答复涉及尚未公开的规划内容"), std::string::npos);
  ASSERT_EQ(office.post(url + "publication", {{"publication", "full"}}).status, 303);
  ASSERT_EQ(office.post(url + "satisfaction", {{"satisfaction", "satisfied"}}).status, 303);

  // Statistics: A/B/C per unit, the chart, the spreadsheet.
  auto stats = s.get("/jyta/stats/?year=2026");
  ASSERT_EQ(stats.status, 200);
  EXPECT_NE(stats.body.find("<svg"), std::string::npos);
  EXPECT_NE(visible_text(stats.body).find("邵阳市人民政府办公室 1 1 1 0 1 1 0 0"), std::string::npos) << visible_text(stats.body);
  EXPECT_NE(visible_text(stats.body).find("邵阳市交通运输局 1 0 0 1 0 0 0 0"), std::string::npos);
  auto xlsx = s.get("/jyta/stats.xlsx?year=2026");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");

  // Filters.
  EXPECT_NE(s.get("/jyta/?class=A").body.find("关于加快老旧小区改造的建议"), std::string::npos);
  EXPECT_EQ(s.get("/jyta/?class=A").body.find("关于完善公交线网的提案"), std::string::npos);
  EXPECT_EQ(s.get("/jyta/?type=suggestion").body.find("关于完善公交线网的提案"), std::string::npos);
  EXPECT_NE(s.get("/jyta/?department=" + std::to_string(s.transport.id)).body.find("关于完善公交线网的提案"), std::string::npos);
  EXPECT_NE(s.get("/jyta/?q=" + std::string("%E5%85%AC%E4%BA%A4")).body.find("关于完善公交线网的提案"), std::string::npos);

  // No public page shows a deputy's phone.
  for (const std::string& p : {std::string("/jyta/"), "/jyta/" + id + "/", "/jyta/" + std::to_string(s.id_of("7")) + "/",
                               std::string("/jyta/stats/")})
    EXPECT_EQ(s.get(p).body.find(kPhone), std::string::npos) << p;

  // Overdue: the transport bureau's item (due 2026-06-10, today 2026-07-01) in 我的工作.
  auto work = other.get("/console/");
  EXPECT_NE(work.body.find("建议提案：超期未答复"), std::string::npos);
  EXPECT_NE(work.body.find("关于完善公交线网的提案"), std::string::npos);
  EXPECT_EQ(work.body.find("关于加快老旧小区改造的建议"), std::string::npos);
  EXPECT_NE(office.get("/console/proposals/?overdue=1").body.find("关于完善公交线网的提案"), std::string::npos);
}

TEST(ProposalPages, BadInputIsA400InChinese) {
  ProposalServer s;
  auto r = s.get("/jyta/?class=D");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("类别"), std::string::npos);
  EXPECT_EQ(s.get("/jyta/?year=20x6").status, 400);
  EXPECT_EQ(s.get("/jyta/?type=other").status, 400);
  EXPECT_EQ(s.get("/jyta/999/").status, 404);
  EXPECT_EQ(s.get("/jyta/stats/?year=abc").status, 400);
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  auto junk = s.upload(office, "this is not a spreadsheet");
  EXPECT_EQ(junk.status, 400);
  EXPECT_NE(junk.body.find("不是有效的 Excel 表格"), std::string::npos);
  EXPECT_EQ(office.post("/console/proposals/1/answer", {{"text", "x"}}).status, 404);
}

}  // namespace
}  // namespace zwgk::test
