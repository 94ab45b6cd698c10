// The build keeps asserts on in every build type (ADR 0021): the page cache's invariant
// checks and the other "cannot happen" asserts run in the tests, which use the Release build.
#include <gtest/gtest.h>

TEST(BuildFlags, AssertsAreOn) {
#ifdef NDEBUG
  ADD_FAILURE() << "NDEBUG is defined: ADR 0021 keeps asserts on; see CMakeLists.txt";
#endif
}
