#include "web/text_size_preference.hpp"

#include <functional>

#include "web/page_error.hpp"
#include "web/query_params.hpp"

namespace zwgk::web {

bool large_text_cookie_set(const http::Request& req) {
  auto header = req.header("cookie");
  if (!header) return false;
  std::string_view rest = *header;
  while (!rest.empty()) {
    auto semi = rest.find(';');
    std::string_view part = rest.substr(0, semi);
    while (!part.empty() && (part.front() == ' ' || part.front() == '\t')) part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '\t')) part.remove_suffix(1);
    if (part == std::string_view("zwgk_large=1")) return true;
    if (semi == std::string_view::npos) break;
    rest.remove_prefix(semi + 1);
  }
  return false;
}

std::string safe_return_path(std::string_view c) {
  if (c.empty() || c.size() > 2048 || c.front() != '/') return "/";
  if (c.size() > 1 && (c[1] == '/' || c[1] == '\\')) return "/";  // "//evil.example" is another host
  for (unsigned char ch : c) {
    if (ch < 0x21 || ch == 0x7f || ch == '\\' || ch >= 0x80) return "/";  // raw targets are ASCII
  }
  return std::string(c);
}

http::Response large_text_preference(const http::Request& req) {
  auto on = single_param(req, "on");
  if (!on || (*on != "1" && *on != "0")) throw bad_request("参数 on 必须是 1（大字版）或 0（标准版）");
  auto ret = single_param(req, "return");
  http::Response r = http::Response::redirect(safe_return_path(ret ? *ret : "/"), 303);
  if (*on == "1") {
    r.add_header("Set-Cookie", std::string(kLargeTextCookie) + "=1; Path=/; Max-Age=31536000; SameSite=Lax");
  } else {
    r.add_header("Set-Cookie", std::string(kLargeTextCookie) + "=; Path=/; Max-Age=0; SameSite=Lax");
  }
  r.set_header("Cache-Control", "no-store");
  return r;
}

http::Response text_size_stylesheet(const http::Request& req, const std::string& large_css) {
  const bool large = large_text_cookie_set(req);
  http::Response r;
  r.content_type = "text/css; charset=utf-8";
  r.body = large ? large_css : std::string("/* 标准字号 */\n");
  r.set_header("Cache-Control", "no-cache, private");
  r.set_header("Vary", "Cookie");
  r.etag = large ? "\"large-" + std::to_string(std::hash<std::string>{}(large_css)) + "\"" : "\"normal\"";
  return r;
}

}  // namespace zwgk::web
