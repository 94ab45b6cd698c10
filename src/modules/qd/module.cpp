// 清单 (issue 14; 《2017年邵阳市政务公开工作要点》 一(二), 二(一), 五(三)): list types with their
// schemas, lists owned by departments, versions through upload, 保密审查 and publication with
// the change summary (modules/qd/service/list_service.hpp); the public pages under P/qd/ with
// every version at its own URL and its CSV / XLSX / JSON; the console pages under
// /console/lists/.
#include "modules/qd/module.hpp"

#include "modules/qd/domain/qd_permissions.hpp"
#include "modules/qd/web/list_console.hpp"
#include "modules/qd/web/list_pages.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::qd {

namespace {

class Qd final : public Module {
 public:
  std::string name() const override { return "qd"; }
  std::string label() const override { return "清单"; }
  void register_permissions(domain::PermissionRegistry& registry) override { domain::register_qd_permissions(registry); }
  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("qd", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::list_page(page, seg);
    });
    ctx.site.add_footer_link({"清单", "/qd/", "qd"});
    ctx.site.add_search_source([](web::PageContext& page, const std::string& q) { return web::list_search(page, q); });
  }
  void register_console(ConsoleContext& ctx) override { web::console::register_list_console_pages(ctx.console, ctx.router); }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Qd>(); }

}  // namespace zwgk::modules::qd
