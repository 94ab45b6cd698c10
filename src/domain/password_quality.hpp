#pragma once
// 密码强度: the one rule every new password passes — the console (add user, reset a user's
// password, change my password) and the command line (`zwgk user add`, `zwgk user
// passwd`) all reach it through store::AccountRepository::create / set_password.
//
// The check is libpwquality (Debian's libpwquality-dev; docs/adr/0018-...): at least
// kMinPasswordLength characters, not a cracklib dictionary word or a simple/systematic
// string (the dictionary of cracklib-runtime, /var/cache/cracklib/cracklib_dict.*), not a
// palindrome, not containing the user name. The library's defaults are used, never the
// machine's /etc/security/pwquality.conf, so every node and every test judges alike.
// Its error codes become Chinese reasons (password_quality.cpp lists them).
#include <cstddef>
#include <string>
#include <vector>

namespace zwgk::domain {

inline constexpr int kMinPasswordLength = 10;        // OWASP: at least 8; we ask 10
inline constexpr std::size_t kMaxPasswordBytes = 128;  // argon2 takes more; a form should not

// Chinese reasons why `password` is refused for the account `username` (empty = fine).
std::vector<std::string> password_problems(const std::string& password, const std::string& username = "");

}  // namespace zwgk::domain
