#pragma once
// Single byte ranges (RFC 9110 14): "bytes=a-b", "bytes=a-", "bytes=-n".
#include <cstddef>
#include <string_view>

namespace zwgk::http {

struct ByteRange {
  enum class Kind {
    Ignore,          // no usable Range: malformed, not bytes, or several ranges -> send 200
    Satisfiable,     // send 206 with [first, last]
    Unsatisfiable,   // send 416
  };
  Kind kind = Kind::Ignore;
  std::size_t first = 0;
  std::size_t last = 0;  // inclusive
};

// Interprets a Range header against a representation of `size` bytes.
ByteRange parse_range(std::string_view header, std::size_t size);

}  // namespace zwgk::http
