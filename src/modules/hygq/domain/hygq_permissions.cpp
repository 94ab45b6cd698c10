// 回应关切: the office (公开工作机构 / 政府办) records an 突发事件 or 政务舆情 and edits it
// (hygq.record); it, and the department in charge, link what answered it — a published
// document, a 新闻发布会, a response made elsewhere (hygq.respond, on the incident: its site
// and department); everyone on the site's staff sees the clocks (hygq.view); the site
// administrator sets which levels have which clocks and the notices (hygq.manage).
// The object is a document-like record (its department decides OwnDepartment).
#include "modules/hygq/domain/hygq_permissions.hpp"

namespace zwgk::domain {

void register_hygq_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant reviewer{Role::DepartmentReviewer, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"hygq.view", "查看回应关切事件", PermissionObject::Site, {editor, reviewer, office, admin, auditor}});
  r.add({"hygq.record", "登记突发事件和政务舆情", PermissionObject::Site, {office}});
  r.add({"hygq.respond", "登记回应", PermissionObject::Document, {editor, office}});
  r.add({"hygq.manage", "管理回应关切设置", PermissionObject::Site, {admin}});
}

}  // namespace zwgk::domain
