// 意见征集: the drafting department (起草单位, its editors) prepares the notice of its own draft,
// reads the opinions on it, and writes the 反馈; the office (政务公开办, the Publisher role)
// does so for every department and moderates what becomes public; the writer's name and
// phone are opened by the drafting department and the office only (to ask back); the site
// administrator sets the periods and limits; the auditor reads. Target: the consultation's
// site and department (OwnDepartment decides by it).
#include "modules/yjzj/domain/yjzj_permissions.hpp"

namespace zwgk::domain {

void register_yjzj_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant reviewer{Role::DepartmentReviewer, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"yjzj.view", "查看意见征集", PermissionObject::Document, {editor, reviewer, office, admin, auditor}});
  r.add({"yjzj.manage", "发起意见征集和发布意见反馈", PermissionObject::Document, {editor, office}});
  r.add({"yjzj.moderate", "审核公众意见", PermissionObject::Document, {office}});
  r.add({"yjzj.view_writer", "查看提出意见人的联系方式", PermissionObject::Document, {editor, office}});
  r.add({"yjzj.settings", "管理意见征集设置", PermissionObject::Site, {admin}});
}

}  // namespace zwgk::domain
