// 在线访谈 / 新闻发布会, the use cases (modules/zxft/service/event_service.hpp) on both backends:
// the office plans, announces (a short 预告 needs its reason), goes live and closes; live
// entries answer questions; questions are pre-moderated and limited per phone; the asker's
// name and phone are sealed; and after the event its 文字实录 becomes a 政策解读 of the policy
// through the ordinary workflow, so the policy page and the interpretation link both ways.
#include "modules/zxft/service/event_service.hpp"

#include <gtest/gtest.h>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "modules/publishing/store/workflow_fixture.hpp"
#include "store/database_impl.hpp"
#include "store/document_repository.hpp"

namespace zwgk::store::test {
namespace {

using modules::zxft::EventService;

std::int64_t at(const char* day, int hour = 0, int minute = 0) {
  return domain::china_midnight(date(day)).time_since_epoch().count() + hour * 3600 + minute * 60;
}

class EventServiceTest : public WorkflowTest {
 protected:
  void SetUp() override {
    WorkflowTest::SetUp();
    key = PersonalDataKey::derive_from(random_secret());
    // The policy the event interprets: published through the workflow.
    auto ref = draft("邵阳市优化营商环境若干措施");
    wf().publish(publisher, ref.id, to_approved(ref.id), {}, actor(publisher));
    policy_id = ref.id;
  }

  EventService at_time(std::int64_t t) {
    now = t;
    return EventService(*db, key, [this] { return now; });
  }
  domain::Caller caller(const domain::Account& a) {
    domain::Caller c;
    c.account = a;
    c.name = a.username;
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n); };
    return c;
  }
  domain::EventDraft conference() {
    domain::EventDraft d;
    d.kind = domain::EventKind::PressConference;
    d.title = "《邵阳市优化营商环境若干措施》新闻发布会";
    d.place = "市政府新闻发布厅";
    d.department_id = department.id;
    d.starts_at = at("2026-12-10", 10);
    d.ends_at = at("2026-12-10", 11);
    d.guests = {{"王五", "市人民政府办公室主任", department.id, "", true}, {"赵六", "市政府办副主任", department.id, "", false}};
    d.policy_ids = {policy_id};
    return d;
  }
  bool audited_action(const std::string& a) const {
    return std::any_of(audited.begin(), audited.end(), [&](const auto& n) { return n.action == a; });
  }

  PersonalDataKey key = PersonalDataKey::derive_from(random_secret());
  std::int64_t policy_id = 0;
  std::int64_t now = 0;
  std::vector<domain::AuditNote> audited;
};

TEST_F(EventServiceTest, AShortAnnouncementNeedsItsReason) {
  auto office = caller(publisher);
  const auto id = at_time(at("2026-12-01", 9)).create(office, conference());
  // 2026-12-07 12:00 is 70 hours before the start: warned, refused without a reason.
  try {
    at_time(at("2026-12-07", 12)).step(office, id, domain::EventStep::Announce);
    FAIL() << "a 预告 70 hours ahead was accepted without a reason";
  } catch (const domain::Invalid& e) {
    EXPECT_NE(e.problems().front().find("预告距活动开始仅70小时"), std::string::npos) << e.problems().front();
  }
  EXPECT_EQ(EventRepository(*db, key).find(id)->state, domain::EventState::Draft);
  auto e = at_time(at("2026-12-07", 12)).step(office, id, domain::EventStep::Announce, "市政府常务会议12月6日刚审议通过");
  EXPECT_EQ(e.state, domain::EventState::Announced);
  auto stored = EventRepository(*db, key).find(id);
  EXPECT_EQ(stored->short_notice, "市政府常务会议12月6日刚审议通过");
  EXPECT_EQ(stored->announced_at, at("2026-12-07", 12));
  EXPECT_TRUE(audited_action("zxft.announce"));
  // Three days ahead: no reason asked.
  const auto other = at_time(at("2026-12-01", 9)).create(office, conference());
  EXPECT_EQ(at_time(at("2026-12-07", 10)).step(office, other, domain::EventStep::Announce).state,
            domain::EventState::Announced);
}

TEST_F(EventServiceTest, WhoMayDoWhat) {
  // A department editor has no zxft.manage; another site's event is absent.
  EXPECT_THROW(at_time(at("2026-12-01", 9)).create(caller(editor), conference()), domain::Forbidden);
  const auto id = at_time(at("2026-12-01", 9)).create(caller(publisher), conference());
  auto stranger = publisher;
  stranger.site_id = site.id + 100;
  EXPECT_THROW(at_time(at("2026-12-01", 9)).step(caller(stranger), id, domain::EventStep::Announce), domain::NotFound);
  EXPECT_THROW(at_time(at("2026-12-01", 9)).step(caller(auditor), id, domain::EventStep::Announce), domain::Forbidden);
  // Steps out of order are a conflict and change nothing.
  EXPECT_THROW(at_time(at("2026-12-01", 9)).step(caller(publisher), id, domain::EventStep::Open), domain::Conflict);
}

TEST_F(EventServiceTest, ReferencesMustBeTheSitesOwn) {
  auto d = conference();
  d.policy_ids = {policy_id, 999999};
  try {
    at_time(at("2026-12-01", 9)).create(caller(publisher), d);
    FAIL();
  } catch (const domain::Invalid& e) {
    EXPECT_EQ(e.problems().front(), "文件编号 999999 不是本网站已发布的文件");
  }
  EXPECT_TRUE(EventRepository(*db, key).list(site.id, false).empty());
}

TEST_F(EventServiceTest, QuestionsAreModeratedAndAnsweredInTheTranscript) {
  auto office = caller(publisher);
  const auto id = at_time(at("2026-12-01", 9)).create(office, conference());
  at_time(at("2026-12-01", 9)).step(office, id, domain::EventStep::Announce);
  domain::QuestionInput q{"热心市民", "欧阳青山", "13973955501", "企业开办时间还能再压缩吗？"};
  auto svc = at_time(at("2026-12-05", 9));
  const auto q1 = svc.submit_question(site.id, id, q);
  EXPECT_EQ(EventRepository(*db, key).question(q1)->state, domain::QuestionState::Pending);
  // The limit per phone number.
  for (int i = 1; i < domain::kQuestionsPerPhone; ++i) svc.submit_question(site.id, id, q);
  try {
    svc.submit_question(site.id, id, q);
    FAIL() << "a sixth question from one phone was accepted";
  } catch (const domain::Invalid& e) {
    EXPECT_EQ(e.problems().front(), "同一手机号码在本场活动最多提问5次");
  }
  // The name and phone are sealed: not in the row as text.
  {
    Lease lease(*db);
    std::string sealed;
    lease.sql() << "SELECT sealed_contact FROM event_questions WHERE id = " + std::to_string(q1), soci::into(sealed);
    EXPECT_EQ(sealed.find("13973955501"), std::string::npos);
    EXPECT_EQ(sealed.find("欧阳青山"), std::string::npos);
  }
  auto contact = svc.asker_contact(office, id, q1);
  EXPECT_EQ(contact.name, "欧阳青山");
  EXPECT_EQ(contact.phone, "13973955501");
  EXPECT_TRUE(audited_action("zxft.view_asker"));
  EXPECT_THROW(svc.asker_contact(caller(auditor), id, q1), domain::Forbidden);

  // Live: an entry that answers the question marks it answered.
  at_time(at("2026-12-10", 10)).step(office, id, domain::EventStep::Open);
  const auto entry = at_time(at("2026-12-10", 10, 5))
                         .add_entry(office, id, {"王五", "开办时间已压缩到1个工作日，下一步推行全程网办。", q1});
  EXPECT_GT(entry, 0);
  auto answered = EventRepository(*db, key).question(q1);
  EXPECT_EQ(answered->state, domain::QuestionState::Answered);
  EXPECT_EQ(answered->answered_by, "王五");
  auto entries = EventRepository(*db, key).entries(id);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].question_text, "企业开办时间还能再压缩吗？");
  EXPECT_TRUE(EventRepository(*db, key).entries(id, entry).empty());  // nothing after the last
  // Rejecting another; it cannot then be answered in the transcript.
  const auto q2 = EventRepository(*db, key).questions(id)[1].id;
  at_time(at("2026-12-10", 10, 6)).moderate_question(office, id, q2, domain::QuestionState::Rejected);
  EXPECT_THROW(at_time(at("2026-12-10", 10, 7)).add_entry(office, id, {"王五", "答复", q2}), domain::Invalid);
  // Closed: no more questions.
  at_time(at("2026-12-10", 11)).step(office, id, domain::EventStep::Close);
  EXPECT_THROW(at_time(at("2026-12-10", 11, 1)).submit_question(site.id, id, {"", "李四", "13973955502", "还有问题"}),
               domain::Invalid);
}

TEST_F(EventServiceTest, TheTranscriptBecomesAnInterpretationLinkedBothWays) {
  auto office = caller(publisher);
  const auto id = at_time(at("2026-12-01", 9)).create(office, conference());
  at_time(at("2026-12-01", 9)).step(office, id, domain::EventStep::Announce);
  at_time(at("2026-12-10", 10)).step(office, id, domain::EventStep::Open);
  at_time(at("2026-12-10", 10, 1)).add_entry(office, id, {"王五", "各位记者朋友，大家上午好。", std::nullopt});
  // Not before it has ended.
  EXPECT_THROW(at_time(at("2026-12-10", 10, 30)).draft_interpretations(caller(editor), actor(editor), id, ""),
               domain::Conflict);
  at_time(at("2026-12-10", 11)).step(office, id, domain::EventStep::Close);
  // 谁起草、谁解读: the department's editor drafts it (the office cannot create drafts).
  EXPECT_THROW(at_time(at("2026-12-10", 12)).draft_interpretations(office, actor(publisher), id, "https://x/zxft/1/"),
               std::exception);
  auto editor_caller = caller(editor);
  auto made = at_time(at("2026-12-10", 12)).draft_interpretations(editor_caller, actor(editor), id,
                                                                  "https://www.shaoyang.gov.cn/zxft/1/");
  ASSERT_EQ(made.size(), 1u);
  auto info = wf().info(made[0]);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->interpretation_form, domain::InterpretationForm::PressConference);
  auto d = DocumentRepository(*db).by_id(made[0]);
  EXPECT_EQ(d->kind, domain::DocumentKind::Interpretation);
  EXPECT_EQ(d->interprets_id, policy_id);
  EXPECT_NE(d->body_html.find("各位记者朋友，大家上午好。"), std::string::npos);
  EXPECT_NE(d->body_html.find("https://www.shaoyang.gov.cn/zxft/1/"), std::string::npos);
  EXPECT_EQ(EventRepository(*db, key).find(id)->policies[0].interpretation_document_id, made[0]);
  EXPECT_EQ(EventRepository(*db, key).event_of_interpretation(made[0]), id);
  // Through 保密审查 and publication like any document: then the policy lists it.
  EXPECT_TRUE(DocumentRepository(*db).interpretations_of(policy_id).empty());
  wf().publish(publisher, made[0], to_approved(made[0]), {}, actor(publisher));
  auto interps = DocumentRepository(*db).interpretations_of(policy_id);
  ASSERT_EQ(interps.size(), 1u);
  EXPECT_EQ(interps[0].id, made[0]);
  // Once made, not again.
  EXPECT_THROW(at_time(at("2026-12-10", 13)).draft_interpretations(editor_caller, actor(editor), id, ""), domain::Conflict);
}

TEST_F(EventServiceTest, PrincipalInterpretationsPerDepartmentAndYear) {
  auto office = caller(publisher);
  auto count_of = [&](int year, std::int64_t dep) {
    for (const auto& p : at_time(at("2026-12-20", 9)).principal_counts(site.id, year))
      if (p.department_id == dep) return p.count;
    return -1;
  };
  const auto id = at_time(at("2026-12-01", 9)).create(office, conference());
  EXPECT_EQ(count_of(2026, department.id), 0);  // planned is not held
  at_time(at("2026-12-01", 9)).step(office, id, domain::EventStep::Announce);
  at_time(at("2026-12-10", 10)).step(office, id, domain::EventStep::Open);
  at_time(at("2026-12-10", 11)).step(office, id, domain::EventStep::Close);
  EXPECT_EQ(count_of(2026, department.id), 1);
  EXPECT_EQ(count_of(2026, other_department.id), 0);
  EXPECT_EQ(count_of(2025, department.id), 0);
  // Departments without one come first (the ones to chase).
  EXPECT_EQ(at_time(at("2026-12-20", 9)).principal_counts(site.id, 2026).front().count, 0);
}

}  // namespace
}  // namespace zwgk::store::test
