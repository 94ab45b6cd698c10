#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// zcjc.view, zcjc.run, zcjc.configure.
void register_zcjc_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
