// 预览 and the policy search of the document editor.
//
//   GET /console/documents/{id}/preview        the latest revision (any stage) rendered with the
//        public document template, marked 预览, noindex, never cached (the console's
//        no-store; no cache tags). 404 for no such document on the user's site, 403 when the
//        user may not view it (another department).
//   GET /console/documents/policies.json?q=    the 政策解读 editor's typeahead: the documents a
//        政策解读 may explain whose title or 文号 contains q (service/policy_choice.hpp),
//        [{"id", "title", "doc_number", "label"}]. The form's own search step (without
//        JavaScript) is in document_edit_pages.cpp.
#include <memory>

#include "http/router.hpp"
#include "store/document_repository.hpp"
#include "web/api_error.hpp"
#include "web/formatting.hpp"
#include "web/page_context.hpp"
#include "modules/publishing/service/policy_choice.hpp"
#include "modules/publishing/web/document_pages.hpp"
#include "modules/publishing/web/document_support.hpp"
#include "modules/publishing/web/public_pages.hpp"

namespace zwgk::web::console {

void register_document_preview(ConsoleApp& app, http::Router& router, const WebOptions& web) {
  // The public pages' environment, for rendering the public template here (the modules'
  // header and footer links are the public site's own and are not repeated in a preview).
  auto env = std::make_shared<PageEnv>(PageEnv{app.database(), app.templates(), web, trim_base_url(web.base_url)});

  app.get(router, "/console/documents/{id}/preview", Access::to("publishing.view"), [env](ConsoleRequest& c) {
    const auto id = id_param(c);
    const auto row = id ? store::DocumentRepository(c.db).by_id(*id) : std::nullopt;
    if (!row || row->site_id != c.site.id) return c.refuse("没有这个文件。", 404);
    auto l = load_visible(c, *id);
    if (!l) return c.refuse("您无权预览这个文件。", 403);
    PageContext page(*env, c.http, c.site);
    const std::string back = "/console/documents/" + std::to_string(*id) + "/";
    return document_preview_page(page, {l->doc, domain::to_label(l->info.status.stage), back,
                                        "/console/documents/" + std::to_string(*id)});
  });

  app.get(router, "/console/documents/policies.json", Access::to("publishing.view"), [](ConsoleRequest& c) {
    api::Json list = api::Json::array();
    for (const auto& p : modules::publishing::find_policies(c.db, c.user, c.site.id, c.form.value("q")))
      list.push_back({{"id", p.id}, {"title", p.title}, {"doc_number", p.doc_number}, {"label", p.label()}});
    return api::json_response(list);
  });
}

}  // namespace zwgk::web::console
