// The publishing workflow's rules: every stage x action, the review decision, the
// interpretation rule, the privacy gate and the Art. 26 due date.
#include "modules/publishing/domain/workflow.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "support/holiday_calendar.hpp"

using namespace zwgk::domain;
using zwgk::test::calendar;
using zwgk::test::d;

namespace {

const std::vector<Stage> kAllStages = {Stage::Draft,    Stage::Submitted, Stage::UnderReview,
                                       Stage::Returned, Stage::Reviewed,  Stage::Approved,
                                       Stage::Scheduled, Stage::Published, Stage::Withdrawn};

WorkflowStatus status(Stage s) {
  WorkflowStatus st;
  st.stage = s;
  if (s == Stage::Published) {
    st.public_state = DocumentState::Published;
    st.has_published_version = true;
  }
  if (s == Stage::Withdrawn) {
    st.public_state = DocumentState::Withdrawn;
    st.has_published_version = true;
  }
  if (s == Stage::Reviewed || s == Stage::Approved || s == Stage::Scheduled) st.decision = DisclosureForm::Proactive;
  return st;
}

}  // namespace

TEST(Workflow, EveryStageActionPairIsDecided) {
  using A = Action;
  using S = Stage;
  // Expected, written out by hand: stage -> document actions allowed (first publication).
  std::map<S, std::set<A>> allowed = {
      {S::Draft, {A::Edit, A::MaskPrivacy, A::Submit, A::OverridePrivacy, A::ExemptInterpretation}},
      {S::Returned, {A::Edit, A::MaskPrivacy, A::Submit, A::OverridePrivacy, A::ExemptInterpretation}},
      {S::Submitted, {A::StartReview, A::ReturnForChanges, A::OverridePrivacy, A::ExemptInterpretation}},
      {S::UnderReview, {A::ReviewDecide, A::ReturnForChanges, A::MaskPrivacy, A::OverridePrivacy, A::ExemptInterpretation}},
      {S::Reviewed, {A::Approve, A::ReturnForChanges, A::OverridePrivacy, A::ExemptInterpretation}},
      {S::Approved, {A::Publish, A::Schedule, A::ReturnForChanges, A::OverridePrivacy, A::ExemptInterpretation}},
      {S::Scheduled, {A::Publish, A::ReturnForChanges, A::OverridePrivacy, A::ExemptInterpretation}},
      {S::Published, {A::Edit, A::MaskPrivacy, A::Withdraw, A::MarkValidity, A::CorrectChangeNote}},
      {S::Withdrawn, {A::CorrectChangeNote}},
  };
  const std::set<A> always = {A::CreateDraft, A::View, A::ManageCatalogue, A::ManageDepartments,
                              A::ManageSites, A::ManageUsers, A::ViewAudit};
  for (S s : kAllStages) {
    for (A a : all_actions()) {
      const bool expect = always.count(a) || allowed[s].count(a);
      const auto r = stage_refusal(status(s), a);
      EXPECT_EQ(!r.has_value(), expect) << to_code(s) << " " << to_code(a) << (r ? " " + *r : "");
      if (r) {
        EXPECT_GT(static_cast<unsigned char>((*r)[0]), 0x7F) << *r;
      }
    }
  }
}

TEST(Workflow, TheHappyPathAndItsStages) {
  WorkflowStatus st;
  for (auto [a, want] : std::vector<std::pair<Action, Stage>>{{Action::Submit, Stage::Submitted},
                                                             {Action::StartReview, Stage::UnderReview},
                                                             {Action::ReviewDecide, Stage::Reviewed}}) {
    ASSERT_FALSE(stage_refusal(st, a)) << to_code(a);
    st = apply_transition(st, a);
    EXPECT_EQ(st.stage, want);
  }
  EXPECT_EQ(stage_refusal(st, Action::Approve), "保密审查结论为“未作结论”，不能在网站主动公开");
  st.decision = DisclosureForm::Proactive;
  st = apply_transition(st, Action::Approve);
  EXPECT_EQ(st.stage, Stage::Approved);
  EXPECT_EQ(stage_refusal(st, Action::Amend), "该文件尚未发布过，请直接发布");
  st = apply_transition(st, Action::Publish);
  EXPECT_EQ(st.stage, Stage::Published);
  EXPECT_EQ(st.public_state, DocumentState::Published);
  // Editing a published document starts an amendment; the public keeps the published one.
  st = apply_transition(st, Action::Edit);
  EXPECT_EQ(st.stage, Stage::Draft);
  EXPECT_EQ(st.public_state, DocumentState::Published);
  EXPECT_FALSE(st.decision);
  st = apply_transition(apply_transition(st, Action::Submit), Action::StartReview);
  st = apply_transition(st, Action::ReviewDecide);
  st.decision = DisclosureForm::Proactive;
  st = apply_transition(st, Action::Approve);
  EXPECT_EQ(stage_refusal(st, Action::Publish), "该文件已发布过，请发布修订版本并填写修订说明");
  EXPECT_FALSE(stage_refusal(st, Action::Amend));
  // Withdraw is possible while an amendment is in progress: the public version is what goes.
  EXPECT_FALSE(stage_refusal(st, Action::Withdraw));
  st = apply_transition(st, Action::Withdraw);
  EXPECT_EQ(st.stage, Stage::Withdrawn);
  EXPECT_EQ(st.public_state, DocumentState::Withdrawn);
  EXPECT_EQ(stage_refusal(st, Action::Withdraw), "文件已撤回");
}

TEST(Workflow, ReturnedForChangesClearsTheDecision) {
  auto st = status(Stage::Approved);
  st = apply_transition(st, Action::ReturnForChanges);
  EXPECT_EQ(st.stage, Stage::Returned);
  EXPECT_FALSE(st.decision);
  EXPECT_FALSE(stage_refusal(st, Action::Submit));
}

TEST(Workflow, NotDisclosedDecisionCannotBeApprovedForPublication) {
  auto st = status(Stage::Reviewed);
  st.decision = DisclosureForm::NotDisclosed;
  EXPECT_EQ(stage_refusal(st, Action::Approve), "保密审查结论为“不予公开”，不能在网站主动公开");
  st.decision = DisclosureForm::OnRequest;
  EXPECT_EQ(stage_refusal(st, Action::Approve), "保密审查结论为“依申请公开”，不能在网站主动公开");
}

TEST(Workflow, TransitionRefusalChecksRoleBeforeStage) {
  Account editor;
  editor.role = Role::DepartmentEditor;
  editor.site_id = 1;
  editor.department_id = 10;
  EXPECT_EQ(transition_refusal(editor, Action::Publish, {1, 10}, status(Stage::Approved)), "部门编辑无权发布");
  EXPECT_EQ(transition_refusal(editor, Action::Submit, {1, 10}, status(Stage::Submitted)),
            "文件当前状态为“已提交”，不能提交审查");
  EXPECT_FALSE(transition_refusal(editor, Action::Submit, {1, 10}, status(Stage::Draft)));
}

TEST(Workflow, ReviewDecisionNamesItsGroundFromTheNegativeList) {
  EXPECT_TRUE(review_decision_problems({DisclosureForm::Proactive, std::nullopt, "未发现涉密内容"}).empty());
  EXPECT_EQ(review_decision_problems({DisclosureForm::Proactive, std::nullopt, "  "}),
            std::vector<std::string>{"请填写审查意见"});
  EXPECT_EQ(review_decision_problems({DisclosureForm::NotDisclosed, std::nullopt, "涉及个人隐私"}),
            std::vector<std::string>{"审查结论为“不予公开”时须选择依据（负面清单）"});
  EXPECT_TRUE(review_decision_problems({DisclosureForm::NotDisclosed, ReplyOutcome::ThirdPartyRights, "涉及个人隐私"}).empty());
  EXPECT_TRUE(review_decision_problems({DisclosureForm::OnRequest, ReplyOutcome::ProcessInformation, "过程性信息"}).empty());
  EXPECT_EQ(review_decision_problems({DisclosureForm::NotDisclosed, ReplyOutcome::RepeatedRequest, "x"}),
            std::vector<std::string>{"所选依据不在负面清单中"});
  ASSERT_EQ(nondisclosure_grounds().size(), 8u);
  EXPECT_EQ(to_label(nondisclosure_grounds().front()), "1.属于国家秘密");
  EXPECT_EQ(to_label(nondisclosure_grounds()[2]), "3.危及“三安全一稳定”");
  EXPECT_EQ(to_label(nondisclosure_grounds().back()), "8.属于行政查询事项");
}

TEST(Workflow, StagesAndFormsHaveCodesAndLabels) {
  for (Stage s : kAllStages) EXPECT_EQ(stage_from(to_code(s)), s);
  EXPECT_EQ(to_label(Stage::UnderReview), "保密审查中");
  std::vector<std::string> labels;
  for (auto f : all_interpretation_forms()) {
    labels.push_back(to_label(f));
    EXPECT_EQ(interpretation_form_from(to_code(f)), f);
    EXPECT_EQ(interpretation_form_from(to_label(f)), f);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"文字", "图解", "音视频", "在线访谈", "新闻发布会"}));
}

TEST(Workflow, InterpretationRequiredFor规范性文件And政策文件ByDefault) {
  Document doc;
  const auto& def = default_interpretation_catalogues();
  EXPECT_TRUE(requires_interpretation(doc, "zcwj", def));
  EXPECT_TRUE(requires_interpretation(doc, "fgwj", def));
  EXPECT_FALSE(requires_interpretation(doc, "ghjh", def));
  EXPECT_TRUE(requires_interpretation(doc, "ghjh", {"ghjh"}));  // a site's own list
  doc.kind = DocumentKind::Interpretation;
  EXPECT_FALSE(requires_interpretation(doc, "zcwj", def));
}

TEST(Workflow, PrivacyGateBlocksUntilMaskedOrOverridden) {
  Document doc;
  doc.title = "2017年低保名单";
  doc.body_html = "<p>张三，身份证号43050219900101123X，电话13812345678</p><p>统一社会信用代码91350100M000100Y43</p>";
  auto findings = guard_findings(privacy_texts(doc, {{"attachment:名单.pdf", "李四 13900001111"}}), {}, {});
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].field, "body");
  EXPECT_EQ(findings[2].field, "attachment:名单.pdf");
  const auto msg = privacy_block_message(findings);
  EXPECT_NE(msg.find("3处"), std::string::npos) << msg;
  EXPECT_NE(msg.find("430502********123X（正文）"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("43050219900101123X"), std::string::npos) << "never the full number";
  EXPECT_NE(msg.find("附件名单.pdf"), std::string::npos) << msg;

  // Overriding one leaves two.
  findings = guard_findings(privacy_texts(doc, {}), {}, [](const PrivacyFinding& f) { return f.kind == PrivacyKind::MobilePhone; });
  EXPECT_NE(privacy_block_message(findings).find("1处"), std::string::npos);

  // Masking clears the body.
  auto masked = mask_document(doc, {});
  EXPECT_NE(masked.body_html.find("430502********123X"), std::string::npos);
  EXPECT_NE(masked.body_html.find("138****5678"), std::string::npos);
  EXPECT_NE(masked.body_html.find("91350100M000100Y43"), std::string::npos);
  EXPECT_EQ(privacy_block_message(guard_findings(privacy_texts(masked, {}), {}, {})), "");
}

TEST(Workflow, PublicationDueTwentyWorkingDaysAfterCreation) {
  // 2024-09-20 (Fri) + 20 working days: 9/23-27 (5), 9/29 Sun make-up day (6), 9/30 (7),
  // 10/1-7 off, 10/8-11 (11), 10/12 Sat make-up (12), 10/14-18 (17), 10/21-23 (20).
  const auto due = publication_deadline(d("2024-09-20"), d("2024-09-23"), calendar());
  EXPECT_EQ(due.due_on, d("2024-10-23"));
  EXPECT_EQ(due.status, PublicationDue::OnTime);
  EXPECT_EQ(publication_deadline(d("2024-09-20"), d("2024-10-21"), calendar()).status, PublicationDue::DueSoon);
  EXPECT_EQ(publication_deadline(d("2024-09-20"), d("2024-10-24"), calendar()).status, PublicationDue::Overdue);
  EXPECT_EQ(to_label(PublicationDue::Overdue), "已逾期");
}
