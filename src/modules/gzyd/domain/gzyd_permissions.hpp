#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// gzyd.view, gzyd.manage, gzyd.report.
void register_gzyd_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
