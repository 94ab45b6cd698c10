// zwgk: the one executable. Everything is in src/app/cli.cpp; here only the last line of
// defence: no exception leaves main, so a user never sees "terminate called ..." or a
// stack trace, only one line on stderr and a non-zero exit code.
#include <cstdio>
#include <exception>
#include <string>

#include "app/cli.hpp"

int main(int argc, char** argv) {
  try {
    return zwgk::app::run_cli(argc, argv);
  } catch (const std::exception& e) {
    std::string m = e.what();
    for (auto& c : m)
      if (c == '\n' || c == '\r') c = ' ';
    std::fflush(stdout);
    std::fprintf(stderr, "zwgk: %s\n", m.c_str());
    return zwgk::app::kExitFailure;
  } catch (...) {
    std::fflush(stdout);
    std::fprintf(stderr, "zwgk: 未知错误\n");
    return zwgk::app::kExitFailure;
  }
}
