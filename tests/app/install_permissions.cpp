// Every module's actions in the process-wide permission registry before any test runs, as
// `zwgk` does at start-up (modules::install_permissions, domain/permission_registry.hpp).
#include "modules/module.hpp"

namespace {
[[maybe_unused]] const bool installed = (zwgk::modules::install_permissions(), true);
}  // namespace
