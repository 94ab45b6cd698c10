// 申请编号 and 查询码: see tracking_number.hpp.
#include "domain/tracking_number.hpp"

#include <cstdio>

namespace zwgk::domain {

std::string format_tracking_number(int year, long long serial) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "YSQ-%04d-%06lld", year, serial);
  return buf;
}

bool is_tracking_number(std::string_view s) {
  if (s.size() < 15 || s.size() > 20 || s.substr(0, 4) != "YSQ-" || s[8] != '-') return false;
  for (std::size_t i = 4; i < s.size(); ++i)
    if (i != 8 && (s[i] < '0' || s[i] > '9')) return false;
  return true;
}

std::optional<std::string> normalise_tracking_number(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  if (!is_tracking_number(out)) return std::nullopt;
  return out;
}

std::optional<std::string> normalise_query_code(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kQueryCodeAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    out += c;
  }
  if (out.size() != kQueryCodeLength) return std::nullopt;
  return out;
}

}  // namespace zwgk::domain
