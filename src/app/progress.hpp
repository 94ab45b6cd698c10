#pragma once
// A progress bar with rate and ETA on a terminal; plain periodic lines otherwise.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace zwgk::app {

class Progress {
 public:
  Progress(std::string label, std::int64_t total, std::FILE* out = stderr);
  void advance(std::int64_t n = 1);
  void finish();
 private:
  void draw(bool final);
  std::string label_;
  std::int64_t total_, done_ = 0;
  std::FILE* out_;
  bool tty_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace zwgk::app
