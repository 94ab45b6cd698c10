#include "app/progress.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <thread>

namespace {

using zwgk::app::Progress;

std::string read_all(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + what.size())) ++n;
  return n;
}

TEST(Progress, PlainModeWritesPeriodicLinesAndAFinalOne) {
  std::FILE* f = std::tmpfile();
  {
    Progress p("导入", 100, f, false, std::chrono::milliseconds(1000));
    for (int i = 0; i < 100; ++i) p.advance();
    p.finish();
  }
  const auto out = read_all(f);
  std::fclose(f);
  EXPECT_EQ(count(out, "\n"), 1u) << out;  // nothing in between: the interval did not pass
  EXPECT_NE(out.find("导入: 100/100 (100%)"), std::string::npos) << out;
  EXPECT_NE(out.find("完成"), std::string::npos) << out;
  EXPECT_EQ(out.find('\r'), std::string::npos);
}

TEST(Progress, PlainModeIntervalElapses) {
  std::FILE* f = std::tmpfile();
  Progress p("导出", 0, f, false, std::chrono::milliseconds(1));
  p.advance();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  p.advance();
  p.finish();
  const auto out = read_all(f);
  std::fclose(f);
  EXPECT_GE(count(out, "\n"), 2u) << out;
  EXPECT_EQ(out.find("%"), std::string::npos) << out;  // unknown total: no percent
}

TEST(Progress, TerminalModeRedrawsAtMostTenTimesASecond) {
  std::FILE* f = std::tmpfile();
  Progress p("导入", 1'000'000, f, true, std::chrono::milliseconds(0));
  for (int i = 0; i < 1'000'000; ++i) p.advance();
  p.finish();
  const auto out = read_all(f);
  std::fclose(f);
  EXPECT_LE(count(out, "\r"), 12u);  // a million advances in well under a second
  EXPECT_NE(out.find("100%"), std::string::npos) << out;
  EXPECT_NE(out.find("1000000/1000000"), std::string::npos) << out;
  EXPECT_NE(out.find("/s"), std::string::npos) << out;
  EXPECT_TRUE(out.ends_with("\n"));
}

TEST(Progress, FormatsDurations) {
  EXPECT_EQ(Progress::format_duration(0), "0:00");
  EXPECT_EQ(Progress::format_duration(65), "1:05");
  EXPECT_EQ(Progress::format_duration(3600 * 12 + 3), "12:00:03");
  EXPECT_EQ(Progress::format_duration(-1), "--:--");
}

}  // namespace
