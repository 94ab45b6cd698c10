#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "domain/doc_number.hpp"
#include "search/normalizer.hpp"
#include "search/tokenizer.hpp"

using namespace zwgk::search;

namespace {

std::string without_spaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

}  // namespace

TEST(Normalizer, FullWidthBecomesHalfWidth) {
  EXPECT_EQ(normalize_for_search("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(normalize_for_search("公安部令第１２５号"), "公安部令第125号");
  EXPECT_EQ(normalize_for_search("ｅｍａｉｌ＠ｇｏｖ．ｃｎ"), "email@gov.cn");
}

TEST(Normalizer, CaseIsFolded) {
  EXPECT_EQ(normalize_for_search("PM2.5 GDP Covid"), "pm2.5 gdp covid");
  EXPECT_EQ(normalize_for_search("Straße"), "strasse");
  EXPECT_EQ(normalize_for_search("ＧＤＰ"), "gdp");
}

TEST(Normalizer, TraditionalBecomesSimplified) {
  EXPECT_EQ(normalize_for_search("環境保護"), "环境保护");
  EXPECT_EQ(normalize_for_search("國務院辦公廳關於印發"), "国务院办公厅关于印发");
  EXPECT_EQ(normalize_for_search("政府資訊公開條例"), "政府资讯公开条例");
  EXPECT_EQ(normalize_for_search("环境保护"), "环境保护");  // simplified stays
  EXPECT_EQ(normalize_for_search("環境衞生"), "环境卫生");  // Hong Kong variant 衞 of 衛
  // Compatibility ideographs (NFKC) and CJK Extension B characters survive.
  EXPECT_EQ(normalize_for_search("\uF900"), "岂");  // U+F900 -> U+8C48 豈 -> 岂
  EXPECT_EQ(normalize_for_search("\U00020000"), "\U00020000");
}

TEST(Normalizer, TraditionalPhrasesMatchTheirSimplifiedForm) {
  // OpenCC needs the phrase to convert these; the character classes make them match anyway.
  EXPECT_EQ(normalize_for_search("依申請公開答覆"), normalize_for_search("依申请公开答复"));
  EXPECT_EQ(normalize_for_search("計畫"), normalize_for_search("计划"));
  EXPECT_EQ(normalize_for_search("鐵鍊"), normalize_for_search("铁链"));
  EXPECT_EQ(normalize_for_search("鍛鍊"), normalize_for_search("锻炼"));
  EXPECT_EQ(normalize_for_search("據瞭解"), normalize_for_search("据了解"));
  EXPECT_EQ(query_tokens("回覆"), query_tokens("回复"));
  // ... while the character-by-character property holds: a piece of the phrase still matches.
  EXPECT_NE(normalize_for_search("答覆").find(normalize_for_search("覆")), std::string::npos);
}

TEST(Normalizer, DocumentNumberBracketsAreUnified) {
  for (const char* variant : {"湘办发〔2016〕41号", "湘办发[2016]41号", "湘办发［2016］41号", "湘办发(2016)41号",
                              "湘办发（2016）41号", "湘办发【2016】41号", "湘办发﹝2016﹞41号", "湘办发〖2016〗41号",
                              "湘辦發（２０１６）４１號"}) {
    EXPECT_EQ(normalize_for_search(variant), "湘办发〔2016〕41号") << variant;
  }
  // Every bracket, not only around a year, so a partly typed number still matches.
  EXPECT_EQ(normalize_for_search("湘办发(2016"), "湘办发〔2016");
  EXPECT_EQ(normalize_for_search("第(12)号"), "第〔12〕号");
}

TEST(Normalizer, AgreesWithDocNumberNormalisation) {
  // normalize_doc_number is the canonical 文号; search must not tell it from the raw form.
  for (const char* raw : {"湘办发(2016)41号", "国办函〔2018〕71号", "劳社部发[2008]3号", "公安部令第１２５号",
                          " 邵政办发 （2017） 12号", "国函(2017)号(试行)", "第(12)号", "京政发【2019】 1号"}) {
    const std::string canonical = zwgk::domain::normalize_doc_number(raw);
    EXPECT_EQ(without_spaces(normalize_for_search(canonical)), without_spaces(normalize_for_search(raw))) << raw;
    EXPECT_EQ(query_tokens(canonical).terms.size(), 1u) << raw;
    EXPECT_EQ(tokenize(normalize_for_search(canonical)).size(), tokenize(normalize_for_search(raw)).size()) << raw;
  }
}

TEST(Normalizer, WhiteSpaceIsCollapsedAndTrimmed) {
  EXPECT_EQ(normalize_for_search("  第一章\u3000\u3000总则 \t\r\n 第一条  "), "第一章 总则 第一条");
  EXPECT_EQ(normalize_for_search("a\u00A0b\u2003c"), "a b c");
  EXPECT_EQ(normalize_for_search(std::string_view("a\0b\x01" "c", 5)), "a b c");  // controls too
  EXPECT_EQ(normalize_for_search("环\u200B境\uFEFF保护"), "环境保护");  // default ignorables removed
}

TEST(Normalizer, EmptyAndBlank) {
  EXPECT_EQ(normalize_for_search(""), "");
  EXPECT_EQ(normalize_for_search(" \t\n\u3000"), "");
}

TEST(Normalizer, IllFormedUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(normalize_for_search("ab\xFF" "cd"), "ab\uFFFDcd");
  EXPECT_EQ(normalize_for_search("\xC0\xAF"), "\uFFFD\uFFFD");
  EXPECT_EQ(normalize_for_search("环境\xE4\xBF"), "环境\uFFFD");  // truncated 保
  EXPECT_EQ(normalize_for_search("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_TRUE(is_valid_utf8(normalize_for_search("\x80\x81\xFE\xFF")));
}

TEST(Normalizer, TwoThousandCharactersOfNoiseNeverBreakIt) {
  std::mt19937 rng(20240611);
  for (int round = 0; round < 50; ++round) {
    std::string noise;
    for (int i = 0; i < 2000; ++i) {
      switch (rng() % 4) {
        case 0: noise += static_cast<char>(rng() % 256); break;  // raw bytes, mostly ill-formed
        case 1: noise += "\"*()-[]{}^:+AND NEAR(OR NOT'\\%_\0"[rng() % 33]; break;
        case 2: {
          char32_t cp = static_cast<char32_t>(rng() % 0x110000);
          if (cp >= 0xD800 && cp < 0xE000) cp = U'。';
          append_utf8(noise, cp);
          break;
        }
        default: append_utf8(noise, static_cast<char32_t>(0x4E00 + rng() % 0x5200)); break;
      }
    }
    const std::string once = normalize_for_search(noise);
    ASSERT_TRUE(is_valid_utf8(once));
    EXPECT_EQ(normalize_for_search(once), once) << "round " << round;
    for (const char b : once) ASSERT_FALSE(static_cast<unsigned char>(b) < 0x20 || b == 0x7F);
    const NormalizedText with = normalize_with_offsets(noise);
    EXPECT_EQ(with.text, once);
    (void)query_tokens(noise);
    (void)tokenize(noise);  // not normalised: still must not break
  }
}

TEST(Normalizer, IsIdempotent) {
  for (const char* s : {"ＡＢＣ （２０１６） 環境保護", "Ⅻ ① ㈱ ﬁ ½ ℃", "e\u0301 \u0301x", "【通知】 〔2016〕"}) {
    const std::string once = normalize_for_search(s);
    EXPECT_EQ(normalize_for_search(once), once) << s;
  }
}

TEST(Normalizer, OffsetsLeadBackToTheOriginal) {
  const std::string original = "\u3000ＡＢＣ\u3000\u3000環境\xFF（2016）";
  const NormalizedText n = normalize_with_offsets(original);
  ASSERT_EQ(n.text, "abc 环境\uFFFD〔2016〕");
  const auto original_of = [&](std::string_view normalized_piece) {
    const std::size_t at = n.text.find(normalized_piece);
    const auto [b, e] = n.offsets.to_original(at, at + normalized_piece.size());
    return original.substr(b, e - b);
  };
  EXPECT_EQ(original_of("abc"), "ＡＢＣ");
  EXPECT_EQ(original_of("b"), "Ｂ");
  EXPECT_EQ(original_of(" "), "\u3000\u3000");
  EXPECT_EQ(original_of("环境"), "環境");
  EXPECT_EQ(original_of("\uFFFD"), "\xFF");
  EXPECT_EQ(original_of("〔2016〕"), "（2016）");
  EXPECT_EQ(original_of("16"), "16");
  EXPECT_EQ(n.offsets.characters(), 13u);
}

TEST(Normalizer, OffsetsOfExpansionsCoverTheirSource) {
  const std::string original = "A㈱B";  // ㈱ -> (株) -> 〔株〕
  const NormalizedText n = normalize_with_offsets(original);
  ASSERT_EQ(n.text, "a〔株〕b");
  const std::size_t at = n.text.find("株");
  const auto [b, e] = n.offsets.to_original(at, at + 3);
  EXPECT_EQ(original.substr(b, e - b), "㈱");
  const auto [b2, e2] = n.offsets.to_original(0, n.text.size());
  EXPECT_EQ(b2, 0u);
  EXPECT_EQ(e2, original.size());
  EXPECT_EQ(normalize_with_offsets("").offsets.to_original(0, 0), (std::pair<std::size_t, std::size_t>{0, 0}));
}

TEST(Normalizer, ConcurrentCallsAgree) {
  const std::string text = "國務院辦公廳關於印發《湘办发（２０１６）41号》的通知 ＰＭ２.５";
  const std::string expected = "国务院办公厅关于印发《湘办发〔2016〕41号》的通知 pm2.5";
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) results[t] = normalize_for_search(text);
    });
  for (std::thread& t : threads) t.join();
  for (const std::string& r : results) EXPECT_EQ(r, expected);
}
