// See chinese_numerals.hpp.
#include "domain/chinese_numerals.hpp"

#include <string>

#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

std::u32string code_points_of(std::string_view s) {
  std::u32string out;
  for (std::size_t at = 0; at < s.size();) {
    const auto c = decode_utf8(s, at);
    out.push_back(c.code_point);
    at += c.length ? c.length : 1;
  }
  return out;
}

}  // namespace

int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

int chinese_unit(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}

std::optional<int> chinese_numeral_value(std::string_view text) {
  const auto u = code_points_of(text);
  if (u.empty()) return std::nullopt;
  int total = 0, digit = -1, last_unit = 100000;
  bool any = false;
  for (std::size_t k = 0; k < u.size(); ++k) {
    const int d = chinese_digit(u[k]);
    const int unit = chinese_unit(u[k]);
    if (d >= 0) {
      if (digit > 0) return std::nullopt;  // two digits in a row ("五五") is not a numeral
      digit = d;
      any = true;
    } else if (unit > 0) {
      if (unit >= last_unit) return std::nullopt;
      if (digit < 0 && unit != 10) return std::nullopt;  // "百" alone; but "十一" = 11
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
      last_unit = unit;
      any = true;
    } else {
      return std::nullopt;
    }
  }
  if (!any) return std::nullopt;
  if (digit > 0) total += digit;
  return total;
}

}  // namespace zwgk::domain
