// Revisions and conflicts, the privacy guard, the 政策解读 rule and amendments, on both backends.
#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "modules/publishing/store/workflow_fixture.hpp"

namespace zwgk::store::test {
namespace {

using domain::Stage;

const std::string kId = "43050219900101123X";  // valid GB 11643 check character

TEST_F(WorkflowTest, SecondSaveWithAnOlderRevisionIsAConflictShowingWhatChanged) {
  auto ref = draft("原标题");
  auto mine = *DocumentRepository(*db).by_id(ref.id);
  auto theirs = mine;
  theirs.title = "他人改的标题";
  theirs.doc_number = "邵政发〔2017〕1号";
  EXPECT_EQ(wf().save(editor, theirs, 1, actor(editor)), 2);
  mine.summary = "我的概述";
  const auto before = audit_count();
  try {
    wf().save(editor, mine, 1, actor(editor));
    FAIL() << "second save must conflict";
  } catch (const RevisionConflict& e) {
    EXPECT_EQ(e.seen(), 1);
    EXPECT_EQ(e.latest(), 2);
    ASSERT_EQ(e.changes().size(), 2u);
    EXPECT_EQ(e.changes()[0].label, "标题");
    EXPECT_EQ(e.changes()[0].before, "原标题");
    EXPECT_EQ(e.changes()[0].after, "他人改的标题");
    EXPECT_EQ(e.changes()[1].label, "文号");
    EXPECT_NE(std::string(e.what()).find("您编辑的是第1版"), std::string::npos) << e.what();
  }
  EXPECT_EQ(audit_count(), before);
  auto doc = *DocumentRepository(*db).by_id(ref.id);
  EXPECT_EQ(doc.title, "他人改的标题");
  EXPECT_EQ(doc.summary, "");
  // Every save is a revision with author, time and a full snapshot.
  auto revs = wf().revisions(ref.id);
  ASSERT_EQ(revs.size(), 2u);
  EXPECT_EQ(revs[0].number, 2);
  EXPECT_EQ(revs[0].author.username, "editor1");
  EXPECT_EQ(revs[0].snapshot.doc_number, "邵政发〔2017〕1号");
  EXPECT_EQ(revs[1].snapshot.title, "原标题");
  EXPECT_FALSE(revs[0].created_at.empty());
}

TEST_F(WorkflowTest, PublishingARevisionThatIsNoLongerTheLatestIsRefused) {
  auto ref = draft("含个人信息", "<p>联系人手机13812345678</p>");
  wf().submit(editor, ref.id, actor(editor));
  wf().start_review(reviewer, ref.id, actor(reviewer));
  EXPECT_EQ(wf().mask_privacy(reviewer, ref.id, 1, actor(reviewer)), 2);  // the reviewer masks during review
  wf().decide(reviewer, ref.id, {domain::DisclosureForm::Proactive, std::nullopt, "已遮盖"}, actor(reviewer));
  wf().approve(publisher, ref.id, actor(publisher));
  try {
    wf().publish(publisher, ref.id, 1, {}, actor(publisher));
    FAIL();
  } catch (const RevisionConflict& e) {
    EXPECT_EQ(e.latest(), 2);
    ASSERT_EQ(e.changes().size(), 1u);
    EXPECT_EQ(e.changes()[0].label, "正文");
  }
  EXPECT_EQ(DocumentRepository(*db).by_id(ref.id)->state, domain::DocumentState::Draft);
  auto pub = wf().publish(publisher, ref.id, 2, {}, actor(publisher));
  EXPECT_NE(pub.body_html.find("138****5678"), std::string::npos);
}

TEST_F(WorkflowTest, PrivacyFindingsBlockPublishingUntilOverriddenWithAReason) {
  auto ref = draft("2017年低保名单", "<p>张三，身份证号" + kId + "</p><p>统一社会信用代码91350100M000100Y43</p>");
  const int rev = to_approved(ref.id);
  try {
    wf().publish(publisher, ref.id, rev, {}, actor(publisher));
    FAIL();
  } catch (const WorkflowRefused& e) {
    EXPECT_EQ(e.kind(), WorkflowRefused::Kind::Blocked);
    const std::string m = e.what();
    EXPECT_NE(m.find("430502********123X（正文）"), std::string::npos) << m;
    EXPECT_EQ(m.find(kId), std::string::npos) << "the message never carries the full number";
  }
  EXPECT_EQ(DocumentRepository(*db).by_id(ref.id)->state, domain::DocumentState::Draft);
  auto findings = wf().privacy_findings(ref.id);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_THROW(wf().override_privacy(publisher, ref.id, findings[0].finding, "", actor(publisher)), domain::ValidationError);
  EXPECT_THROW(wf().override_privacy(editor, ref.id, findings[0].finding, "公示需要", actor(editor)), WorkflowRefused);
  wf().override_privacy(publisher, ref.id, findings[0].finding, "依法公示的低保对象名单，经本人同意", actor(publisher));
  EXPECT_TRUE(wf().privacy_findings(ref.id)[0].overridden);
  auto last = AuditLog(*db).entries("document", std::to_string(ref.id)).back();
  EXPECT_EQ(last.action, "publishing.override_privacy");
  EXPECT_NE(last.changes.find("依法公示的低保对象名单"), std::string::npos);
  EXPECT_NE(last.changes.find("430502********123X"), std::string::npos);
  EXPECT_EQ(last.changes.find(kId), std::string::npos);
  wf().publish(publisher, ref.id, rev, {}, actor(publisher));
  EXPECT_EQ(stage(ref.id), Stage::Published);
}

TEST_F(WorkflowTest, MaskingIsARevisionAndClearsTheGate) {
  auto ref = draft("名单", "<p>" + kId + "，13812345678</p>");
  EXPECT_EQ(wf().mask_privacy(editor, ref.id, 1, actor(editor)), 2);
  auto doc = *DocumentRepository(*db).by_id(ref.id);
  EXPECT_EQ(doc.body_html, "<p>430502********123X，138****5678</p>");
  EXPECT_TRUE(wf().privacy_findings(ref.id).empty());
  EXPECT_THROW(wf().mask_privacy(editor, ref.id, 2, actor(editor)), WorkflowRefused);  // nothing left
  EXPECT_THROW(wf().mask_privacy(editor, ref.id, 1, actor(editor)), RevisionConflict);
  wf().publish(publisher, ref.id, to_approved(ref.id), {}, actor(publisher));
  EXPECT_EQ(stage(ref.id), Stage::Published);
}

TEST_F(WorkflowTest, AttachmentTextAndSiteSensitiveWordsAreScanned) {
  auto d = complete_draft("附件");
  domain::Attachment a;
  a.file_name = "名单.pdf";
  a.sha256 = std::string(64, 'a');
  d.attachments.push_back(a);
  auto ref = wf().create_draft(editor, d, actor(editor), kToday);
  wf().set_attachment_text(a.sha256, "李四 13900001111");
  auto findings = wf().privacy_findings(ref.id);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].field, "attachment:名单.pdf");
  EXPECT_THROW(wf().set_sensitive_words(publisher, site.id, {"绝密"}, actor(publisher)), WorkflowRefused);
  auto admin = account(9, "admin", domain::Role::SiteAdmin, std::nullopt);
  wf().set_sensitive_words(admin, site.id, {"绝密", ""}, actor(admin));
  EXPECT_EQ(wf().sensitive_words(site.id), std::vector<std::string>{"绝密"});
  auto doc = *DocumentRepository(*db).by_id(ref.id);
  doc.title = "绝密文件";
  wf().save(editor, doc, 1, actor(editor));
  EXPECT_EQ(wf().privacy_findings(ref.id).size(), 2u);
}

class InterpretationTest : public WorkflowTest {
 protected:
  DraftRef policy() {
    auto d = complete_draft("关于进一步加强城市管理的实施意见");
    d.catalogue_id = catalogue("zcwj");
    return wf().create_draft(editor, d, actor(editor), kToday);
  }
  DraftRef interpretation(std::int64_t of) {
    auto d = complete_draft("《关于进一步加强城市管理的实施意见》政策解读");
    d.catalogue_id = catalogue("zcjd");
    d.kind = domain::DocumentKind::Interpretation;
    d.interprets_id = of;
    auto ref = wf().create_draft(editor, d, actor(editor), kToday);
    wf().set_interpretation_form(editor, ref.id, domain::InterpretationForm::Graphic, actor(editor));
    return ref;
  }
};

TEST_F(InterpretationTest, APolicyDocumentWithoutItsInterpretationIsBlocked) {
  auto p = policy();
  const int rev = to_approved(p.id);
  try {
    wf().publish(publisher, p.id, rev, {}, actor(publisher));
    FAIL();
  } catch (const WorkflowRefused& e) {
    EXPECT_EQ(e.kind(), WorkflowRefused::Kind::Blocked);
    EXPECT_NE(std::string(e.what()).find("政策解读"), std::string::npos);
  }
  // A draft interpretation is not enough; nor may it go out before the policy.
  auto i = interpretation(p.id);
  EXPECT_THROW(wf().publish(publisher, p.id, rev, {}, actor(publisher)), WorkflowRefused);
  const int irev = to_approved(i.id);
  EXPECT_THROW(wf().publish(publisher, i.id, irev, {}, actor(publisher)), WorkflowRefused);
  EXPECT_EQ(DocumentRepository(*db).by_id(i.id)->state, domain::DocumentState::Draft);
}

TEST_F(InterpretationTest, PolicyAndApprovedInterpretationArePublishedInOneStep) {
  auto p = policy();
  auto i = interpretation(p.id);
  EXPECT_EQ(wf().info(i.id)->interpretation_form, domain::InterpretationForm::Graphic);
  to_approved(i.id);
  const int rev = to_approved(p.id);
  wf().publish(publisher, p.id, rev, {}, actor(publisher));
  EXPECT_EQ(DocumentRepository(*db).by_id(p.id)->state, domain::DocumentState::Published);
  EXPECT_EQ(DocumentRepository(*db).by_id(i.id)->state, domain::DocumentState::Published);
  EXPECT_EQ(stage(i.id), Stage::Published);
  auto linked = DocumentRepository(*db).interpretations_of(p.id);
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].id, i.id);
  auto entries = AuditLog(*db).entries("document", std::to_string(i.id));
  EXPECT_EQ(entries.back().action, "publishing.publish");
  EXPECT_NE(entries.back().changes.find("together_with"), std::string::npos);
}

TEST_F(InterpretationTest, ARecordedExemptionLetsThePolicyGoAlone) {
  auto p = policy();
  const int rev = to_approved(p.id);
  EXPECT_THROW(wf().exempt_interpretation(editor, p.id, "简单通知", actor(editor)), WorkflowRefused);
  EXPECT_THROW(wf().exempt_interpretation(publisher, p.id, "", actor(publisher)), domain::ValidationError);
  wf().exempt_interpretation(publisher, p.id, "仅调整执行期限，无实质政策变化", actor(publisher));
  EXPECT_TRUE(wf().info(p.id)->interpretation_exempted);
  wf().publish(publisher, p.id, rev, {}, actor(publisher));
  EXPECT_EQ(stage(p.id), Stage::Published);
}

TEST_F(InterpretationTest, TheRuleFollowsTheSitesOwnCatalogueList) {
  auto admin = account(9, "admin", domain::Role::SiteAdmin, std::nullopt);
  EXPECT_EQ(wf().interpretation_catalogues(site.id), (std::vector<std::string>{"zcwj", "fgwj"}));
  wf().set_interpretation_catalogues(admin, site.id, {"ghjh"}, actor(admin));
  auto p = policy();  // zcwj: no longer required
  wf().publish(publisher, p.id, to_approved(p.id), {}, actor(publisher));
  auto g = draft("规划");  // ghjh: now required
  EXPECT_THROW(wf().publish(publisher, g.id, to_approved(g.id), {}, actor(publisher)), WorkflowRefused);
}

TEST_F(WorkflowTest, AmendmentKeepsThePublicVersionUntilPublishedWithAChangeNote) {
  auto ref = draft("第一版标题");
  wf().publish(publisher, ref.id, to_approved(ref.id), {}, actor(publisher));
  auto doc = *DocumentRepository(*db).by_id(ref.id);
  const auto index_number = doc.index_number;
  doc.title = "第二版标题";
  const int rev = wf().save(editor, doc, wf().info(ref.id)->latest_revision, actor(editor));
  EXPECT_EQ(stage(ref.id), Stage::Draft);
  EXPECT_EQ(DocumentRepository(*db).by_id(ref.id)->title, "第一版标题") << "the public keeps the published version";
  EXPECT_EQ(DocumentRepository(*db).by_id(ref.id)->state, domain::DocumentState::Published);
  EXPECT_EQ(to_approved(ref.id), rev);
  EXPECT_THROW(wf().publish(publisher, ref.id, rev, {}, actor(publisher)), domain::ValidationError);  // no note
  wf().publish(publisher, ref.id, rev, {"调整标题表述", true}, actor(publisher));
  auto pub = *DocumentRepository(*db).by_id(ref.id);
  EXPECT_EQ(pub.title, "第二版标题");
  EXPECT_EQ(pub.index_number, index_number) << "URL and 索引号 stay";
  auto versions = wf().published_versions(ref.id);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1].version, 2);
  EXPECT_EQ(versions[1].change_note, "调整标题表述");
  EXPECT_EQ(wf().published_version(ref.id, 1)->snapshot.title, "第一版标题");
  EXPECT_EQ(AuditLog(*db).entries("document", std::to_string(ref.id)).back().action, "publishing.amend");

  // A minor fix, then its note corrected later (audited).
  doc = *DocumentRepository(*db).by_id(ref.id);
  doc.summary = "更正错别字";
  const int rev3 = wf().save(editor, doc, wf().info(ref.id)->latest_revision, actor(editor));
  wf().publish(publisher, ref.id, to_approved(ref.id), {"错别字", false}, actor(publisher));
  EXPECT_FALSE(wf().published_version(ref.id, 3)->major);
  EXPECT_EQ(wf().published_version(ref.id, 3)->number, rev3);
  EXPECT_THROW(wf().correct_change_note(editor, ref.id, 2, "x", actor(editor)), WorkflowRefused);
  EXPECT_THROW(wf().correct_change_note(publisher, ref.id, 9, "x", actor(publisher)), NotFound);
  wf().correct_change_note(publisher, ref.id, 2, "调整标题表述，明确适用范围", actor(publisher));
  EXPECT_EQ(wf().published_version(ref.id, 2)->change_note, "调整标题表述，明确适用范围");
  auto last = AuditLog(*db).entries("document", std::to_string(ref.id)).back();
  EXPECT_EQ(last.action, "publishing.correct_change_note");
  EXPECT_NE(last.changes.find("调整标题表述"), std::string::npos);
}

TEST_F(WorkflowTest, ImportedPublishedRecordsJoinTheWorkflowOnFirstEdit) {
  auto d = complete_draft("导入的文件");
  const auto id = DocumentRepository(*db).save(d);
  DocumentRepository(*db).publish(id);
  auto info = *wf().info(id);
  EXPECT_EQ(info.status.stage, Stage::Published);
  EXPECT_EQ(info.latest_revision, 0);
  auto doc = *DocumentRepository(*db).by_id(id);
  doc.title = "修订后的标题";
  EXPECT_THROW(wf().save(editor, doc, 0, actor(editor)), RevisionConflict);
  EXPECT_EQ(wf().save(editor, doc, 1, actor(editor)), 2);
  ASSERT_EQ(wf().published_versions(id).size(), 1u);
  EXPECT_EQ(wf().published_versions(id)[0].snapshot.title, "导入的文件");
}

}  // namespace
}  // namespace zwgk::store::test
