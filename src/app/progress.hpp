#pragma once
// A progress bar with rate and ETA on a terminal; plain periodic lines otherwise.
//   TTY:      导入 [##########----------]  50%  5000/10000  1234/s  剩余 0:04
//             redrawn in place (\r) at most ~10 times a second.
//   not TTY:  导入: 5000/10000 (50%), 1234/s      one line every few seconds,
//             and always a final line from finish().
// total <= 0 means unknown: no percent, no bar, no ETA.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace zwgk::app {

class Progress {
 public:
  Progress(std::string label, std::int64_t total, std::FILE* out = stderr);
  // For tests: force TTY or plain mode and the plain-mode interval.
  Progress(std::string label, std::int64_t total, std::FILE* out, bool tty,
           std::chrono::milliseconds plain_interval);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance(std::int64_t n = 1);
  void finish();
  std::int64_t done() const { return done_; }

  // "1:05", "12:00:03" — exposed for tests.
  static std::string format_duration(double seconds);

 private:
  void draw(bool final);
  std::string label_;
  std::int64_t total_, done_ = 0;
  std::FILE* out_;
  bool tty_;
  bool finished_ = false;
  bool drawn_ = false;
  std::chrono::milliseconds interval_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace zwgk::app
