// Range header parsing. Only a single range is served: a multipart/byteranges reply is
// allowed to be replaced by the whole representation (RFC 9110 14.2), which we do.
#include "http/range.hpp"

#include <charconv>
#include <limits>

#include "http/ascii.hpp"

namespace zwgk::http {

namespace {

// Parses all of s as a decimal number; false if empty, not digits or too large.
bool parse_number(std::string_view s, std::size_t& out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

ByteRange parse_range(std::string_view header, std::size_t size) {
  using Kind = ByteRange::Kind;
  header = ascii::trim(header);
  constexpr std::string_view unit = "bytes=";
  if (header.size() < unit.size() || !ascii::iequals(header.substr(0, unit.size()), unit)) {
    return {};
  }
  auto spec = ascii::trim(header.substr(unit.size()));
  if (spec.find(',') != std::string_view::npos) return {};
  auto dash = spec.find('-');
  if (dash == std::string_view::npos) return {};
  auto a = ascii::trim(spec.substr(0, dash));
  auto b = ascii::trim(spec.substr(dash + 1));

  if (a.empty()) {  // suffix: the last n bytes
    std::size_t n = 0;
    if (!parse_number(b, n)) return {};
    if (n == 0 || size == 0) return {Kind::Unsatisfiable, 0, 0};
    if (n > size) n = size;
    return {Kind::Satisfiable, size - n, size - 1};
  }
  std::size_t first = 0;
  if (!parse_number(a, first)) return {};
  std::size_t last = std::numeric_limits<std::size_t>::max();
  if (!b.empty()) {
    if (!parse_number(b, last)) return {};
    if (last < first) return {};  // invalid range-spec: ignore the header
  }
  if (first >= size) return {Kind::Unsatisfiable, 0, 0};
  if (last >= size) last = size - 1;
  return {Kind::Satisfiable, first, last};
}

}  // namespace zwgk::http
