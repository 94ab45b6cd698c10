// 建议提案办理 (seed 六(二); 国办发〔2014〕46号): the results of deputies' suggestions and members'
// proposals, published in full by default, under P/jyta/ (the list, each record, the per-unit
// statistics), and the office's console pages (the list with overdue answers, the answer,
// the publication decision, the import of the year's 交办清单, the deadline setting).
#include "modules/jyta/module.hpp"

#include "modules/jyta/domain/jyta_permissions.hpp"
#include "modules/jyta/web/proposal_api.hpp"
#include "modules/jyta/web/proposal_console.hpp"
#include "modules/jyta/web/proposal_pages.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::jyta {

namespace {

class Jyta final : public Module {
 public:
  std::string name() const override { return "jyta"; }
  std::string label() const override { return "建议提案办理"; }

  void register_permissions(domain::PermissionRegistry& registry) override {
    domain::register_jyta_permissions(registry);
  }

  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("jyta", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::proposal_page(page, seg);
    });
    ctx.site.add_navigation({"建议提案", "/jyta/", "jyta"});
    web::register_proposal_api(ctx.router, ctx.db, ctx.site.options());
    ctx.site.add_api_description(web::proposal_api_description());
  }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_proposal_console_pages(ctx.console, ctx.router);
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Jyta>(); }

}  // namespace zwgk::modules::jyta
