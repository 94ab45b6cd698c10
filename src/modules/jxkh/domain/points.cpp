// See points.hpp.
#include "modules/jxkh/domain/points.hpp"

#include <cstdlib>

namespace zwgk::domain {

std::string format_points(int tenths) {
  const int whole = std::abs(tenths) / 10, frac = std::abs(tenths) % 10;
  std::string out = (tenths < 0 ? "-" : "") + std::to_string(whole);
  if (frac != 0) out += "." + std::to_string(frac);
  return out;
}

std::optional<int> parse_points(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  if (text.front() == '-' || text.front() == '+') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const auto dot = text.find('.');
  const auto whole = text.substr(0, dot);
  const auto frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 5 || (dot != std::string_view::npos && frac.size() != 1)) return std::nullopt;
  int v = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  v *= 10;
  if (!frac.empty()) {
    if (frac[0] < '0' || frac[0] > '9') return std::nullopt;
    v += frac[0] - '0';
  }
  if (v > 100000) return std::nullopt;
  return negative ? -v : v;
}

std::string format_hundredths(long long hundredths) {
  const long long a = hundredths < 0 ? -hundredths : hundredths;
  std::string frac = std::to_string(a % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return (hundredths < 0 ? "-" : "") + std::to_string(a / 100) + "." + frac;
}

}  // namespace zwgk::domain
