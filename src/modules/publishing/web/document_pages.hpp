#pragma once
// The console's document pages, private to the publishing module. register_document_pages
// is called once from the module's registration (module.cpp).
#include "web/console/console.hpp"

namespace zwgk::web {
struct WebOptions;
}

namespace zwgk::web::console {

// `web`: the public site's options (the preview renders the public template).
void register_document_pages(ConsoleApp& app, http::Router& router, const WebOptions& web);  // all of the below
void register_document_list_page(ConsoleApp& app, http::Router& router);      // document_list_page.cpp
void register_document_edit_pages(ConsoleApp& app, http::Router& router);     // document_edit_pages.cpp
void register_document_workflow_page(ConsoleApp& app, http::Router& router);  // document_workflow_page.cpp
void register_document_actions(ConsoleApp& app, http::Router& router);        // document_actions.cpp
void register_workflow_settings_page(ConsoleApp& app, http::Router& router);  // workflow_settings_page.cpp
void register_document_preview(ConsoleApp& app, http::Router& router, const WebOptions& web);  // document_preview.cpp
void register_vendor_assets(ConsoleApp& app, http::Router& router);           // vendor_assets.cpp
void register_my_work_section(ConsoleApp& app);                               // my_work_page.cpp: 我的工作's part

}  // namespace zwgk::web::console
