#pragma once
// Files of ../shared (the workplace's shared folder next to the checkout; CI puts it there too):
// ZWGK_SHARED_DIR if set, else ZWGK_SOURCE_DIR/../shared. Never an absolute path of one machine.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace zwgk::test {

inline std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("ZWGK_SHARED_DIR"); env && *env) return env;
  return std::filesystem::path(ZWGK_SOURCE_DIR) / ".." / "shared";
}

// `relative` under shared_dir(), e.g. "data/demo/shaoyang-2017-zwgk-gongzuo-yaodian.txt".
inline std::filesystem::path shared_path(const std::string& relative) { return shared_dir() / relative; }

// The file's bytes, or nullopt when it is not there (the test says where it looked).
inline std::optional<std::string> read_shared_file(const std::string& relative) {
  std::ifstream in(shared_path(relative), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace zwgk::test
