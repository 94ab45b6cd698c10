// One item a line: the empty lines (and a Windows line end) are not items; joined back, each
// item ends with its own line break.
#include "domain/text_lines.hpp"

#include <gtest/gtest.h>

namespace zwgk::domain {
namespace {

TEST(TextLines, SplitWithoutTheEmptyLinesAndJoinBack) {
  EXPECT_EQ(non_empty_lines("a@example.cn\r\n\n b \nc"), (std::vector<std::string>{"a@example.cn", " b ", "c"}));
  EXPECT_TRUE(non_empty_lines("").empty());
  EXPECT_TRUE(non_empty_lines("\n\r\n").empty());
  EXPECT_EQ(joined_lines({"一", "二"}), "一\n二\n");
  EXPECT_EQ(non_empty_lines(joined_lines({"一", "二"})), (std::vector<std::string>{"一", "二"}));
}

}  // namespace
}  // namespace zwgk::domain
