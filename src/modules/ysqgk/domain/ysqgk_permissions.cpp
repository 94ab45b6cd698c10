// 依申请公开 (issue 5): the 公开工作机构 of the site answers (Art. 4): register, 补正, assign,
// third-party consultation, extension, reply, disclosed files, reconsideration / litigation
// records are ysqgk.handle. The department an application is assigned to drafts the reply
// (ysqgk.draft_reply); the office approves it by recording the reply.
#include "modules/ysqgk/domain/ysqgk_permissions.hpp"

namespace zwgk::domain {

void register_ysqgk_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  const auto req = [&](const char* code, const char* label, std::vector<PermissionGrant> grants) {
    r.add({code, label, PermissionObject::Request, std::move(grants)});
  };
  req("ysqgk.view", "查看政府信息公开申请", {editor, office, admin, auditor});
  req("ysqgk.view_identity", "查看申请人身份证件号码", {office});
  req("ysqgk.handle", "办理政府信息公开申请", {office});
  req("ysqgk.draft_reply", "起草答复意见", {editor, office});
  // 依申请公开指南的受理机构信息 (Art. 12): the 公开工作机构 of the site keeps it up to date.
  r.add({"ysqgk.edit_guide", "维护依申请公开指南（受理机构信息）", PermissionObject::Site, {office, admin}});
}

}  // namespace zwgk::domain
