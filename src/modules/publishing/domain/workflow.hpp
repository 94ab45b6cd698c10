#pragma once
// 发布流程 (ADR 0009): a document's way from draft to the public page, and the rules each
// step obeys. Pure rules — the store (store/workflow_repository.hpp) applies them in one
// transaction together with the audit entry.
//
//   草稿 Draft --submit--> 已提交 Submitted --start_review--> 保密审查中 UnderReview
//     --review_decide (opinion + 主动公开/依申请公开/不予公开 [+ ground])--> 已审查 Reviewed
//     --approve (only 主动公开)--> 已批准 Approved --publish--> 已发布 Published
//                                              \--schedule--> 待定时发布 Scheduled --publish_due--> Published
//   return_for_changes from Submitted..Scheduled --> 已退回修改 Returned (edit, submit again)
//   Published --edit--> Draft (an amendment; the public keeps the published version)
//     ... same path ... --amend (change note, major/minor)--> Published (same URL, version n+1)
//   Published --withdraw (reason)--> 已撤回 Withdrawn (the page stays and says so)
//   mark_validity (失效/废止 dates) on a published document: stage unchanged.
//
// The stage lives beside documents.state (what the public sees: draft/published/withdrawn),
// see docs/adr/0009-publishing-workflow.md.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.hpp"
#include "domain/date.hpp"
#include "domain/document.hpp"
#include "domain/permissions.hpp"
#include "domain/privacy_scan.hpp"
#include "domain/reply_outcome.hpp"
#include "domain/statutory_deadlines.hpp"
#include "domain/working_day_calendar.hpp"

namespace zwgk::domain {

enum class Stage { Draft, Submitted, UnderReview, Returned, Reviewed, Approved, Scheduled, Published, Withdrawn };
std::string to_code(Stage);   // draft submitted under_review returned reviewed approved scheduled published withdrawn
std::string to_label(Stage);  // 草稿 已提交 保密审查中 已退回修改 已审查 已批准 待定时发布 已发布 已撤回
std::optional<Stage> stage_from(std::string_view code);

// 政策解读 forms.
enum class InterpretationForm { Text, Graphic, AudioVideo, OnlineInterview, PressConference };
std::string to_code(InterpretationForm);   // text graphic audio_video online_interview press_conference
std::string to_label(InterpretationForm);  // 文字 图解 音视频 在线访谈 新闻发布会
std::optional<InterpretationForm> interpretation_form_from(std::string_view code_or_label);
const std::vector<InterpretationForm>& all_interpretation_forms();

// What the transition rules look at.
struct WorkflowStatus {
  Stage stage = Stage::Draft;
  DocumentState public_state = DocumentState::Draft;  // documents.state
  std::optional<DisclosureForm> decision;             // 保密审查结论 of the current round
  bool has_published_version = false;                 // a version was published before (amend, not publish)
};

// The stage rule alone: nullopt if `action` may be applied in `status`, else Chinese.
std::optional<std::string> stage_refusal(const WorkflowStatus& status, Action action);
// Permission first (permissions.hpp), then the stage rule.
std::optional<std::string> transition_refusal(const Account& who, Action action, const Target& target,
                                              const WorkflowStatus& status);
// The status after `action` (call only when transition_refusal returned nullopt).
// ReviewDecide leaves `decision` to the caller; Return clears it.
WorkflowStatus apply_transition(WorkflowStatus status, Action action);

// 保密审查结论. A decision other than 主动公开 names its ground from the negative list
// (README §2, the （三）不予公开 rows of table 三: ReplyOutcome::StateSecret .. AdministrativeQuery).
struct ReviewDecision {
  DisclosureForm decision = DisclosureForm::Proactive;
  std::optional<ReplyOutcome> ground;
  std::string opinion;  // 审查意见, required
};
const std::vector<ReplyOutcome>& nondisclosure_grounds();
bool is_nondisclosure_ground(ReplyOutcome);
// Chinese problems, empty when the decision is complete.
std::vector<std::string> review_decision_problems(const ReviewDecision& d);

// 政策解读 rule: documents in these catalogue codes need their interpretation published
// with them. Default 规范性文件 (fgwj) and 政策文件 (zcwj); a site may configure its own list.
const std::vector<std::string>& default_interpretation_catalogues();
bool requires_interpretation(const Document& doc, const std::string& catalogue_code,
                             const std::vector<std::string>& site_catalogues);

// Privacy guard over a document's texts. `field`: "title", "body", "attachment:<file name>".
struct PrivacyText {
  std::string field;
  std::string text;
};
struct GuardFinding {
  std::string field;
  PrivacyFinding finding;
  bool overridden = false;  // an override with a reason is on record
};
std::vector<PrivacyText> privacy_texts(const Document& doc, const std::vector<PrivacyText>& attachment_texts);
// Every finding, marked overridden where `is_overridden` says so.
std::vector<GuardFinding> guard_findings(const std::vector<PrivacyText>& texts, const PrivacyScanOptions& options,
                                         const std::function<bool(const PrivacyFinding&)>& is_overridden);
// The document with every finding in title, summary and body replaced by its mask.
Document mask_document(Document doc, const PrivacyScanOptions& options);
// "发布前须处理个人信息：身份证号码 430502********123X（正文）..." or "" when none is unresolved.
std::string privacy_block_message(const std::vector<GuardFinding>& findings);

// Art. 26: publish within 20 working days of creation — publication_deadline and its
// constants are in domain/statutory_deadlines.hpp, with the other statutory periods.
std::string to_label(PublicationDue);  // 正常 / 即将到期 / 已逾期

}  // namespace zwgk::domain
