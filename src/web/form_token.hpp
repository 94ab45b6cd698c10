#pragma once
// The public application form's protection, with no session and no external service:
//  - CSRF: a signed token in a hidden field whose nonce must equal the SameSite=Strict
//    cookie set with the form (a cross-site POST carries no cookie).
//  - Anti-abuse: an arithmetic question rendered as text ("3 加 5 等于几？"); the token
//    carries HMAC(issued_at, nonce, answer), never the answer; a honeypot field that people
//    do not see must stay empty; a token expires after 2 hours and is good for one
//    submission (store/form_nonces.hpp).
// Keys: crypto_auth (HMAC-SHA-512-256) under a key derived from the installation secret.
#include <optional>
#include <string>
#include <string_view>

namespace zwgk::web {

inline constexpr long long kFormTokenLifetimeSeconds = 2 * 60 * 60;
inline constexpr const char* kFormCookie = "ysq_form";
inline constexpr const char* kHoneypotField = "website";

struct IssuedForm {
  std::string token;     // hidden field form_token
  std::string nonce;     // cookie value
  std::string question;  // "3 加 5 等于几？"
};

IssuedForm issue_form_token(std::string_view secret, long long now_unix);

struct FormCheck {
  bool ok = false;
  std::string nonce;    // when ok: consume it once
  std::string refusal;  // Chinese, when !ok
};

// Checks token + cookie + answer + honeypot. `refusal` tells the person what to do.
FormCheck check_form_token(std::string_view secret, long long now_unix, std::string_view token,
                           const std::optional<std::string>& cookie_nonce, std::string_view answer,
                           std::string_view honeypot);

}  // namespace zwgk::web
