#pragma once
// The console (管理后台) shell: login, sessions, CSRF, roles and the page layout, mounted at
// /console/ on every host. Other modules (document editor and workflow, 依申请公开 office)
// add their pages through this header only:
//
//   // in your module: void register_my_pages(console::ConsoleApp& console, http::Router& router)
//   console.get(router, "/console/documents/", console::Access::signed_in(),
//               [](console::ConsoleRequest& c) {
//                 View v{View::type::object};
//                 v.set("rows", ...);                       // your view model
//                 return c.page("文件列表", "publishing/console_documents", v);  // templates/publishing/console_documents.mustache
//               });
//   console.post(router, "/console/documents/{id}/submit",
//                console::Access::to("publishing.submit"),  // a registered action
//                [](console::ConsoleRequest& c) {
//                  c.form.value("title");                    // the POST body, CSRF already checked
//                  c.audit("publishing.submit", "document", c.http.param("id"));
//                  return c.see_other("/console/documents/");  // 303, shows "操作已完成。"
//                });
//   console.add_navigation("文件", "/console/documents/", console::Access::signed_in());
//
// What the wrapper does before your handler runs:
//   1. session: cookie zwgk_session -> store::AccountRepository::session(); none, expired
//      or disabled -> GET: 303 to /console/login?next=<path>; POST: 403 "登录已失效".
//   2. POST only: parses the body (urlencoded or multipart) and compares its csrf_token
//      field with the session's token in constant time; missing or wrong -> 403 with a
//      Chinese reason, the handler does not run, nothing changes.
//   3. permission: the route's declared action (Access::to("module.action"), a code of the
//      permission registry, domain/permission_registry.hpp) must be granted to user.role,
//      else 403 "您的角色（…）无权…". The scope is the user's own site: c.user.site_id /
//      c.site.id is the only site a user acts on. The per-object scope (own department, an
//      id of another site) is the handler's or service's check through the same registry:
//      may(c, "module.action", target) / domain::permission_refusal(...); refuse with
//      c.refuse(). Access::signed_in(): any signed-in user (own account, 我的工作, pages
//      whose handler asks the registry on the object).
//   4. POST only: the handler runs inside one transaction (a store::Batch): every
//      repository call it makes and its c.audit() entry commit together when it returns,
//      and nothing is kept when it throws. A failing audit write (AuditFailed) rolls the
//      change back and answers 500 "审计日志写入失败，操作未执行". GET handlers that audit
//      (viewing personal data) get the same refusal when the entry cannot be written.
//   5. refusals (no session on a POST, CSRF, role, any 403 the handler returns) are
//      counted in the security log (store/security_log.hpp) by route pattern and account.
//   6. a domain::ValidationError thrown by the handler becomes a 400 page listing its
//      problems (and rolls back); store::NotFound a 404 page. Every console response is Cache-Control:
//      no-store and is never page-cached.
//
// Forms: every <form method="post"> in a console template writes {{> console_csrf}} (a
// hidden input named csrf_token whose value is {{csrf_token}}, which page() puts into
// every view). Templates are Mustache files in templates/ (HTML-escaped {{x}}); use the
// classes in static/console.css (.console-table, .console-form, .field, .actions,
// .notice, .problems) so pages read well on a phone.
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "domain/site.hpp"
#include "domain/calendar_source.hpp"
#include "domain/date.hpp"
#include "http/form.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "store/account_repository.hpp"
#include "web/console/audit_sink.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::http {
class Router;
}
namespace zwgk::store {
class Database;
class SecurityLog;
}

namespace zwgk::web::console {

inline constexpr const char* kSessionCookie = "zwgk_session";
inline constexpr const char* kCsrfField = "csrf_token";

struct ConsoleOptions {
  std::filesystem::path templates_dir;  // the same templates/ as the public site
  std::string base_url;                 // "https://..." => the session cookie is Secure
  AuditSink audit;                      // default (empty): store_audit_sink(db)
  store::Clock clock;                   // default (empty): store::system_clock()
  store::LoginPolicy policy;
  // The installation secret (32 bytes, app::installation_secret): seals the accounts' TOTP
  // keys (ADR 0018). Empty: two-step verification cannot be switched on.
  std::string secret;
  // The working-day calendar for the deadlines the console shows (我的工作, the document
  // list: Art. 26); `zwgk serve` passes the public site's source (WebOptions::calendar), so
  // both move together when a holiday file changes. Default (empty): domain::fixed_calendar().
  domain::CalendarSourcePtr calendar;
};

// Who may use a route or see a navigation entry: a registered action, or any signed-in user.
struct Access {
  std::string action;  // "kernel.view_audit"; empty = every signed-in user
  static Access signed_in() { return {}; }
  static Access to(std::string action) { return Access{std::move(action)}; }
  // The role holds a grant for the action in the permission registry (or signed_in()).
  bool allows(const domain::Account& user) const;
};

// A route the console registered, with what it declared (ConsoleApp::routes()).
struct ConsoleRoute {
  std::string method;   // "GET" or "POST"
  std::string pattern;  // "/console/users/{id}/"
  Access access;
};

class ConsoleApp;

// What a console handler gets. References are valid for the duration of the call.
struct ConsoleRequest {
  http::Request& http;
  const domain::Account& user;  // signed in, enabled
  const domain::Site& site;     // the user's site
  const std::string& csrf_token;
  const http::Form& form;       // POST: the body (CSRF verified); GET: the query string
  store::Database& db;
  const ConsoleApp& app;

  // templates/<content_template>.mustache rendered with `view` (+ csrf_token) inside the
  // console layout (header with the user's name, role and site, navigation, logout form).
  http::Response page(const std::string& title, const std::string& content_template, View view,
                      int status = 200) const;
  // A page saying why the action was refused (403 by default); nothing was changed.
  http::Response refuse(const std::string& message, int status = 403) const;
  // 303 to `location` (post/redirect/get); the next page shows "操作已完成。".
  http::Response see_other(const std::string& location) const;
  // Records an event for the audit log (actor, site and address filled in). Throws
  // AuditFailed when it cannot be written (see 4. above).
  void audit(const std::string& action, const std::string& object_type, const std::string& object_id,
             const std::string& detail = "") const;
};

using ConsoleHandler = std::function<http::Response(ConsoleRequest&)>;

class ConsoleApp {
 public:
  ConsoleApp(ConsoleOptions options, store::Database& db);
  ~ConsoleApp();
  ConsoleApp(const ConsoleApp&) = delete;
  ConsoleApp& operator=(const ConsoleApp&) = delete;

  // The shell's own routes: /console/login (GET, POST), /console/logout (POST),
  // /console/ (我的工作) and the management pages (users, departments, catalogue, site).
  // Register before SiteApp::register_routes (which owns the catch-all).
  void register_routes(http::Router& router);

  // Authenticated routes for other modules (see the top of this file).
  void get(http::Router& router, const std::string& pattern, Access access, ConsoleHandler handler);
  void post(http::Router& router, const std::string& pattern, Access access, ConsoleHandler handler);
  // Every route registered through get()/post(), in order: a test walks them.
  const std::vector<ConsoleRoute>& routes() const;

  // An entry of the header navigation, shown to the users `access` allows. Entries are shown by
  // `order` (then as registered): 0 我的工作, 50 the modules' work pages, 70-79 the site's
  // management pages, 90 我的账号.
  void add_navigation(std::string label, std::string href, Access access, int order = 50);

  // A module's part of 我的工作 (/console/): HTML rendered for the signed-in user (escaped
  // by its own template); an empty string adds nothing.
  using WorkSection = std::function<std::string(ConsoleRequest&)>;
  void add_work_section(WorkSection section);
  std::vector<std::string> work_sections(ConsoleRequest& c) const;

  // A module's advice on text an editor is about to publish on site `site_id` (a document's
  // title, summary and body): each returned line is shown beside it as a warning, never a block.
  using TextCheck = std::function<std::vector<std::string>(ConsoleRequest&, std::int64_t site_id, const std::string& text)>;
  void add_text_check(TextCheck check);
  std::vector<std::string> text_warnings(ConsoleRequest& c, std::int64_t site_id, const std::string& text) const;

  // For handlers and tests.
  const TemplateRenderer& templates() const;
  store::AccountRepository accounts() const;
  const ConsoleOptions& options() const;
  // The day of options().clock in China Standard Time: what every console page calls today.
  domain::Date today() const;
  // Throws AuditFailed when the sink fails.
  void audit(const AuditEvent& event) const;
  // Refused requests, counted per minute (store/security_log.hpp).
  store::SecurityLog& security() const;
  store::Database& database() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
  friend struct ConsoleRequest;
};

}  // namespace zwgk::web::console
