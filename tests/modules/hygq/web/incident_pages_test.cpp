// 回应关切 through the real server on both backends: the office records an incident (bad
// time or unknown level -> 400 in Chinese, nothing kept), the list and 我的工作 count it down,
// a linked published document meets 权威发布 and the record page says by how much; the
// public 回应关切 column lists the response under its incident with the page-identity tags
// and shows no clock (and never the internal summary) until the site turns the clock on.
#include <gtest/gtest.h>

#include "modules/hygq/domain/incident.hpp"
#include "store/account_repository.hpp"
#include "web/console/console.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

// Wed 2026-12-02 12:00 China time.
const std::int64_t kNow = domain::parse_china_minute("2026-12-02 12:00")->time_since_epoch().count();

class IncidentServer : public SiteServer {
 public:
  IncidentServer() : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return kNow; }; }) {
    mount_console([](web::console::ConsoleOptions& o) { o.audit = [](const web::console::AuditEvent&) {}; });
    add_account("publisher", domain::Role::Publisher);
    add_account("admin", domain::Role::SiteAdmin);
  }
};

TEST(IncidentPages, RecordLinkAndThePublicColumn) {
  IncidentServer s;
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  auto admin = ConsoleSession::login(s.port, "admin", "correct horse");
  ASSERT_FALSE(office.cookie.empty());

  // Bad input: 400 with the reasons in Chinese, nothing recorded.
  auto bad = office.post("/console/incidents/", {{"level", "huge"}, {"known_at", "昨晚十点"}, {"title", "城南化工厂爆炸事故"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("未知的事件级别"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("获知时间无法识别"), std::string::npos);
  EXPECT_EQ(office.get("/console/incidents/").body.find("城南化工厂爆炸事故"), std::string::npos);

  // Known 09:30 China time: 权威发布 due 14:30, 新闻发布会 due tomorrow 09:30.
  auto made = office.post("/console/incidents/", {{"level", "serious"},
                                                   {"known_at", "2026-12-02T09:30"},
                                                   {"title", "城南化工厂爆炸事故"},
                                                   {"summary", "内部研判：死亡人数待核实"},
                                                   {"department_id", std::to_string(s.seed.department.id)}});
  ASSERT_EQ(made.status, 303) << made.body;
  std::string url = made.header("location").value_or("");
  url = url.substr(0, url.find('?'));  // see_other adds the "操作已完成" flag
  ASSERT_EQ(url.rfind("/console/incidents/", 0), 0u) << url;
  auto list = office.get("/console/incidents/");
  EXPECT_NE(list.body.find("城南化工厂爆炸事故"), std::string::npos);
  EXPECT_NE(list.body.find("剩余2小时30分"), std::string::npos) << "server-rendered countdown";
  EXPECT_NE(list.body.find("datetime=\"2026-12-02T06:30:00Z\""), std::string::npos);
  EXPECT_NE(office.get("/console/").body.find("剩余21小时30分"), std::string::npos) << "我的工作";

  // A published document (first published 11:50 China time) linked by id meets 权威发布.
  s.db->execute("UPDATE documents SET first_published_at = '2026-12-02T03:50:00Z' WHERE id = " +
                std::to_string(s.seed.policy_id));
  EXPECT_EQ(office.post(url + "link", {{"document_id", "abc"}}).status, 400);
  EXPECT_EQ(office.post(url + "link", {{"document_id", std::to_string(s.seed.policy_id)}}).status, 303);
  auto page = office.get(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("提前2小时40分完成"), std::string::npos) << page.body;
  auto picker = office.get(url + "?q=" + "%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80");
  EXPECT_NE(picker.body.find("class=\"candidates\""), std::string::npos) << "the title search (政务公开) offers documents";
  EXPECT_NE(picker.body.find("2017年邵阳市政务公开工作要点"), std::string::npos);
  // A response made elsewhere, with a time that cannot be read: 400.
  EXPECT_EQ(office.post(url + "response", {{"clock", "press_conference"}, {"at", "下午"}, {"what", "发布会"}}).status, 400);

  // The public column: the response under its incident, no clock, no summary.
  auto column = s.get("/hygq/");
  ASSERT_EQ(column.status, 200);
  EXPECT_NE(column.body.find("城南化工厂爆炸事故"), std::string::npos);
  EXPECT_NE(column.body.find("2026-12-02"), std::string::npos);
  EXPECT_NE(column.body.find("/content/" + std::to_string(s.seed.policy_id)), std::string::npos) << column.body;
  EXPECT_EQ(column.body.find("提前"), std::string::npos) << "no clock by default";
  EXPECT_EQ(column.body.find("截止"), std::string::npos);
  EXPECT_EQ(column.body.find("内部研判"), std::string::npos);
  EXPECT_EQ(meta_content(column.body, "ColumnName").value_or(""), "回应关切");

  // Settings: bad hours refused in Chinese; the clock turned on reaches the public page.
  auto wrong = admin.post("/console/incidents/settings", {{"hours_serious.release", "0"}, {"notice_minutes", "60"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("小时"), std::string::npos);
  EXPECT_EQ(office.post("/console/incidents/settings", {{"public_clock", "1"}}).status, 403);
  auto on = admin.post("/console/incidents/settings", {{"hours_serious.release", "5"},
                                                       {"hours_serious.press_conference", "24"},
                                                       {"hours_public_opinion.response", "48"},
                                                       {"notice_minutes", "60"},
                                                       {"public_clock", "1"}});
  EXPECT_EQ(on.status, 303) << on.body;
  column = s.get("/hygq/");
  EXPECT_NE(column.body.find("提前2小时40分完成"), std::string::npos) << column.body;
  EXPECT_NE(column.body.find("进行中，截止 2026-12-03 09:30"), std::string::npos);
  EXPECT_EQ(column.body.find("内部研判"), std::string::npos);
}

}  // namespace
}  // namespace zwgk::test
