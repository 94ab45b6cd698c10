#pragma once
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

// jxkh.view, jxkh.run, jxkh.release, jxkh.configure.
void register_jxkh_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
