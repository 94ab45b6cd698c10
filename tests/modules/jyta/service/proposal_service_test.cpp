// 建议提案办理, the use cases on a real database (both backends): an .xlsx with a bad row is
// refused by row and column and writes nothing; a good file writes every row (and its
// re-import is refused); the deadline is 3 months from 交办 (or the site's months); only the
// 主办单位 answers; not publishing is refused without a ground and a reason; A/B/C per unit.
#include "modules/jyta/service/proposal_service.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "modules/jyta/store/proposal_repository.hpp"
#include "modules/jyta/xlsx_sheet.hpp"
#include "store/store_fixture.hpp"

namespace zwgk::store::test {
namespace {

using modules::jyta::ProposalService;
using zwgk::test::proposal_header;
using zwgk::test::xlsx_of;

class ProposalServiceTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    domain::Department t;
    t.site_id = site.id;
    t.name = "邵阳市交通运输局";
    t.short_name = "市交通局";
    transport = DepartmentRepository(*db).save(t);
  }
  domain::Caller caller(domain::Role role, std::optional<std::int64_t> department_id = std::nullopt) {
    domain::Caller c;
    c.account.id = 1;
    c.account.username = "u";
    c.account.role = role;
    c.account.site_id = site.id;
    c.account.department_id = department_id;
    c.name = "u";
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n); };
    return c;
  }
  domain::Caller office() { return caller(domain::Role::Publisher); }
  ProposalService at(const char* day) { return ProposalService(*db, *domain::Date::parse(day)); }

  std::string good_file() {
    return xlsx_of({proposal_header(),
                    {"人大代表建议", "十七届", "三次会议", "#123", "关于加快老旧小区改造的建议", "张三", "王五、赵六", "市政府办",
                     "邵阳市交通运输局", "2026-03-10", "13973950000"},
                    {"政协委员提案", "十二届", "三次会议", "第7号", "关于完善公交线网的提案", "李四", "", "市交通局", "",
                     "#46100", "13973950001"}});
  }

  domain::Department transport;
  std::vector<domain::AuditNote> audited;
};

TEST_F(ProposalServiceTest, ABadRowIsReportedByRowAndColumnAndNothingIsWritten) {
  const auto bad = xlsx_of({proposal_header(),
                            {"人大代表建议", "十七届", "三次会议", "1", "标题一", "张三", "", "市政府办", "", "2026-03-10"},
                            {"人大代表建议", "十七届", "三次会议", "2", "标题二", "张三", "", "市政府办", "", "2026-03-10"},
                            {"人大代表建议", "十七届", "三次会议", "3", "标题三", "张三", "", "市政府办", "", "2026-03-10"},
                            {"人大代表建议", "十七届", "三次会议", "4", "标题四", "张三", "", "市交通厅", "", "2026-03-10"}});
  try {
    at("2026-03-20").import_xlsx(office(), bad);
    FAIL() << "imported";
  } catch (const domain::Invalid& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0], "第5行「主办单位」：找不到单位“市交通厅”");
  }
  EXPECT_EQ(ProposalRepository(*db).of_year(site.id, 0).size(), 0u) << "nothing half-imported";
  EXPECT_TRUE(audited.empty());
}

TEST_F(ProposalServiceTest, AGoodFileWritesEveryRowAndAReimportIsRefused) {
  int calls = 0;
  auto r = at("2026-03-20").import_xlsx(office(), good_file(), [&](int done, int total) { ++calls; EXPECT_EQ(total, 2); });
  EXPECT_EQ(r.imported, 2);
  EXPECT_EQ(r.suggestions, 1);
  EXPECT_EQ(calls, 2);
  auto all = ProposalRepository(*db).of_year(site.id, 2026);
  ASSERT_EQ(all.size(), 2u);
  const auto& s = all[0].kind == domain::ProposalKind::Suggestion ? all[0] : all[1];
  const auto& p = all[0].kind == domain::ProposalKind::Suggestion ? all[1] : all[0];
  EXPECT_EQ(s.number, "123");
  EXPECT_EQ(s.co_signers, "王五、赵六");
  EXPECT_EQ(s.main_department, "邵阳市人民政府办公室");
  EXPECT_EQ(s.co_departments, "邵阳市交通运输局");
  EXPECT_EQ(s.due_on.iso(), "2026-06-10") << "3 months from 交办";
  EXPECT_EQ(p.assigned_on.iso(), "2026-03-19") << "an Excel date cell";
  EXPECT_EQ(p.main_department_id, transport.id) << "by short name";
  ASSERT_EQ(audited.size(), 1u);
  EXPECT_EQ(audited[0].action, "jyta.import");

  try {
    at("2026-03-21").import_xlsx(office(), good_file());
    FAIL() << "re-imported";
  } catch (const domain::Invalid& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0], "第2行「编号」：十七届人大三次会议建议第123号已导入，不能重复导入");
  }
  EXPECT_EQ(ProposalRepository(*db).of_year(site.id, 0).size(), 2u);
  // An editor may not import.
  EXPECT_THROW(at("2026-03-21").import_xlsx(caller(domain::Role::DepartmentEditor, department.id), good_file()), domain::Forbidden);
  EXPECT_THROW(at("2026-03-21").import_xlsx(office(), "not a spreadsheet"), domain::Invalid);
}

TEST_F(ProposalServiceTest, TheSitesMonthsSetTheDeadline) {
  at("2026-03-01").set_answer_months(caller(domain::Role::SiteAdmin), 2);
  EXPECT_THROW(at("2026-03-01").set_answer_months(caller(domain::Role::SiteAdmin), 13), domain::Invalid);
  EXPECT_THROW(at("2026-03-01").set_answer_months(office(), 4), domain::Forbidden);
  at("2026-03-20").import_xlsx(office(), good_file());
  for (const auto& p : ProposalRepository(*db).of_year(site.id, 0))
    if (p.number == "123") {
      EXPECT_EQ(p.due_on.iso(), "2026-05-10");
    }
}

TEST_F(ProposalServiceTest, TheMainUnitAnswersAndWithholdingNeedsAGround) {
  at("2026-03-20").import_xlsx(office(), good_file());
  std::int64_t id = 0;
  for (const auto& p : ProposalRepository(*db).of_year(site.id, 0))
    if (p.number == "123") id = p.id;
  domain::ProposalAnswer a;
  a.text = "经研究，市政府已将老旧小区改造列入2026年民生实事。";
  a.answered_on = *domain::Date::parse("2026-05-20");
  a.result_class = domain::ResultClass::A;
  EXPECT_THROW(at("2026-05-20").record_answer(caller(domain::Role::DepartmentEditor, transport.id), id, a), domain::Forbidden)
      << "a 会办单位 does not answer";
  a.publication = domain::ProposalPublication::Withheld;
  try {
    at("2026-05-20").record_answer(caller(domain::Role::DepartmentEditor, department.id), id, a);
    FAIL();
  } catch (const domain::Invalid& e) {
    EXPECT_NE(e.problems()[0].find("负面清单"), std::string::npos);
  }
  EXPECT_FALSE(ProposalRepository(*db).find(id)->answered()) << "nothing written";
  a.publication = domain::ProposalPublication::Full;
  auto p = at("2026-05-20").record_answer(caller(domain::Role::DepartmentEditor, department.id), id, a);
  EXPECT_TRUE(domain::answered_on_time(p));
  EXPECT_EQ(ProposalRepository(*db).find(id)->publication, domain::ProposalPublication::Full) << "全文公开 by default";

  modules::jyta::PublicationInput withhold;
  withhold.publication = domain::ProposalPublication::Withheld;
  EXPECT_THROW(at("2026-05-21").set_publication(office(), id, withhold), domain::Invalid) << "no reason";
  withhold.ground = domain::ReplyOutcome::StateSecret;
  withhold.reason = "答复涉及尚未公开的规划内容";
  EXPECT_THROW(at("2026-05-21").set_publication(caller(domain::Role::DepartmentEditor, department.id), id, withhold),
               domain::Forbidden);
  p = at("2026-05-21").set_publication(office(), id, withhold);
  EXPECT_EQ(domain::published_answer(p).reason, "属于国家秘密：答复涉及尚未公开的规划内容");
  EXPECT_EQ(domain::published_answer(p).text, "");
  p = at("2026-05-22").record_satisfaction(office(), id, domain::ProposalSatisfaction::BasicallySatisfied);
  EXPECT_EQ(ProposalRepository(*db).find(id)->satisfaction, domain::ProposalSatisfaction::BasicallySatisfied);
  EXPECT_EQ(audited.back().action, "jyta.satisfaction");
}

TEST_F(ProposalServiceTest, StatisticsPerUnitCountABC) {
  at("2026-03-20").import_xlsx(office(), good_file());
  for (const auto& p : ProposalRepository(*db).of_year(site.id, 0)) {
    domain::ProposalAnswer a;
    a.text = "答复";
    a.answered_on = *domain::Date::parse("2026-05-20");
    a.result_class = p.number == "123" ? domain::ResultClass::A : domain::ResultClass::C;
    at("2026-05-20").record_answer(office(), p.id, a);
  }
  const auto s = domain::compute_proposal_statistics(ProposalRepository(*db).of_year(site.id, 2026), *domain::Date::parse("2026-07-01"));
  ASSERT_EQ(s.units.size(), 2u);
  EXPECT_EQ(s.total.a, 1);
  EXPECT_EQ(s.total.c, 1);
  EXPECT_EQ(s.total.answered_on_time, 2);
  EXPECT_EQ(s.total.published, 2);
}

}  // namespace
}  // namespace zwgk::store::test
