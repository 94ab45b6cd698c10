// 预决算公开: a department's editors file its own 部门预算, 部门决算 and 三公经费 (谁编制、谁公开,
// 预算法第十四条: "由各部门向社会公开"); the office (Publisher) files every unit's, the
// government's included (published by the finance bureau); reviewers, the site administrator
// and the auditor read. Target: the cell's site and department (none for the government).
#include "modules/yjs/domain/yjs_permissions.hpp"

namespace zwgk::domain {

void register_yjs_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant reviewer{Role::DepartmentReviewer, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"yjs.view", "查看预决算公开情况", PermissionObject::Document, {editor, reviewer, office, admin, auditor}});
  r.add({"yjs.manage", "登记预决算批复和公开文件", PermissionObject::Document, {editor, office}});
}

}  // namespace zwgk::domain
