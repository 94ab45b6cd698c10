#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// bzml.view, bzml.manage.
void register_bzml_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
