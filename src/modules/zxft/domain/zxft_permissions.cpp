// 在线访谈 / 新闻发布会: the office that runs the site's 访谈 and 发布会 (政务公开办, 新闻办:
// the Publisher role) plans them, announces them, types the live transcript and moderates
// the public's questions; it alone sees the askers' name and phone (to call back). The
// site administrator may plan and announce as well; the auditor reads. Department editors
// read the events too: after one, the editor of the policy's department drafts its 政策解读
// from the 文字实录 (谁起草、谁解读; the workflow checks publishing.create_draft).
#include "modules/zxft/domain/zxft_permissions.hpp"

namespace zwgk::domain {

void register_zxft_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const PermissionGrant editor{Role::DepartmentEditor, S::OwnSite};
  const PermissionGrant office{Role::Publisher, S::OwnSite};
  const PermissionGrant admin{Role::SiteAdmin, S::OwnSite};
  const PermissionGrant auditor{Role::Auditor, S::OwnSite};
  r.add({"zxft.view", "查看访谈和发布会", PermissionObject::Site, {editor, office, admin, auditor}});
  r.add({"zxft.manage", "策划和发布访谈、发布会", PermissionObject::Site, {office, admin}});
  r.add({"zxft.live", "发布直播内容和审核网民提问", PermissionObject::Site, {office}});
  r.add({"zxft.view_asker", "查看提问网民的联系方式", PermissionObject::Site, {office}});
}

}  // namespace zwgk::domain
