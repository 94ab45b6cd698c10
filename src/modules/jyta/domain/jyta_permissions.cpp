// 建议提案办理: the 主办单位 records its answer (jyta.answer, its own department only); the
// government office (政府办 / 督查室: the Publisher role) imports the year's 交办清单, decides how
// an answer is published (全文 / 摘要 / 不予公开 with a reason, 国办发〔2014〕46号) and records the
// deputy's satisfaction; the site administrator sets the answer deadline (jyta.manage).
#include "modules/jyta/domain/jyta_permissions.hpp"

namespace zwgk::domain {

void register_jyta_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnDepartment};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"jyta.view", "查看建议提案", PermissionObject::Document, {editor, office, admin, auditor}});
  r.add({"jyta.answer", "答复建议提案", PermissionObject::Document, {editor, office}});
  r.add({"jyta.publish", "决定建议提案答复的公开方式", PermissionObject::Site, {office}});
  r.add({"jyta.import", "导入建议提案交办清单", PermissionObject::Site, {office, admin}});
  r.add({"jyta.manage", "管理建议提案设置", PermissionObject::Site, {admin}});
}

}  // namespace zwgk::domain
