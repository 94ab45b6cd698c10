// ConsoleApp: the authenticated wrapper every console route goes through (session, CSRF,
// role), the layout, and login/logout. See console.hpp for the contract.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "http/router.hpp"
#include "store/database.hpp"
#include "store/secrets.hpp"
#include "store/security_log.hpp"
#include "store/site_repository.hpp"
#include "web/console/console.hpp"

#include "domain/clock.hpp"
#include "web/console/console_pages.hpp"
#include "web/error_mapping.hpp"

namespace zwgk::web::console {

bool Access::allows(const domain::Account& user) const {
  return action.empty() || domain::permission_registry().allows_role(user.role, action);
}

struct NavEntry {
  std::string label, href;
  Access access;
  int order = 50;
};

struct ConsoleApp::Impl {
  Impl(ConsoleOptions o, store::Database& d) : options(std::move(o)), db(d), templates(options.templates_dir) {
    if (!options.audit) options.audit = store_audit_sink(d);
    if (!options.clock) options.clock = store::system_clock();
    if (!options.calendar) options.calendar = domain::fixed_calendar();
    secure = options.base_url.rfind("https://", 0) == 0;
    if (!options.secret.empty())
      totp_sealing = store::PersonalDataKey::derive_from(options.secret, store::PersonalDataKey::Purpose::TotpKeys);
    security = std::make_unique<store::SecurityLog>(d, options.clock);
  }
  ConsoleOptions options;
  std::optional<store::PersonalDataKey> totp_sealing;
  store::Database& db;
  TemplateRenderer templates;
  bool secure = false;
  std::vector<NavEntry> nav;
  std::vector<ConsoleRoute> routes;
  std::vector<ConsoleApp::WorkSection> work_sections;
  std::vector<ConsoleApp::TextCheck> text_checks;
  std::unique_ptr<store::SecurityLog> security;
};

namespace {

http::Response no_store(http::Response r) {
  r.set_header("Cache-Control", "no-store");
  r.cache_tags.clear();
  return r;
}

}  // namespace

http::CookieOptions session_cookie_options(const ConsoleApp& app) {
  http::CookieOptions o;
  o.path = "/console";
  o.http_only = true;
  o.same_site = "Strict";
  o.secure = app.options().base_url.rfind("https://", 0) == 0;
  return o;
}

http::Response standalone_page(const ConsoleApp& app, const std::string& title, const std::string& content_template,
                               View view, int status) {
  View layout{View::type::object};
  layout.set("title", title);
  layout.set("content", app.templates().render(content_template, view));
  return no_store(http::Response::html(app.templates().render("console_layout", layout), status));
}

ConsoleApp::ConsoleApp(ConsoleOptions options, store::Database& db)
    : impl_(std::make_unique<Impl>(std::move(options), db)) {}
ConsoleApp::~ConsoleApp() = default;

const TemplateRenderer& ConsoleApp::templates() const { return impl_->templates; }
store::AccountRepository ConsoleApp::accounts() const {
  return store::AccountRepository(impl_->db, impl_->options.clock, impl_->options.policy, impl_->totp_sealing);
}
const ConsoleOptions& ConsoleApp::options() const { return impl_->options; }
domain::Date ConsoleApp::today() const { return domain::china_date(impl_->options.clock()); }
void ConsoleApp::audit(const AuditEvent& event) const {
  try {
    impl_->options.audit(event);
  } catch (const std::exception& e) {
    spdlog::error("console: audit sink failed action={} error={}", event.action, e.what());
    throw AuditFailed(e.what());
  }
}

store::SecurityLog& ConsoleApp::security() const { return *impl_->security; }
store::Database& ConsoleApp::database() const { return impl_->db; }

void ConsoleApp::add_navigation(std::string label, std::string href, Access access, int order) {
  auto& nav = impl_->nav;
  auto at = std::upper_bound(nav.begin(), nav.end(), order, [](int o, const NavEntry& e) { return o < e.order; });
  nav.insert(at, NavEntry{std::move(label), std::move(href), std::move(access), order});
}

void ConsoleApp::add_work_section(WorkSection section) { impl_->work_sections.push_back(std::move(section)); }

std::vector<std::string> ConsoleApp::work_sections(ConsoleRequest& c) const {
  std::vector<std::string> out;
  for (const auto& s : impl_->work_sections)
    if (auto html = s(c); !html.empty()) out.push_back(std::move(html));
  return out;
}

void ConsoleApp::add_text_check(TextCheck check) { impl_->text_checks.push_back(std::move(check)); }

std::vector<std::string> ConsoleApp::text_warnings(ConsoleRequest& c, std::int64_t site_id, const std::string& text) const {
  std::vector<std::string> out;
  for (const auto& check : impl_->text_checks)
    for (auto& line : check(c, site_id, text)) out.push_back(std::move(line));
  return out;
}

http::Response ConsoleRequest::page(const std::string& title, const std::string& content_template, View view,
                                    int status) const {
  view.set("csrf_token", csrf_token);
  View layout{View::type::object};
  layout.set("title", title);
  layout.set("content", app.templates().render(content_template, view));
  layout.set("signed_in", true);
  layout.set("user_name", user.display_name);
  layout.set("role_label", domain::to_label(user.role));
  layout.set("site_name", site.name);
  layout.set("csrf_token", csrf_token);
  View nav{View::type::list};
  for (const auto& n : app.impl_->nav) {
    if (!n.access.allows(user)) continue;
    View item{View::type::object};
    item.set("label", n.label);
    item.set("href", n.href);
    if (http.path == n.href) item.set("current", true);
    nav.push_back(item);
  }
  layout.set("nav", nav);
  if (http.query_param("done")) layout.set("notice", std::string("操作已完成。"));
  return no_store(http::Response::html(app.templates().render("console_layout", layout), status));
}

http::Response ConsoleRequest::refuse(const std::string& message, int status) const {
  View v{View::type::object};
  v.set("message", message);
  return page(status == 404 ? "未找到" : "操作被拒绝", "console_message", v, status);
}

http::Response ConsoleRequest::see_other(const std::string& location) const {
  return no_store(http::Response::redirect(location + (location.find('?') == std::string::npos ? "?" : "&") + "done=1",
                                           303));
}

void ConsoleRequest::audit(const std::string& action, const std::string& object_type, const std::string& object_id,
                           const std::string& detail) const {
  AuditEvent e;
  e.actor_id = user.id;
  e.site_id = site.id;
  e.action = action;
  e.object_type = object_type;
  e.object_id = object_id;
  e.remote_address = http.remote_address;
  e.detail = detail;
  app.audit(e);
}

namespace {

http::Response bare_message(const ConsoleApp& app, const std::string& title, const std::string& message, int status) {
  View v{View::type::object};
  v.set("message", message);
  return standalone_page(app, title, "console_message", v, status);
}

// The console's rendering of the one error family (domain/errors.hpp): Invalid -> 400 with
// its problems listed, Forbidden -> 403 (counted in the security log), NotFound -> 404,
// Conflict -> 409; nothing was changed in any case (the transaction is rolled back).
// Statuses from the one mapping (web/error_mapping.hpp, status_for).
template <typename Refused>
http::Response error_response(const ConsoleRequest& c, const domain::DomainError& e, Refused& refused) {
  const int status = status_for(e.kind());
  switch (e.kind()) {
    case domain::ErrorKind::Invalid: {
      View v{View::type::object};
      View problems{View::type::list};
      const auto list = e.problems();
      for (const auto& p : list) problems.push_back(View(p));
      v.set("problems", problems);
      v.set("has_problems", !list.empty());
      v.set("message", std::string("提交的内容有误，未保存："));
      return c.page("内容有误", "console_message", v, status);
    }
    case domain::ErrorKind::Forbidden:
      refused("forbidden", c.user.id);
      return c.refuse(std::string(e.what()) + "（操作未执行）", status);
    case domain::ErrorKind::NotFound:
      return c.refuse(e.what(), status);
    case domain::ErrorKind::Conflict:
      return c.refuse(std::string(e.what()) + "（操作未执行）", status);
  }
  return c.refuse(e.what(), status);
}

http::Handler wrap(const ConsoleApp& app, store::Database& db, bool is_post, const std::string& pattern, Access access,
                   ConsoleHandler handler) {
  return [&app, &db, is_post, pattern, access = std::move(access), handler = std::move(handler)](http::Request& req) {
    auto refused = [&](const char* kind, std::int64_t account) { app.security().record({kind, account, pattern}); };
    auto token = http::cookie(req, kSessionCookie);
    auto accounts = app.accounts();
    auto found = token ? accounts.session(*token) : std::nullopt;
    if (!found) {
      if (!is_post) {
        std::string next = req.path;
        if (!req.raw_query.empty()) next += "?" + req.raw_query;
        std::string location = "/console/login";
        if (req.path != "/console/") {
          // next is a local console path; percent-encode the few characters that matter.
          std::string enc;
          for (unsigned char c : next) {
            if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.') {
              enc += static_cast<char>(c);
            } else {
              static const char* hex = "0123456789ABCDEF";
              enc += '%';
              enc += hex[c >> 4];
              enc += hex[c & 15];
            }
          }
          location += "?next=" + enc;
        }
        return no_store(http::Response::redirect(location, 303));
      }
      refused("session_missing", 0);
      return bare_message(app, "登录已失效", "登录已失效或尚未登录，请重新登录后再提交。操作未执行。", 403);
    }
    const domain::Account& user = found->first;
    const store::Session& session = found->second;
    http::Form form;
    if (is_post) {
      auto parsed = http::parse_form(req);
      if (!parsed) return bare_message(app, "请求无效", "无法解析提交的表单，操作未执行。", 400);
      form = std::move(*parsed);
      auto sent = form.get(kCsrfField);
      if (!sent || sent->empty()) {
        refused("csrf_refused", user.id);
        return bare_message(app, "安全校验失败", "表单缺少安全校验码（CSRF 令牌），操作未执行。请刷新页面后重试。", 403);
      }
      if (!store::constant_time_equal(*sent, session.csrf_token)) {
        refused("csrf_refused", user.id);
        return bare_message(app, "安全校验失败",
                            "表单的安全校验码（CSRF 令牌）不正确或已过期，操作未执行。请刷新页面后重试。", 403);
      }
    } else {
      for (const auto& [k, v] : req.query) form.fields.emplace_back(k, v);
    }
    auto site = store::SiteRepository(db).by_id(user.site_id).value_or(domain::Site{});
    ConsoleRequest c{req, user, site, session.csrf_token, form, db, app};
    if (!access.allows(user)) {
      refused("forbidden", user.id);
      return c.refuse("您的角色（" + domain::to_label(user.role) + "）无权访问此页面或执行此操作，操作未执行。");
    }
    // POST: the handler's writes and its audit entry are one transaction (console.hpp, 4.).
    std::unique_ptr<store::Batch> unit;
    if (is_post) unit = std::make_unique<store::Batch>(db);
    try {
      auto response = handler(c);
      if (unit) unit->commit();
      if (response.status == 403) refused("forbidden", user.id);
      return response;
    } catch (const AuditFailed&) {
      unit.reset();  // rolls the change back
      return c.refuse("审计日志写入失败，操作未执行。请联系系统管理员。", 500);
    } catch (const domain::DomainError& e) {  // the family: WorkflowRefused, IngestError, ... included
      unit.reset();
      return error_response(c, e, refused);
    } catch (const store::NotFound&) {  // not yet of the family (web/error_mapping.hpp)
      unit.reset();
      return error_response(c, domain::NotFound(kRecordNotFound), refused);
    }
  };
}

}  // namespace

const std::vector<ConsoleRoute>& ConsoleApp::routes() const { return impl_->routes; }

void ConsoleApp::get(http::Router& router, const std::string& pattern, Access access, ConsoleHandler handler) {
  impl_->routes.push_back({"GET", pattern, access});
  router.get(pattern, wrap(*this, impl_->db, false, pattern, std::move(access), std::move(handler)));
}

void ConsoleApp::post(http::Router& router, const std::string& pattern, Access access, ConsoleHandler handler) {
  impl_->routes.push_back({"POST", pattern, access});
  router.post(pattern, wrap(*this, impl_->db, true, pattern, std::move(access), std::move(handler)));
}

void ConsoleApp::register_routes(http::Router& router) {
  register_login_routes(*this, router);
  register_my_work_page(*this, router);
  register_user_pages(*this, router);
  register_department_pages(*this, router);
  register_catalogue_pages(*this, router);
  register_site_pages(*this, router);
  register_account_pages(*this, router);
  register_audit_pages(*this, router);
}

}  // namespace zwgk::web::console
