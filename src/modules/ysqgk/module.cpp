// 依申请公开 (《政府信息公开条例》第四章): the public application form, status lookup and
// disclosed files under P/ysqgk/, the status API, and the office's console pages.
#include "modules/ysqgk/module.hpp"

#include "modules/ysqgk/domain/ysqgk_permissions.hpp"

#include "http/router.hpp"
#include "modules/ysqgk/web/guide_pages.hpp"
#include "modules/ysqgk/web/request_console.hpp"
#include "modules/ysqgk/web/request_pages.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::ysqgk {

namespace {

class Ysqgk final : public Module {
 public:
  std::string name() const override { return "ysqgk"; }
  std::string label() const override { return "依申请公开"; }

  void register_permissions(domain::PermissionRegistry& registry) override {
    domain::register_ysqgk_permissions(registry);
  }

  void register_public(PublicContext& ctx) override {
    web::SiteApp& site = ctx.site;
    site.add_section("ysqgk", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::request_page(page, seg);
    }, /*accepts_post=*/true);
    ctx.router.get("/ysqgk-files/{token}/{name}", [&site, &db = ctx.db](http::Request& req) {
      auto r = web::disclosed_file_download(db, req);
      return r ? std::move(*r) : site.error_page(req, 404, "您访问的文件不存在。");
    });
    web::register_request_public_api(ctx.router, ctx.db, site.options());
    // 依申请公开 in the main menu and in the home page's 信息公开 block, as on every portal.
    site.add_navigation({"依申请公开", "/ysqgk/", "ysqgk"});
    site.add_portal_link({"依申请公开", "/ysqgk/", ""});
  }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_request_console_pages(ctx.console, ctx.router, {ctx.web.secret, ctx.web.calendar});
    web::console::register_guide_settings_page(ctx.console, ctx.router);
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Ysqgk>(); }

}  // namespace zwgk::modules::ysqgk
