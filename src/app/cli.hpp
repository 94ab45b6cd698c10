#pragma once
// The `zwgk` command line: serve, migrate, demo, import, export (README "Commands").
// Exit codes: 0 success; 1 the command failed (database, file, listen socket);
// 2 the command line or the configuration is wrong. Every failure is one line on stderr.
#include <string>

namespace zwgk::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

int run_cli(int argc, char** argv);

// A failure the command reports as one line "zwgk: <message>" with an exit code.
struct CommandError {
  int exit_code = kExitFailure;
  std::string message;
};

}  // namespace zwgk::app
