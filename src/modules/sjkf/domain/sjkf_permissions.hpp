#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

void register_sjkf_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
