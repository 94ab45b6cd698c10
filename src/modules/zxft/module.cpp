// 在线访谈, 新闻发布会 and 政策吹风会 (《2017年邵阳市政务公开工作要点》 六(三): policy
// interpreted by the officials who made it, the 主要负责人 at least once a year): the public
// list and event pages under P/zxft/ with the live transcript, the office's console pages.
#include "modules/zxft/module.hpp"

#include "modules/zxft/domain/zxft_permissions.hpp"
#include "modules/zxft/web/event_api.hpp"
#include "modules/zxft/web/event_console.hpp"
#include "modules/zxft/web/event_pages.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::zxft {

namespace {

class Zxft final : public Module {
 public:
  std::string name() const override { return "zxft"; }
  std::string label() const override { return "访谈发布"; }

  void register_permissions(domain::PermissionRegistry& registry) override {
    domain::register_zxft_permissions(registry);
  }

  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("zxft", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::event_page(page, seg);
    }, /*accepts_post=*/true);
    ctx.site.add_navigation({"访谈发布", "/zxft/", "zxft"});
    web::register_event_api(ctx.router, ctx.db, ctx.site.options());
    ctx.site.add_api_description(web::event_api_description());
  }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_event_console_pages(ctx.console, ctx.router, ctx.web.secret);
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Zxft>(); }

}  // namespace zwgk::modules::zxft
