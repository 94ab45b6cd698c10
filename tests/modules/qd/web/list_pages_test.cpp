// 清单 public pages over the real server, on both backends: the list shows the version in
// force (and says when none was yet), finds an item by words, shows what the second version
// changed cell by cell, keeps every version at its own URL, is found by the site search in
// the version in force, and downloads as CSV that Excel
// and WPS open (BOM, quoting), XLSX and JSON; an unpublished list is on no page.
#include <gtest/gtest.h>

#include <atomic>

#include <nlohmann/json.hpp>

#include "domain/china_time.hpp"
#include "modules/qd/service/list_service.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

std::atomic<std::int64_t> g_now{0};

std::int64_t at(const char* day) {
  return domain::china_midnight(*domain::Date::parse(day)).time_since_epoch().count() + 10 * 3600;
}

class ListServer : public SiteServer {
 public:
  ListServer() : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return g_now.load(); }; }) {
    editor = caller_of(add_account("editor", domain::Role::DepartmentEditor, seed.department.id));
    reviewer = caller_of(add_account("reviewer", domain::Role::DepartmentReviewer, seed.department.id));
    office = caller_of(add_account("publisher", domain::Role::Publisher));
  }
  modules::qd::ListService service() { return modules::qd::ListService(*db, [] { return g_now.load(); }); }
  void publish(std::int64_t id, const std::vector<std::vector<std::string>>& rows, const char* effective) {
    std::vector<domain::SheetRow> sheet = {{1, {"收费单位", "项目名称", "收费标准", "依据", "资金管理方式"}}};
    int n = 2;
    for (const auto& r : rows) sheet.push_back({n++, r});
    auto s = service();
    s.upload(editor, id, sheet);
    s.submit(editor, id);
    s.review(reviewer, id, true, "");
    s.publish(office, id, effective);
  }
  domain::Caller editor, reviewer, office;
};

TEST(ListPages, VersionsChangesSearchAndDownloads) {
  g_now = at("2026-03-01");
  ListServer s;
  const auto id = s.service().create(s.editor, {"administrative_fees", "邵阳市行政事业性收费目录清单", s.seed.department.id});
  const std::string page = "/qd/" + std::to_string(id) + "/";
  EXPECT_EQ(s.get(page).status, 404) << "never published";
  EXPECT_EQ(s.get("/qd/").body.find("邵阳市行政事业性收费目录清单"), std::string::npos);
  s.publish(id, {{"邵阳市自然资源和规划局", "不动产登记费", "每件550元", "发改价格规〔2016〕2559号", "缴入国库"},
                 {"邵阳市公安局", "证照工本费", "每证20元，含\"加急\"", "价费字〔1992〕240号", "缴入国库"},
                 {"邵阳市财政局", "会计证工本费", "每本10元", "财综〔2003〕1号", "缴入国库"}},
            "2026-03-01");
  auto first = s.get(page);
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("2026-03-01施行的是第1版"), std::string::npos);
  EXPECT_NE(first.body.find("共3项。"), std::string::npos) << "no search, no search line";
  EXPECT_NE(s.get("/qd/").body.find("邵阳市行政事业性收费目录清单"), std::string::npos);

  g_now = at("2026-06-10");
  s.publish(id, {{"邵阳市自然资源和规划局", "不动产登记费", "每件80元", "发改价格规〔2016〕2559号", "缴入国库"},
                 {"邵阳市公安局", "证照工本费", "每证20元，含\"加急\"", "价费字〔1992〕240号", "缴入国库"},
                 {"邵阳市住房和城乡建设局", "城市道路占用费", "按日计收", "湘价费〔2009〕1号", "缴入国库"}},
            "2026-07-01");
  auto june = s.get(page);
  EXPECT_NE(june.body.find("施行的是第1版"), std::string::npos) << "version 2 applies from 07-01";
  g_now = at("2026-07-02");
  auto july = s.get(page);
  ASSERT_EQ(july.status, 200);
  EXPECT_NE(july.body.find("施行的是第2版"), std::string::npos) << "the cached page expired at midnight";
  EXPECT_NE(july.body.find("本版变化：新增1项，删除1项，修改1项"), std::string::npos);
  EXPECT_NE(july.body.find("「收费标准」由“每件550元”改为“每件80元”"), std::string::npos);
  EXPECT_NE(july.body.find("邵阳市财政局 / 会计证工本费"), std::string::npos) << "the removed item is named";
  auto chosen = s.get(page + "?on=2026-06-30");
  EXPECT_NE(chosen.body.find("2026-06-30施行的是第1版"), std::string::npos);
  EXPECT_NE(s.get(page + "?on=2025-01-01").body.find("2025-01-01时本清单尚未施行"), std::string::npos);
  EXPECT_EQ(s.get(page + "?on=明天").status, 400);
  auto v1 = s.get(page + "v1/");
  ASSERT_EQ(v1.status, 200);
  EXPECT_NE(v1.body.find("每件550元"), std::string::npos) << "every version stays readable";
  EXPECT_EQ(s.get(page + "v9/").status, 404);
  EXPECT_EQ(v1.body.find("反馈意见箱"), std::string::npos) << "no 信箱 yet, no link to nowhere";
  // 反馈意见箱: with the site's 信箱, the page links to the 咨询投诉 form with the subject filled.
  store::MailboxRepository(*s.db).ensure_default_mailboxes(s.seed.site.id, "市长信箱");
  auto with_box = s.get(page);
  const auto at_link = with_box.body.find("写信反馈");
  ASSERT_NE(at_link, std::string::npos);
  const auto href = with_box.body.rfind("href=\"", at_link);
  const std::string link = with_box.body.substr(href + 6, with_box.body.find('"', href + 6) - href - 6);
  EXPECT_NE(link.find("/zmhd/write/"), std::string::npos) << link;
  std::string target;
  for (std::size_t i = 0; i < link.size(); ++i) target += link.compare(i, 5, "&amp;") == 0 ? (i += 4, '&') : link[i];
  auto form = s.get(target);
  ASSERT_EQ(form.status, 200) << target;
  EXPECT_NE(form.body.find("关于《邵阳市行政事业性收费目录清单》的意见"), std::string::npos) << "the subject is filled in";
  auto found = s.get(page + "?q=" + std::string("%E9%81%93%E8%B7%AF"));  // 道路
  EXPECT_NE(found.body.find("城市道路占用费"), std::string::npos);
  EXPECT_NE(found.body.find("“道路”找到1项"), std::string::npos);
  EXPECT_EQ(found.body.find("不动产登记费</td>"), std::string::npos) << "only the matching item";
  auto traditional = s.get(page + "?q=" + std::string("%E9%81%93%E8%B7%AF%E4%BD%94%E7%94%A8"));  // 道路佔用 (繁体)
  EXPECT_NE(traditional.body.find("城市道路占用费"), std::string::npos) << "繁体 finds 简体, as the site search does";

  // The site search finds the item in the version in force, and links to it in its list.
  auto search = s.get("/search/?q=%E5%9F%8E%E5%B8%82%E9%81%93%E8%B7%AF");  // 城市道路
  ASSERT_EQ(search.status, 200);
  EXPECT_NE(search.body.find("清单事项：找到 1 条"), std::string::npos) << search.body.substr(0, 200);
  EXPECT_NE(search.body.find("邵阳市住房和城乡建设局 / 城市道路占用费（邵阳市行政事业性收费目录清单）"), std::string::npos);
  EXPECT_NE(search.body.find(page + "?q=%E5%9F%8E%E5%B8%82%E9%81%93%E8%B7%AF"), std::string::npos);
  EXPECT_EQ(s.get("/search/?q=%E4%BC%9A%E8%AE%A1%E8%AF%81").body.find("清单事项"), std::string::npos)
      << "会计证工本费 was removed in version 2";

  auto csv = s.get(page + "v2.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF") << "a BOM, so Excel and WPS read UTF-8";
  EXPECT_NE(csv.body.find("收费单位,项目名称,收费标准,依据,资金管理方式\r\n"), std::string::npos);
  EXPECT_NE(csv.body.find("\"每证20元，含\"\"加急\"\"\""), std::string::npos) << "quotes doubled inside a quoted field";
  EXPECT_NE(csv.header("content-disposition").value_or("").find("attachment"), std::string::npos);
  auto xlsx = s.get(page + "v2.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK") << "an OOXML zip";
  auto json = nlohmann::json::parse(s.get(page + "v1.json").body);
  EXPECT_EQ(json["version"], 1);
  EXPECT_EQ(json["items"].size(), 3u);
  EXPECT_EQ(json["items"][0]["收费标准"], "每件550元");
}

}  // namespace
}  // namespace zwgk::test
