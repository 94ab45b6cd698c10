#include <gtest/gtest.h>

#include "domain/utf8.hpp"

using namespace zwgk::domain;

TEST(Utf8, ValidText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("abc"));
  EXPECT_TRUE(is_valid_utf8("湘办发〔2016〕41号"));
  EXPECT_TRUE(is_valid_utf8("\xF0\xA0\x80\x80"));  // U+20000, CJK Extension B
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(is_valid_utf8(std::string_view("a\0b", 3)));
}

TEST(Utf8, IllFormedText) {
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong "/"
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE7\x8E"));          // truncated 王
  EXPECT_FALSE(is_valid_utf8("ok\xE7"));
}

TEST(Utf8, DecodeReplacesMaximalSubparts) {
  // Unicode §3.9: a truncated sequence is one U+FFFD; a byte that cannot start one is one each.
  const std::string_view truncated = "\xE7\x8E" "a";
  Utf8Char c = decode_utf8(truncated, 0);
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.code_point, kReplacementCharacter);
  EXPECT_EQ(c.length, 2u);
  c = decode_utf8("\xED\xA0\x80", 0);  // surrogate: ED alone is the maximal subpart
  EXPECT_EQ(c.length, 1u);
  c = decode_utf8("\xF0\xA0\x80", 0);  // truncated at the end of input
  EXPECT_FALSE(c.valid);
  EXPECT_EQ(c.length, 3u);
  c = decode_utf8("王", 0);
  EXPECT_TRUE(c.valid);
  EXPECT_EQ(c.code_point, U'王');
  EXPECT_EQ(c.length, 3u);
}

TEST(Utf8, AppendRoundTrips) {
  for (const char32_t cp : {U'a', U'\u00E9', U'王', U'\U00020000', U'\U0010FFFF'}) {
    std::string s;
    append_utf8(s, cp);
    ASSERT_TRUE(is_valid_utf8(s));
    const Utf8Char c = decode_utf8(s, 0);
    EXPECT_EQ(c.code_point, cp);
    EXPECT_EQ(c.length, s.size());
  }
}
