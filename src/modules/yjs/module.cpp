// 预决算公开统一专栏 (《2017年邵阳市政务公开工作要点》 二(四); 预算法第十四条; issue 14): the
// public matrix of every unit's 预算, 决算 and 三公经费 under P/yjs/, and the console page
// where the office and each department file the approval date and the published document.
#include "modules/yjs/module.hpp"

#include "modules/yjs/domain/yjs_permissions.hpp"
#include "modules/yjs/web/budget_console.hpp"
#include "modules/yjs/web/budget_pages.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::yjs {

namespace {

class Yjs final : public Module {
 public:
  std::string name() const override { return "yjs"; }
  std::string label() const override { return "预决算公开"; }

  void register_permissions(domain::PermissionRegistry& registry) override { domain::register_yjs_permissions(registry); }

  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("yjs", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::budget_page(page, seg);
    });
    ctx.site.add_navigation({"预决算公开", "/yjs/", "yjs"});
  }

  void register_console(ConsoleContext& ctx) override { web::console::register_budget_console_pages(ctx.console, ctx.router); }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Yjs>(); }

}  // namespace zwgk::modules::yjs
