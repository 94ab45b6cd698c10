// 意见征集, the use cases (modules/yjzj/service/consultation_service.hpp) on both backends:
// scheduling refuses a too-short period without its reason; the drafting department works
// on its own consultations only; opinions are pre-moderated, limited per phone and sealed;
// the questionnaire is locked once answered; the closing job records what the clock already
// says; the 反馈 comes only after the end and makes the consultation 已反馈.
#include "modules/yjzj/service/consultation_service.hpp"

#include <gtest/gtest.h>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "modules/publishing/store/workflow_fixture.hpp"
#include "store/audit_log.hpp"
#include "store/database_impl.hpp"
#include "support/holiday_calendar.hpp"

namespace zwgk::store::test {
namespace {

using modules::yjzj::ConsultationService;

std::int64_t at(const char* day, int hour = 9) {
  return domain::china_midnight(date(day)).time_since_epoch().count() + hour * 3600;
}

class ConsultationServiceTest : public WorkflowTest {
 protected:
  ConsultationService on(const char* day, int hour = 9) {
    now = at(day, hour);
    return ConsultationService(*db, key, zwgk::test::calendar(), [this] { return now; });
  }
  domain::Caller caller(const domain::Account& a) {
    domain::Caller c;
    c.account = a;
    c.name = a.username;
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n); };
    return c;
  }
  domain::ConsultationDraft rule_draft(const char* starts, const char* ends) {
    domain::ConsultationDraft d;
    d.kind = domain::ConsultationKind::RuleDraft;
    d.title = "《邵阳市政府信息公开工作规定（征求意见稿）》";
    d.department_id = department.id;
    d.body_html = "<p>第一条 为了规范政府信息公开工作，制定本规定。</p><p>第五条 主动公开的信息应当在20个工作日内公开。</p>"
                  "<script>alert(1)</script>";
    d.starts_on = date(starts);
    d.ends_on = date(ends);
    return d;
  }
  int count_audit(const std::string& action) {
    int n = 0;
    for (const auto& e : AuditLog(*db).entries("consultation"))
      if (e.action == action) ++n;
    return n;
  }

  PersonalDataKey key = PersonalDataKey::derive_from(random_secret());
  std::int64_t now = 0;
  std::vector<domain::AuditNote> audited;
};

TEST_F(ConsultationServiceTest, ATwentyDayRuleDraftNeedsItsReason) {
  auto s = on("2026-11-01");
  auto d = rule_draft("2026-11-02", "2026-11-22");
  try {
    s.create(caller(editor), d);
    FAIL() << "a 20-day 规章草案 without a reason was accepted";
  } catch (const domain::Invalid& e) {
    EXPECT_EQ(e.code(), "short_period");
    EXPECT_NE(e.problems().front().find("不少于30日，本次为20日"), std::string::npos);
  }
  EXPECT_TRUE(ConsultationRepository(*db, key).list(site.id, false).empty()) << "nothing written";
  d.short_period_reason = "省政府要求年底前出台，征求意见期限相应缩短";
  const auto id = s.create(caller(editor), d);
  auto c = *ConsultationRepository(*db, key).find(id);
  EXPECT_EQ(c.draft.short_period_reason, "省政府要求年底前出台，征求意见期限相应缩短");
  EXPECT_EQ(c.draft.body_html.find("<script"), std::string::npos) << "the body is sanitized";
  EXPECT_TRUE(audited.back().action == "yjzj.create");
  // A full period keeps no reason to show.
  auto full = rule_draft("2026-11-02", "2026-12-02");
  full.short_period_reason = "不需要";
  const auto id2 = s.create(caller(editor), full);
  EXPECT_EQ(ConsultationRepository(*db, key).find(id2)->draft.short_period_reason, "");
}

TEST_F(ConsultationServiceTest, TheDraftingDepartmentWorksOnItsOwnOnly) {
  auto s = on("2026-11-01");
  EXPECT_THROW(s.create(caller(other_editor), rule_draft("2026-11-02", "2026-12-02")), domain::Forbidden);
  const auto id = s.create(caller(editor), rule_draft("2026-11-02", "2026-12-02"));
  EXPECT_THROW(s.publish(caller(other_editor), id), domain::Forbidden);
  auto stranger = publisher;
  stranger.site_id = site.id + 1000;
  EXPECT_THROW(s.publish(caller(stranger), id), domain::NotFound) << "another site's consultation is absent";
  EXPECT_THROW(s.public_view(site.id, id), domain::NotFound) << "a draft is not public";
  s.publish(caller(publisher), id);
  EXPECT_EQ(s.public_view(site.id, id).phase, domain::ConsultationPhase::Upcoming);
  EXPECT_THROW(s.publish(caller(publisher), id), domain::Conflict);
}

TEST_F(ConsultationServiceTest, PublishingLateShortensThePeriodAndNeedsTheReasonThen) {
  auto s = on("2026-11-01");
  const auto id = s.create(caller(editor), rule_draft("2026-11-02", "2026-12-02"));
  auto late = on("2026-11-10");
  try {
    late.publish(caller(editor), id);
    FAIL() << "published with 22 days left and no reason";
  } catch (const domain::Invalid& e) {
    EXPECT_NE(e.problems().front().find("本次为22日"), std::string::npos) << e.problems().front();
  }
  EXPECT_EQ(ConsultationRepository(*db, key).find(id)->record, ConsultationRecord::Draft);
}

TEST_F(ConsultationServiceTest, OpinionsArePreModeratedLimitedPerPhoneAndSealed) {
  auto s = on("2026-11-01");
  const auto id = s.create(caller(editor), rule_draft("2026-11-02", "2026-12-02"));
  s.publish(caller(editor), id);
  const domain::OpinionInput o{"art-5", "欧阳青山", "13973955501", "建议改为15个工作日"};
  EXPECT_THROW(s.submit_opinion(site.id, id, o), domain::Invalid) << "not open before its start";
  auto open = on("2026-11-05");
  const auto first = open.submit_opinion(site.id, id, o);
  EXPECT_EQ(open.public_view(site.id, id).published_opinions.size(), 0u) << "pending is not public";
  EXPECT_EQ(ConsultationRepository(*db, key).opinion(first)->anchor_label, "第五条");
  for (int i = 1; i < 5; ++i) open.submit_opinion(site.id, id, {"", "欧阳青山", "13973955501", "意见" + std::to_string(i)});
  try {
    open.submit_opinion(site.id, id, {"", "欧阳青山", "13973955501", "第六条意见"});
    FAIL() << "the sixth opinion from one phone was taken";
  } catch (const domain::Invalid& e) {
    EXPECT_EQ(e.problems().front(), "同一联系电话对本次征集最多提交5条意见");
  }
  EXPECT_EQ(ConsultationRepository(*db, key).opinions(id).size(), 5u);
  // The phone is in no row in the clear.
  {
    Lease lease(*db);
    long long n = 0;
    lease.sql() << "SELECT count(*) FROM consultation_opinions WHERE sealed_contact LIKE '%13973955501%' OR "
                   "phone_digest LIKE '%13973955501%' OR text LIKE '%13973955501%'",
        soci::into(n);
    EXPECT_EQ(n, 0);
  }
  EXPECT_THROW(open.moderate(caller(editor), id, first, domain::OpinionState::Published), domain::Forbidden)
      << "the office moderates";
  open.moderate(caller(publisher), id, first, domain::OpinionState::Published);
  auto view = open.public_view(site.id, id);
  ASSERT_EQ(view.published_opinions.size(), 1u);
  EXPECT_EQ(view.published_opinions[0].text, "建议改为15个工作日");
  EXPECT_THROW(open.writer_contact(caller(other_editor), id, first), domain::Forbidden);
  auto contact = open.writer_contact(caller(editor), id, first);
  EXPECT_EQ(contact.phone, "13973955501");
  EXPECT_EQ(audited.back().action, "yjzj.view_writer");
  EXPECT_EQ(audited.back().detail.find("139"), std::string::npos) << "no personal data in the audit";
  EXPECT_EQ(count_audit("yjzj.opinion"), 5);
}

TEST_F(ConsultationServiceTest, TheClosingJobAndTheFeedback) {
  auto s = on("2026-10-01");
  auto d = rule_draft("2026-10-01", "2026-10-31");
  const auto id = s.create(caller(editor), d);
  s.publish(caller(editor), id);
  on("2026-10-10").submit_opinion(site.id, id, {"", "张三", "13800138000", "赞成"});
  EXPECT_THROW(on("2026-10-31", 23).publish_feedback(caller(editor), id, {1, 1, 0, 0, "采纳"}), domain::Conflict)
      << "no 反馈 while it is open";
  EXPECT_EQ(on("2026-10-31", 23).close_ended(), 0) << "open through its last day";
  auto after = on("2026-11-01", 0);
  EXPECT_EQ(after.public_view(site.id, id).phase, domain::ConsultationPhase::AwaitingFeedback) << "the clock alone closes it";
  EXPECT_THROW(after.submit_opinion(site.id, id, {"", "李四", "13800138001", "晚到的意见"}), domain::Invalid);
  EXPECT_EQ(after.close_ended(), 1);
  EXPECT_EQ(after.close_ended(), 0) << "once";
  EXPECT_EQ(ConsultationRepository(*db, key).find(id)->record, ConsultationRecord::Closed);
  EXPECT_EQ(count_audit("yjzj.close"), 1);
  auto overdue = on("2026-11-30");
  auto v = overdue.public_view(site.id, id);
  EXPECT_EQ(v.feedback_due, date("2026-11-27"));
  EXPECT_TRUE(v.feedback_overdue);
  EXPECT_THROW(overdue.publish_feedback(caller(editor), id, {0, 0, 0, 0, "未收到意见"}), domain::Invalid)
      << "fewer than the site's own form took";
  overdue.publish_feedback(caller(editor), id, {3, 1, 1, 1, "采纳1条，部分采纳1条；未采纳1条，理由：与上位法不符。"});
  v = overdue.public_view(site.id, id);
  EXPECT_EQ(v.phase, domain::ConsultationPhase::FeedbackPublished);
  EXPECT_FALSE(v.feedback_overdue);
  EXPECT_EQ(v.consultation.feedback.received, 3);
  EXPECT_THROW(overdue.update(caller(editor), id, d), domain::Conflict);
}

TEST_F(ConsultationServiceTest, TheQuestionnaireIsCountedAndLockedOnceAnswered) {
  auto s = on("2026-11-01");
  const auto id = s.create(caller(editor), rule_draft("2026-11-01", "2026-12-01"));
  EXPECT_THROW(s.set_survey(caller(editor), id, "单选：只有一个\n是"), domain::Invalid);
  s.set_survey(caller(editor), id, "单选：您是否赞成？\n赞成\n不赞成\n\n填空：其他建议");
  s.publish(caller(editor), id);
  const auto qs = ConsultationRepository(*db, key).questions(id);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_THROW(s.submit_survey(site.id, id, {{qs[0].id, {}, ""}}), domain::Invalid);
  s.submit_survey(site.id, id, {{qs[0].id, {0}, ""}, {qs[1].id, {}, "建议延长"}});
  s.submit_survey(site.id, id, {{qs[0].id, {0}, ""}});
  s.submit_survey(site.id, id, {{qs[0].id, {1}, ""}});
  EXPECT_THROW(s.set_survey(caller(editor), id, "单选：改题\n是\n否"), domain::Conflict);
  EXPECT_TRUE(s.public_view(site.id, id).results.empty()) << "results are public once it has ended";
  auto ended = on("2026-12-02");
  auto v = ended.public_view(site.id, id);
  EXPECT_EQ(v.respondents, 3);
  ASSERT_EQ(v.results.size(), 2u);
  EXPECT_EQ(v.results[0].counts, (std::vector<int>{2, 1}));
  EXPECT_EQ(v.results[1].responses, 1);
  EXPECT_THROW(ended.submit_survey(site.id, id, {{qs[0].id, {0}, ""}}), domain::Invalid);
}

TEST_F(ConsultationServiceTest, SettingsAreTheAdministrators) {
  auto s = on("2026-11-01");
  auto settings = s.settings(site.id);
  settings.periods[domain::ConsultationKind::RuleDraft] = {15, false};
  EXPECT_THROW(s.save_settings(caller(publisher), settings), domain::Forbidden);
  auto admin = account(9, "admin1", domain::Role::SiteAdmin, std::nullopt);
  s.save_settings(caller(admin), settings);
  EXPECT_EQ(s.settings(site.id).periods.at(domain::ConsultationKind::RuleDraft), (domain::MinimumPeriod{15, false}));
  s.create(caller(editor), rule_draft("2026-11-02", "2026-11-22"));  // 20 days now suffice
  settings.opinions_per_phone = 0;
  EXPECT_THROW(s.save_settings(caller(admin), settings), domain::Invalid);
}

TEST_F(ConsultationServiceTest, AStatementWhenTheUnitHadNothingToConsult) {
  auto s = on("2026-11-01");
  const auto id = s.create(caller(editor), rule_draft("2026-11-02", "2026-12-02"));
  s.publish(caller(publisher), id);
  auto later = on("2027-01-05");
  const domain::StatementPeriod q4{2026, 4};
  try {
    later.publish_statement(caller(editor), {department.id, q4, ""});
    FAIL() << "a unit that consulted in the quarter declared it had nothing to consult";
  } catch (const domain::Invalid& e) {
    EXPECT_NE(e.problems().front().find("2026年第四季度已公开征求意见"), std::string::npos) << e.problems().front();
  }
  // The 财政局 had nothing: the standard wording when the text is left empty.
  const auto sid = later.publish_statement(caller(other_editor), {other_department.id, q4, "  "});
  EXPECT_EQ(audited.back().action, "yjzj.statement");
  auto listed = later.statements(site.id);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].unit, "邵阳市财政局");
  EXPECT_EQ(listed[0].text, "经梳理，邵阳市财政局2026年第四季度无需要公开征求意见的重大行政决策、规章草案和行政规范性文件事项。");
  EXPECT_THROW(later.publish_statement(caller(other_editor), {other_department.id, q4, "再说一次"}), domain::Conflict);
  EXPECT_THROW(later.publish_statement(caller(other_editor), {department.id, {2026, 3}, ""}), domain::Forbidden)
      << "a department speaks for itself only";
  EXPECT_THROW(later.publish_statement(caller(editor), {std::nullopt, {2026, 0}, ""}), domain::Forbidden)
      << "an editor does not speak for the government";
  try {
    later.publish_statement(caller(other_editor), {other_department.id, {2027, 2}, ""});
    FAIL() << "a statement for a quarter that has not begun";
  } catch (const domain::Invalid& e) {
    EXPECT_EQ(e.problems().front(), "2027年第二季度尚未开始，不能发布该期间的情况说明");
  }
  // The office for the government itself, for the whole year; its own text, trimmed.
  later.publish_statement(caller(publisher), {std::nullopt, {2026, 0}, " 本年度市政府无需征求意见的事项。\n"});
  listed = later.statements(site.id);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(domain::to_label(listed[0].period), "2026年度") << "the year before its quarters";
  EXPECT_EQ(listed[0].text, "本年度市政府无需征求意见的事项。");
  EXPECT_FALSE(listed[0].department_id);
  // Withdrawn by its unit: gone, and audited.
  EXPECT_THROW(later.withdraw_statement(caller(editor), sid), domain::Forbidden);
  later.withdraw_statement(caller(other_editor), sid);
  EXPECT_EQ(audited.back().action, "yjzj.withdraw_statement");
  EXPECT_EQ(later.statements(site.id).size(), 1u);
  EXPECT_THROW(later.withdraw_statement(caller(other_editor), sid), domain::NotFound);
}

}  // namespace
}  // namespace zwgk::store::test
