#pragma once
// The console's document pages (ADR 0012), private to src/web/console. register_document_pages
// is called once from ConsoleApp::register_routes.
#include "web/console/console.hpp"

namespace zwgk::web::console {

void register_document_pages(ConsoleApp& app, http::Router& router);          // all of the below
void register_document_list_page(ConsoleApp& app, http::Router& router);      // document_list_page.cpp
void register_document_edit_pages(ConsoleApp& app, http::Router& router);     // document_edit_pages.cpp
void register_document_workflow_page(ConsoleApp& app, http::Router& router);  // document_workflow_page.cpp
void register_document_actions(ConsoleApp& app, http::Router& router);        // document_actions.cpp
void register_audit_pages(ConsoleApp& app, http::Router& router);             // audit_pages.cpp
void register_workflow_settings_page(ConsoleApp& app, http::Router& router);  // workflow_settings_page.cpp
void register_vendor_assets(ConsoleApp& app, http::Router& router);           // vendor_assets.cpp

}  // namespace zwgk::web::console
