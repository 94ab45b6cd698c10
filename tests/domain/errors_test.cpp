#include <gtest/gtest.h>

#include "domain/errors.hpp"

using zwgk::domain::ValidationError;

TEST(ValidationError, JoinsProblemsWithChineseSemicolon) {
  const ValidationError e({"缺少标题", "缺少发文日期"});
  EXPECT_STREQ(e.what(), "缺少标题；缺少发文日期");
  ASSERT_EQ(e.problems().size(), 2u);
  EXPECT_EQ(e.problems()[1], "缺少发文日期");
}

TEST(ValidationError, SingleProblem) {
  try {
    throw ValidationError({"文号格式不正确"});
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "文号格式不正确");
  }
}
