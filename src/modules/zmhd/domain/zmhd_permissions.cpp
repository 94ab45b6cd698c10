// 政民互动: the office that runs the mailbox (公开工作机构 / 信件办理机构) screens, assigns,
// reviews, presses (督办) and publishes: zmhd.screen. The department a letter is assigned to
// drafts the reply and may ask for the one extension (zmhd.reply) and sees the writer's
// contact data to call them back (zmhd.view_writer). The site administrator sets up the
// mailboxes, the local deadlines and the 12345 integrations (zmhd.manage).
#include "modules/zmhd/domain/zmhd_permissions.hpp"

namespace zwgk::domain {

void register_zmhd_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  const auto letter = [&](const char* code, const char* label, std::vector<PermissionGrant> grants) {
    r.add({code, label, PermissionObject::Letter, std::move(grants)});
  };
  letter("zmhd.view", "查看来信", {editor, office, admin, auditor});
  letter("zmhd.view_writer", "查看来信人联系方式", {editor, office});
  letter("zmhd.screen", "受理、转办、审核和选登来信", {office});
  letter("zmhd.reply", "起草来信答复", {editor, office});
  r.add({"zmhd.manage", "管理信箱设置", PermissionObject::Site, {admin}});
}

}  // namespace zwgk::domain
