// Role codes and the official labels (domain/account.hpp).
// NOTE for the merge: the workflow branch implements this file too; keep one of the two
// (the functions and their codes/labels are the ones account.hpp documents).
#include "domain/account.hpp"

namespace zwgk::domain {

std::string to_code(Role r) {
  switch (r) {
    case Role::SiteAdmin: return "site_admin";
    case Role::DepartmentEditor: return "editor";
    case Role::DepartmentReviewer: return "reviewer";
    case Role::Publisher: return "publisher";
    case Role::Auditor: return "auditor";
  }
  return "editor";
}

std::string to_label(Role r) {
  switch (r) {
    case Role::SiteAdmin: return "网站管理员";
    case Role::DepartmentEditor: return "部门编辑";
    case Role::DepartmentReviewer: return "保密审查员";
    case Role::Publisher: return "公开工作机构";
    case Role::Auditor: return "审计员";
  }
  return "部门编辑";
}

std::optional<Role> role_from(std::string_view s) {
  for (Role r : all_roles())
    if (s == to_code(r) || s == to_label(r)) return r;
  return std::nullopt;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = {Role::SiteAdmin, Role::DepartmentEditor, Role::DepartmentReviewer,
                                          Role::Publisher, Role::Auditor};
  return roles;
}

}  // namespace zwgk::domain
