#pragma once
// How wide a text shows, in columns: East Asian wide and full-width characters (汉字, 全角
// punctuation, kana, hangul) take 2, everything else 1 (after UAX #11, simplified to the
// blocks zwgk's texts use). Used to size SVG chart labels and spreadsheet columns; a
// measure, not a layout engine. Invalid UTF-8 counts one column per replacement.
#include <string_view>

#include "domain/utf8.hpp"

namespace zwgk::web {

inline bool is_wide_code_point(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

inline int text_columns(std::string_view s) {
  int columns = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = domain::decode_utf8(s, i);
    columns += is_wide_code_point(c.code_point) ? 2 : 1;
    i += c.length == 0 ? 1 : c.length;
  }
  return columns;
}

}  // namespace zwgk::web
