#pragma once
// How a citizen's contact data must look, wherever a form asks for it (依申请公开, 信箱).
#include <regex>
#include <string>

#include "domain/email_address.hpp"

namespace zwgk::domain {

// One rule for an e-mail address everywhere: the one the outbox sends to (email_address.hpp).
inline bool is_valid_email(const std::string& s) { return is_valid_email_address(s); }

// 手机号码: 11 digits, 1[3-9]….
inline bool is_valid_mobile(const std::string& s) {
  static const std::regex re(R"(^1[3-9]\d{9}$)");
  return std::regex_match(s, re);
}

// Mobile (11 digits, 1[3-9]…) or landline with optional area code and extension:
// 13800138000, 0739-5321234, 07395321234, 010-12345678-801, 5321234.
inline bool is_valid_phone(const std::string& s) {
  static const std::regex re(R"(^(1[3-9]\d{9}|(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?)$)");
  return std::regex_match(s, re);
}

}  // namespace zwgk::domain
