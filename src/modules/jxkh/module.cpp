// 政务公开绩效考核 (《2017年邵阳市政务公开工作要点》六（八）; issue 16 part 3): the government
// office scores every department of its site for a year on an indicator tree kept as data —
// each indicator computed from the records with the evidence behind every deduction, or
// hand-entered with its basis — adjusts a score only with a reason, and releases the results
// to the portal (P/jxkh/); the console pages under /console/assessment/ and the .xlsx export.
#include "modules/jxkh/module.hpp"

#include "modules/jxkh/domain/jxkh_permissions.hpp"
#include "modules/jxkh/web/assessment_console.hpp"
#include "modules/jxkh/web/assessment_pages.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::jxkh {

namespace {

class Jxkh final : public Module {
 public:
  std::string name() const override { return "jxkh"; }
  std::string label() const override { return "政务公开绩效考核"; }

  void register_permissions(domain::PermissionRegistry& registry) override { domain::register_jxkh_permissions(registry); }

  void register_public(PublicContext& ctx) override {
    ctx.site.add_section("jxkh", [](web::PageContext& page, const std::vector<std::string_view>& seg) {
      return web::assessment_page(page, seg);
    });
    ctx.site.add_footer_link({"绩效考核", "/jxkh/", "jxkh"});
  }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_assessment_console_pages(ctx.console, ctx.router, ctx.web);
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Jxkh>(); }

}  // namespace zwgk::modules::jxkh
