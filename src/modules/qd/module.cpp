// 清单 (issue 14; 《2017年邵阳市政务公开工作要点》 一(二), 二(一), 五(三)): list types with their
// schemas, lists owned by departments, versions through upload, 保密审查 and publication with
// the change summary (modules/qd/service/list_service.hpp). Its console and public pages come
// with the next part of issue 14; the permissions are registered now so the use cases run.
#include "modules/qd/module.hpp"

#include "modules/qd/domain/qd_permissions.hpp"

namespace zwgk::modules::qd {

namespace {

class Qd final : public Module {
 public:
  std::string name() const override { return "qd"; }
  std::string label() const override { return "清单"; }
  void register_permissions(domain::PermissionRegistry& registry) override { domain::register_qd_permissions(registry); }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Qd>(); }

}  // namespace zwgk::modules::qd
