// The role x action matrix of permissions.hpp.
#include "domain/permissions.hpp"

namespace zwgk::domain {

namespace {

enum class Scope { None, Department, Site };

struct ActionInfo {
  Action action;
  const char* code;
  const char* label;
};
constexpr ActionInfo kActions[] = {
    {Action::CreateDraft, "create_draft", "新建草稿"},
    {Action::Edit, "edit", "修改文件"},
    {Action::Submit, "submit", "提交审查"},
    {Action::MaskPrivacy, "mask_privacy", "遮盖个人信息"},
    {Action::StartReview, "start_review", "开始保密审查"},
    {Action::ReviewDecide, "review_decide", "作出保密审查结论"},
    {Action::ReturnForChanges, "return_for_changes", "退回修改"},
    {Action::OverridePrivacy, "override_privacy", "忽略隐私检查结果"},
    {Action::Approve, "approve", "批准发布"},
    {Action::Publish, "publish", "发布"},
    {Action::Schedule, "schedule", "定时发布"},
    {Action::Amend, "amend", "发布修订版本"},
    {Action::Withdraw, "withdraw", "撤回"},
    {Action::MarkValidity, "mark_validity", "标注失效或废止"},
    {Action::ExemptInterpretation, "exempt_interpretation", "免于政策解读"},
    {Action::CorrectChangeNote, "correct_change_note", "更正修订说明"},
    {Action::View, "view", "查看"},
    {Action::ManageCatalogue, "manage_catalogue", "管理公开目录"},
    {Action::ManageDepartments, "manage_departments", "管理部门"},
    {Action::ManageSites, "manage_sites", "管理网站"},
    {Action::ManageUsers, "manage_users", "管理用户"},
    {Action::ViewAudit, "view_audit", "查看审计日志"},
    {Action::ViewRequest, "view_request", "查看政府信息公开申请"},
    {Action::ViewApplicantIdentity, "view_applicant_identity", "查看申请人身份证件号码"},
    {Action::HandleRequest, "handle_request", "办理政府信息公开申请"},
    {Action::DraftReply, "draft_reply", "起草答复意见"},
    {Action::ManageHotQueries, "manage_hot_queries", "管理热门搜索"},
};

const ActionInfo& info(Action a) {
  for (const auto& i : kActions)
    if (i.action == a) return i;
  return kActions[0];
}

Scope scope_of(Role role, Action a) {
  switch (role) {
    case Role::DepartmentEditor:
      switch (a) {
        case Action::CreateDraft: case Action::Edit: case Action::Submit: case Action::MaskPrivacy: case Action::View:
        case Action::ViewRequest: case Action::DraftReply:
          return Scope::Department;
        default: return Scope::None;
      }
    case Role::DepartmentReviewer:
      switch (a) {
        case Action::MaskPrivacy: case Action::StartReview: case Action::ReviewDecide:
        case Action::ReturnForChanges: case Action::OverridePrivacy: case Action::View:
          return Scope::Department;
        default: return Scope::None;
      }
    case Role::Publisher:
      switch (a) {
        case Action::MaskPrivacy: case Action::ReturnForChanges: case Action::OverridePrivacy:
        case Action::Approve: case Action::Publish: case Action::Schedule: case Action::Amend:
        case Action::Withdraw: case Action::MarkValidity: case Action::ExemptInterpretation:
        case Action::CorrectChangeNote: case Action::View:
        case Action::ViewRequest: case Action::ViewApplicantIdentity: case Action::HandleRequest: case Action::DraftReply:
        case Action::ManageHotQueries:
          return Scope::Site;
        default: return Scope::None;
      }
    case Role::SiteAdmin:
      switch (a) {
        case Action::View: case Action::ManageCatalogue: case Action::ManageDepartments:
        case Action::ManageSites: case Action::ManageUsers: case Action::ViewAudit: case Action::ViewRequest:
        case Action::ManageHotQueries:
          return Scope::Site;
        default: return Scope::None;
      }
    case Role::Auditor:
      return a == Action::View || a == Action::ViewAudit || a == Action::ViewRequest ? Scope::Site : Scope::None;
  }
  return Scope::None;
}

}  // namespace

std::string to_code(Action a) { return info(a).code; }
std::string to_label(Action a) { return info(a).label; }

const std::vector<Action>& all_actions() {
  static const std::vector<Action> all = [] {
    std::vector<Action> out;
    for (const auto& i : kActions) out.push_back(i.action);
    return out;
  }();
  return all;
}

bool is_management_action(Action a) {
  return a == Action::ManageCatalogue || a == Action::ManageDepartments || a == Action::ManageSites ||
         a == Action::ManageUsers || a == Action::ViewAudit || a == Action::ManageHotQueries;
}

bool is_request_action(Action a) {
  return a == Action::ViewRequest || a == Action::ViewApplicantIdentity || a == Action::HandleRequest ||
         a == Action::DraftReply;
}

std::optional<std::string> permission_refusal(const Account& who, Action action, const Target& target) {
  if (who.disabled) return std::string("账号已停用，不能") + info(action).label;
  const Scope scope = scope_of(who.role, action);
  if (scope == Scope::None) return to_label(who.role) + "无权" + info(action).label;
  if (who.site_id != target.site_id)
    return std::string(is_management_action(action) ? "只能管理本网站"
                       : is_request_action(action)  ? "只能处理本网站收到的申请"
                                                    : "只能处理本网站的文件");
  if (scope == Scope::Department && !is_management_action(action)) {
    if (!who.department_id) return to_label(who.role) + "账号未设置所属部门，不能" + info(action).label;
    if (target.department_id != who.department_id)
      return std::string(is_request_action(action) ? "只能处理分办给本部门的申请" : "只能处理本部门的文件");
  }
  return std::nullopt;
}

}  // namespace zwgk::domain
