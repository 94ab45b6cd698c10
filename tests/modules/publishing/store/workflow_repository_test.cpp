// The publishing workflow on both backends: every transition, refusals that change
// nothing, review decisions, withdrawal, validity, scheduling.
#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "modules/publishing/store/workflow_fixture.hpp"

namespace zwgk::store::test {
namespace {

using domain::Stage;

TEST_F(WorkflowTest, DraftToPublishedWithAnAuditEntryForEveryStep) {
  auto ref = draft("关于印发《邵阳市城区停车管理办法》的通知");
  EXPECT_EQ(ref.revision, 1);
  EXPECT_EQ(stage(ref.id), Stage::Draft);
  EXPECT_EQ(DocumentRepository(*db).by_id(ref.id)->state, domain::DocumentState::Draft);

  auto doc = *DocumentRepository(*db).by_id(ref.id);
  doc.summary = "停车管理";
  EXPECT_EQ(wf().save(editor, doc, 1, actor(editor)), 2);

  wf().submit(editor, ref.id, actor(editor));
  EXPECT_EQ(stage(ref.id), Stage::Submitted);
  wf().start_review(reviewer, ref.id, actor(reviewer));
  EXPECT_EQ(stage(ref.id), Stage::UnderReview);
  wf().decide(reviewer, ref.id, {domain::DisclosureForm::Proactive, std::nullopt, "同意主动公开"}, actor(reviewer));
  EXPECT_EQ(stage(ref.id), Stage::Reviewed);
  wf().approve(publisher, ref.id, actor(publisher));
  EXPECT_EQ(stage(ref.id), Stage::Approved);
  auto pub = wf().publish(publisher, ref.id, 2, {}, actor(publisher));
  EXPECT_EQ(stage(ref.id), Stage::Published);
  EXPECT_EQ(pub.state, domain::DocumentState::Published);
  EXPECT_FALSE(pub.index_number.empty());
  EXPECT_EQ(pub.summary, "停车管理");
  EXPECT_TRUE(tagged(domain::tag_document(ref.id)));

  std::vector<std::string> actions;
  for (const auto& e : AuditLog(*db).entries("document", std::to_string(ref.id))) {
    actions.push_back(e.action);
    EXPECT_EQ(e.actor.address, "192.0.2.10");
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"publishing.create_draft", "publishing.edit", "publishing.submit", "publishing.start_review",
                                               "publishing.review_decide", "publishing.approve", "publishing.publish"}));
  EXPECT_FALSE(AuditLog(*db).verify());
  auto versions = wf().published_versions(ref.id);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].version, 1);
  EXPECT_EQ(versions[0].number, 2);
}

TEST_F(WorkflowTest, WrongRoleIsRefusedAndChangesNothing) {
  auto ref = draft("草稿");
  const auto before = audit_count();
  try {
    wf().submit(reviewer, ref.id, actor(reviewer));
    FAIL();
  } catch (const WorkflowRefused& e) {
    EXPECT_EQ(e.kind(), WorkflowRefused::Kind::Forbidden);
    EXPECT_STREQ(e.what(), "保密审查员无权提交审查");
  }
  EXPECT_THROW(wf().submit(other_editor, ref.id, actor(other_editor)), WorkflowRefused);
  EXPECT_THROW(wf().submit(auditor, ref.id, actor(auditor)), WorkflowRefused);
  auto doc = *DocumentRepository(*db).by_id(ref.id);
  doc.title = "改了";
  EXPECT_THROW(wf().save(other_editor, doc, 1, actor(other_editor)), WorkflowRefused);
  EXPECT_THROW(wf().save(auditor, doc, 1, actor(auditor)), WorkflowRefused);
  // An editor may not move a document into another department.
  doc.department_id = other_department.id;
  EXPECT_THROW(wf().save(editor, doc, 1, actor(editor)), WorkflowRefused);
  // Creating a draft for another department.
  auto foreign = complete_draft("别的部门");
  foreign.department_id = other_department.id;
  EXPECT_THROW(wf().create_draft(editor, foreign, actor(editor), kToday), WorkflowRefused);

  EXPECT_EQ(stage(ref.id), Stage::Draft);
  EXPECT_EQ(wf().info(ref.id)->latest_revision, 1);
  EXPECT_EQ(DocumentRepository(*db).by_id(ref.id)->title, "草稿");
  EXPECT_EQ(audit_count(), before);
}

TEST_F(WorkflowTest, WrongStageIsRefusedWithAClearMessage) {
  auto ref = draft("草稿");
  try {
    wf().publish(publisher, ref.id, 1, {}, actor(publisher));
    FAIL();
  } catch (const WorkflowRefused& e) {
    EXPECT_EQ(e.kind(), WorkflowRefused::Kind::WrongStage);
    EXPECT_EQ(std::string(e.what()), "文件当前状态为“草稿”，不能发布；发布前须经保密审查并批准");
  }
  EXPECT_THROW(wf().start_review(reviewer, ref.id, actor(reviewer)), WorkflowRefused);
  EXPECT_THROW(wf().approve(publisher, ref.id, actor(publisher)), WorkflowRefused);
  wf().submit(editor, ref.id, actor(editor));
  EXPECT_THROW(wf().submit(editor, ref.id, actor(editor)), WorkflowRefused);
  auto doc = *DocumentRepository(*db).by_id(ref.id);
  EXPECT_THROW(wf().save(editor, doc, 1, actor(editor)), WorkflowRefused);  // submitted: no edits
  EXPECT_THROW(wf().withdraw(publisher, ref.id, "理由", actor(publisher)), WorkflowRefused);
  EXPECT_EQ(stage(ref.id), Stage::Submitted);
}

TEST_F(WorkflowTest, ReturnedForChangesThenResubmitted) {
  auto ref = draft("草稿");
  wf().submit(editor, ref.id, actor(editor));
  wf().start_review(reviewer, ref.id, actor(reviewer));
  EXPECT_THROW(wf().return_for_changes(reviewer, ref.id, " ", actor(reviewer)), domain::ValidationError);
  wf().return_for_changes(reviewer, ref.id, "请删除附件中的个人信息", actor(reviewer));
  EXPECT_EQ(stage(ref.id), Stage::Returned);
  auto doc = *DocumentRepository(*db).by_id(ref.id);
  doc.body_html = "<p>已修改</p>";
  EXPECT_EQ(wf().save(editor, doc, 1, actor(editor)), 2);
  EXPECT_EQ(stage(ref.id), Stage::Returned);
  wf().submit(editor, ref.id, actor(editor));
  EXPECT_EQ(stage(ref.id), Stage::Submitted);
  // The publisher may return an approved document too.
  wf().start_review(reviewer, ref.id, actor(reviewer));
  wf().decide(reviewer, ref.id, {domain::DisclosureForm::Proactive, std::nullopt, "同意"}, actor(reviewer));
  wf().approve(publisher, ref.id, actor(publisher));
  wf().return_for_changes(publisher, ref.id, "标题有误", actor(publisher));
  EXPECT_EQ(stage(ref.id), Stage::Returned);
  EXPECT_FALSE(wf().info(ref.id)->status.decision);
}

TEST_F(WorkflowTest, ReviewDecisionOtherThan主动公开NeedsAGroundAndIsNotPublished) {
  auto ref = draft("内部事务");
  wf().submit(editor, ref.id, actor(editor));
  wf().start_review(reviewer, ref.id, actor(reviewer));
  const auto before = audit_count();
  try {
    wf().decide(reviewer, ref.id, {domain::DisclosureForm::NotDisclosed, std::nullopt, "内部管理事务"}, actor(reviewer));
    FAIL();
  } catch (const domain::ValidationError& e) {
    EXPECT_EQ(e.problems(), std::vector<std::string>{"审查结论为“不予公开”时须选择依据（负面清单）"});
  }
  EXPECT_EQ(audit_count(), before);
  EXPECT_EQ(stage(ref.id), Stage::UnderReview);
  wf().decide(reviewer, ref.id, {domain::DisclosureForm::NotDisclosed, domain::ReplyOutcome::InternalAffairs, "内部管理事务"},
              actor(reviewer));
  auto info = *wf().info(ref.id);
  EXPECT_EQ(info.status.decision, domain::DisclosureForm::NotDisclosed);
  EXPECT_EQ(info.ground, domain::ReplyOutcome::InternalAffairs);
  try {
    wf().approve(publisher, ref.id, actor(publisher));
    FAIL();
  } catch (const WorkflowRefused& e) {
    EXPECT_EQ(std::string(e.what()), "保密审查结论为“不予公开”，不能在网站主动公开");
  }
  auto entries = AuditLog(*db).entries("document", std::to_string(ref.id));
  EXPECT_EQ(entries.back().action, "publishing.review_decide");
  EXPECT_NE(entries.back().changes.find("5.属于三类内部事务信息"), std::string::npos) << entries.back().changes;
}

TEST_F(WorkflowTest, WithdrawKeepsThePageWithTheReason) {
  auto ref = draft("将被撤回");
  wf().publish(publisher, ref.id, to_approved(ref.id), {}, actor(publisher));
  EXPECT_THROW(wf().withdraw(publisher, ref.id, "", actor(publisher)), domain::ValidationError);
  EXPECT_THROW(wf().withdraw(editor, ref.id, "错误", actor(editor)), WorkflowRefused);
  wf().withdraw(publisher, ref.id, "内容有误，已重新发布", actor(publisher));
  EXPECT_EQ(DocumentRepository(*db).by_id(ref.id)->state, domain::DocumentState::Withdrawn);
  auto info = *wf().info(ref.id);
  EXPECT_EQ(info.status.stage, Stage::Withdrawn);
  EXPECT_EQ(info.withdrawn_reason, "内容有误，已重新发布");
  EXPECT_THROW(wf().withdraw(publisher, ref.id, "again", actor(publisher)), WorkflowRefused);
}

TEST_F(WorkflowTest, MarkValiditySets失效And废止OnThePublicDocument) {
  auto ref = draft("将废止");
  EXPECT_THROW(wf().mark_validity(publisher, ref.id, std::nullopt, date("2020-01-01"), actor(publisher)), WorkflowRefused);
  wf().publish(publisher, ref.id, to_approved(ref.id), {}, actor(publisher));
  EXPECT_THROW(wf().mark_validity(publisher, ref.id, std::nullopt, std::nullopt, actor(publisher)), domain::ValidationError);
  EXPECT_THROW(wf().mark_validity(editor, ref.id, std::nullopt, date("2020-01-01"), actor(editor)), WorkflowRefused);
  wf().mark_validity(publisher, ref.id, std::nullopt, date("2020-01-01"), actor(publisher));
  auto doc = *DocumentRepository(*db).by_id(ref.id);
  EXPECT_EQ(doc.repealed_on, date("2020-01-01"));
  EXPECT_EQ(domain::derive_validity(doc, date("2024-01-01")), domain::Validity::Repealed);
  EXPECT_EQ(stage(ref.id), Stage::Published);
  EXPECT_EQ(wf().revision(ref.id, wf().info(ref.id)->latest_revision)->snapshot.repealed_on, date("2020-01-01"));
  EXPECT_EQ(AuditLog(*db).entries("document", std::to_string(ref.id)).back().action, "publishing.mark_validity");
}

TEST_F(WorkflowTest, ScheduledPublicationHappensWhenDue) {
  auto ref = draft("定时发布");
  const int rev = to_approved(ref.id);
  EXPECT_THROW(wf().schedule(publisher, ref.id, rev, "明天", {}, actor(publisher)), domain::ValidationError);
  wf().schedule(publisher, ref.id, rev, "2030-01-01T00:00:00Z", {}, actor(publisher));
  EXPECT_EQ(stage(ref.id), Stage::Scheduled);
  EXPECT_TRUE(wf().publish_due("2029-12-31T23:59:59Z").empty());
  EXPECT_EQ(DocumentRepository(*db).by_id(ref.id)->state, domain::DocumentState::Draft);
  auto outcomes = wf().publish_due("2030-01-01T00:00:00Z");
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_TRUE(outcomes[0].published);
  EXPECT_EQ(stage(ref.id), Stage::Published);
  EXPECT_EQ(DocumentRepository(*db).by_id(ref.id)->state, domain::DocumentState::Published);
  auto last = AuditLog(*db).entries("document", std::to_string(ref.id)).back();
  EXPECT_EQ(last.action, "publishing.publish");
  EXPECT_EQ(last.actor.username, "system");
  EXPECT_TRUE(wf().publish_due("2031-01-01T00:00:00Z").empty());
}

TEST_F(WorkflowTest, WorkItemsListWhatIsInProgress) {
  auto a = draft("草稿一");
  auto b = draft("草稿二");
  wf().submit(editor, b.id, actor(editor));
  WorkQuery q;
  q.site_id = site.id;
  q.department_id = department.id;
  EXPECT_EQ(wf().work_items(q).size(), 2u);
  q.stages = {Stage::Submitted};
  auto items = wf().work_items(q);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].document_id, b.id);
  EXPECT_EQ(items[0].created_on, kToday) << "the caller's clock, not the machine's";
  q.department_id = other_department.id;
  EXPECT_TRUE(wf().work_items(q).empty());
  (void)a;
}

}  // namespace
}  // namespace zwgk::store::test
