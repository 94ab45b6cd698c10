// 政府信息公开工作年度报告 (《政府信息公开条例》第四十九条、第五十条; 国办公开办函〔2021〕30号;
// issue 16): each body's report for a year, computed from its records, checked against the
// template's rules, written and corrected with reasons in the console, and sent to the
// publishing workflow as a document of the 政府信息公开年报 column with its .docx and .xlsx.
#include "modules/ndbg/module.hpp"

#include "modules/ndbg/domain/ndbg_permissions.hpp"
#include "modules/ndbg/web/report_console.hpp"
#include "web/site_app.hpp"

namespace zwgk::modules::ndbg {

namespace {

class Ndbg final : public Module {
 public:
  std::string name() const override { return "ndbg"; }
  std::string label() const override { return "政府信息公开工作年度报告"; }

  void register_permissions(domain::PermissionRegistry& registry) override { domain::register_ndbg_permissions(registry); }

  void register_console(ConsoleContext& ctx) override {
    web::console::register_report_console_pages(ctx.console, ctx.router, ctx.web);
  }
};

}  // namespace

std::unique_ptr<Module> make_module() { return std::make_unique<Ndbg>(); }

}  // namespace zwgk::modules::ndbg
