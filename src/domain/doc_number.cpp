// 文号 (e.g. 邵政办发〔2017〕12号). The year is put in 六角括号 〔〕 by GB/T 9704-2012; typed
// or imported numbers use look-alikes — [2017], ［2017］, (2017), （2017）, 【2017】 — which
// are the same number, so they are normalised before comparing or storing.
#include "domain/doc_number.hpp"

#include <string>

#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Utf8Char c = decode_utf8(s, i);  // an ill-formed sequence becomes U+FFFD
    out.push_back(c.code_point);
    i += c.length;
  }
  return out;
}

std::string encode(const std::u32string& s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t cp : s) append_utf8(out, cp);
  return out;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\f' || c == U'\v' ||
         c == 0x00A0 || c == 0x3000;
}

bool is_open(char32_t c) {
  return c == U'〔' || c == U'[' || c == U'［' || c == U'(' || c == U'（' || c == U'【' || c == U'﹝' ||
         c == U'〖';
}

bool is_close(char32_t c) {
  return c == U'〕' || c == U']' || c == U'］' || c == U')' || c == U'）' || c == U'】' || c == U'﹞' ||
         c == U'〗';
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

}  // namespace

std::string normalize_doc_number(std::string_view raw) {
  std::u32string in = decode(raw);
  // Full-width digits ０-９ -> 0-9; drop every kind of space (a 文号 has none).
  std::u32string s;
  s.reserve(in.size());
  for (char32_t c : in) {
    if (c >= U'０' && c <= U'９') c = U'0' + (c - U'０');
    if (!is_space(c)) s.push_back(c);
  }
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_open(s[i]) && i + 5 < s.size() && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
        is_digit(s[i + 3]) && is_digit(s[i + 4]) && is_close(s[i + 5])) {
      out += U'〔';
      out.append(s, i + 1, 4);
      out += U'〕';
      i += 5;
      continue;
    }
    out.push_back(s[i]);
  }
  return encode(out);
}

}  // namespace zwgk::domain
