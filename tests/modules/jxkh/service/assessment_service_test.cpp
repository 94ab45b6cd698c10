// 政务公开绩效考核 from a scripted department year, on both backends. 邵阳市财政局 in 2025: a
// notice formed on Monday 3 March and published on 8 April (25 working days: 清明 4 April off)
// is late under Art. 26; a policy of the 政策文件 column has no 解读 while another's was published
// with it; no 主要负责人 interpreted; a request answered 6 working days after its deadline; a
// 咨询 letter answered a week late; its 2024 annual report published on 10 February instead of
// 31 January. Each is a deduction whose evidence is that record, with its console URL, and the
// unit scores exactly 100 − 1 − 2 − 5 − 5 − 2 − 1 = 84. The office adjusts only with a reason,
// fills in the 工作要点 figure with its basis, releases, and nothing changes after that.
#include "modules/jxkh/service/assessment_service.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "modules/gzyd/service/work_plan_service.hpp"
#include "modules/ysqgk/store/request_fixture.hpp"
#include "modules/zcjc/service/report_json.hpp"
#include "modules/zcjc/store/inspection_repository.hpp"
#include "modules/zmhd/service/letter_service.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/catalogue_repository.hpp"
#include "store/document_repository.hpp"
#include "web/urls.hpp"

namespace zwgk::store::test {
namespace {

using domain::LetterEventKind;

class AssessmentServiceTest : public RequestStoreTest {
 protected:
  void SetUp() override {
    RequestStoreTest::SetUp();
    domain::Department f;
    f.site_id = site.id;
    f.name = "邵阳市财政局";
    f.credit_code = uscc("11430500006967716");
    finance = DepartmentRepository(*db).save(f);
    MailboxRepository(*db).ensure_default_mailboxes(site.id, "市长信箱");
  }

  domain::Caller office_caller() {
    domain::Caller c;
    c.account.id = 1;
    c.account.username = "office";
    c.account.role = domain::Role::Publisher;
    c.account.site_id = site.id;
    c.name = "政务公开办";
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n); };
    return c;
  }
  domain::Caller editor_caller() {
    auto c = office_caller();
    c.account.role = domain::Role::DepartmentEditor;
    c.account.department_id = finance.id;
    return c;
  }
  // 2026-01-20T00:00:00Z: the office scores 2025 in January.
  modules::jxkh::AssessmentService service() {
    return modules::jxkh::AssessmentService(*db, cal(), [] { return 1768867200LL; });
  }

  // A published document of 财政局 (imported: its 发布日期 is the record's).
  std::int64_t publish(const std::string& title, const std::string& column, const char* written, const char* published,
                       std::optional<std::int64_t> interprets = std::nullopt) {
    domain::Document d;
    d.site_id = site.id;
    d.title = title;
    d.catalogue_id = catalogue(column);
    d.department_id = finance.id;
    d.issuer = finance.name;
    d.written_on = date(written);
    d.published_on = date(published);
    d.disclosure = domain::DisclosureForm::Proactive;
    d.body_html = "<p>正文</p>";
    if (interprets) {
      d.kind = domain::DocumentKind::Interpretation;
      d.interprets_id = interprets;
    }
    DocumentRepository docs(*db);
    const auto id = docs.save(d);
    docs.publish(id);
    return id;
  }

  modules::zmhd::LetterService letters(const char* day) {
    return modules::zmhd::LetterService(*db, key, cal(), date(day));
  }
  void letter_step(const char* day, const std::string& n, LetterEventKind kind,
                   const std::function<void(domain::LetterEvent&)>& fill = {}) {
    modules::zmhd::StepInput in{domain::LetterEvent{kind, date(day), ""}, ""};
    if (fill) fill(in.event);
    letters(day).apply(office_caller(), n, in);
  }

  const domain::IndicatorResult& indicator(const domain::UnitScore& u, const std::string& code) {
    for (const auto& r : u.results)
      if (r.code == code) return r;
    throw std::runtime_error(code);
  }
  const domain::UnitScore& unit(const domain::AssessmentResult& r, std::int64_t id) {
    for (const auto& u : r.units)
      if (u.department_id == id) return u;
    throw std::runtime_error("no unit");
  }

  domain::Department finance;
  std::vector<domain::AuditNote> audited;
};

TEST_F(AssessmentServiceTest, AScriptedDepartmentYearGivesEachDeductionWithItsRecord) {
  // 主动公开时效: one late, one on time.
  const auto late = publish("关于2025年度财政资金绩效评价工作的通知", "ghjh", "2025-03-03", "2025-04-08");
  publish("邵阳市财政局2025年部门预算公开说明", "ghjh", "2025-05-06", "2025-05-08");
  // 政策解读: one policy without, one with its 解读 the same day.
  const auto bare = publish("邵阳市市级财政专项资金管理办法", "zcwj", "2025-06-02", "2025-06-03");
  const auto explained = publish("邵阳市政府采购管理实施细则", "zcwj", "2025-06-02", "2025-06-03");
  publish("《邵阳市政府采购管理实施细则》政策解读", "zcjd", "2025-06-02", "2025-06-03", explained);
  // 年度报告: the 2024 report ten days late.
  const auto report = publish("邵阳市财政局2024年政府信息公开工作年度报告", "zfxxgknb", "2025-02-08", "2025-02-10");

  // 依申请公开: received Monday 3 March, due 31 March, answered 8 April; another on time.
  auto& of = office();
  const auto tn = of.register_request(person_request("2025-03-03")).tracking_number;
  ASSERT_TRUE(of.assign(tn, date("2025-03-05"), finance, "office", cal()));
  ASSERT_TRUE(of.reply(tn, date("2025-04-08"), domain::ReplyOutcome::Disclosed, "", "", "office", cal()));
  const auto on_time = of.register_request(person_request("2025-05-06")).tracking_number;
  ASSERT_TRUE(of.assign(on_time, date("2025-05-07"), finance, "office", cal()));
  ASSERT_TRUE(of.reply(on_time, date("2025-05-20"), domain::ReplyOutcome::Disclosed, "", "", "office", cal()));

  // 来信: a 咨询 accepted Monday 3 March is due in 5 working days (10 March), answered 14 March.
  auto s = letters("2025-03-03");
  domain::LetterSubmission in;
  in.category = domain::LetterCategory::Consultation;
  in.title = "关于惠民补贴发放时间的咨询";
  in.content = "请问今年的惠民补贴什么时候发放？";
  in.writer = {"来信人", "13973955501", ""};
  const auto number = s.submit(site.id, "leader", in).number;
  letter_step("2025-03-03", number, LetterEventKind::Accept);
  letter_step("2025-03-04", number, LetterEventKind::Assign, [&](auto& e) { e.department_id = finance.id; });
  letter_step("2025-03-12", number, LetterEventKind::DraftReply, [](auto& e) {
    e.text = "您好！今年的惠民补贴已于3月14日通过“一卡通”发放到户，如未收到请向所在乡镇财政所咨询。";
  });
  letter_step("2025-03-14", number, LetterEventKind::ApproveReply);

  auto svc = service();
  // This office keeps its 工作要点 outside zwgk: that indicator is typed in (手工填报).
  auto set = domain::default_indicators();
  for (auto& i : set.indicators)
    if (i.code == "jc.gzyd") i.source = std::string(domain::kManualSource);
  svc.save_indicators(office_caller(), site.id, 2025, domain::format_indicators(set));
  EXPECT_THROW(svc.compute(editor_caller(), site.id, 2025), domain::Forbidden) << "only the office computes";
  EXPECT_THROW(svc.compute(office_caller(), site.id, 2027), domain::Invalid) << "a year not yet over";
  const auto result = svc.compute(office_caller(), site.id, 2025);
  ASSERT_EQ(result.units.size(), 2u) << "every department of the site is a unit";
  const auto& u = unit(result, finance.id);

  const auto& timely = indicator(u, "zdgk.sx");
  EXPECT_EQ(timely.checked, 5) << "the five documents of the year (the 年报 and the policies included)";
  EXPECT_EQ(timely.deducted, 10);
  ASSERT_EQ(timely.evidence.size(), 1u);
  EXPECT_EQ(timely.evidence[0].subject, "《关于2025年度财政资金绩效评价工作的通知》");
  EXPECT_EQ(timely.evidence[0].url, "/console/documents/" + std::to_string(late) + "/");
  EXPECT_NE(timely.evidence[0].detail.find("应于2025-03-31前发布，超期5个工作日"), std::string::npos) << timely.evidence[0].detail;

  const auto& interpretation = indicator(u, "zdgk.jd");
  EXPECT_EQ(interpretation.checked, 2);
  EXPECT_EQ(interpretation.deducted, 20);
  ASSERT_EQ(interpretation.evidence.size(), 1u);
  EXPECT_EQ(interpretation.evidence[0].subject, "《邵阳市市级财政专项资金管理办法》");
  EXPECT_EQ(interpretation.evidence[0].url, "/console/documents/" + std::to_string(bare) + "/");

  const auto& principal = indicator(u, "zdgk.fzr");
  EXPECT_EQ(principal.deducted, 50);
  ASSERT_EQ(principal.evidence.size(), 1u);
  EXPECT_EQ(principal.evidence[0].url, "/console/events/");

  const auto& annual = indicator(u, "zdgk.nb");
  EXPECT_EQ(annual.deducted, 50);
  ASSERT_EQ(annual.evidence.size(), 1u);
  EXPECT_EQ(annual.evidence[0].subject, "《邵阳市财政局2024年政府信息公开工作年度报告》");
  EXPECT_EQ(annual.evidence[0].url, "/console/documents/" + std::to_string(report) + "/");
  EXPECT_NE(annual.evidence[0].detail.find("2025-02-10公布，逾期10天"), std::string::npos) << annual.evidence[0].detail;

  const auto& requests = indicator(u, "ysq.ds");
  EXPECT_EQ(requests.checked, 2);
  EXPECT_EQ(requests.deducted, 20);
  ASSERT_EQ(requests.evidence.size(), 1u);
  EXPECT_EQ(requests.evidence[0].subject, "申请 " + tn);
  EXPECT_EQ(requests.evidence[0].url, "/console/requests/" + tn + "/");

  const auto& late_letters = indicator(u, "hd.xx");
  EXPECT_EQ(late_letters.deducted, 10);
  ASSERT_EQ(late_letters.evidence.size(), 1u);
  EXPECT_EQ(late_letters.evidence[0].subject, "信件 " + number + "《关于惠民补贴发放时间的咨询》");
  EXPECT_EQ(late_letters.evidence[0].url, "/console/letters/" + number + "/");
  EXPECT_NE(late_letters.evidence[0].detail.find("办理时限2025-03-10，2025-03-14答复，逾期"), std::string::npos);

  EXPECT_EQ(indicator(u, "hd.myd").deducted, 0) << "not rated within the period: 默认满意";
  EXPECT_EQ(indicator(u, "ysq.jz").deducted, 0);
  EXPECT_EQ(indicator(u, "zdgk.qd").deducted, 0);
  EXPECT_EQ(indicator(u, "jc.jc").deducted, 0);
  EXPECT_EQ(indicator(u, "jc.jc").summary, "2025年没有自查监测记录，不扣分");
  EXPECT_TRUE(indicator(u, "jc.gzyd").pending);
  EXPECT_EQ(u.total, 840);
  EXPECT_EQ(u.final_points(), 840);
  for (const auto& r : u.results) {
    for (const auto& e : r.evidence) {
      EXPECT_FALSE(e.url.empty()) << r.code << " " << e.subject;
    }
  }

  // The office (市政府办) had nothing to publish, no principal and no 2024 report.
  const auto& office_unit = unit(result, department.id);
  EXPECT_EQ(indicator(office_unit, "zdgk.nb").deducted, 50);
  EXPECT_EQ(indicator(office_unit, "zdgk.nb").evidence[0].url, "/console/annual-reports/");
  EXPECT_EQ(office_unit.final_points(), 900);
  EXPECT_EQ(result.units.front().department_id, department.id) << "ranked: 90 before 84";
  EXPECT_EQ(u.rank, 2);
  ASSERT_FALSE(audited.empty());
  EXPECT_EQ(audited.back().action, "jxkh.run");
  EXPECT_EQ(audited.back().object_id, std::to_string(site.id) + ":2025");

  // An adjustment without a reason is refused; with one it stands, and the latest counts.
  try {
    svc.adjust(office_caller(), site.id, 2025, finance.id, 20, "  ");
    FAIL() << "an adjustment without a reason";
  } catch (const domain::Invalid& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0], "调整分数须说明理由");
  }
  EXPECT_THROW(svc.adjust(editor_caller(), site.id, 2025, finance.id, 20, "理由"), domain::Forbidden);
  svc.adjust(office_caller(), site.id, 2025, finance.id, 20, "年报逾期系因系统故障，经核实予以恢复");
  svc.adjust(office_caller(), site.id, 2025, finance.id, 30, "年报逾期系因系统故障；另获省级通报表扬");
  EXPECT_EQ(audited.back().action, "jxkh.adjust");
  EXPECT_EQ(audited.back().detail, "department=" + std::to_string(finance.id) + " points=3");
  auto now = svc.result(site.id, 2025);
  ASSERT_TRUE(now);
  EXPECT_EQ(unit(*now, finance.id).final_points(), 870);
  EXPECT_EQ(unit(*now, finance.id).adjustment->reason, "年报逾期系因系统故障；另获省级通报表扬");
  EXPECT_EQ(svc.adjustment_history(site.id, 2025, finance.id).size(), 2u);

  // 工作要点: the office's figure, with its basis; one without a basis is refused.
  EXPECT_THROW(svc.set_figure(office_caller(), site.id, 2025, finance.id, "jc.gzyd", 1, ""), domain::Invalid);
  EXPECT_THROW(svc.set_figure(office_caller(), site.id, 2025, finance.id, "zdgk.sx", 1, "依据"), domain::Invalid)
      << "a computed indicator is not typed in";
  svc.set_figure(office_caller(), site.id, 2025, finance.id, "jc.gzyd", 1, "12月20日前未报送第五项任务落实情况");
  now = svc.result(site.id, 2025);
  EXPECT_EQ(indicator(unit(*now, finance.id), "jc.gzyd").deducted, 20);
  EXPECT_EQ(unit(*now, finance.id).final_points(), 850);

  // Computing again reads the records again and keeps the figure and the adjustment.
  const auto again = svc.compute(office_caller(), site.id, 2025);
  EXPECT_EQ(unit(again, finance.id).final_points(), 850);

  // Released: on the portal; nothing changes any more.
  EXPECT_FALSE(svc.released(site.id, 2025));
  EXPECT_THROW(svc.release(editor_caller(), site.id, 2025), domain::Forbidden);
  svc.release(office_caller(), site.id, 2025);
  EXPECT_EQ(audited.back().action, "jxkh.release");
  EXPECT_TRUE(tagged("assessments:" + std::to_string(site.id))) << "the portal's pages are invalidated";
  ASSERT_TRUE(svc.released(site.id, 2025));
  EXPECT_EQ(svc.released_years(site.id), std::vector<int>{2025});
  EXPECT_THROW(svc.compute(office_caller(), site.id, 2025), domain::Conflict);
  EXPECT_THROW(svc.adjust(office_caller(), site.id, 2025, finance.id, 10, "理由"), domain::Conflict);
  EXPECT_THROW(svc.save_indicators(office_caller(), site.id, 2025, svc.indicators(site.id, 2025)), domain::Conflict);
}

TEST_F(AssessmentServiceTest, TheYearsIndicatorsAreTheOfficesDataCheckedBeforeTheyAreKept) {
  auto svc = service();
  const auto text = svc.indicators(site.id, 2025);
  EXPECT_NE(text.find("zdgk.sx | 主动公开时效 | zdgk | 15 | 1 | 15 | timeliness"), std::string::npos) << text;
  try {
    svc.save_indicators(office_caller(), site.id, 2025, "权重 = 2\nall | 全部 | | 100 | 1 | | letters | 规则\n");
    FAIL() << "a weight below 3%";
  } catch (const domain::Invalid& e) {
    ASSERT_FALSE(e.problems().empty());
    EXPECT_NE(e.problems()[0].find("不得低于3%"), std::string::npos);
  }
  EXPECT_THROW(svc.save_indicators(editor_caller(), site.id, 2025, text), domain::Forbidden);
  svc.save_indicators(office_caller(), site.id, 2025,
                      "权重 = 5\nxx | 来信按时答复 | | 60 | 5 | 30 | letters | 每件扣5分\n"
                      "jd | 政策解读 | | 40 | 10 | | interpretation | 每件扣10分\n");
  EXPECT_EQ(audited.back().action, "jxkh.configure");
  const auto set = svc.indicator_set(site.id, 2025);
  EXPECT_EQ(set.weight, 50);
  EXPECT_EQ(set.leaves().size(), 2u);
  publish("邵阳市市级财政专项资金管理办法", "zcwj", "2025-06-02", "2025-06-03");
  const auto r = svc.compute(office_caller(), site.id, 2025);
  const auto& u = unit(r, finance.id);
  EXPECT_EQ(u.full, 1000);
  EXPECT_EQ(u.results.size(), 2u);
  EXPECT_EQ(indicator(u, "jd").deducted, 100);
  EXPECT_EQ(u.final_points(), 900);
  EXPECT_EQ(svc.indicators(site.id, 2024), domain::format_indicators(domain::default_indicators())) << "another year: the default";
}

// 日常监测: the year's last 自查监测 run; a column's finding goes to the department that publishes
// most in it, a document's to its department (linked to its console page), a finding about the
// whole site to the office; 发布解读 is left to its own indicator.
TEST_F(AssessmentServiceTest, MonitoringFindingsGoToTheUnitWhoseColumnOrDocumentTheyName) {
  const auto doc = publish("邵阳市财政局关于预算执行情况的通报", "ghjh", "2025-02-03", "2025-02-05");
  auto check = [](const char* code, const char* name, std::vector<domain::Evidence> evidence) {
    domain::CheckResult r;
    r.code = code;
    r.name = name;
    r.level = domain::CheckLevel::Warning;
    r.findings = static_cast<int>(evidence.size());
    r.evidence = std::move(evidence);
    return r;
  };
  const std::vector<domain::CheckResult> results = {
      check("column_update", "栏目不更新", {{"栏目“规划计划”", "最后更新 2025-02-05，已 318 天", web::catalogue_url(site, "ghjh")}}),
      check("wording", "严重表述错误", {{"《邵阳市财政局关于预算执行情况的通报》", "“政务情”应为“政务舆情”", web::document_url(site, doc)}}),
      check("homepage_update", "首页不更新", {{"首页", "已 11 天未更新", ""}}),
      check("interpretation", "发布解读", {{"《某政策》", "没有政策解读", web::document_url(site, doc)}}),
  };
  store::InspectionRun older{site.id, date("2025-06-01"), "2025-06-01T00:00:00Z", domain::CheckLevel::Warning, 0, 9,
                             modules::zcjc::results_to_json(results)};
  store::InspectionRun last{site.id, date("2025-12-20"), "2025-12-20T00:00:00Z", domain::CheckLevel::Warning, 0, 3,
                            modules::zcjc::results_to_json(results)};
  store::InspectionRepository(*db).save_run(older);
  store::InspectionRepository(*db).save_run(last);
  const auto r = service().compute(office_caller(), site.id, 2025);
  const auto& mine = indicator(unit(r, finance.id), "jc.jc");
  ASSERT_EQ(mine.evidence.size(), 2u) << mine.summary;
  EXPECT_EQ(mine.deducted, 20);
  EXPECT_EQ(mine.evidence[0].subject, "栏目不更新：栏目“规划计划”");
  EXPECT_EQ(mine.evidence[0].detail, "最后更新 2025-02-05，已 318 天（2025-12-20自查）");
  EXPECT_EQ(mine.evidence[1].url, "/console/documents/" + std::to_string(doc) + "/");
  const auto& office_site = indicator(unit(r, department.id), "jc.jc");
  ASSERT_EQ(office_site.evidence.size(), 1u);
  EXPECT_EQ(office_site.evidence[0].subject, "首页不更新：首页");
  EXPECT_EQ(office_site.evidence[0].url, "/console/inspection/report?day=2025-12-20");
  EXPECT_EQ(office_site.checked, 3) << "the run's checks that count here";
}

// 工作要点落实 from the units' reports (gzyd): 财政局's 工作方案 was reported on time, its task not
// at all by 12月20日 — one deduction, linked to the task on the plan's page.
TEST_F(AssessmentServiceTest, WorkPlanTasksNotReportedByTheirDateAreDeducted) {
  const std::string plan_text =
      "2025年邵阳市政务公开工作要点\n"
      "一、以政务公开助力稳增长\n"
      "(一)推进预决算公开。在本级政府门户网站集中公开政府预决算、部门预决算。(市财政局负责落实)\n";
  modules::gzyd::WorkPlanService plans(*db, key, cal(), [] { return 1741000000LL; });
  const auto imported = plans.import_plan(office_caller(), site.id, {2025, plan_text, date("2025-03-03")}).plan_id;
  ASSERT_EQ(imported > 0, true);
  std::int64_t programme = 0, task = 0;
  store::WorkPlanRepository repo(*db);
  for (const auto& u : repo.units(imported)) {
    if (u.department_id != finance.id) continue;
    (repo.task(u.task_id)->code == "方案" ? programme : task) = u.id;
  }
  ASSERT_TRUE(programme && task);
  domain::Caller editor = editor_caller();
  plans.report(editor, programme, "已制定并公开本单位2025年政务公开工作方案。", {});  // 2025-03-03: on time
  const auto result = service().compute(office_caller(), site.id, 2025);
  const auto& tasks = indicator(unit(result, finance.id), "jc.gzyd");
  EXPECT_FALSE(tasks.pending) << "computed, not typed in";
  EXPECT_EQ(tasks.deducted, 20) << "one task × 2 分";
  ASSERT_EQ(tasks.evidence.size(), 1u);
  EXPECT_EQ(tasks.evidence[0].subject, "一(一) 推进预决算公开");
  EXPECT_NE(tasks.evidence[0].detail.find("应于2025-12-20前报送落实情况"), std::string::npos) << tasks.evidence[0].detail;
  EXPECT_EQ(tasks.evidence[0].url.rfind("/console/work-plans/" + std::to_string(imported) + "/#task-", 0), 0u);
}

}  // namespace
}  // namespace zwgk::store::test
