// 基层政务公开标准目录: every department's editors and reviewers see the site's catalogues and
// which items are overdue (they publish in the mapped columns); the office (Publisher) and the
// site administrator load catalogues and map items to 公开目录 columns and 清单 types; the
// auditor reads. Target: the site (a catalogue belongs to no department).
#include "modules/bzml/domain/bzml_permissions.hpp"

namespace zwgk::domain {

void register_bzml_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnSite};
  const PermissionGrant reviewer{Role::DepartmentReviewer, S::OwnSite};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"bzml.view", "查看标准目录及落实情况", PermissionObject::Site, {editor, reviewer, office, admin, auditor}});
  r.add({"bzml.manage", "导入标准目录、关联栏目和清单", PermissionObject::Site, {office, admin}});
}

}  // namespace zwgk::domain
