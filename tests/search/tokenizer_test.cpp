#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "search/normalizer.hpp"
#include "search/tokenizer.hpp"

using namespace zwgk::search;

namespace {

std::vector<std::string> texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.text);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST(Tokenizer, CjkRunIsUnigramsAndOverlappingBigrams) {
  const std::vector<Token> tokens = tokenize("环境保护");
  EXPECT_EQ(texts(tokens), (Strings{"环", "环境", "境", "境保", "保", "保护", "护"}));
  const std::vector<Token> expected_head{{"环", 0, 0, 3, TokenKind::Unigram}, {"环境", 0, 0, 6, TokenKind::Bigram},
                                         {"境", 1, 3, 6, TokenKind::Unigram}};
  EXPECT_EQ(std::vector<Token>(tokens.begin(), tokens.begin() + 3), expected_head);
  EXPECT_EQ(tokens.back(), (Token{"护", 3, 9, 12, TokenKind::Unigram}));
}

TEST(Tokenizer, UnigramOnlyAtTheFirstOccurrenceOfACharacter) {
  // Scheme 2: a one-character query asks whether the character occurs, so each character's
  // unigram is indexed once per text; every bigram stays, at every position.
  const std::vector<Token> tokens = tokenize("政府政策政府");
  EXPECT_EQ(texts(tokens), (Strings{"政", "政府", "府", "府政", "政策", "策", "策政", "政府"}));
  EXPECT_EQ(tokens[4].position, 2u);  // 政策 at 2, with no 政 beside it
  EXPECT_EQ(tokens.back().position, 4u);
  EXPECT_EQ(texts(tokenize("1000")), (Strings{"1", "10", "0", "00", "00"}));
}

TEST(Tokenizer, AsciiIsCharacterNgramsToo) {
  // So "016", "41号" and "pm2" are found inside "2016", "41号" and "pm2.5".
  EXPECT_EQ(texts(tokenize("41号")), (Strings{"4", "41", "1", "1号", "号"}));
  EXPECT_EQ(texts(tokenize("pm2.5")), (Strings{"p", "pm", "m", "m2", "2", "2.", ".5", "5"}));
}

TEST(Tokenizer, PunctuationHasNoUnigramButJoinsBigrams) {
  const std::vector<Token> tokens = tokenize("发〔2016〕");
  EXPECT_EQ(texts(tokens), (Strings{"发", "发〔", "〔2", "2", "20", "0", "01", "1", "16", "6", "6〕"}));
  EXPECT_EQ(tokens.back().position, 5u);  // the closing bracket (position 6) has no token
}

TEST(Tokenizer, WhiteSpaceTakesNoPosition) {
  const std::vector<Token> tokens = tokenize("第一章 总则");
  EXPECT_EQ(texts(tokens), (Strings{"第", "第一", "一", "一章", "章", "章总", "总", "总则", "则"}));
  const Token& bridge = tokens[5];
  EXPECT_EQ(bridge.position, 2u);
  EXPECT_EQ(bridge.begin, 6u);
  EXPECT_EQ(bridge.end, 13u);  // spans "章 总"
}

TEST(Tokenizer, EmptyAndSingleCharacter) {
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize(" ").empty());
  EXPECT_TRUE(tokenize("。").empty());
  EXPECT_EQ(texts(tokenize("政")), (Strings{"政"}));
}

TEST(Tokenizer, IllFormedInputIsReadAsReplacementCharacters) {
  const std::vector<Token> tokens = tokenize("a\xFF" "b");
  EXPECT_EQ(texts(tokens), (Strings{"a", "a\uFFFD", "\uFFFDb", "b"}));
  EXPECT_EQ(tokens[1].end, 2u);
}

TEST(Tokenizer, InvariantsHoldOnMixedText) {
  const std::string text = normalize_for_search(
      "国务院办公厅关于印发《湘办发（2016）41号》的通知。 PM2.5、GDP增长6.5%；第一章　总则……“一网通办” ㈱ e\u0301");
  const std::vector<Token> tokens = tokenize(text);
  std::size_t expected_position = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    ASSERT_LE(t.end, text.size());
    ASSERT_LT(t.begin, t.end);
    ASSERT_TRUE(is_valid_utf8(text.substr(t.begin, t.end - t.begin)));  // on character boundaries
    std::string covered = text.substr(t.begin, t.end - t.begin);
    std::erase(covered, ' ');
    EXPECT_EQ(covered, t.text);
    if (i > 0 && tokens[i - 1].position == t.position) {
      // 1, 2: at most a unigram then a bigram at one position.
      EXPECT_EQ(tokens[i - 1].kind, TokenKind::Unigram);
      EXPECT_EQ(t.kind, TokenKind::Bigram);
    } else {
      EXPECT_EQ(t.position, expected_position);  // 3: no position skipped
      ++expected_position;
    }
  }
}

TEST(Tokenizer, StreamingGivesTheSameTokens) {
  const std::string text = normalize_for_search("关于做好2024年政府信息公开工作的通知");
  std::vector<Token> streamed;
  for_each_token(text, [&](const Token& t) { streamed.push_back(t); });
  EXPECT_EQ(streamed, tokenize(text));
}

TEST(QueryTokens, OneCharacterIsItsUnigram) {
  const Query q = query_tokens("政");
  ASSERT_EQ(q.terms.size(), 1u);
  EXPECT_EQ(q.terms[0].phrase, (Strings{"政"}));
}

TEST(QueryTokens, LongerTermIsThePhraseOfItsBigrams) {
  EXPECT_EQ(query_tokens("环境保护").terms.at(0).phrase, (Strings{"环境", "境保", "保护"}));
  EXPECT_EQ(query_tokens("政府").terms.at(0).phrase, (Strings{"政府"}));
  const Query q = query_tokens("湘办发（２０１６）41号");
  ASSERT_EQ(q.terms.size(), 1u);
  EXPECT_EQ(q.terms[0].text, "湘办发〔2016〕41号");
  EXPECT_EQ(q.terms[0].phrase,
            (Strings{"湘办", "办发", "发〔", "〔2", "20", "01", "16", "6〕", "〕4", "41", "1号"}));
}

TEST(QueryTokens, WhiteSpaceSeparatesTermsThatMustAllMatch) {
  const Query q = query_tokens("  上海　口岸 上海 ");
  ASSERT_EQ(q.terms.size(), 2u);  // the repeated term once
  EXPECT_EQ(q.terms[0].text, "上海");
  EXPECT_EQ(q.terms[1].phrase, (Strings{"口岸"}));
}

TEST(QueryTokens, VariantsGiveTheSameQuery) {
  EXPECT_EQ(query_tokens("環境保護"), query_tokens("环境保护"));
  EXPECT_EQ(query_tokens("ＧＤＰ"), query_tokens("gdp"));
  EXPECT_EQ(query_tokens("湘办发[2016]41号"), query_tokens("湘办发〔2016〕41号"));
  EXPECT_EQ(query_tokens("湘办发(2016)41号"), query_tokens("湘办发【2016】41号"));
}

TEST(QueryTokens, SearchSyntaxIsLiteralText) {
  EXPECT_TRUE(query_tokens("\"").empty());  // nothing searchable: the caller asks for a query
  EXPECT_TRUE(query_tokens("*").empty());
  EXPECT_TRUE(query_tokens("-").empty());
  EXPECT_TRUE(query_tokens("(").empty());
  EXPECT_TRUE(query_tokens("】").empty());
  EXPECT_TRUE(query_tokens("\" * - ( ) 。，").empty());
  EXPECT_TRUE(query_tokens("").empty());
  EXPECT_TRUE(query_tokens("\xFF\xFE").empty());
  EXPECT_EQ(query_tokens("AND").terms.at(0).phrase, (Strings{"an", "nd"}));
  EXPECT_EQ(query_tokens("NEAR(").terms.at(0).phrase, (Strings{"ne", "ea", "ar", "r〔"}));
  EXPECT_EQ(query_tokens("政府*").terms.at(0).phrase, (Strings{"政府", "府*"}));
  EXPECT_EQ(query_tokens("\"政府\"").terms.at(0).phrase, (Strings{"\"政", "政府", "府\""}));
  EXPECT_EQ(query_tokens("-低保").terms.at(0).phrase, (Strings{"-低", "低保"}));
  const Query q = query_tokens("低保 OR 政府 NOT x");
  ASSERT_EQ(q.terms.size(), 5u);  // "or" and "not" are words to look for, not operators
  EXPECT_EQ(q.terms[1].text, "or");
}

TEST(QueryTokens, TwoThousandCharactersOfNoise) {
  std::mt19937 rng(7);
  std::string noise;
  for (int i = 0; i < 2000; ++i) append_utf8(noise, static_cast<char32_t>(0x21 + rng() % 0x5E));  // ASCII punctuation and letters
  const Query q = query_tokens(noise);
  std::size_t tokens = 0;
  for (const QueryTerm& t : q.terms) tokens += t.phrase.size();
  EXPECT_GT(tokens, 0u);
  EXPECT_LT(tokens, 2000u);
}
