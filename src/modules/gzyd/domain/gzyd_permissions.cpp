// 工作要点 and 任务督办: the government's disclosure office (Publisher) imports the 要点, maps its
// units, sets dates and passes or returns what the units report; each unit reports its own
// share — a department's editor for the department (本部门), a county's office for the county
// (its site); the administrator, the auditor and the departments' staff read the plan. The
// object is a document's, so that the 本部门 scope applies (as 年报's does).
#include "modules/gzyd/domain/gzyd_permissions.hpp"

namespace zwgk::domain {

void register_gzyd_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant reviewer{Role::DepartmentReviewer, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"gzyd.view", "查看工作要点和任务督办", PermissionObject::Document, {editor, reviewer, office, admin, auditor}});
  r.add({"gzyd.manage", "导入工作要点、对应责任单位、审核落实情况", PermissionObject::Site, {office}});
  r.add({"gzyd.report", "报送落实情况", PermissionObject::Document, {editor, office}});
}

}  // namespace zwgk::domain
