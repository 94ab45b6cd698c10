// Browser packages from npm (assets/package.json, installed by scripts/install-deps.sh with
// `npm ci`) served under /static/vendor/: /static/vendor/quill/{file} -> Quill's dist/.
// The directory is found beside templates/ (assets/node_modules), like the rest of the
// source tree; a missing file is a 404 (the editor then falls back to the plain textarea).
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "modules/publishing/web/document_pages.hpp"

namespace zwgk::web::console {

void register_vendor_assets(ConsoleApp& app, http::Router& router) {
  auto templates = app.options().templates_dir;
  if (!templates.has_filename()) templates = templates.parent_path();  // "templates/"
  const auto root = templates.parent_path() / "assets" / "node_modules";
  router.get("/static/vendor/quill/{path*}", [dist = root / "quill" / "dist"](http::Request& req) {
    return http::serve_static(dist, req.param("path"));
  });
}

void register_document_pages(ConsoleApp& app, http::Router& router, const WebOptions& web) {
  register_my_work_section(app);  // the documents part of 我的工作 (/console/)
  register_vendor_assets(app, router);
  register_document_preview(app, router, web);  // before {id}/: policies.json is not an id
  register_document_list_page(app, router);
  register_document_edit_pages(app, router);
  register_document_workflow_page(app, router);
  register_document_actions(app, router);
  register_workflow_settings_page(app, router);
}

}  // namespace zwgk::web::console
