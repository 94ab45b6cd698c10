// See email_address.hpp.
#include "domain/email_address.hpp"

namespace zwgk::domain {

namespace {

// RFC 5322 3.2.3 atext, ASCII only.
bool atext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  static constexpr std::string_view specials = "!#$%&'*+-/=?^_`{|}~";
  return specials.find(c) != std::string_view::npos;
}

bool valid_local(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '.' || s.back() == '.') return false;
  char prev = 0;
  for (char c : s) {
    if (c == '.' && prev == '.') return false;
    if (c != '.' && !atext(c)) return false;
    prev = c;
  }
  return true;
}

// RFC 5321 4.1.2 Domain: labels of letters, digits and hyphens, not starting or ending
// with a hyphen, at most 63 characters each; at least two labels; the last not all digits.
bool valid_domain(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  int labels = 0;
  std::size_t start = 0;
  bool last_all_digits = false;
  while (start <= s.size()) {
    const std::size_t dot = s.find('.', start);
    const std::string_view label = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    last_all_digits = true;
    for (char c : label) {
      const bool digit = c >= '0' && c <= '9';
      if (!digit && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
      if (!digit) last_all_digits = false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2 && !last_all_digits;
}

}  // namespace

bool is_valid_email_address(std::string_view address) {
  if (address.size() > 254) return false;
  const auto at = address.rfind('@');
  if (at == std::string_view::npos) return false;
  return valid_local(address.substr(0, at)) && valid_domain(address.substr(at + 1));
}

std::string masked_email_address(std::string_view address) {
  if (!is_valid_email_address(address)) return "***";
  const auto at = address.rfind('@');
  return std::string(1, address.front()) + "***" + std::string(address.substr(at));
}

}  // namespace zwgk::domain
