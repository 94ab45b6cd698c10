// 自查监测: the office (Publisher), the site administrator and the auditor read a site's
// results; the office and the administrator run the checks on demand and set the column
// rules, the wording list, the contacts and the thresholds. Target: the site. The
// installation's overview lists only the sites a reader may view.
#include "modules/zcjc/domain/zcjc_permissions.hpp"

namespace zwgk::domain {

void register_zcjc_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"zcjc.view", "查看自查监测结果", PermissionObject::Site, {office, admin, auditor}});
  r.add({"zcjc.run", "立即运行自查", PermissionObject::Site, {office, admin}});
  r.add({"zcjc.configure", "设置栏目更新要求、错误写法清单、预警联系人和阈值", PermissionObject::Site, {office, admin}});
}

}  // namespace zwgk::domain
