#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// ndbg.view, ndbg.edit, ndbg.send.
void register_ndbg_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
