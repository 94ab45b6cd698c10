// 我的账号 /console/account/ (every signed-in user, for their own account only):
//  - 两步验证 (TOTP, RFC 6238): a fresh key is shown as base32 text and as a QR code of its
//    otpauth:// URI; it is saved only when the user enters a valid code from their phone.
//    The key travels in a hidden field of the (CSRF-protected) form between the two steps,
//    so no node keeps state (DESIGN "Scale-out"). Switching it off asks for the password.
//  - 修改密码: the current password is required; the new one replaces it and every session
//    of the account ends (ADR 0008), so the user signs in again.
#include <ctime>

#include "domain/password_quality.hpp"
#include "domain/totp.hpp"
#include "http/router.hpp"
#include "web/console/console_pages.hpp"
#include "web/console/page_helpers.hpp"
#include "web/qr_svg.hpp"

namespace zwgk::web::console {

namespace {

std::int64_t now_of(const ConsoleRequest& c) {
  const auto& clock = c.app.options().clock;
  return clock ? clock() : static_cast<std::int64_t>(std::time(nullptr));
}

// The page; `key` is the pending TOTP key (raw) when the factor is not yet on.
http::Response account_page(ConsoleRequest& c, const std::string& key, const std::vector<std::string>& problems,
                            int status = 200) {
  View v{View::type::object};
  v.set("username", c.user.username);
  v.set("display_name", c.user.display_name);
  v.set("role", domain::to_label(c.user.role));
  v.set("totp_enabled", c.user.totp_enabled);
  if (!c.user.totp_enabled) {
    const std::string secret = domain::base32_encode(key);
    const std::string uri = domain::totp_uri("zwgk", c.user.username, key);
    v.set("secret", secret);
    v.set("uri", uri);
    v.set("qr", qr_svg(uri, "两步验证二维码"));
  }
  View list{View::type::list};
  for (const auto& p : problems) list.push_back(View(p));
  v.set("problems", list);
  v.set("has_problems", !problems.empty());
  return c.page("我的账号", "console_account", v, status);
}

}  // namespace

void register_account_pages(ConsoleApp& app, http::Router& router) {
  app.add_navigation("我的账号", "/console/account/", Access::signed_in(), 90);

  app.get(router, "/console/account/", Access::signed_in(), [](ConsoleRequest& c) {
    return account_page(c, c.user.totp_enabled ? std::string() : store::AccountRepository::new_totp_key(), {});
  });

  app.post(router, "/console/account/totp", Access::signed_in(), [](ConsoleRequest& c) {
    if (c.user.totp_enabled) return c.refuse("两步验证已经开启。如需更换密钥，请先关闭再重新设置。", 409);
    const auto key = domain::base32_decode(field(c, "secret"));
    if (!key || key->size() < 16) return account_page(c, store::AccountRepository::new_totp_key(),
                                                      {"密钥无效，请用本页新生成的二维码重新设置"}, 400);
    const std::string code = field(c, "code");
    if (code.empty() || !domain::totp_matches(*key, code, now_of(c)))
      return account_page(c, *key, {"验证码不正确：请输入手机验证器当前显示的 6 位数字（注意手机时间是否准确）"}, 400);
    c.app.accounts().set_totp_key(c.user.id, *key);
    c.audit("kernel.account_totp_enable", "account", std::to_string(c.user.id));
    return c.see_other("/console/account/");
  });

  app.post(router, "/console/account/totp/disable", Access::signed_in(), [](ConsoleRequest& c) {
    if (!c.user.totp_enabled) return c.see_other("/console/account/");
    if (!c.app.accounts().check_password(c.user.id, c.form.value("password")))
      return c.refuse("当前密码不正确，两步验证未关闭。", 400);
    c.app.accounts().set_totp_key(c.user.id, std::nullopt);
    c.audit("kernel.account_totp_disable", "account", std::to_string(c.user.id));
    return c.see_other("/console/account/");
  });

  app.post(router, "/console/account/password", Access::signed_in(), [](ConsoleRequest& c) {
    auto accounts = c.app.accounts();
    std::vector<std::string> problems;
    const std::string current = c.form.value("current_password"), next = c.form.value("new_password");
    if (!accounts.check_password(c.user.id, current)) problems.push_back("当前密码不正确");
    if (next != c.form.value("confirm_password")) problems.push_back("两次输入的新密码不一致");
    if (!next.empty() && next == current) problems.push_back("新密码不能与当前密码相同");
    for (auto& p : domain::password_problems(next, c.user.username)) problems.push_back(p);
    if (!problems.empty())
      return account_page(c, c.user.totp_enabled ? std::string() : store::AccountRepository::new_totp_key(), problems,
                          400);
    accounts.set_password(c.user.id, next);  // ends every session, this one too
    c.audit("kernel.account_password_change", "account", std::to_string(c.user.id));
    auto r = http::Response::redirect("/console/login?changed=1", 303);
    r.set_header("Cache-Control", "no-store");
    return r;
  });
}

}  // namespace zwgk::web::console
