// 政府信息公开工作年度报告: a department's editor writes the department's report (Art. 49: each
// department publishes its own) and the government's disclosure office (Publisher) every
// report of its site, the government's own included; the administrator and the auditor read
// them, and a department's reviewer reads its department's. Sending a report to the workflow
// makes a document draft, so it needs the editor's right in the report's department (for the
// government's report, the editor's own department, e.g. 市政府办公室). Target: the site, with
// the report's department (none for the government's); the object is a document's, since a
// report becomes one and the scope rules (本部门) are the documents'.
#include "modules/ndbg/domain/ndbg_permissions.hpp"

namespace zwgk::domain {

void register_ndbg_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant reviewer{Role::DepartmentReviewer, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"ndbg.view", "查看政府信息公开工作年度报告", PermissionObject::Document, {editor, reviewer, office, admin, auditor}});
  r.add({"ndbg.edit", "编制政府信息公开工作年度报告", PermissionObject::Document, {editor, office}});
  r.add({"ndbg.send", "将年度报告送审发布", PermissionObject::Document, {editor}});
}

}  // namespace zwgk::domain
