#pragma once
// 动态验证码: time-based one-time passwords, RFC 6238 (HMAC-SHA1, 30-second steps, 6
// digits — what every authenticator app shows). Computed by liboath (Debian's
// liboath-dev, see docs/adr/0008-accounts-sessions-csrf.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zwgk::domain {

// The code for unix time `now` (digits 6 or 8).
std::string totp_code(std::string_view key, std::int64_t now, unsigned digits = 6);
// True if `code` (spaces ignored) is the code of the current step or of `window` steps
// before/after it (clock drift of the user's phone).
bool totp_matches(std::string_view key, std::string_view code, std::int64_t now, unsigned window = 1);
// RFC 4648 base32 without padding, as authenticator apps take the key; and back.
std::string base32_encode(std::string_view raw);
std::optional<std::string> base32_decode(std::string_view text);
// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=... (for a QR code).
std::string totp_uri(std::string_view issuer, std::string_view account, std::string_view key);

}  // namespace zwgk::domain
