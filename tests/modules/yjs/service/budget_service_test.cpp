// 预决算公开, the use cases on both backends: a department files its own cells only, the
// office every unit's and the government's; a document must be the site's and counts once
// it is published, by its 发布日期; the matrix marks a department overdue 21 days after its
// 批复; bad input is refused whole and writes nothing.
#include "modules/yjs/service/budget_service.hpp"

#include <gtest/gtest.h>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "modules/publishing/store/workflow_fixture.hpp"
#include "modules/yjs/store/budget_repository.hpp"
#include "store/document_repository.hpp"

namespace zwgk::store::test {
namespace {

using modules::yjs::BudgetService;

class BudgetServiceTest : public WorkflowTest {
 protected:
  BudgetService on(const char* day) {
    now = domain::china_midnight(date(day)).time_since_epoch().count() + 10 * 3600;
    return BudgetService(*db, [this] { return now; });
  }
  domain::Caller caller(const domain::Account& a) {
    domain::Caller c;
    c.account = a;
    c.name = a.username;
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n); };
    return c;
  }
  const modules::yjs::MatrixCell& cell(const modules::yjs::BudgetMatrix& m, std::optional<std::int64_t> dep,
                                       domain::BudgetKind kind) {
    for (const auto& r : m.rows)
      if (r.department_id == dep)
        for (const auto& c : r.cells)
          if (c.kind == kind) return c;
    throw std::runtime_error("no such cell");
  }
  std::int64_t document(const char* title, const char* published_on, bool publish) {
    DocumentRepository docs(*db);
    const auto id = docs.save(complete_draft(title, published_on));
    if (publish) docs.publish(id);
    return id;
  }
  std::int64_t now = 0;
  std::vector<domain::AuditNote> audited;
};

TEST_F(BudgetServiceTest, TheMatrixOfAYear) {
  auto s = on("2026-02-10");
  const auto budget_doc = document("邵阳市人民政府办公室2026年部门预算", "2026-02-10", true);
  const auto draft_doc = document("邵阳市财政局2026年部门预算（待审）", "2026-02-10", false);
  s.record(caller(editor), {department.id, 2026, "budget", "2026-02-01", std::to_string(budget_doc)});
  EXPECT_EQ(audited.back().action, "yjs.record");
  s.record(caller(other_editor), {other_department.id, 2026, "budget", "2026-02-01", std::to_string(draft_doc)});
  s.record(caller(publisher), {std::nullopt, 2026, "budget", "2026-01-20", ""});

  auto later = on("2026-02-22");
  const auto m = later.matrix(site.id, 2026, "邵阳市人民政府");
  ASSERT_EQ(m.rows.size(), 3u);
  EXPECT_EQ(m.rows[0].unit, "邵阳市人民政府") << "the government first";
  const auto& mine = cell(m, department.id, domain::BudgetKind::Budget);
  EXPECT_EQ(mine.status.state, domain::DisclosureState::OnTime);
  EXPECT_EQ(mine.document_id, budget_doc);
  EXPECT_EQ(mine.published_on, date("2026-02-10"));
  const auto& theirs = cell(m, other_department.id, domain::BudgetKind::Budget);
  EXPECT_EQ(theirs.status.state, domain::DisclosureState::Overdue) << "its document is still a draft, 21 days after the 批复";
  EXPECT_FALSE(theirs.document_id) << "an unpublished document is not shown";
  EXPECT_EQ(cell(m, std::nullopt, domain::BudgetKind::Budget).status.state, domain::DisclosureState::Overdue);
  EXPECT_FALSE(cell(m, std::nullopt, domain::BudgetKind::ThreePublic).applies);
  EXPECT_EQ(cell(m, department.id, domain::BudgetKind::FinalAccounts).status.state,
            domain::DisclosureState::AwaitingApproval);
  EXPECT_EQ(m.overdue, 2);
  EXPECT_EQ(m.published, 1);
  EXPECT_EQ(m.awaiting, 5) << "2 决算 and 2 三公经费 of the departments, the government's 决算";

  // Published late: counted by its 发布日期.
  DocumentRepository(*db).publish(draft_doc);
  const auto after = later.matrix(site.id, 2026, "邵阳市人民政府");
  EXPECT_EQ(cell(after, other_department.id, domain::BudgetKind::Budget).status.state, domain::DisclosureState::OnTime)
      << "its 发布日期 2026-02-10 is within the 20 days";
  EXPECT_EQ(after.years, std::vector<int>{2026});
}

TEST_F(BudgetServiceTest, WhoMayFileWhatAndBadInput) {
  auto s = on("2026-03-01");
  EXPECT_THROW(s.record(caller(other_editor), {department.id, 2026, "budget", "2026-02-01", ""}), domain::Forbidden);
  EXPECT_THROW(s.record(caller(editor), {std::nullopt, 2026, "budget", "2026-02-01", ""}), domain::Forbidden)
      << "the government's own is the office's";
  auto stranger = publisher;
  stranger.site_id = site.id + 1000;
  EXPECT_THROW(s.record(caller(stranger), {department.id, 2026, "budget", "", ""}), domain::Invalid)
      << "another site's department";
  try {
    s.record(caller(editor), {department.id, 2026, "预算", "2026年2月1日", "abc"});
    FAIL() << "bad input accepted";
  } catch (const domain::Invalid& e) {
    ASSERT_EQ(e.problems().size(), 3u);
    EXPECT_EQ(e.problems()[0], "请选择公开类别：预算、决算或三公经费");
    EXPECT_EQ(e.problems()[1], "批复日期“2026年2月1日”无法识别，请按“2026-02-01”的格式填写");
    EXPECT_EQ(e.problems()[2], "本网站没有编号为“abc”的文件");
  }
  EXPECT_THROW(s.record(caller(publisher), {std::nullopt, 2026, "three_public", "", ""}), domain::Invalid);
  EXPECT_THROW(s.record(caller(editor), {department.id, 2026, "budget", "", "999999"}), domain::Invalid);
  EXPECT_TRUE(BudgetRepository(*db).of_year(site.id, 2026).empty()) << "nothing written";
  EXPECT_TRUE(audited.empty());
  // Filing again replaces the cell.
  s.record(caller(editor), {department.id, 2026, "budget", "2026-02-01", ""});
  s.record(caller(editor), {department.id, 2026, "budget", "2026-02-05", ""});
  const auto rows = BudgetRepository(*db).of_year(site.id, 2026);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].approved_on, date("2026-02-05"));
  EXPECT_EQ(rows[0].updated_by, "editor1");
}

}  // namespace
}  // namespace zwgk::store::test
