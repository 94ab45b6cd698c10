// 政府信息公开工作年度报告 from a scripted year of records, on both backends: every applicant
// kind, every outcome ground, an application carried over from the year before and one carried
// forward, a reconsideration and two lawsuits give tables 三 and 四 equal cell by cell to the
// counts written here by hand, and the template's checks pass; table 二 counts the year's 规章
// and 行政规范性文件 with a repealed and a still-valid one; a figure typed differently from the
// records is refused without a reason and kept with one; the office's changes are audited.
#include "modules/ndbg/service/annual_report_service.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "modules/ndbg/domain/report_cells.hpp"
#include "modules/ysqgk/store/request_fixture.hpp"
#include "store/document_repository.hpp"

namespace zwgk::store::test {
namespace {

using domain::ReplyOutcome;
using zwgk::test::d;

class AnnualReportServiceTest : public RequestStoreTest {
 protected:
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
  modules::ndbg::AnnualReportService service() {
    return modules::ndbg::AnnualReportService(*db, [] { return 1767225600LL; });  // 2026-01-01T00:00:00Z
  }
  // A natural person's (column 0) or an organisation's application (columns 1-5), received on `on`.
  std::string receive(int column, const char* on) {
    if (column == 0) return office().register_request(person_request(on)).tracking_number;
    const domain::OrganisationKind kinds[] = {
        domain::OrganisationKind::CommercialEnterprise, domain::OrganisationKind::ResearchInstitution,
        domain::OrganisationKind::PublicWelfareOrganisation, domain::OrganisationKind::LegalServiceInstitution,
        domain::OrganisationKind::Other};
    return office().register_request(organisation_request(on, kinds[column - 1])).tracking_number;
  }
  void answer(const std::string& tn, domain::Date on, ReplyOutcome outcome) {
    auto& of = office();
    auto plus = [&](int days) { return domain::Date::from_sys_days(on.days() + std::chrono::days{days}); };
    // 补正 (Art. 30) comes before the application is assigned.
    if (outcome == ReplyOutcome::NoCorrectionInTime || outcome == ReplyOutcome::UnclearAfterCorrection) {
      ASSERT_TRUE(of.request_correction(tn, on, plus(10), "office", cal()));
    }
    if (outcome == ReplyOutcome::NoCorrectionInTime) {
      ASSERT_TRUE(of.close_no_correction(tn, plus(20), "office", cal()));
      return;
    }
    if (outcome == ReplyOutcome::UnclearAfterCorrection) {
      ASSERT_TRUE(of.receive_correction(tn, plus(2), "office", cal()));
    }
    ASSERT_TRUE(of.assign(tn, plus(3), named_department("市政府办"), "office", cal()));
    ASSERT_TRUE(of.reply(tn, plus(5), outcome, "", "", "office", cal()));
  }
  std::vector<domain::AuditNote> audited;
};

// The 21 outcomes of table 三 in order, the column of the applicant each was given to (i % 6),
// written out by hand.
const std::vector<std::pair<const char*, int>> kScript = {
    {"disclosed", 0},
    {"partially_disclosed", 1},
    {"not_disclosed.state_secret", 2},
    {"not_disclosed.forbidden_by_law", 3},
    {"not_disclosed.security_stability", 4},
    {"not_disclosed.third_party_rights", 5},
    {"not_disclosed.internal_affairs", 0},
    {"not_disclosed.process_information", 1},
    {"not_disclosed.enforcement_case_file", 2},
    {"not_disclosed.administrative_query", 3},
    {"cannot_provide.not_held", 4},
    {"cannot_provide.needs_compilation", 5},
    {"cannot_provide.unclear_after_correction", 0},
    {"not_processed.petition_or_complaint", 1},
    {"not_processed.repeated", 2},
    {"not_processed.published_material", 3},
    {"not_processed.excessive", 4},
    {"not_processed.confirmation", 5},
    {"other.no_correction", 0},
    {"other.fee_unpaid", 1},
    {"other.other", 2},
};

TEST_F(AnnualReportServiceTest, AScriptedYearGivesTablesThreeAndFourCellByCell) {
  const auto& outcomes = domain::all_reply_outcomes();
  ASSERT_EQ(outcomes.size(), kScript.size());
  // Carried over: received in December 2024, answered (予以公开) in January 2025.
  const auto old = receive(0, "2024-12-20");
  answer(old, d("2025-01-06"), ReplyOutcome::Disclosed);
  // Closed in 2024: in no 2025 figure.
  answer(receive(3, "2024-03-01"), d("2024-03-04"), ReplyOutcome::Disclosed);
  // The year: one application per outcome ground.
  std::string reconsidered;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    ASSERT_EQ(outcomes[i].code, kScript[i].first) << "the script follows the table's order";
    const auto tn = receive(kScript[i].second, "2025-03-03");
    answer(tn, d("2025-03-10"), outcomes[i].outcome);
    if (outcomes[i].outcome == ReplyOutcome::ThirdPartyRights) reconsidered = tn;
  }
  // Carried forward: a company's application of 26 December, open at the year's end.
  receive(1, "2025-12-26");
  // 行政复议 decided (纠正) within the year; a direct lawsuit still open; one after reconsideration upheld.
  auto& of = office();
  domain::RequestReview rv;
  rv.tracking_number = reconsidered;
  rv.kind = domain::ReviewKind::Reconsideration;
  rv.filed_on = d("2025-05-06");
  rv = of.add_review(rv);
  of.decide_review(reconsidered, rv.id, domain::ReviewOutcome::Corrected, d("2025-07-01"));
  domain::RequestReview direct = rv;
  direct.id = 0;
  direct.kind = domain::ReviewKind::LitigationDirect;
  direct.outcome = domain::ReviewOutcome::Pending;
  direct.decided_on.reset();
  direct.filed_on = d("2025-06-02");
  of.add_review(direct);
  domain::RequestReview after = direct;
  after.kind = domain::ReviewKind::LitigationAfterReconsideration;
  after.filed_on = d("2025-08-04");
  after.outcome = domain::ReviewOutcome::Upheld;
  after.decided_on = d("2025-11-20");
  of.add_review(after);

  auto s = service();
  const auto report = s.prepare(office_caller(), site.id, std::nullopt, 2025);
  auto row = [&](const std::string& code) {
    std::array<long long, 7> out{};
    for (int c = 0; c < 7; ++c) out[c] = report.value(domain::section_three_key(code, c));
    return out;
  };
  using Row = std::array<long long, 7>;
  EXPECT_EQ(row("new"), (Row{4, 5, 4, 3, 3, 3, 22}));
  EXPECT_EQ(row("carried"), (Row{1, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(row("disclosed"), (Row{2, 0, 0, 0, 0, 0, 2})) << "this year's and the carried-over one";
  EXPECT_EQ(row("partially_disclosed"), (Row{0, 1, 0, 0, 0, 0, 1})) << "counted once, under （二） only";
  for (std::size_t i = 2; i < kScript.size(); ++i) {
    Row expected{};
    expected[kScript[i].second] = 1;
    expected[6] = 1;
    EXPECT_EQ(row(kScript[i].first), expected) << kScript[i].first;
  }
  EXPECT_EQ(row("total"), (Row{5, 4, 4, 3, 3, 3, 22}));
  EXPECT_EQ(row("forward"), (Row{0, 1, 0, 0, 0, 0, 1}));
  auto four = [&](const char* block) {
    std::array<long long, 5> out{};
    for (int c = 0; c < 5; ++c) out[c] = report.value(domain::section_four_key(block, c));
    return out;
  };
  using Four = std::array<long long, 5>;
  EXPECT_EQ(four("reconsideration"), (Four{0, 1, 0, 0, 1}));
  EXPECT_EQ(four("direct"), (Four{0, 0, 0, 1, 1}));
  EXPECT_EQ(four("after"), (Four{1, 0, 0, 0, 1}));

  // The printed checks hold for the computed tables: what is left is text and the hand-entered cells.
  for (const auto& p : domain::check_report(report)) {
    EXPECT_TRUE(p.where.rfind("第三部分", 0) != 0 && p.where.rfind("第四部分", 0) != 0) << p.where << "：" << p.message;
  }

  // A figure typed differently from the records: refused without a reason, kept with one.
  try {
    s.set_figure(office_caller(), report.id, "3.new.0", 5, "");
    FAIL() << "a changed figure without a reason was stored";
  } catch (const domain::Invalid& e) {
    EXPECT_EQ(e.problems().at(0), "一、本年新收政府信息公开申请数量·自然人与记录不一致（记录为4），请说明理由");
  }
  EXPECT_EQ(s.view(office_caller(), report.id).report.value("3.new.0"), 4) << "nothing was written";
  s.set_figure(office_caller(), report.id, "3.new.0", 5, "另有1件当面申请未登记");
  auto v = s.view(office_caller(), report.id);
  EXPECT_EQ(v.report.value("3.new.0"), 5);
  EXPECT_EQ(v.report.reasons.at("3.new.0"), "另有1件当面申请未登记");
  bool unbalanced = false;
  for (const auto& p : v.problems) unbalanced |= p.where == "第三部分“自然人”列";
  EXPECT_TRUE(unbalanced) << "the sums now show the change";
  // Reading the records again keeps it; setting it back to the records drops the reason.
  s.refresh(office_caller(), report.id);
  EXPECT_EQ(s.view(office_caller(), report.id).report.value("3.new.0"), 5);
  s.set_figure(office_caller(), report.id, "3.new.0", 4, "");
  EXPECT_EQ(s.view(office_caller(), report.id).report.reasons.count("3.new.0"), 0u);
  ASSERT_GE(audited.size(), 4u);
  EXPECT_EQ(audited.back().action, "ndbg.set_figure");
  EXPECT_EQ(audited.back().detail, "3.new.0=4");
  // The same body and year is the same report.
  EXPECT_EQ(s.prepare(office_caller(), site.id, std::nullopt, 2025).id, report.id);
}

TEST_F(AnnualReportServiceTest, TableTwoCountsTheYearsRulesAndNormativeDocuments) {
  DocumentRepository docs(*db);
  auto publish = [&](const char* title, const char* number, const char* on, const char* code,
                     const char* repealed = nullptr) {
    auto doc = complete_draft(title, on);
    doc.doc_number = number;
    doc.catalogue_id = catalogue(code);
    if (repealed) doc.repealed_on = d(repealed);
    docs.publish(docs.save(doc));
  };
  publish("邵阳市城市绿化管理办法", "邵阳市人民政府令第3号", "2025-02-10", "fgwj");
  publish("关于进一步规范行政规范性文件管理的通知", "邵政发〔2025〕4号", "2025-03-05", "fgwj");
  publish("邵阳市城区停车管理办法", "邵政发〔2020〕6号", "2020-05-06", "fgwj", "2025-10-31");  // repealed in 2025
  publish("邵阳市农村饮水安全工程管理办法", "邵政发〔2021〕2号", "2021-03-01", "fgwj");      // still valid
  publish("邵阳市“十四五”规划纲要", "邵政发〔2021〕9号", "2021-04-01", "ghjh");               // not a 规范性文件
  const auto r = service().prepare(office_caller(), site.id, std::nullopt, 2025);
  EXPECT_EQ(r.value("2.rules.made"), 1);
  EXPECT_EQ(r.value("2.rules.repealed"), 0);
  EXPECT_EQ(r.value("2.rules.valid"), 1);
  EXPECT_EQ(r.value("2.normative.made"), 1);
  EXPECT_EQ(r.value("2.normative.repealed"), 1);
  EXPECT_EQ(r.value("2.normative.valid"), 2);
  EXPECT_EQ(r.computed.count("2.licensing"), 0u) << "not in the records: entered by hand with its source";
  const auto v = service().view(office_caller(), r.id);
  bool asks_source = false;
  for (const auto& p : v.problems) asks_source |= p.message == "行政许可·本年处理决定数量不在本系统的记录中，请注明数据来源";
  EXPECT_TRUE(asks_source);
  ASSERT_FALSE(v.facts.empty());
  EXPECT_EQ(v.facts[0].sentence(), "本年主动公开政府信息2条。") << "documents first published in 2025";
  // Without its departments, a government counts only what its own 发文机关 issued (none here).
  service().save_text(office_caller(), r.id, {"总体情况", "问题", "其他", /*include_departments=*/false});
  const auto own = service().view(office_caller(), r.id);
  EXPECT_EQ(own.facts[0].sentence(), "本年主动公开政府信息0条。");
  EXPECT_EQ(own.report.value("2.normative.made"), 0);
}

TEST_F(AnnualReportServiceTest, TheOfficeAndTheResponsibleDepartmentsEditorsWriteAReport) {
  domain::Department finance;
  finance.site_id = site.id;
  finance.name = "邵阳市财政局";
  finance = DepartmentRepository(*db).save(finance);
  domain::Caller editor = office_caller();
  editor.account.role = domain::Role::DepartmentEditor;
  editor.account.department_id = finance.id;
  EXPECT_THROW(service().prepare(editor, site.id, std::nullopt, 2025), domain::Forbidden) << "the government's";
  const auto own = service().prepare(editor, site.id, finance.id, 2025);
  EXPECT_EQ(own.body_name, "邵阳市财政局");
  // The government's report belongs to its office's department (邵阳市人民政府 → …办公室).
  domain::Caller office_editor = editor;
  office_editor.account.department_id = department.id;
  const auto government = service().prepare(office_editor, site.id, std::nullopt, 2025);
  EXPECT_EQ(government.office_department_id, department.id);
  EXPECT_THROW(service().view(editor, government.id), domain::Forbidden);
  EXPECT_THROW(service().view(office_editor, own.id), domain::Forbidden) << "another department's";
  domain::Caller auditor = office_caller();
  auditor.account.role = domain::Role::Auditor;
  EXPECT_EQ(service().view(auditor, own.id).report.id, own.id);
  EXPECT_THROW(service().set_figure(auditor, own.id, "2.licensing", 1, "x"), domain::Forbidden);
  EXPECT_EQ(service().reports(editor, site.id).size(), 1u) << "an editor lists only its department's";
  EXPECT_EQ(service().reports(office_caller(), site.id).size(), 2u);
  EXPECT_THROW(service().prepare(office_caller(), site.id, std::nullopt, 1999), domain::Invalid);
}

}  // namespace
}  // namespace zwgk::store::test
