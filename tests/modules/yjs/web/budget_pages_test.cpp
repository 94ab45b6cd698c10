// 预决算公开 over the real server, on both backends: the office files the government's
// 预算 and a department's 部门预算 in the console (bad input gets a 400 in Chinese and writes
// nothing); the public matrix shows the document with its date, 待公开 with the due date, and
// 逾期未公开 once the clock passes 20 days after the 批复 (the cached page expires at
// midnight); the department's editor files only its own.
#include <gtest/gtest.h>

#include <atomic>

#include "domain/china_time.hpp"
#include "modules/yjs/store/budget_repository.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

std::int64_t at(const char* day, int hour = 10) {
  return domain::china_midnight(*domain::Date::parse(day)).time_since_epoch().count() + hour * 3600;
}

std::atomic<std::int64_t> g_now{0};

class BudgetServer : public SiteServer {
 public:
  BudgetServer() : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return g_now.load(); }; }) {
    mount_console();
    add_account("publisher", domain::Role::Publisher);
    add_account("editor", domain::Role::DepartmentEditor, seed.department.id);
  }
};

TEST(BudgetPages, TheOfficeFilesAndThePublicMatrixTellsWhatIsOverdue) {
  g_now = at("2026-02-10");
  BudgetServer s;
  auto office = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_FALSE(office.cookie.empty());
  const std::string dep = std::to_string(s.seed.department.id);
  auto bad = office.post("/console/budgets/", {{"department_id", dep}, {"year", "2026"}, {"kind", "budget"},
                                               {"approved_on", "2026-13-01"}, {"document_id", ""}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("批复日期“2026-13-01”无法识别"), std::string::npos);
  EXPECT_TRUE(store::BudgetRepository(*s.db).of_year(s.seed.site.id, 2026).empty());

  auto page = s.get("/yjs/?year=2026");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("待批复"), std::string::npos);
  // The department's 部门预算: approved 2026-02-01, no document yet; the government's with the seed policy.
  ASSERT_EQ(office.post("/console/budgets/", {{"department_id", dep}, {"year", "2026"}, {"kind", "budget"},
                                              {"approved_on", "2026-02-01"}, {"document_id", ""}}).status, 303);
  ASSERT_EQ(office.post("/console/budgets/", {{"department_id", ""}, {"year", "2026"}, {"kind", "budget"},
                                              {"approved_on", "2026-01-20"},
                                              {"document_id", std::to_string(s.seed.policy_id)}}).status, 303);
  page = s.get("/yjs/?year=2026");
  EXPECT_NE(page.body.find("应于2026-02-21前公开"), std::string::npos) << "the cached page was invalidated";
  EXPECT_NE(page.body.find("/content/" + std::to_string(s.seed.policy_id) + ".html"), std::string::npos);
  EXPECT_EQ(page.body.find("逾期未公开 1 项"), std::string::npos);

  g_now = at("2026-02-22");
  page = s.get("/yjs/?year=2026");
  EXPECT_NE(page.body.find("逾期1天未公开"), std::string::npos) << "21 days after the 批复, past midnight";
  EXPECT_NE(page.body.find("逾期未公开 1 项"), std::string::npos);
  EXPECT_EQ(s.get("/yjs/?year=20x6").status, 400);

  auto desk = ConsoleSession::login(s.port, "editor", "correct horse");
  auto matrix = desk.get("/console/budgets/?year=2026");
  ASSERT_EQ(matrix.status, 200);
  EXPECT_NE(matrix.body.find("逾期1天未公开"), std::string::npos);
  EXPECT_EQ(matrix.body.find("<option value=\"\""), std::string::npos) << "an editor does not file the government's";
  auto refused = desk.post("/console/budgets/", {{"department_id", ""}, {"year", "2026"}, {"kind", "final_accounts"},
                                                 {"approved_on", ""}, {"document_id", ""}});
  EXPECT_EQ(refused.status, 403);
  auto work = desk.get("/console/");
  EXPECT_NE(work.body.find("部门预算：逾期1天未公开"), std::string::npos) << "in 我的工作";
}

}  // namespace
}  // namespace zwgk::test
