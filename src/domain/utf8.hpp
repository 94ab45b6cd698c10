#pragma once
// Strict UTF-8 decoding and encoding, shared by 文号 normalisation and the search layer (Unicode 15, §3.9 Table 3-7): no overlong forms,
// no surrogates, nothing above U+10FFFF. An ill-formed sequence decodes as U+FFFD covering its
// "maximal subpart" (§3.9 U+FFFD substitution), so one bad byte costs one replacement
// character, never the rest of the text.
#include <cstddef>
#include <string>
#include <string_view>

namespace zwgk::domain {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

struct Utf8Char {
  char32_t code_point;  // U+FFFD when !valid
  std::size_t length;   // bytes consumed, >= 1 unless at the end of the input
  bool valid;
};

// Decodes the character starting at byte `at` (at < s.size()).
inline Utf8Char decode_utf8(std::string_view s, std::size_t at) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[at + k]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t need;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {kReplacementCharacter, 1, false};
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (at + k >= s.size()) return {kReplacementCharacter, k, false};
    const unsigned char b = byte(k);
    const unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
    if (b < min || b > max) return {kReplacementCharacter, k, false};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, need + 1, true};
}

inline bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(s, i);
    if (!c.valid) return false;
    i += c.length;
  }
  return true;
}

// Appends a scalar value (callers never pass surrogates or values above U+10FFFF).
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// How many characters (字, not bytes) the text has: what a length limit a person reads
// ("200字以内") counts. An ill-formed sequence counts as one character per maximal subpart.
inline std::size_t count_characters(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    const std::size_t len = decode_utf8(s, i).length;
    i += len == 0 ? 1 : len;
  }
  return n;
}

}  // namespace zwgk::domain
