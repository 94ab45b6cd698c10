#pragma once
// The publishing module's actions in the permission registry (domain/permission_registry.hpp):
// publishing.create_draft ... publishing.view, one per step of the workflow (workflow.hpp).
// Registered by the module (module.cpp, Module::register_permissions).
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

void register_publishing_permissions(PermissionRegistry& registry);

}  // namespace zwgk::domain
