#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// jyta.view, jyta.answer, jyta.publish, jyta.import, jyta.manage.
void register_jyta_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
