// 政务公开绩效考核: the government's disclosure office (Publisher) computes the year's scores,
// enters the hand-entered figures, adjusts a unit's score with a reason, sets the indicators and
// releases the results to the portal (《2017年邵阳市政务公开工作要点》六（八）: 市政府办公室 scores
// the units); the administrator and the auditor read every unit's score, and a department's
// editor and reviewer read their own department's. Target: the site with the unit (department)
// scored; the object is a document's, so the scope rules (本部门) are the documents'.
#include "modules/jxkh/domain/jxkh_permissions.hpp"

namespace zwgk::domain {

void register_jxkh_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant reviewer{Role::DepartmentReviewer, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"jxkh.view", "查看政务公开绩效考核结果", PermissionObject::Document, {editor, reviewer, office, admin, auditor}});
  r.add({"jxkh.run", "计算、填报和调整绩效考核得分", PermissionObject::Document, {office}});
  r.add({"jxkh.release", "发布绩效考核结果", PermissionObject::Document, {office}});
  r.add({"jxkh.configure", "设置绩效考核指标", PermissionObject::Document, {office}});
}

}  // namespace zwgk::domain
