#pragma once
// 用户账号 and 角色: who may act in the console. Shared by the accounts module (login,
// sessions: store/account_repository, web/console) and the publishing workflow
// (domain/permissions.hpp, which decides what each role may do to what).
//
// Scope rules (ADR 0009, 0014): a user belongs to one site and (except site administrators,
// publishers and auditors, for whom it is optional) one department. Editors and reviewers
// act only on their own department's documents; publishers only on their own site's;
// auditors read everything of their site and change nothing; a site administrator manages
// the site's catalogue, departments and users.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

enum class Role {
  SiteAdmin,           // 网站管理员
  DepartmentEditor,    // 部门编辑
  DepartmentReviewer,  // 保密审查员
  Publisher,           // 公开工作机构 (发布员)
  Auditor,             // 审计员 (只读)
};

std::string to_code(Role);   // site_admin | editor | reviewer | publisher | auditor
std::string to_label(Role);  // 网站管理员 | 部门编辑 | 保密审查员 | 公开工作机构 | 审计员
std::optional<Role> role_from(std::string_view code_or_label);
const std::vector<Role>& all_roles();

struct Account {
  std::int64_t id = 0;
  std::string username;       // login name: [a-z0-9_.-]{2,32}
  std::string display_name;   // 张三
  Role role = Role::DepartmentEditor;
  std::int64_t site_id = 0;
  std::optional<std::int64_t> department_id;  // required for editors and reviewers
  bool disabled = false;
  bool totp_enabled = false;  // second factor configured
  std::string created_at;     // ISO UTC
};

}  // namespace zwgk::domain
