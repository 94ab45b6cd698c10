#pragma once
// The 依申请公开 module's actions in the permission registry (domain/permission_registry.hpp).
// The target is the application: its site and the department it is assigned to, by id (an
// unassigned application has no department). Registered by the module (module.cpp).
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

void register_ysqgk_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
