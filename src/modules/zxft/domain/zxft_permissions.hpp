#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// zxft.view, zxft.manage, zxft.live, zxft.view_asker.
void register_zxft_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
