#pragma once
// 权限登记表 (issue 11, ADR 0020): the one home of "who may do what". Every action the
// system guards is registered once, by the code that owns it:
//
//   code      "module.action" (^[a-z_]+\.[a-z_]+$): the prefix is a registered module
//             ("publishing", "ysqgk", ...) or "kernel" (sites, departments, catalogue,
//             users, audit, hot queries — registered by register_kernel_permissions)
//   label     the Chinese name used in refusals: "发布", "管理用户"
//   object    what the action is done to, which picks the wording of a refusal: a document
//             (文件), an application (申请) or the site itself (management)
//   grants    which roles may take it, and in which scope:
//               OwnDepartment  their own department of their own site
//               OwnSite        anything of their own site
//               AnySite        any site of the installation
//             a role without a grant is refused.
//
// Modules register their actions through Module::register_permissions
// (src/modules/module.hpp); modules::install_permissions() puts every module's actions into
// the process-wide registry (permission_registry()) once. The legacy enum domain::Action
// (permissions.hpp) is a name for one registered entry each; permission_refusal(Action)
// asks here.
//
// Who asks:
//   - the console wrapper, before a route's handler runs: the route declares the code it
//     needs (console::Access::to("kernel.view_audit")); the role must hold a grant for it
//     (allows_role: the scope is then checked against the user's own site);
//   - services and handlers, on the object (a document, an application): refusal(who, code,
//     target) — own department / own site are checked there, through this same function.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.hpp"

namespace zwgk::domain {

// What an action is done to: a document or an application (site + department, by id; an
// unassigned application has no department) or, for management actions, the site
// (department_id ignored).
struct Target {
  std::int64_t site_id = 0;
  std::optional<std::int64_t> department_id;
};

enum class PermissionScope { OwnDepartment, OwnSite, AnySite };
enum class PermissionObject { Document, Request, Letter, Site };  // Letter: 政民互动 来信

struct PermissionGrant {
  Role role;
  PermissionScope scope;
};

struct PermissionEntry {
  std::string code;   // "publishing.publish"
  std::string label;  // 发布
  PermissionObject object = PermissionObject::Site;
  std::vector<PermissionGrant> grants;
};

class PermissionRegistry {
 public:
  PermissionRegistry();  // knows the prefix "kernel"; no actions yet

  // A module's name, the prefix of its action codes. Registering it twice is harmless.
  void add_module(const std::string& name);
  // Throws std::logic_error for a malformed code, an unregistered prefix, a code registered
  // twice, an empty label or a role granted twice: a programming error found at start-up.
  void add(PermissionEntry entry);

  const PermissionEntry* find(std::string_view code) const;
  const std::vector<PermissionEntry>& entries() const { return entries_; }
  const std::vector<std::string>& modules() const { return modules_; }  // "kernel" first

  // The role's scope for the action; nullopt = no grant (or no such action).
  std::optional<PermissionScope> scope_of(Role role, std::string_view code) const;
  // May the role take the action at all (somewhere in its own site)? The console's
  // route-level question.
  bool allows_role(Role role, std::string_view code) const { return scope_of(role, code).has_value(); }

  // nullopt = allowed; otherwise the Chinese refusal shown to the user, e.g.
  // "部门编辑无权发布", "只能处理本部门的文件", "只能处理分办给本部门的申请", "只能管理本网站".
  // An unregistered code is refused.
  std::optional<std::string> refusal(const Account& who, std::string_view code, const Target& target) const;
  bool may(const Account& who, std::string_view code, const Target& target) const {
    return !refusal(who, code, target);
  }

 private:
  std::vector<std::string> modules_;
  std::vector<PermissionEntry> entries_;
};

// The kernel's own actions (kernel.*).
void register_kernel_permissions(PermissionRegistry& registry);

// The process-wide registry: the kernel's actions from the start; every module's once
// modules::install_permissions() ran (modules::all() does, so `zwgk serve`, the CLI and the
// test fixtures see them). Written only while installing.
PermissionRegistry& permission_registry();

// permission_registry().refusal / may.
std::optional<std::string> permission_refusal(const Account& who, std::string_view code, const Target& target);
bool may(const Account& who, std::string_view code, const Target& target);
// What a use case checks first: throws Forbidden with permission_refusal's reason.
void require_permission(const Account& who, std::string_view code, const Target& target);

}  // namespace zwgk::domain
