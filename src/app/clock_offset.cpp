// See clock_offset.hpp.
#include "app/clock_offset.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

namespace zwgk::app {

namespace {

struct OffsetFile {
  std::string path;
  std::mutex mutex;
  std::filesystem::file_time_type seen{};
  long long offset = 0;

  long long current() {
    std::lock_guard lock(mutex);
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(path, ec);
    if (ec) return offset = 0;
    if (t == seen) return offset;
    seen = t;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    const auto b = s.find_first_not_of(" \t\r\n");
    long long v = 0;
    if (b != std::string::npos) {
      const auto r = std::from_chars(s.data() + b, s.data() + s.size(), v);
      if (r.ec != std::errc()) v = 0;
    }
    return offset = v;
  }
};

}  // namespace

domain::UnixClock offset_clock(std::string path) {
  auto file = std::make_shared<OffsetFile>();
  file->path = std::move(path);
  return [file] { return domain::system_unix_seconds() + file->current(); };
}

}  // namespace zwgk::app
