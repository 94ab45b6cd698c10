#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// zmhd.view, zmhd.view_writer, zmhd.screen, zmhd.reply, zmhd.manage.
void register_zmhd_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
