// 登录 / 退出. The login form is protected against login CSRF by a double-submit cookie
// (zwgk_login_csrf, random, SameSite=Strict) whose value the form repeats; once signed in
// every form carries the session's own CSRF token (console_app.cpp).
#include <algorithm>

#include "http/router.hpp"
#include "store/database.hpp"
#include "store/secrets.hpp"
#include "store/security_log.hpp"
#include "web/console/console_pages.hpp"

namespace zwgk::web::console {

namespace {

constexpr const char* kLoginCsrfCookie = "zwgk_login_csrf";

// Only a local console path is followed after login (no open redirect).
std::string safe_next(const std::string& next) {
  if (next.rfind("/console/", 0) != 0 || next.find("//") != std::string::npos || next.find('\\') != std::string::npos)
    return "/console/";
  for (char c : next)
    if (static_cast<unsigned char>(c) < 0x20) return "/console/";
  return next;
}

http::Response login_form(const ConsoleApp& app, const std::string& next, const std::string& username,
                          const std::string& message, bool ask_totp, int status) {
  const std::string csrf = store::random_token_hex(16);
  View v{View::type::object};
  v.set("login_csrf", csrf);
  v.set("next", next);
  v.set("username", username);
  if (!message.empty()) v.set("message", message);
  if (ask_totp) v.set("ask_totp", true);
  auto r = standalone_page(app, "登录", "console_login", v, status);
  auto o = session_cookie_options(app);
  r.add_header("Set-Cookie", http::set_cookie_value(kLoginCsrfCookie, csrf, o));
  return r;
}

}  // namespace

void register_login_routes(ConsoleApp& app, http::Router& router) {
  router.get("/console/login", [&app](http::Request& req) {
    if (auto token = http::cookie(req, kSessionCookie); token && app.accounts().session(*token))
      return http::Response::redirect("/console/", 303);
    const std::string message = req.query_param("changed") ? "密码已修改，请用新密码重新登录。" : "";
    return login_form(app, safe_next(req.query_param("next").value_or("/console/")), "", message, false, 200);
  });

  router.post("/console/login", [&app](http::Request& req) {
    auto form = http::parse_form(req);
    if (!form) return login_form(app, "/console/", "", "无法解析提交的表单，请重试。", false, 400);
    const std::string next = safe_next(form->value("next"));
    const std::string username = form->value("username");
    const auto cookie = http::cookie(req, kLoginCsrfCookie);
    const auto sent = form->get(kCsrfField);
    if (!cookie || !sent || cookie->empty() || !store::constant_time_equal(*cookie, *sent)) {
      app.security().record({"csrf_refused", 0, "/console/login"});
      return login_form(app, next, username, "页面已过期（安全校验未通过），请重新输入后登录。", false, 403);
    }
    if (username.empty() || form->value("password").empty())
      return login_form(app, next, username, "请输入用户名和密码。", false, 400);

    // The session, the failure counters and the login's audit entry: one transaction.
    store::Batch unit(app.database());
    auto result = app.accounts().login(username, form->value("password"), form->value("totp"), req.remote_address);
    using store::LoginOutcome;
    if (result.outcome != LoginOutcome::Ok) {
      // A refused login is a security event (counted per minute, store/security_log.hpp),
      // not an audit entry: an anonymous client must not grow the audit log at will. The
      // typed user name is never recorded; the account id only when it exists.
      const char* kind = result.outcome == LoginOutcome::Throttled      ? "login_throttled"
                         : result.outcome == LoginOutcome::Disabled     ? "login_disabled"
                         : result.outcome == LoginOutcome::WrongTotp    ? "login_wrong_totp"
                         : result.outcome == LoginOutcome::TotpRequired ? nullptr
                                                                        : "login_failed";
      unit.commit();
      if (kind) app.security().record({kind, result.account ? result.account->id : 0, "/console/login"});
      const int status = result.outcome == LoginOutcome::Throttled        ? 429
                         : result.outcome == LoginOutcome::Disabled       ? 403
                         : result.outcome == LoginOutcome::TotpRequired   ? 200
                                                                          : 401;
      const bool ask_totp = result.outcome == LoginOutcome::TotpRequired || result.outcome == LoginOutcome::WrongTotp;
      auto r = login_form(app, next, username, result.message, ask_totp, status);
      // Refused before evaluation (ADR 0018): when to come back, for people and for scripts.
      if (result.outcome == LoginOutcome::Throttled && result.retry_at > 0)
        r.set_header("Retry-After", std::to_string(std::max<std::int64_t>(1, result.retry_at - app.options().clock())));
      return r;
    }
    AuditEvent e;
    e.remote_address = req.remote_address;
    e.object_type = "session";
    e.site_id = result.account->site_id;
    e.actor_id = result.account->id;
    e.action = "kernel.login";
    try {
      app.audit(e);
    } catch (const AuditFailed&) {
      return login_form(app, next, username, "审计日志写入失败，未能登录。请联系系统管理员。", false, 500);
    }  // `unit` rolls the new session back
    unit.commit();
    auto r = http::Response::redirect(next, 303);
    r.set_header("Cache-Control", "no-store");
    auto o = session_cookie_options(app);
    r.add_header("Set-Cookie", http::set_cookie_value(kSessionCookie, result.session->token, o));
    auto gone = o;
    gone.max_age_seconds = 0;
    r.add_header("Set-Cookie", http::set_cookie_value(kLoginCsrfCookie, "", gone));
    return r;
  });

  app.post(router, "/console/logout", Access::signed_in(), [&app](ConsoleRequest& c) {
    if (auto token = http::cookie(c.http, kSessionCookie)) app.accounts().end_session(*token);
    c.audit("kernel.logout", "session", "");
    auto r = http::Response::redirect("/console/login", 303);
    r.set_header("Cache-Control", "no-store");
    auto o = session_cookie_options(app);
    o.max_age_seconds = 0;
    r.add_header("Set-Cookie", http::set_cookie_value(kSessionCookie, "", o));
    return r;
  });
}

}  // namespace zwgk::web::console
