// The "done when": a year's assessment on the demo data (what `zwgk demo` loads and
// `make run` shows) gives each unit of the city a score whose every deduction links to its
// evidence. The totals are printed for the record.
#include <gtest/gtest.h>

#include <iostream>

#include "app/demo.hpp"
#include "modules/jxkh/domain/points.hpp"
#include "modules/jxkh/service/assessment_service.hpp"
#include "store/site_repository.hpp"
#include "support/holiday_calendar.hpp"
#include "support/test_database.hpp"

namespace zwgk::test {
namespace {

TEST(AssessmentDemo, EveryDeductionOfTheDemoYearLinksToItsEvidence) {
  auto db = open_test_database();
  const auto stats = app::load_demo(*db, ZWGK_SOURCE_DIR "/data/demo", 3, "/nonexistent/docs.jsonl");
  ASSERT_TRUE(stats.errors.empty()) << stats.errors.front();
  const auto site = store::SiteRepository(*db).by_code(app::kDemoCitySite);
  ASSERT_TRUE(site);
  domain::Caller office;
  office.account.id = 1;
  office.account.username = "demo_publisher";
  office.account.role = domain::Role::Publisher;
  office.account.site_id = site->id;
  office.name = "演示发布员";
  office.audit = [](const domain::AuditNote&) {};
  // Scored in February after the demo year.
  modules::jxkh::AssessmentService service(*db, calendar(), domain::clock_at(*domain::Date::parse("2025-02-20")));
  const auto result = service.compute(office, site->id, app::kDemoAssessmentYear);
  ASSERT_EQ(result.units.size(), 14u) << "every department of the city";
  int deductions = 0;
  std::cout << app::kDemoAssessmentYear << "年度 " << site->name << "（满分 100）\n";
  for (const auto& u : result.units) {
    std::cout << "  " << u.rank << ". " << u.name << " " << domain::format_points(u.final_points()) << "分";
    std::string why;
    for (const auto& r : u.results) {
      if (r.deducted == 0) continue;
      ++deductions;
      why += (why.empty() ? "：" : "；") + r.name + " −" + domain::format_points(r.deducted);
      ASSERT_FALSE(r.evidence.empty()) << u.name << " " << r.code << " deducts without evidence";
      for (const auto& e : r.evidence) {
        EXPECT_FALSE(e.url.empty()) << u.name << " " << r.code << " " << e.subject;
        EXPECT_EQ(e.url.rfind("/", 0), 0u) << "a page of this installation: " << e.url;
      }
    }
    std::cout << why << "\n";
  }
  EXPECT_GT(deductions, 0);
  // The demo's 2024 records: one unit interpreted through its 主要负责人, one report late, one
  // notice late (src/app/demo.cpp, add_demo_assessment_records).
  auto unit = [&](const std::string& name) -> const domain::UnitScore& {
    for (const auto& u : result.units)
      if (u.name == name) return u;
    throw std::runtime_error(name);
  };
  auto deducted = [&](const std::string& name, const std::string& code) {
    for (const auto& r : unit(name).results)
      if (r.code == code) return r.deducted;
    return -1;
  };
  EXPECT_EQ(deducted("邵阳市教育局", "zdgk.fzr"), 0);
  EXPECT_EQ(deducted("邵阳市教育局", "zdgk.nb"), 0);
  EXPECT_EQ(deducted("邵阳市卫生健康委员会", "zdgk.nb"), 50);
  EXPECT_EQ(deducted("邵阳市生态环境局", "zdgk.sx"), 10);
}

}  // namespace
}  // namespace zwgk::test
