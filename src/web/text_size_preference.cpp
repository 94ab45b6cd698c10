#include "web/text_size_preference.hpp"

#include <functional>

#include "web/page_error.hpp"
#include "web/query_params.hpp"

namespace zwgk::web {
namespace {

// Sets (on=1) or clears (on=0) the cookie and sends the reader back to the page.
http::Response preference_redirect(const http::Request& req, const char* cookie, const char* bad_on_message) {
  auto on = single_param(req, "on");
  if (!on || (*on != "1" && *on != "0")) throw bad_request(bad_on_message);
  auto ret = single_param(req, "return");
  http::Response r = http::Response::redirect(safe_return_path(ret ? *ret : "/"), 303);
  if (*on == "1") {
    r.add_header("Set-Cookie", std::string(cookie) + "=1; Path=/; Max-Age=31536000; SameSite=Lax");
  } else {
    r.add_header("Set-Cookie", std::string(cookie) + "=; Path=/; Max-Age=0; SameSite=Lax");
  }
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

bool preference_cookie_set(const http::Request& req, std::string_view name) {
  auto header = req.header("cookie");
  if (!header) return false;
  std::string_view rest = *header;
  while (!rest.empty()) {
    auto semi = rest.find(';');
    std::string_view part = rest.substr(0, semi);
    while (!part.empty() && (part.front() == ' ' || part.front() == '\t')) part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '\t')) part.remove_suffix(1);
    if (part.size() == name.size() + 2 && part.substr(0, name.size()) == name && part.substr(name.size()) == "=1")
      return true;
    if (semi == std::string_view::npos) break;
    rest.remove_prefix(semi + 1);
  }
  return false;
}

bool large_text_cookie_set(const http::Request& req) { return preference_cookie_set(req, kLargeTextCookie); }
bool contrast_cookie_set(const http::Request& req) { return preference_cookie_set(req, kContrastCookie); }

std::string safe_return_path(std::string_view c) {
  if (c.empty() || c.size() > 2048 || c.front() != '/') return "/";
  if (c.size() > 1 && (c[1] == '/' || c[1] == '\\')) return "/";  // "//evil.example" is another host
  for (unsigned char ch : c) {
    if (ch < 0x21 || ch == 0x7f || ch == '\\' || ch >= 0x80) return "/";  // raw targets are ASCII
  }
  return std::string(c);
}

http::Response large_text_preference(const http::Request& req) {
  return preference_redirect(req, kLargeTextCookie, "参数 on 必须是 1（大字版）或 0（标准版）");
}

http::Response contrast_preference(const http::Request& req) {
  return preference_redirect(req, kContrastCookie, "参数 on 必须是 1（高对比度）或 0（标准配色）");
}

http::Response text_size_stylesheet(const http::Request& req, const ReaderStylesheets& css) {
  const bool large = large_text_cookie_set(req);
  const bool contrast = contrast_cookie_set(req);
  http::Response r;
  r.content_type = "text/css; charset=utf-8";
  if (large) r.body += css.large_css;
  if (contrast) r.body += (large ? "\n" : "") + css.contrast_css;
  if (r.body.empty()) r.body = "/* 标准字号、标准配色 */\n";
  r.set_header("Cache-Control", "no-cache, private");
  r.set_header("Vary", "Cookie");
  r.etag = std::string("\"") + (large ? "L" : "") + (contrast ? "C" : "") + "-" +
           std::to_string(std::hash<std::string>{}(r.body)) + "\"";
  return r;
}

}  // namespace zwgk::web
