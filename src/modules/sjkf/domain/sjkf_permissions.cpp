// 数据开放: a department's editors describe its datasets and upload their files; the office
// (Publisher) does so for every department and alone publishes (开放) or withdraws them; the
// auditor and the site administrator read. Target: the dataset's site and department.
#include "modules/sjkf/domain/sjkf_permissions.hpp"

namespace zwgk::domain {

void register_sjkf_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant reviewer{Role::DepartmentReviewer, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"sjkf.view", "查看数据集", PermissionObject::Document, {editor, reviewer, office, admin, auditor}});
  r.add({"sjkf.edit", "编辑数据集", PermissionObject::Document, {editor, office}});
  r.add({"sjkf.publish", "开放数据集", PermissionObject::Document, {office}});
}

}  // namespace zwgk::domain
