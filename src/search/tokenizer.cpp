// The search token scheme: bigrams of all adjacent characters + the unigram of each word
// character at its first occurrence (tokenizer.hpp states the terms and invariants; the
// scanning loop is visit_tokens there).
#include "search/tokenizer.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "search/normalizer.hpp"
#include "domain/utf8.hpp"

namespace zwgk::search {

namespace detail {

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

bool is_space_character(char32_t c) { return is_search_space(c); }

void decode_next(std::string_view text, std::size_t at, char32_t& code_point, std::size_t& length, bool& valid) {
  const Utf8Char c = decode_utf8(text, at);
  code_point = c.code_point;
  length = c.length;
  valid = c.valid;
}

}  // namespace detail

void for_each_token(std::string_view text, const std::function<void(const Token&)>& sink) {
  Token token;
  visit_tokens(text, [&](const TokenView& t) {
    token.text.assign(t.text);
    token.position = t.position;
    token.begin = t.begin;
    token.end = t.end;
    token.kind = t.kind;
    sink(token);
    return true;
  });
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
