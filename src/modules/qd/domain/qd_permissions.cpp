// 清单: a department's editors keep its lists (upload a version, submit it); its reviewers do
// the 保密审查 (pass or return); the office (Publisher) does both for every department and
// alone publishes, with the effective date; the site administrator adds list types; the
// auditor reads. Target: the list's site and department.
#include "modules/qd/domain/qd_permissions.hpp"

namespace zwgk::domain {

void register_qd_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant reviewer{Role::DepartmentReviewer, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"qd.view", "查看清单", PermissionObject::Document, {editor, reviewer, office, admin, auditor}});
  r.add({"qd.edit", "编辑清单", PermissionObject::Document, {editor, office}});
  r.add({"qd.review", "清单保密审查", PermissionObject::Document, {reviewer, office}});
  r.add({"qd.publish", "发布清单", PermissionObject::Document, {office}});
  r.add({"qd.types", "管理清单类型", PermissionObject::Site, {admin}});
}

}  // namespace zwgk::domain
