#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// hygq.view, hygq.record, hygq.respond, hygq.manage.
void register_hygq_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
