#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// qd.view, qd.edit, qd.review, qd.publish, qd.types.
void register_qd_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
