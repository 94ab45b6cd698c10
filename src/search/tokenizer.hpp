#pragma once
// The search tokenizer: the one token scheme both backends index (an FTS5 custom tokenizer
// on SQLite, a pre-tokenised tsvector on PostgreSQL), and the one place a query becomes
// tokens. See docs/adr/0006-search-tokenization.md.
//
// Terms (on normalised text, normalizer.hpp):
//   character  a code point that is not white space (is_search_space). Every character,
//              punctuation included, gets a position: 0, 1, 2, ... White space gets none, so
//              "第一章 总则" is the same character sequence as "第一章总则".
//   word character  a character that is not punctuation (P*), a symbol (S*) or a format
//              control (Cf): letters, digits, CJK ideographs, marks, private-use characters.
//   unigram    the token of one word character, at that character's position.
//   bigram     the token of two adjacent characters (any kind), at the first one's position.
//
// Invariants of tokenize() (the FTS5 tokenizer relies on 2-3):
//   1. Position p carries at most one unigram (characters[p], if a word character) and at
//      most one bigram (characters[p] characters[p+1], if p is not the last position).
//   2. Tokens come in order of position, the unigram before the bigram at a position: the
//      first token at a position is a new FTS5 position, a second one is FTS5_TOKEN_COLOCATED.
//   3. No position is skipped: every position but the last has a bigram.
//   4. [begin, end) are byte offsets into the normalised text on character boundaries; a
//      bigram spans both characters (and the space between them, if any).
//
// Matching (query_tokens): a query is cut at white space into terms; a document matches when
// it matches every term. A term of one character matches its unigram; a term of n >= 2
// characters matches its n-1 bigrams at consecutive positions (a phrase). A document whose
// normalised text contains the term as a substring therefore always matches (100% recall
// against a substring scan; measured in tests/search/recall_test.cpp), and a match is a
// real occurrence except that white space between characters is ignored.
// A term without a word character (a lone "。", "\"", "*", "-", "(" ...) cannot be searched
// and is dropped; a query left with no terms is Query::empty() and should be answered with a
// clear "请输入检索词" rather than run. Query text is never syntax: quotes, *, AND, NEAR(, -
// and brackets are characters like any other and come back as plain token strings, which
// the backends must bind or quote as literals.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::search {

enum class TokenKind : std::uint8_t { Unigram, Bigram };

struct Token {
  std::string text;       // UTF-8 of the one or two characters (no white space)
  std::size_t position;   // character index, see above
  std::size_t begin;      // byte range in the normalised text
  std::size_t end;
  TokenKind kind;

  friend bool operator==(const Token&, const Token&) = default;
};

// Tokens of normalised text (normalize_for_search / normalize_with_offsets). Robust on any
// input: ill-formed UTF-8 is read as U+FFFD characters.
std::vector<Token> tokenize(std::string_view normalized);

// The same tokens, streamed (no vector; for the FTS5 tokenizer callback).
void for_each_token(std::string_view normalized, const std::function<void(const Token&)>& sink);

struct QueryTerm {
  std::string text;                 // the normalised term, e.g. "〔2016〕41号"
  std::vector<std::string> phrase;  // tokens that must occupy consecutive positions
  friend bool operator==(const QueryTerm&, const QueryTerm&) = default;
};

struct Query {
  std::vector<QueryTerm> terms;  // all must match; duplicates removed, order kept
  bool empty() const { return terms.empty(); }
  friend bool operator==(const Query&, const Query&) = default;
};

// What a user's query must match. Normalises the query first (normalize_for_search).
Query query_tokens(std::string_view user_query);

// The tokens one normalised term (no white space) must match as a phrase; empty when the
// term has no word character. Also what the FTS5 tokenizer emits in query mode.
std::vector<std::string> term_phrase(std::string_view normalized_term);

}  // namespace zwgk::search
