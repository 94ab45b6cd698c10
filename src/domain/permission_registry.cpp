// The permission registry (permission_registry.hpp) and the kernel's own actions.
#include "domain/permission_registry.hpp"

#include "domain/errors.hpp"

#include <algorithm>
#include <stdexcept>

namespace zwgk::domain {

namespace {

bool is_code_part(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

}  // namespace

PermissionRegistry::PermissionRegistry() { modules_.push_back("kernel"); }

void PermissionRegistry::add_module(const std::string& name) {
  if (!is_code_part(name)) throw std::logic_error("permission registry: bad module name '" + name + "'");
  if (std::find(modules_.begin(), modules_.end(), name) == modules_.end()) modules_.push_back(name);
}

void PermissionRegistry::add(PermissionEntry entry) {
  const auto dot = entry.code.find('.');
  if (dot == std::string::npos || !is_code_part(std::string_view(entry.code).substr(0, dot)) ||
      !is_code_part(std::string_view(entry.code).substr(dot + 1)))
    throw std::logic_error("permission registry: code '" + entry.code + "' is not module.action");
  const std::string prefix = entry.code.substr(0, dot);
  if (std::find(modules_.begin(), modules_.end(), prefix) == modules_.end())
    throw std::logic_error("permission registry: '" + entry.code + "' names no registered module");
  if (find(entry.code)) throw std::logic_error("permission registry: '" + entry.code + "' registered twice");
  if (entry.label.empty()) throw std::logic_error("permission registry: '" + entry.code + "' has no label");
  for (std::size_t i = 0; i < entry.grants.size(); ++i)
    for (std::size_t j = i + 1; j < entry.grants.size(); ++j)
      if (entry.grants[i].role == entry.grants[j].role)
        throw std::logic_error("permission registry: '" + entry.code + "' grants a role twice");
  entries_.push_back(std::move(entry));
}

const PermissionEntry* PermissionRegistry::find(std::string_view code) const {
  for (const auto& e : entries_)
    if (e.code == code) return &e;
  return nullptr;
}

std::optional<PermissionScope> PermissionRegistry::scope_of(Role role, std::string_view code) const {
  const PermissionEntry* e = find(code);
  if (!e) return std::nullopt;
  for (const auto& g : e->grants)
    if (g.role == role) return g.scope;
  return std::nullopt;
}

std::optional<std::string> PermissionRegistry::refusal(const Account& who, std::string_view code,
                                                       const Target& target) const {
  const PermissionEntry* e = find(code);
  if (!e) return "未登记的操作权限（" + std::string(code) + "），操作未执行";
  if (who.disabled) return "账号已停用，不能" + e->label;
  const auto scope = scope_of(who.role, code);
  if (!scope) return to_label(who.role) + "无权" + e->label;
  if (*scope != PermissionScope::AnySite && who.site_id != target.site_id)
    return std::string(e->object == PermissionObject::Site      ? "只能管理本网站"
                       : e->object == PermissionObject::Request ? "只能处理本网站收到的申请"
                       : e->object == PermissionObject::Letter  ? "只能处理本网站收到的来信"
                                                                : "只能处理本网站的文件");
  if (*scope == PermissionScope::OwnDepartment && e->object != PermissionObject::Site) {
    if (!who.department_id) return to_label(who.role) + "账号未设置所属部门，不能" + e->label;
    if (target.department_id != who.department_id)
      return std::string(e->object == PermissionObject::Request  ? "只能处理分办给本部门的申请"
                         : e->object == PermissionObject::Letter ? "只能处理转办给本部门的来信"
                                                                 : "只能处理本部门的文件");
  }
  return std::nullopt;
}

void register_kernel_permissions(PermissionRegistry& r) {
  using S = PermissionScope;
  const auto admin = PermissionGrant{Role::SiteAdmin, S::OwnSite};
  const auto auditor = PermissionGrant{Role::Auditor, S::OwnSite};
  const auto office = PermissionGrant{Role::Publisher, S::OwnSite};
  r.add({"kernel.manage_catalogue", "管理公开目录", PermissionObject::Site, {admin}});
  r.add({"kernel.manage_departments", "管理部门", PermissionObject::Site, {admin}});
  r.add({"kernel.manage_sites", "管理网站", PermissionObject::Site, {admin}});
  r.add({"kernel.manage_users", "管理用户", PermissionObject::Site, {admin}});
  r.add({"kernel.view_audit", "查看审计日志", PermissionObject::Site, {admin, auditor}});
  // The management pages (users, departments, catalogue, site, publishing settings) read
  // only: the auditor checks what the administrator set (只读).
  r.add({"kernel.view_settings", "查看网站管理设置", PermissionObject::Site, {admin, auditor}});
  // 本周热门搜索 (issue 10): the list on the public search page is the office's.
  r.add({"kernel.manage_hot_queries", "管理热门搜索", PermissionObject::Site, {office, admin}});
  r.add({"kernel.view_hot_queries", "查看热门搜索设置", PermissionObject::Site, {office, admin, auditor}});
}

PermissionRegistry& permission_registry() {
  static PermissionRegistry registry = [] {
    PermissionRegistry r;
    register_kernel_permissions(r);
    return r;
  }();
  return registry;
}

std::optional<std::string> permission_refusal(const Account& who, std::string_view code, const Target& target) {
  return permission_registry().refusal(who, code, target);
}

void require_permission(const Account& who, std::string_view code, const Target& target) {
  if (auto refusal = permission_refusal(who, code, target)) throw Forbidden(*refusal);
}

bool may(const Account& who, std::string_view code, const Target& target) {
  return permission_registry().may(who, code, target);
}

}  // namespace zwgk::domain
