// The password rule (libpwquality + cracklib's dictionary): a security review found "12345678" and
// "password" accepted.
#include "domain/password_quality.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace zwgk::domain {
namespace {

bool refused_with(const std::string& password, const std::string& reason, const std::string& user = "") {
  const auto p = password_problems(password, user);
  return std::any_of(p.begin(), p.end(), [&](const std::string& x) { return x.find(reason) != std::string::npos; });
}

TEST(PasswordQuality, WeakPasswordsAreRefusedWithAChineseReason) {
  EXPECT_TRUE(refused_with("12345678", "密码至少 10 个字符"));
  EXPECT_TRUE(refused_with("password", "密码至少 10 个字符"));
  EXPECT_TRUE(refused_with("", "密码至少 10 个字符"));
  EXPECT_TRUE(refused_with("password12", "常见单词"));  // a dictionary word: the dictionary is used
  EXPECT_TRUE(refused_with("qwertyuiop", "弱口令词典"));
  EXPECT_TRUE(refused_with("1234567890", "过于简单或有规律"));
  EXPECT_TRUE(refused_with("abcdefghij", "过于简单或有规律"));
  EXPECT_TRUE(refused_with("aaaaaaaaaaaa", "回文"));
  EXPECT_TRUE(refused_with("zhangsan2024x", "密码不能包含用户名", "zhangsan"));
  EXPECT_TRUE(refused_with(std::string(129, 'q'), "密码最多 128 个字节"));
  EXPECT_TRUE(refused_with(std::string("abc\0defghijkl", 13), "空字符"));
}

TEST(PasswordQuality, ReasonablePasswordsPass) {
  for (const char* ok : {"correct horse", "battery staple", "Zwgk-Test-2024!", "s3cret-pass-word", "邵阳市政务公开2024"})
    EXPECT_TRUE(password_problems(ok, "zhangsan").empty()) << ok << ": " << password_problems(ok, "zhangsan").front();
}

}  // namespace
}  // namespace zwgk::domain
