#pragma once
// A signed-in console user for the web tests: the real server, real cookies, real forms.
#include <regex>
#include <string>

#include "web/http_client.hpp"

namespace zwgk::test {

inline std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    for (const std::string* s : {&k, &v}) {
      for (unsigned char c : *s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
          out += static_cast<char>(c);
        } else {
          out += '%';
          out += hex[c >> 4];
          out += hex[c & 15];
        }
      }
      if (s == &k) out += '=';
    }
  }
  return out;
}

inline HttpResult http_post(std::uint16_t port, const std::string& target, const std::string& body,
                            const std::vector<std::string>& extra_headers = {}) {
  std::string req = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\n";
  for (const auto& h : extra_headers) req += h + "\r\n";
  req += "\r\n" + body;
  return parse_http_response(http_exchange(port, req));
}

// name=value of the first Set-Cookie for `name`, or "".
inline std::string cookie_from(const HttpResult& r, const std::string& name) {
  for (const auto& v : r.all("set-cookie"))
    if (v.rfind(name + "=", 0) == 0) return v.substr(0, v.find(';'));
  return {};
}

inline std::string hidden_value(const std::string& html, const std::string& name) {
  std::smatch m;
  std::regex re("name=\"" + name + "\" value=\"([^\"]*)\"");
  return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

struct ConsoleSession {
  std::uint16_t port = 0;
  std::string cookie;  // "zwgk_session=..."
  std::string csrf;
  HttpResult last_login;

  static ConsoleSession login(std::uint16_t port, const std::string& user, const std::string& password,
                              const std::string& totp = "") {
    ConsoleSession s;
    s.port = port;
    auto form = http_get(port, "/console/login");
    const std::string login_cookie = cookie_from(form, "zwgk_login_csrf");
    s.last_login = http_post(port, "/console/login",
                             form_encode({{"csrf_token", hidden_value(form.body, "csrf_token")},
                                          {"username", user},
                                          {"password", password},
                                          {"totp", totp}}),
                             {"Cookie: " + login_cookie});
    s.cookie = cookie_from(s.last_login, "zwgk_session");
    if (!s.cookie.empty()) s.csrf = hidden_value(s.get("/console/").body, "csrf_token");
    return s;
  }
  HttpResult get(const std::string& target) const { return http_get(port, target, {"Cookie: " + cookie}); }
  HttpResult post(const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                  bool with_csrf = true) const {
    if (with_csrf) fields.insert(fields.begin(), {"csrf_token", csrf});
    return http_post(port, target, form_encode(fields), {"Cookie: " + cookie});
  }
  // multipart/form-data with one file, the CSRF token in the body and in the URL (as the
  // upload forms send it, for the server's check on the request head).
  HttpResult post_file(const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                       const std::string& file_field, const std::string& file_name, const std::string& data) const {
    const std::string boundary = "----zwgkConsoleBoundary4f9a2c";
    fields.insert(fields.begin(), {"csrf_token", csrf});
    std::string body;
    for (const auto& [k, v] : fields)
      body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file_field + "\"; filename=\"" + file_name +
            "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n--" + boundary + "--\r\n";
    const std::string url = target + (target.find('?') == std::string::npos ? "?" : "&") + "csrf_token=" + csrf;
    const std::string req = "POST " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: " + cookie +
                            "\r\nContent-Type: multipart/form-data; boundary=" + boundary +
                            "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    return parse_http_response(http_exchange(port, req));
  }
};

}  // namespace zwgk::test
