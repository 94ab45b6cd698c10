// 发布设置 /console/workflow-settings/ (site administrators; auditors read): the site's
// sensitive words for the privacy guard (one a line) and the 公开目录 codes whose documents
// need a 政策解读 (default 规范性文件 fgwj and 政策文件 zcwj).
#include <sstream>

#include "domain/errors.hpp"
#include "http/router.hpp"
#include "store/catalogue_repository.hpp"
#include "modules/publishing/web/document_pages.hpp"
#include "modules/publishing/web/document_support.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    const auto e = line.find_last_not_of(" \t\r");
    out.push_back(line.substr(b, e - b + 1));
  }
  return out;
}

}  // namespace

void register_workflow_settings_page(ConsoleApp& app, http::Router& router) {
  app.add_navigation("发布设置", "/console/workflow-settings/", Access::to("kernel.view_settings"), 76);
  app.get(router, "/console/workflow-settings/", Access::to("kernel.view_settings"), [](ConsoleRequest& c) {
    store::WorkflowRepository wf(c.db);
    std::string words;
    for (const auto& w : wf.sensitive_words(c.site.id)) words += w + "\n";
    const auto selected = wf.interpretation_catalogues(c.site.id);
    View cats{View::type::list};
    for (const auto& n : store::CatalogueRepository(c.db).tree(c.site.id)) {
      View o{View::type::object};
      o.set("code", n.code);
      o.set("name", n.name);
      if (std::find(selected.begin(), selected.end(), n.code) != selected.end()) o.set("checked", true);
      cats.push_back(o);
    }
    View v{View::type::object};
    v.set("words", words);
    v.set("catalogues", cats);
    if (may(c, "kernel.manage_sites")) v.set("can_manage", true);
    return c.page("发布设置", "publishing/console_workflow_settings", v);
  });
  app.post(router, "/console/workflow-settings/", Access::to("kernel.manage_sites"), [](ConsoleRequest& c) {
    store::WorkflowRepository wf(c.db);
    wf.set_sensitive_words(c.user, c.site.id, lines_of(c.form.value("words")), actor_of(c));
    const auto codes = c.form.all("catalogue");
    if (codes.empty()) throw domain::ValidationError({"请至少选择一个须同步发布政策解读的公开目录"});
    wf.set_interpretation_catalogues(c.user, c.site.id, codes, actor_of(c));
    return c.see_other("/console/workflow-settings/");
  });
}

}  // namespace zwgk::web::console
