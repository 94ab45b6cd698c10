// 角色 codes and labels (domain/account.hpp).
#include "domain/account.hpp"

namespace zwgk::domain {

namespace {
struct RoleInfo {
  Role role;
  const char* code;
  const char* label;
};
constexpr RoleInfo kRoles[] = {
    {Role::SiteAdmin, "site_admin", "网站管理员"},
    {Role::DepartmentEditor, "editor", "部门编辑"},
    {Role::DepartmentReviewer, "reviewer", "保密审查员"},
    {Role::Publisher, "publisher", "公开工作机构"},
    {Role::Auditor, "auditor", "审计员"},
};
const RoleInfo& info(Role r) {
  for (const auto& i : kRoles)
    if (i.role == r) return i;
  return kRoles[0];
}
}  // namespace

std::string to_code(Role r) { return info(r).code; }
std::string to_label(Role r) { return info(r).label; }

std::optional<Role> role_from(std::string_view s) {
  for (const auto& i : kRoles)
    if (s == i.code || s == i.label) return i.role;
  return std::nullopt;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> out;
    for (const auto& i : kRoles) out.push_back(i.role);
    return out;
  }();
  return roles;
}

}  // namespace zwgk::domain
