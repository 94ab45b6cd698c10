#pragma once
// Reader preferences (适老化): large text (大字版) and high contrast (高对比度), correct with
// the page cache and without JavaScript.
//
// Public pages are cached per host + request-target, so nothing in their HTML may depend
// on the reader's cookie. The design:
//   * Every page links /preferences/text-size.css. That response is never put in the page
//     cache (no cache tags), carries "Cache-Control: no-cache, private" and "Vary: Cookie",
//     and is the concatenation of static/large.css when the cookie zwgk_large=1 is set and
//     static/contrast.css when zwgk_contrast=1 is set (in that order, so the theme's colours
//     win over large.css's darker greys); an empty stylesheet when neither is. It needs no
//     database, so it is cheap.
//   * Every page carries both links of each pair, "大字版" (/preferences/large-text?on=1&
//     return=<page>) / "标准版" (on=0) and "高对比度" (/preferences/contrast?on=1&...) /
//     "标准配色" (on=0); site.css hides the "back" link of each pair and large.css /
//     contrast.css swap them.
//   * GET /preferences/large-text and GET /preferences/contrast set or clear their cookie
//     (a year, Path=/, SameSite=Lax) and answer 303 to `return` — only a local path ("/..."
//     but not "//" or "/\"), anything else goes to "/". A bad `on` is a 400 page.
//   * static/site.js adds classes "large-text" / "high-contrast" to <html> when the cookies
//     are set (for styles that want a hook) and toggles both without a reload (it sets the
//     cookie itself and reloads the stylesheet); it is an enhancement only.
#include <optional>
#include <string>
#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"

namespace zwgk::web {

inline constexpr const char* kLargeTextCookie = "zwgk_large";
inline constexpr const char* kContrastCookie = "zwgk_contrast";

// True when the request carries the cookie `name` with the value "1".
bool preference_cookie_set(const http::Request& req, std::string_view name);
bool large_text_cookie_set(const http::Request& req);
bool contrast_cookie_set(const http::Request& req);

// A return target that is safe to redirect to (a path on this host), else "/".
std::string safe_return_path(std::string_view candidate);

// GET /preferences/large-text. Throws PageError(400) for an invalid `on`.
http::Response large_text_preference(const http::Request& req);
// GET /preferences/contrast. Throws PageError(400) for an invalid `on`.
http::Response contrast_preference(const http::Request& req);

// The rules each preference adds: static/large.css and static/contrast.css.
struct ReaderStylesheets {
  std::string large_css;
  std::string contrast_css;
};

// The stylesheet response for the request's cookies.
http::Response text_size_stylesheet(const http::Request& req, const ReaderStylesheets& css);

}  // namespace zwgk::web
