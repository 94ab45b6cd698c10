#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// yjs.view, yjs.manage.
void register_yjs_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
