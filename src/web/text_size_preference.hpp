#pragma once
// Large-text mode (适老化 / 大字版), correct with the page cache and without JavaScript.
//
// Public pages are cached per host + request-target, so nothing in their HTML may depend
// on the reader's cookie. The design:
//   * Every page links /preferences/text-size.css. That response is never put in the page
//     cache (no cache tags), carries "Cache-Control: no-cache, private" and "Vary: Cookie",
//     and is the content of static/large.css when the cookie zwgk_large=1 is set, an
//     empty stylesheet otherwise. It needs no database, so it is cheap.
//   * Every page carries both links, "大字版" (/preferences/large-text?on=1&return=<page>)
//     and "标准版" (on=0); site.css hides 标准版 and large.css swaps them.
//   * GET /preferences/large-text sets or clears the cookie (a year, Path=/, SameSite=Lax)
//     and answers 303 to `return` — only a local path ("/..." but not "//" or "/\"),
//     anything else goes to "/". A bad `on` is a 400 page.
//   * static/site.js adds class "large-text" to <html> when the cookie is set (for styles
//     that want a hook) and toggles without a reload; it is an enhancement only.
#include <optional>
#include <string>
#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"

namespace zwgk::web {

inline constexpr const char* kLargeTextCookie = "zwgk_large";

bool large_text_cookie_set(const http::Request& req);

// A return target that is safe to redirect to (a path on this host), else "/".
std::string safe_return_path(std::string_view candidate);

// Throws PageError(400) for an invalid `on`.
http::Response large_text_preference(const http::Request& req);

// The stylesheet response for the request's cookie; large_css is static/large.css.
http::Response text_size_stylesheet(const http::Request& req, const std::string& large_css);

}  // namespace zwgk::web
