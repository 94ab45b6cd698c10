// The search token scheme: unigrams of word characters + bigrams of all adjacent characters
// (tokenizer.hpp states the terms and invariants).
#include "search/tokenizer.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "search/normalizer.hpp"
#include "domain/utf8.hpp"

namespace zwgk::search {

namespace {

bool is_word_character(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_CONNECTOR_PUNCTUATION: case U_DASH_PUNCTUATION: case U_START_PUNCTUATION:
    case U_END_PUNCTUATION: case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION: case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL: case U_FORMAT_CHAR:
    case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR: case U_CONTROL_CHAR:
      return false;
    default:
      return true;  // letters, marks, numbers, private use, unassigned (future ideographs)
  }
}

struct Character {
  std::size_t begin, end;  // bytes
  bool valid, word;
};

}  // namespace

void for_each_token(std::string_view text, const std::function<void(const Token&)>& sink) {
  Token token;
  bool have_previous = false;
  Character previous{};
  std::size_t position = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    const Character current{i, i + c.length, c.valid, c.valid && is_word_character(c.code_point)};
    i += c.length;
    if (c.valid && is_search_space(c.code_point)) continue;
    // Ill-formed bytes stand for U+FFFD, so a token is always valid UTF-8.
    const auto append = [&](std::string& out, const Character& ch) {
      if (ch.valid)
        out.append(text.substr(ch.begin, ch.end - ch.begin));
      else
        append_utf8(out, kReplacementCharacter);
    };
    if (have_previous) {  // the bigram at the previous position
      token.text.clear();
      append(token.text, previous);
      append(token.text, current);
      token.position = position - 1;
      token.begin = previous.begin;
      token.end = current.end;
      token.kind = TokenKind::Bigram;
      sink(token);
    }
    if (current.word) {
      token.text.clear();
      append(token.text, current);
      token.position = position;
      token.begin = current.begin;
      token.end = current.end;
      token.kind = TokenKind::Unigram;
      sink(token);
    }
    previous = current;
    have_previous = true;
    ++position;
  }
}

std::vector<Token> tokenize(std::string_view normalized) {
  std::vector<Token> tokens;
  tokens.reserve(normalized.size() / 2);  // ~2 tokens per 3-byte CJK character
  for_each_token(normalized, [&](const Token& t) { tokens.push_back(t); });
  return tokens;
}

std::vector<std::string> term_phrase(std::string_view normalized_term) {
  std::vector<std::string> unigrams, bigrams;
  bool any_word = false;
  for_each_token(normalized_term, [&](const Token& t) {
    if (t.kind == TokenKind::Unigram) {
      unigrams.push_back(t.text);
      any_word = true;
    } else {
      bigrams.push_back(t.text);
    }
  });
  if (!any_word) return {};
  if (bigrams.empty()) return unigrams;  // one character
  return bigrams;
}

Query query_tokens(std::string_view user_query) {
  const std::string normalized = normalize_for_search(user_query);
  Query query;
  std::size_t start = 0;
  while (start < normalized.size()) {
    std::size_t stop = normalized.find(' ', start);
    if (stop == std::string::npos) stop = normalized.size();
    std::string term = normalized.substr(start, stop - start);
    start = stop + 1;
    std::vector<std::string> phrase = term_phrase(term);
    if (phrase.empty()) continue;
    const bool seen = std::any_of(query.terms.begin(), query.terms.end(),
                                  [&](const QueryTerm& t) { return t.text == term; });
    if (!seen) query.terms.push_back({std::move(term), std::move(phrase)});
  }
  return query;
}

}  // namespace zwgk::search
