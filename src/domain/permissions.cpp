// The legacy Action names -> their registered entries (permission_registry.hpp). The grants
// are the registry's; publishing.* and ysqgk.* are registered by their modules
// (src/modules/*/domain/permissions.cpp), kernel.* by register_kernel_permissions.
#include "domain/permissions.hpp"

namespace zwgk::domain {

namespace {

struct ActionCode {
  Action action;
  const char* code;
};
constexpr ActionCode kActions[] = {
    {Action::CreateDraft, "publishing.create_draft"},
    {Action::Edit, "publishing.edit"},
    {Action::Submit, "publishing.submit"},
    {Action::MaskPrivacy, "publishing.mask_privacy"},
    {Action::StartReview, "publishing.start_review"},
    {Action::ReviewDecide, "publishing.review_decide"},
    {Action::ReturnForChanges, "publishing.return_for_changes"},
    {Action::OverridePrivacy, "publishing.override_privacy"},
    {Action::Approve, "publishing.approve"},
    {Action::Publish, "publishing.publish"},
    {Action::Schedule, "publishing.schedule"},
    {Action::Amend, "publishing.amend"},
    {Action::Withdraw, "publishing.withdraw"},
    {Action::MarkValidity, "publishing.mark_validity"},
    {Action::ExemptInterpretation, "publishing.exempt_interpretation"},
    {Action::CorrectChangeNote, "publishing.correct_change_note"},
    {Action::View, "publishing.view"},
    {Action::ManageCatalogue, "kernel.manage_catalogue"},
    {Action::ManageDepartments, "kernel.manage_departments"},
    {Action::ManageSites, "kernel.manage_sites"},
    {Action::ManageUsers, "kernel.manage_users"},
    {Action::ViewAudit, "kernel.view_audit"},
    {Action::ViewRequest, "ysqgk.view"},
    {Action::ViewApplicantIdentity, "ysqgk.view_identity"},
    {Action::HandleRequest, "ysqgk.handle"},
    {Action::DraftReply, "ysqgk.draft_reply"},
    {Action::ManageHotQueries, "kernel.manage_hot_queries"},
};

const char* code_of(Action a) {
  for (const auto& i : kActions)
    if (i.action == a) return i.code;
  return "";
}

}  // namespace

std::string to_code(Action a) { return code_of(a); }

std::string to_label(Action a) {
  const PermissionEntry* e = permission_registry().find(code_of(a));
  return e ? e->label : std::string(code_of(a));
}

const std::vector<Action>& all_actions() {
  static const std::vector<Action> all = [] {
    std::vector<Action> out;
    for (const auto& i : kActions) out.push_back(i.action);
    return out;
  }();
  return all;
}

bool is_management_action(Action a) {
  const PermissionEntry* e = permission_registry().find(code_of(a));
  return e && e->object == PermissionObject::Site;
}

bool is_request_action(Action a) {
  const PermissionEntry* e = permission_registry().find(code_of(a));
  return e && e->object == PermissionObject::Request;
}

std::optional<std::string> permission_refusal(const Account& who, Action action, const Target& target) {
  return permission_registry().refusal(who, code_of(action), target);
}

}  // namespace zwgk::domain
