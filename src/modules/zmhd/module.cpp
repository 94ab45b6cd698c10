// 政民互动 (《2017年邵阳市政务公开工作要点》 六(四); 国办秘函〔2019〕19号): the site's 信箱 and
// 我为政府网站找错 under P/zmhd/, the writer's status and rating, 信件选登 and 受理反馈统计,
// the office's console pages, the 12345 API, and the daily reminders.
#include "modules/zmhd/module.hpp"

#include "http/router.hpp"
#include "modules/zmhd/domain/zmhd_permissions.hpp"
#include "modules/zmhd/web/letter_console.hpp"
#include "modules/zmhd/web/letter_pages.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::zmhd {

namespace {

class Zmhd final : public Module {
 public:
  std::string name() const override { return "zmhd"; }
  std::string label() const override { return "政民互动"; }

  void register_permissions(domain::PermissionRegistry& registry) override {
    domain::register_zmhd_permissions(registry);
  }

  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("zmhd", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::letter_page(page, seg);
    }, /*accepts_post=*/true);
    ctx.site.add_navigation({"政民互动", "/zmhd/", "zmhd"});
    ctx.site.add_footer_link({"我为政府网站找错", "/zmhd/write/error/", "", /*with_page_url=*/true});
    web::register_letter_api(ctx.router, ctx.db, ctx.site.options());
    ctx.site.add_api_description(web::letter_api_description());
  }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_letter_console_pages(ctx.console, ctx.router, {ctx.web.secret, ctx.web.calendar});
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Zmhd>(); }

}  // namespace zwgk::modules::zmhd
