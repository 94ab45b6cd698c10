// 本周热门搜索 rules (domain/hot_query_rules.hpp): personal data is never counted, sensitive
// words are never shown, ordinary queries pass.
#include <gtest/gtest.h>

#include "domain/hot_query_rules.hpp"

namespace zwgk::domain {
namespace {

const Date kToday = *Date::parse("2026-03-02");

TEST(HotQueryRules, PersonalDataIsRefusedInEveryFormTheScanKnows) {
  for (const char* text : {"43052219910317246X", "身份证43052219910317246x查询", "13812345678", "138-1234-5678",
                           "+86 138 1234 5678", "6222021234567890128", "zhangsan@example.com", "张三 13973955502",
                           "４３０５２２１９９１０３１７２４６Ｘ"}) {
    EXPECT_TRUE(hot_query_personal_data(text, kToday)) << text;
    EXPECT_TRUE(hot_query_problem(text, {}, kToday)) << text;
  }
}

TEST(HotQueryRules, LongDigitRunsAreRefusedEvenWhenNoChecksumPasses) {
  // A mistyped ID, a partial phone number, a QQ number: 7 digits or more.
  for (const char* text : {"4305221991031", "1381234567", "1234567", "123 4567", "12-34-567"})
    EXPECT_TRUE(hot_query_personal_data(text, kToday)) << text;
  for (const char* text : {"2024年预算", "邵政办发〔2017〕12号", "123456", "12345 热线"})
    EXPECT_FALSE(hot_query_personal_data(text, kToday)) << text;
}

TEST(HotQueryRules, SensitiveWordsBlockShowingNotCounting) {
  const std::vector<std::string> words{"机密", "Secret"};
  EXPECT_FALSE(hot_query_personal_data("内部机密文件", kToday));
  ASSERT_TRUE(hot_query_problem("内部机密文件", words, kToday));
  EXPECT_EQ(*hot_query_problem("内部机密文件", words, kToday), "含有敏感词");
  EXPECT_TRUE(hot_query_problem("top SECRET", words, kToday));
  EXPECT_FALSE(hot_query_problem("政务公开", words, kToday));
  EXPECT_FALSE(hot_query_problem("低保", {}, kToday));
}

}  // namespace
}  // namespace zwgk::domain
