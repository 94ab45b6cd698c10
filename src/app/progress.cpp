#include "app/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace zwgk::app {
namespace {
constexpr auto kTtyInterval = std::chrono::milliseconds(100);   // at most ~10 redraws a second
constexpr auto kPlainInterval = std::chrono::milliseconds(5000);  // a line every 5 seconds
constexpr int kBarWidth = 24;
}  // namespace

Progress::Progress(std::string label, std::int64_t total, std::FILE* out)
    : Progress(std::move(label), total, out, out && ::isatty(::fileno(out)) == 1, kPlainInterval) {}

Progress::Progress(std::string label, std::int64_t total, std::FILE* out, bool tty,
                   std::chrono::milliseconds plain_interval)
    : label_(std::move(label)),
      total_(total),
      out_(out),
      tty_(tty),
      interval_(tty ? kTtyInterval : plain_interval),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  if (!finished_ && drawn_ && tty_ && out_) {
    std::fputc('\n', out_);  // leave the terminal on a fresh line if finish() was skipped
    std::fflush(out_);
  }
}

void Progress::advance(std::int64_t n) {
  done_ += n;
  if (!out_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ >= interval_) {
    last_draw_ = now;
    draw(false);
  }
}

void Progress::finish() {
  if (finished_) return;
  finished_ = true;
  if (out_) draw(true);
}

std::string Progress::format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "--:--";
  auto s = static_cast<long long>(seconds + 0.5);
  const long long h = s / 3600, m = (s / 60) % 60, sec = s % 60;
  char buf[48];
  if (h > 0)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", h, m, sec);
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", m, sec);
  return buf;
}

void Progress::draw(bool final) {
  drawn_ = true;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0.0;
  const bool known = total_ > 0;
  const double fraction = known ? std::clamp(static_cast<double>(done_) / static_cast<double>(total_), 0.0, 1.0) : 0.0;
  char rate_buf[32];
  std::snprintf(rate_buf, sizeof rate_buf, "%.0f/s", rate);

  std::string line;
  if (tty_) {
    line += '\r';
    line += label_;
    if (known) {
      const int filled = static_cast<int>(fraction * kBarWidth);
      line += " [";
      line.append(static_cast<std::size_t>(filled), '#');
      line.append(static_cast<std::size_t>(kBarWidth - filled), '-');
      line += "]";
      char pct[16];
      std::snprintf(pct, sizeof pct, " %3d%%", static_cast<int>(fraction * 100));
      line += pct;
    }
    line += "  " + std::to_string(done_);
    if (known) line += "/" + std::to_string(total_);
    line += "  ";
    line += rate_buf;
    if (final) {
      line += "  用时 " + format_duration(elapsed);
    } else if (known && rate > 0) {
      line += "  剩余 " + format_duration(static_cast<double>(total_ - done_) / rate);
    }
    line += "\x1b[K";  // clear what a longer previous line left
    if (final) line += '\n';
  } else {
    line += label_ + ": " + std::to_string(done_);
    if (known) {
      char pct[16];
      std::snprintf(pct, sizeof pct, " (%d%%)", static_cast<int>(fraction * 100));
      line += "/" + std::to_string(total_) + pct;
    }
    line += ", ";
    line += rate_buf;
    if (final)
      line += ", 完成，用时 " + format_duration(elapsed);
    else if (known && rate > 0)
      line += ", 剩余 " + format_duration(static_cast<double>(total_ - done_) / rate);
    line += '\n';
  }
  std::fputs(line.c_str(), out_);
  std::fflush(out_);
}

}  // namespace zwgk::app
