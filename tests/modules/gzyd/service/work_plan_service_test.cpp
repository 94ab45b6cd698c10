// 工作要点 and 任务督办 on both backends: the seed 要点 (../shared) imports into its 27 tasks with
// its units matched to the site's departments and 各县市区政府 to the county sites, what cannot
// be matched listed and mapped by hand (and remembered for the next year's 要点); each unit's
// 工作方案 is due 20 working days after the 要点, its 落实情况 by 12月20日; units report, the
// office returns (with a reason) and passes; an overdue unit is notified once.
#include "modules/gzyd/service/work_plan_service.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "modules/gzyd/domain/task_progress.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/department_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/site_repository.hpp"
#include "store/store_fixture.hpp"
#include "support/holiday_calendar.hpp"
#include "support/shared_data.hpp"

namespace zwgk::store::test {
namespace {

using zwgk::test::d;

class WorkPlanServiceTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    DepartmentRepository deps(*db);
    for (const auto& [name, short_name] : std::vector<std::pair<const char*, const char*>>{
             {"邵阳市发展和改革委员会", "市发改委"}, {"邵阳市财政局", "市财政局"}, {"邵阳市统计局", "市统计局"},
             {"邵阳市教育局", "市教育局"}, {"邵阳市民政局", "市民政局"}}) {
      domain::Department x;
      x.site_id = site.id;
      x.name = name;
      x.short_name = short_name;
      departments[short_name] = deps.save(x).id;
    }
    for (const auto& [code, name] : {std::pair{"xinshao", "新邵县人民政府"}, std::pair{"shaodong", "邵东市人民政府"}}) {
      domain::Site s;
      s.code = code;
      s.name = name;
      s.path_prefix = std::string("/") + code;
      counties.push_back(SiteRepository(*db).save(s).id);
    }
    seed = zwgk::test::read_shared_file("data/demo/shaoyang-2017-zwgk-gongzuo-yaodian.txt").value_or("");
    ASSERT_FALSE(seed.empty()) << "not found: " << zwgk::test::shared_path("data/demo").string();
  }
  domain::Caller caller(domain::Role role, std::optional<std::int64_t> department_id = std::nullopt,
                        std::optional<std::int64_t> on_site = std::nullopt) {
    domain::Caller c;
    c.account.id = 7;
    c.account.username = "u";
    c.account.role = role;
    c.account.site_id = on_site.value_or(site.id);
    c.account.department_id = department_id;
    c.name = "经办人";
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n); };
    return c;
  }
  domain::Caller office() { return caller(domain::Role::Publisher); }
  modules::gzyd::WorkPlanService service(long long now = 1766275200LL /* 2025-12-21 */) {
    return modules::gzyd::WorkPlanService(*db, key, zwgk::test::calendar(), [now] { return now; });
  }
  // The first unit of `code` named `name`.
  StoredTaskUnit unit_of(std::int64_t plan, const std::string& code, const std::string& name) {
    WorkPlanRepository repo(*db);
    std::int64_t task = 0;
    for (const auto& t : repo.tasks(plan))
      if (t.code == code) task = t.id;
    for (const auto& u : repo.units(plan))
      if (u.task_id == task && (u.unit_name == name || u.mention == name)) return u;
    ADD_FAILURE() << code << " has no unit " << name;
    return {};
  }

  PersonalDataKey key = PersonalDataKey::derive_from(std::string(32, 'k'));
  std::map<std::string, std::int64_t> departments;
  std::vector<std::int64_t> counties;
  std::string seed;
  std::vector<domain::AuditNote> audited;
};

TEST_F(WorkPlanServiceTest, TheSeedImportsIntoTasksWithItsUnitsMatchedOrListed) {
  auto s = service();
  const auto summary = s.import_plan(office(), site.id, {2025, seed, d("2025-03-03")});
  EXPECT_EQ(summary.tasks, 27);
  EXPECT_EQ(summary.mentions, 79);
  EXPECT_EQ(summary.distinct_units, 39);
  using How = domain::UnitMatch::How;
  EXPECT_EQ(summary.matched.at(How::ShortName), 6) << "市发改委 市财政局 市统计局 市教育局 市民政局 市政府办";
  EXPECT_EQ(summary.matched.at(How::Group), 1) << "各县市区政府";
  EXPECT_EQ(summary.unmatched.size(), 32u);
  bool audit_listed = false;
  for (const auto& m : summary.unmatched) audit_listed |= m.mention == "市审计局";
  EXPECT_TRUE(audit_listed) << "no 审计局 among the departments: listed, never guessed";

  const auto view = s.plan(office(), summary.plan_id);
  EXPECT_EQ(view.plan.title, "2017年邵阳市政务公开工作要点");
  ASSERT_EQ(view.tasks.size(), 28u) << "each unit's 工作方案 first, then the 27 tasks";
  EXPECT_EQ(view.tasks[0].code, "方案");
  // 2025-03-03 (Monday) + 20 working days; March 2025 has no holiday.
  EXPECT_EQ(view.tasks[0].due_on, d("2025-03-31"));
  EXPECT_EQ(view.tasks[1].code, "一(一)");
  EXPECT_EQ(view.tasks[1].due_on, d("2025-12-20"));
  // 一(一): seven units in its first clause, 市统计局 and 市审计局 in the next two.
  const auto fgw = unit_of(summary.plan_id, "一(一)", "邵阳市发展和改革委员会");
  EXPECT_EQ(fgw.department_id, departments["市发改委"]);
  EXPECT_EQ(fgw.mention, "市发改委");
  EXPECT_FALSE(unit_of(summary.plan_id, "一(一)", "市审计局").matched());
  // 二(一) names 各县市区政府: one unit for each county site.
  int county_units = 0;
  for (const auto& u : view.units)
    if (u.mention == "各县市区政府" && u.unit_site_id) ++county_units;
  EXPECT_EQ(county_units, 2 * 3) << "2 counties × (工作方案, 二(一), 三(二))";
  EXPECT_EQ(audited.back().action, "gzyd.import");
  EXPECT_THROW(s.import_plan(office(), site.id, {2025, seed, d("2025-03-03")}), domain::Conflict);
  EXPECT_THROW(s.import_plan(office(), site.id, {2026, "没有编号的一段文字。", d("2026-03-02")}), domain::Invalid);
  EXPECT_THROW(s.import_plan(caller(domain::Role::DepartmentEditor, departments["市发改委"]), site.id,
                             {2026, seed, d("2026-03-02")}),
               domain::Forbidden);
}

TEST_F(WorkPlanServiceTest, AUnitMappedByHandIsRememberedForTheNextYear) {
  auto s = service();
  const auto first = s.import_plan(office(), site.id, {2025, seed, d("2025-03-03")});
  domain::Department audit;
  audit.site_id = site.id;
  audit.name = "邵阳市审计局";
  audit = DepartmentRepository(*db).save(audit);
  EXPECT_EQ(s.map_unit(office(), first.plan_id, "市审计局", audit.id), 2) << "its 工作方案 and 一(一)";
  EXPECT_EQ(unit_of(first.plan_id, "一(一)", "市审计局").department_id, audit.id);
  EXPECT_THROW(s.map_unit(office(), first.plan_id, "市审计局", 999999), domain::Invalid);
  const auto next = s.import_plan(office(), site.id, {2026, seed, d("2026-03-02")});
  EXPECT_EQ(next.matched.at(domain::UnitMatch::How::Alias), 1);
  EXPECT_EQ(unit_of(next.plan_id, "一(一)", "市审计局").department_id, audit.id);
}

TEST_F(WorkPlanServiceTest, UnitsReportTheOfficeReturnsAndPasses) {
  auto s = service();
  const auto plan = s.import_plan(office(), site.id, {2025, seed, d("2025-03-03")}).plan_id;
  const auto tjj = unit_of(plan, "一(一)", "邵阳市统计局");
  const auto editor = caller(domain::Role::DepartmentEditor, departments["市统计局"]);
  const auto other = caller(domain::Role::DepartmentEditor, departments["市财政局"]);
  EXPECT_THROW(s.report(other, tjj.id, "已召开发布会。", {}), domain::Forbidden) << "another department's share";
  EXPECT_THROW(s.report(editor, tjj.id, "", {}), domain::Invalid);
  s.report(editor, tjj.id, "全年召开经济运行情况新闻发布会4次。", {"/console/documents/12/"});
  EXPECT_EQ(WorkPlanRepository(*db).unit(tjj.id)->state, domain::TaskUnitState::Submitted);
  EXPECT_THROW(s.review(office(), tjj.id, false, ""), domain::Invalid) << "a return needs its reason";
  s.review(office(), tjj.id, false, "请补充发布会的链接。");
  EXPECT_EQ(WorkPlanRepository(*db).unit(tjj.id)->state, domain::TaskUnitState::Returned);
  EXPECT_THROW(s.review(office(), tjj.id, true, ""), domain::Conflict) << "nothing waiting";
  EXPECT_THROW(s.report(editor, tjj.id, "见附件。", {}, {{"页面.html", "<script>alert(1)</script>", "text/html"}}),
               domain::Invalid)
      << "PDF, Word, Excel, OFD or images only";
  const std::string pdf = "%PDF-1.4\n% 发布会记录\n";
  s.report(editor, tjj.id, "全年召开经济运行情况新闻发布会4次，见链接。", {"/console/documents/12/", "/xxgk/tjxx/"},
           {{"发布会记录.pdf", pdf, "application/pdf"}});
  const auto files = s.plan(office(), plan).files.at(tjj.id);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_FALSE(s.public_file(site.id, files[0].id)) << "not public before it passes";
  EXPECT_EQ(s.file(office(), files[0].id).second, pdf);
  s.review(office(), tjj.id, true, "");
  const auto shown = s.public_file(site.id, files[0].id);
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->first.file_name, "发布会记录.pdf");
  EXPECT_EQ(shown->second, pdf);
  EXPECT_FALSE(s.public_file(counties[0], files[0].id)) << "only on its own site";
  const auto passed = *WorkPlanRepository(*db).unit(tjj.id);
  EXPECT_EQ(passed.state, domain::TaskUnitState::Approved);
  EXPECT_EQ(passed.links.size(), 2u);
  EXPECT_THROW(s.report(editor, tjj.id, "改一下", {}), domain::Conflict);
  // The public page shows the passed report, and the county's office reports for the county.
  const auto pub = s.public_plan(site.id, 2025);
  ASSERT_TRUE(pub);
  const auto county = unit_of(plan, "二(一)", "新邵县人民政府");
  s.report(caller(domain::Role::Publisher, std::nullopt, counties[0]), county.id, "已公布本级随机抽查事项清单。", {});
  bool mine = false;
  for (const auto& [task, u] : s.my_units(caller(domain::Role::Publisher, std::nullopt, counties[0])))
    mine |= u.id == county.id;
  EXPECT_TRUE(mine) << "the county office sees its share of the city's plan";
}

TEST_F(WorkPlanServiceTest, AnOverdueUnitIsNotifiedOnce) {
  auto s = service();
  const auto plan = s.import_plan(office(), site.id, {2025, seed, d("2025-03-03")}).plan_id;
  LetterContact contact;
  contact.department_id = departments["市统计局"];
  contact.staff_email = "tjj@example.cn";
  contact.head_email = "tjj-head@example.cn";
  store::MailboxRepository(*db).save_contact(site.id, contact);
  // On 2025-12-19 nothing is late but the 工作方案 (due 2025-03-31).
  for (const auto& [task, u] : s.overdue(site.id, d("2025-12-19"))) EXPECT_EQ(task.code, "方案");
  const auto late = s.overdue(site.id, d("2025-12-21"));
  int tjj_late = 0;
  for (const auto& [task, u] : late) tjj_late += u.department_id == departments["市统计局"];
  EXPECT_EQ(tjj_late, 2) << "its 工作方案 and 一(一)";
  EXPECT_EQ(s.notify_overdue(site.id, d("2025-12-21"), "http://127.0.0.1"), 2) << "only 统计局 has an address";
  EXPECT_EQ(s.notify_overdue(site.id, d("2025-12-22"), "http://127.0.0.1"), 0) << "once";
  const auto mails = OutboxRepository(*db, key).list({site.id, "", 100});
  EXPECT_EQ(mails.size(), 4u) << "two units × 承办人 and 负责人";
  for (const auto& m : mails) EXPECT_EQ(m.kind, "gzyd.overdue");
  EXPECT_EQ(unit_of(plan, "一(一)", "邵阳市统计局").overdue_notified_on, "2025-12-21");
}

}  // namespace
}  // namespace zwgk::store::test
