#include "domain/org_code.hpp"

namespace zwgk::domain {

namespace {
// GB 11714: value of a character (digits 0-9, letters A=10 .. Z=35).
int org_char_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<char> organisation_code_check_character(std::string_view body8) {
  static constexpr int weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  if (body8.size() != 8) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    const int v = org_char_value(body8[i]);
    if (v < 0) return std::nullopt;
    sum += v * weights[i];
  }
  const int c = 11 - sum % 11;
  return c == 10 ? 'X' : c == 11 ? '0' : static_cast<char>('0' + c);
}

std::optional<char> credit_code_check_character(std::string_view body17) {
  static constexpr int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  if (body17.size() != 17) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const auto pos = kCreditCodeChars.find(body17[i]);
    if (pos == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(pos) * weights[i];
  }
  const int c = (31 - sum % 31) % 31;
  return kCreditCodeChars[static_cast<std::size_t>(c)];
}

}  // namespace zwgk::domain
