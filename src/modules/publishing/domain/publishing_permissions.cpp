// 主动公开的发布: who takes which step (issue 3). 编辑 drafts in their own department;
// 保密审查员 reviews their own department's documents; 公开工作机构 approves and publishes
// anything of its site; 网站管理员 and 审计员 read.
#include "modules/publishing/domain/publishing_permissions.hpp"

namespace zwgk::domain {

void register_publishing_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant reviewer{Role::DepartmentReviewer, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  const auto doc = [&](const char* code, const char* label, std::vector<PermissionGrant> grants) {
    r.add({code, label, PermissionObject::Document, std::move(grants)});
  };
  doc("publishing.create_draft", "新建草稿", {editor});
  doc("publishing.edit", "修改文件", {editor});
  doc("publishing.submit", "提交审查", {editor});
  doc("publishing.mask_privacy", "遮盖个人信息", {editor, reviewer, office});
  doc("publishing.start_review", "开始保密审查", {reviewer});
  doc("publishing.review_decide", "作出保密审查结论", {reviewer});
  doc("publishing.return_for_changes", "退回修改", {reviewer, office});
  doc("publishing.override_privacy", "忽略隐私检查结果", {reviewer, office});
  doc("publishing.approve", "批准发布", {office});
  doc("publishing.publish", "发布", {office});
  doc("publishing.schedule", "定时发布", {office});
  doc("publishing.amend", "发布修订版本", {office});
  doc("publishing.withdraw", "撤回", {office});
  doc("publishing.mark_validity", "标注失效或废止", {office});
  doc("publishing.exempt_interpretation", "免于政策解读", {office});
  doc("publishing.correct_change_note", "更正修订说明", {office});
  doc("publishing.view", "查看", {editor, reviewer, office, admin, auditor});
}

}  // namespace zwgk::domain
