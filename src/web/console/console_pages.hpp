#pragma once
// Private to src/web/console: the shell's own pages, one file each.
#include <string>

#include "http/form.hpp"
#include "web/console/console.hpp"

namespace zwgk::web::console {

void register_login_routes(ConsoleApp& app, http::Router& router);     // login_pages.cpp
void register_my_work_page(ConsoleApp& app, http::Router& router);     // my_work_page.cpp
void register_user_pages(ConsoleApp& app, http::Router& router);       // user_pages.cpp
void register_department_pages(ConsoleApp& app, http::Router& router); // department_pages.cpp
void register_catalogue_pages(ConsoleApp& app, http::Router& router);  // catalogue_pages.cpp
void register_site_pages(ConsoleApp& app, http::Router& router);       // site_pages.cpp
void register_account_pages(ConsoleApp& app, http::Router& router);    // account_pages.cpp
void register_audit_pages(ConsoleApp& app, http::Router& router);      // audit_pages.cpp

// The session cookie's attributes: Path=/console, HttpOnly, SameSite=Strict, Secure when
// the configured base URL is https.
http::CookieOptions session_cookie_options(const ConsoleApp& app);
// A page without the signed-in header (login, "登录已失效").
http::Response standalone_page(const ConsoleApp& app, const std::string& title, const std::string& content_template,
                               View view, int status = 200);

}  // namespace zwgk::web::console
