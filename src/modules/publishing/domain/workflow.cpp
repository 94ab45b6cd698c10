// Stage rules, review decisions, the interpretation rule, the privacy gate and the Art. 26
// due date (workflow.hpp).
#include "modules/publishing/domain/workflow.hpp"

#include "domain/privacy_html.hpp"

#include <algorithm>


namespace zwgk::domain {

namespace {

struct StageInfo {
  Stage stage;
  const char* code;
  const char* label;
};
constexpr StageInfo kStages[] = {
    {Stage::Draft, "draft", "草稿"},
    {Stage::Submitted, "submitted", "已提交"},
    {Stage::UnderReview, "under_review", "保密审查中"},
    {Stage::Returned, "returned", "已退回修改"},
    {Stage::Reviewed, "reviewed", "已审查"},
    {Stage::Approved, "approved", "已批准"},
    {Stage::Scheduled, "scheduled", "待定时发布"},
    {Stage::Published, "published", "已发布"},
    {Stage::Withdrawn, "withdrawn", "已撤回"},
};

struct FormInfo {
  InterpretationForm form;
  const char* code;
  const char* label;
};
constexpr FormInfo kForms[] = {
    {InterpretationForm::Text, "text", "文字"},
    {InterpretationForm::Graphic, "graphic", "图解"},
    {InterpretationForm::AudioVideo, "audio_video", "音视频"},
    {InterpretationForm::OnlineInterview, "online_interview", "在线访谈"},
    {InterpretationForm::PressConference, "press_conference", "新闻发布会"},
};

bool in(Stage s, std::initializer_list<Stage> list) { return std::find(list.begin(), list.end(), s) != list.end(); }

std::string not_now(Stage s, Action a) {
  return "文件当前状态为“" + to_label(s) + "”，不能" + to_label(a);
}

}  // namespace

std::string to_code(Stage s) {
  for (const auto& i : kStages)
    if (i.stage == s) return i.code;
  return "draft";
}
std::string to_label(Stage s) {
  for (const auto& i : kStages)
    if (i.stage == s) return i.label;
  return "草稿";
}
std::optional<Stage> stage_from(std::string_view code) {
  for (const auto& i : kStages)
    if (code == i.code) return i.stage;
  return std::nullopt;
}

std::string to_code(InterpretationForm f) {
  for (const auto& i : kForms)
    if (i.form == f) return i.code;
  return "text";
}
std::string to_label(InterpretationForm f) {
  for (const auto& i : kForms)
    if (i.form == f) return i.label;
  return "文字";
}
std::optional<InterpretationForm> interpretation_form_from(std::string_view s) {
  for (const auto& i : kForms)
    if (s == i.code || s == i.label) return i.form;
  return std::nullopt;
}
const std::vector<InterpretationForm>& all_interpretation_forms() {
  static const std::vector<InterpretationForm> all = {InterpretationForm::Text, InterpretationForm::Graphic,
                                                      InterpretationForm::AudioVideo, InterpretationForm::OnlineInterview,
                                                      InterpretationForm::PressConference};
  return all;
}

std::optional<std::string> stage_refusal(const WorkflowStatus& st, Action a) {
  const Stage s = st.stage;
  switch (a) {
    case Action::CreateDraft:
    case Action::View:
    case Action::ManageCatalogue:
    case Action::ManageDepartments:
    case Action::ManageSites:
    case Action::ManageUsers:
    case Action::ViewAudit:
      return std::nullopt;
    case Action::Edit:
      if (in(s, {Stage::Draft, Stage::Returned, Stage::Published})) return std::nullopt;
      if (s == Stage::Withdrawn) return std::string("文件已撤回，不能修改");
      return not_now(s, a) + "；如需修改，请先退回";
    case Action::MaskPrivacy:
      if (in(s, {Stage::Draft, Stage::Returned, Stage::UnderReview, Stage::Published})) return std::nullopt;
      return not_now(s, a);
    case Action::Submit:
      if (in(s, {Stage::Draft, Stage::Returned})) return std::nullopt;
      return not_now(s, a);
    case Action::StartReview:
      if (s == Stage::Submitted) return std::nullopt;
      return not_now(s, a);
    case Action::ReviewDecide:
      if (s == Stage::UnderReview) return std::nullopt;
      return not_now(s, a) + "；请先开始保密审查";
    case Action::ReturnForChanges:
      if (in(s, {Stage::Submitted, Stage::UnderReview, Stage::Reviewed, Stage::Approved, Stage::Scheduled}))
        return std::nullopt;
      return not_now(s, a);
    case Action::OverridePrivacy:
    case Action::ExemptInterpretation:
      if (in(s, {Stage::Published, Stage::Withdrawn})) return not_now(s, a);
      return std::nullopt;
    case Action::Approve:
      if (s != Stage::Reviewed) return not_now(s, a);
      if (st.decision != DisclosureForm::Proactive)
        return "保密审查结论为“" + (st.decision ? to_label(*st.decision) : std::string("未作结论")) +
               "”，不能在网站主动公开";
      return std::nullopt;
    case Action::Publish:
    case Action::Amend:
      if (!in(s, {Stage::Approved, Stage::Scheduled})) return not_now(s, a) + "；发布前须经保密审查并批准";
      if (a == Action::Publish && st.has_published_version)
        return std::string("该文件已发布过，请发布修订版本并填写修订说明");
      if (a == Action::Amend && !st.has_published_version) return std::string("该文件尚未发布过，请直接发布");
      return std::nullopt;
    case Action::Schedule:
      if (s == Stage::Approved) return std::nullopt;
      return not_now(s, a);
    case Action::Withdraw:
      if (st.public_state == DocumentState::Published) return std::nullopt;
      return st.public_state == DocumentState::Withdrawn ? std::string("文件已撤回") : std::string("文件尚未发布，不能撤回");
    case Action::MarkValidity:
      if (st.public_state == DocumentState::Published) return std::nullopt;
      return std::string("只能对已发布的文件标注失效或废止");
    case Action::CorrectChangeNote:
      if (st.has_published_version) return std::nullopt;
      return std::string("文件尚无已发布的版本，没有可更正的修订说明");
    case Action::ViewRequest:
    case Action::ViewApplicantIdentity:
    case Action::HandleRequest:
    case Action::DraftReply:
      return std::string("这是办理政府信息公开申请的操作，不适用于文件");
    case Action::ManageHotQueries:
      return std::string("这是管理热门搜索的操作，不适用于文件");
  }
  return std::string("未知操作");
}

std::optional<std::string> transition_refusal(const Account& who, Action action, const Target& target,
                                              const WorkflowStatus& status) {
  if (auto r = permission_refusal(who, action, target)) return r;
  return stage_refusal(status, action);
}

WorkflowStatus apply_transition(WorkflowStatus st, Action a) {
  switch (a) {
    case Action::CreateDraft: st = WorkflowStatus{}; break;
    case Action::Edit:
    case Action::MaskPrivacy:
      if (st.stage == Stage::Published) {
        st.stage = Stage::Draft;
        st.decision.reset();
      }
      break;
    case Action::Submit: st.stage = Stage::Submitted; break;
    case Action::StartReview: st.stage = Stage::UnderReview; break;
    case Action::ReviewDecide: st.stage = Stage::Reviewed; break;
    case Action::ReturnForChanges:
      st.stage = Stage::Returned;
      st.decision.reset();
      break;
    case Action::Approve: st.stage = Stage::Approved; break;
    case Action::Schedule: st.stage = Stage::Scheduled; break;
    case Action::Publish:
    case Action::Amend:
      st.stage = Stage::Published;
      st.public_state = DocumentState::Published;
      st.has_published_version = true;
      break;
    case Action::Withdraw:
      st.stage = Stage::Withdrawn;
      st.public_state = DocumentState::Withdrawn;
      break;
    default: break;
  }
  return st;
}

const std::vector<ReplyOutcome>& nondisclosure_grounds() {
  static const std::vector<ReplyOutcome> all = {
      ReplyOutcome::StateSecret,     ReplyOutcome::ForbiddenByLaw,     ReplyOutcome::EndangersSecurityStability,
      ReplyOutcome::ThirdPartyRights, ReplyOutcome::InternalAffairs,   ReplyOutcome::ProcessInformation,
      ReplyOutcome::EnforcementCaseFile, ReplyOutcome::AdministrativeQuery};
  return all;
}

bool is_nondisclosure_ground(ReplyOutcome o) {
  const auto& g = nondisclosure_grounds();
  return std::find(g.begin(), g.end(), o) != g.end();
}

std::vector<std::string> review_decision_problems(const ReviewDecision& d) {
  std::vector<std::string> out;
  bool blank = std::all_of(d.opinion.begin(), d.opinion.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  if (blank) out.emplace_back("请填写审查意见");
  if (d.decision == DisclosureForm::Proactive) {
    if (d.ground) out.emplace_back("审查结论为主动公开时不应选择不予公开的理由");
  } else if (!d.ground) {
    out.push_back("审查结论为“" + to_label(d.decision) + "”时须选择依据（负面清单）");
  } else if (!is_nondisclosure_ground(*d.ground)) {
    out.emplace_back("所选依据不在负面清单中");
  }
  return out;
}

const std::vector<std::string>& default_interpretation_catalogues() {
  static const std::vector<std::string> codes = {"zcwj", "fgwj"};
  return codes;
}

bool requires_interpretation(const Document& doc, const std::string& catalogue_code,
                             const std::vector<std::string>& site_catalogues) {
  if (doc.kind != DocumentKind::Document || catalogue_code.empty()) return false;
  return std::find(site_catalogues.begin(), site_catalogues.end(), catalogue_code) != site_catalogues.end();
}

std::vector<PrivacyText> privacy_texts(const Document& doc, const std::vector<PrivacyText>& attachment_texts) {
  // The body as a reader sees it (privacy_html.hpp): contexts without markup, and a number
  // split by inline tags is found.
  std::vector<PrivacyText> out = {
      {"title", doc.title}, {"summary", doc.summary}, {"body", visible_text(doc.body_html).text}};
  for (const auto& a : attachment_texts) out.push_back(a);
  return out;
}

std::vector<GuardFinding> guard_findings(const std::vector<PrivacyText>& texts, const PrivacyScanOptions& options,
                                         const std::function<bool(const PrivacyFinding&)>& is_overridden) {
  std::vector<GuardFinding> out;
  for (const auto& t : texts) {
    for (auto& f : scan_privacy(t.text, options)) {
      GuardFinding g{t.field, std::move(f), false};
      g.overridden = is_overridden && is_overridden(g.finding);
      out.push_back(std::move(g));
    }
  }
  return out;
}

Document mask_document(Document doc, const PrivacyScanOptions& options) {
  doc.title = mask_all(doc.title, scan_privacy(doc.title, options));
  doc.summary = mask_all(doc.summary, scan_privacy(doc.summary, options));
  doc.body_html = mask_html(doc.body_html, options);
  return doc;
}

namespace {
std::string field_label(const std::string& field) {
  if (field == "title") return "标题";
  if (field == "summary") return "内容概述";
  if (field == "body") return "正文";
  if (field.rfind("attachment:", 0) == 0) return "附件" + field.substr(11);
  return field;
}
}  // namespace

std::string privacy_block_message(const std::vector<GuardFinding>& findings) {
  std::string list;
  int n = 0;
  for (const auto& g : findings) {
    if (g.overridden) continue;
    ++n;
    if (!list.empty()) list += "；";
    list += to_label(g.finding.kind) + " " + g.finding.masked + "（" + field_label(g.field) + "）";
  }
  if (n == 0) return {};
  return "隐私检查发现" + std::to_string(n) + "处个人信息尚未遮盖或说明理由，不能发布：" + list;
}

std::string to_label(PublicationDue d) {
  switch (d) {
    case PublicationDue::OnTime: return "正常";
    case PublicationDue::DueSoon: return "即将到期";
    case PublicationDue::Overdue: return "已逾期";
  }
  return "正常";
}

}  // namespace zwgk::domain
