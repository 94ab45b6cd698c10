// 数据开放 (issue 14; 《2017年邵阳市政务公开工作要点》 四(三) 推进政府数据开放): datasets owned by
// departments, with their CSV / XLSX / JSON files described and previewed, or following a 清单;
// the public pages under P/sjkf/ with download counts; the CKAN Action API subset under
// /api/3/action/ and the DCAT catalogue /catalog.jsonld (web/ckan_api.hpp); the console
// pages under /console/datasets/.
#include "modules/sjkf/module.hpp"

#include "modules/sjkf/domain/sjkf_permissions.hpp"
#include "modules/sjkf/web/ckan_api.hpp"
#include "modules/sjkf/web/dataset_console.hpp"
#include "modules/sjkf/web/dataset_pages.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::sjkf {

namespace {

class Sjkf final : public Module {
 public:
  std::string name() const override { return "sjkf"; }
  std::string label() const override { return "数据开放"; }
  void register_permissions(domain::PermissionRegistry& registry) override { domain::register_sjkf_permissions(registry); }
  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("sjkf", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::dataset_page(page, seg);
    });
    ctx.site.add_footer_link({"数据开放", "/sjkf/", "sjkf"});
    web::register_ckan_api(ctx.router, ctx.db, ctx.site.options());
  }
  void register_console(ConsoleContext& ctx) override {
    web::console::register_dataset_console_pages(ctx.console, ctx.router);
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Sjkf>(); }

}  // namespace zwgk::modules::sjkf
