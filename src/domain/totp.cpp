#include "domain/totp.hpp"

#include <liboath/oath.h>

#include <cctype>
#include <cstdlib>
#include <mutex>

namespace zwgk::domain {

namespace {
void ensure_oath() {
  static std::once_flag once;
  std::call_once(once, [] { oath_init(); });
}
std::string percent(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}
}  // namespace

std::string totp_code(std::string_view key, std::int64_t now, unsigned digits) {
  ensure_oath();
  char out[16] = {0};
  if (oath_totp_generate(key.data(), key.size(), static_cast<time_t>(now), OATH_TOTP_DEFAULT_TIME_STEP_SIZE, 0,
                         digits, out) != OATH_OK)
    return {};
  return out;
}

bool totp_matches(std::string_view key, std::string_view code, std::int64_t now, unsigned window) {
  ensure_oath();
  std::string digits;
  for (char c : code) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return false;
    digits += c;
  }
  if (digits.size() != 6) return false;
  return oath_totp_validate(key.data(), key.size(), static_cast<time_t>(now), OATH_TOTP_DEFAULT_TIME_STEP_SIZE, 0,
                            window, digits.c_str()) >= 0;
}

std::string base32_encode(std::string_view raw) {
  ensure_oath();
  char* out = nullptr;
  std::size_t len = 0;
  if (oath_base32_encode(raw.data(), raw.size(), &out, &len) != OATH_OK) return {};
  std::string s(out, len);
  std::free(out);
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s;
}

std::optional<std::string> base32_decode(std::string_view text) {
  ensure_oath();
  std::string clean;
  for (char c : text)
    if (c != ' ' && c != '=') clean += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  while (clean.size() % 8 != 0) clean += '=';
  char* out = nullptr;
  std::size_t len = 0;
  if (oath_base32_decode(clean.data(), clean.size(), &out, &len) != OATH_OK) return std::nullopt;
  std::string s(out, len);
  std::free(out);
  return s;
}

std::string totp_uri(std::string_view issuer, std::string_view account, std::string_view key) {
  return "otpauth://totp/" + percent(issuer) + ":" + percent(account) + "?secret=" + base32_encode(key) +
         "&issuer=" + percent(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace zwgk::domain
