#pragma once
// One line of text for an error message or a log line: newlines, tabs and runs of spaces
// become one space, and the ends are trimmed. Driver and parser messages (SQLite,
// PostgreSQL, nlohmann::json, SOCI) often span lines; a log line and a 400 reason must not.
#include <string>
#include <string_view>

namespace zwgk::domain {

inline std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace zwgk::domain
