// Servers started by these tests log at info level (listening, stopping); keep the test
// output to warnings and errors, which are worth reading when a test fails.
#include <spdlog/spdlog.h>

namespace {

const bool kQuiet = [] {
  spdlog::set_level(spdlog::level::warn);
  return true;
}();

}  // namespace
