#include "http/path_pattern.hpp"

namespace zwgk::http {

bool path_matches(std::string_view pattern, std::string_view path) {
  if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/') return false;
  pattern.remove_prefix(1);
  path.remove_prefix(1);
  for (;;) {
    const auto ps = pattern.find('/');
    const auto ts = path.find('/');
    const std::string_view p = pattern.substr(0, ps), t = path.substr(0, ts);
    const bool param = p.size() >= 2 && p.front() == '{' && p.back() == '}';
    if (param ? t.empty() : p != t) return false;
    if ((ps == std::string_view::npos) != (ts == std::string_view::npos)) return false;
    if (ps == std::string_view::npos) return true;
    pattern.remove_prefix(ps + 1);
    path.remove_prefix(ts + 1);
  }
}

}  // namespace zwgk::http
