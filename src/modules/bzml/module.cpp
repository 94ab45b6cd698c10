// 基层政务公开标准目录 (国办发〔2019〕54号; issue 14): each 领域's catalogue — what must be
// published, on what basis, within what time limit, by whom — loaded from data/bzml/ or the
// office's sheet, its items mapped to 公开目录 columns and 清单 types, the public page per 领域
// under P/bzml/, and the console page showing which items are overdue.
#include "modules/bzml/module.hpp"

#include "modules/bzml/domain/bzml_permissions.hpp"
#include "modules/bzml/web/catalogue_console.hpp"
#include "modules/bzml/web/catalogue_pages.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::bzml {

namespace {

class Bzml final : public Module {
 public:
  std::string name() const override { return "bzml"; }
  std::string label() const override { return "标准目录"; }

  void register_permissions(domain::PermissionRegistry& registry) override { domain::register_bzml_permissions(registry); }

  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("bzml", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::standard_catalogue_page(page, seg);
    });
    ctx.site.add_navigation({"标准目录", "/bzml/", "bzml"});
  }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_standard_catalogue_console_pages(ctx.console, ctx.router);
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Bzml>(); }

}  // namespace zwgk::modules::bzml
