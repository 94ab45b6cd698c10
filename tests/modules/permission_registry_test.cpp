// Every module of this build registers its actions through Module::register_permissions
// (issue 11): the codes are "<module>.<action>" of a module in modules::all() or "kernel",
// and the process-wide registry holds them once the application installed them.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "domain/permission_registry.hpp"
#include "domain/permissions.hpp"
#include "modules/module.hpp"

namespace zwgk {
namespace {

TEST(ModulePermissions, EveryModuleRegistersItsOwnActionsUnderItsName) {
  domain::PermissionRegistry registry;
  domain::register_kernel_permissions(registry);
  modules::register_permissions(registry);
  std::set<std::string> prefixes = {"kernel"};
  for (const auto& m : modules::all()) prefixes.insert(m->name());
  const std::regex scheme("^[a-z_]+\\.[a-z_]+$");
  std::set<std::string> with_actions;
  for (const auto& e : registry.entries()) {
    EXPECT_TRUE(std::regex_match(e.code, scheme)) << e.code;
    const auto prefix = e.code.substr(0, e.code.find('.'));
    EXPECT_TRUE(prefixes.count(prefix)) << e.code << ": the prefix is no module of this build";
    with_actions.insert(prefix);
  }
  for (const auto& m : modules::all()) EXPECT_TRUE(with_actions.count(m->name())) << m->name() << " registers no action";
  // The workflow's legacy names all resolve in the module-built registry.
  for (domain::Action a : domain::all_actions()) EXPECT_NE(registry.find(domain::to_code(a)), nullptr) << domain::to_code(a);
}

TEST(ModulePermissions, TheProcessWideRegistryHoldsEveryModulesActions) {
  modules::install_permissions();
  modules::install_permissions();  // once per process: a second call changes nothing
  domain::PermissionRegistry fresh;
  domain::register_kernel_permissions(fresh);
  modules::register_permissions(fresh);
  const auto& global = domain::permission_registry();
  ASSERT_EQ(global.entries().size(), fresh.entries().size());
  for (const auto& e : fresh.entries()) EXPECT_NE(global.find(e.code), nullptr) << e.code;
}

}  // namespace
}  // namespace zwgk
