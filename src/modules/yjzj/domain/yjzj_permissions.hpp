#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// yjzj.view, yjzj.manage, yjzj.moderate, yjzj.view_writer, yjzj.settings.
void register_yjzj_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
