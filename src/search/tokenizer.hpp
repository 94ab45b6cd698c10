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
//   unigram    the token of one word character, at the position of its FIRST occurrence in
//              the text only (scheme 2): a one-character query needs to know whether the
//              character occurs, not where; repeating it at every position (scheme 1) was a
//              third of all tokens (docs/adr/0006 "scheme 2", bench/README.md).
//   bigram     the token of two adjacent characters (any kind), at the first one's position.
//
// Invariants of tokenize() (the FTS5 tokenizer relies on 2-3):
//   1. Position p carries at most one unigram (characters[p], if a word character that does
//      not occur before p) and at most one bigram (characters[p] characters[p+1], if p is
//      not the last position). The set of distinct tokens is the same as scheme 1's (a
//      unigram at every position), so PostgreSQL's tsvector of distinct tokens is unchanged.
//   2. Tokens come in order of position, the unigram before the bigram at a position: the
//      first token at a position is a new FTS5 position, a second one is FTS5_TOKEN_COLOCATED.
//   3. No position is skipped: every position but the last has a bigram.
//   4. [begin, end) are byte offsets into the normalised text on character boundaries; a
//      bigram spans both characters (and the space between them, if any).
//
// Matching (query_tokens): a query is cut at white space into terms; a document matches when
// it matches every term. A term of one character matches its unigram (present once in each
// text holding the character); a term of n >= 2 characters matches its n-1 bigrams at
// consecutive positions (a phrase). A document whose
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

// The same tokens, streamed (no vector).
void for_each_token(std::string_view normalized, const std::function<void(const Token&)>& sink);

// The same tokens again, for the hot paths (the FTS5 tokenizer, tsvector literals): no
// std::function and no copy of the token text. sink(const TokenView&) returns false to stop.
// A TokenView's text points into `normalized`, or, for a token holding an ill-formed byte
// (read as U+FFFD), into a buffer valid until sink returns.
struct TokenView {
  std::string_view text;
  std::size_t position, begin, end;
  TokenKind kind;
};
template <class Sink>
void visit_tokens(std::string_view normalized, Sink&& sink);

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

namespace detail {
bool is_word_character(char32_t c);
bool is_space_character(char32_t c);  // is_search_space (normalizer.hpp)
void decode_next(std::string_view text, std::size_t at, char32_t& code_point, std::size_t& length, bool& valid);
// Which characters a text has had already (the first-occurrence rule of unigrams): a bitmap
// of the Basic Multilingual Plane (8 KB, zeroed per text) and a list for the rare characters
// above U+FFFF.
class SeenCharacters {
 public:
  bool insert(char32_t c) {  // true when c had not been seen
    if (c <= 0xFFFF) {
      std::uint64_t& word = bits_[c >> 6];
      const std::uint64_t bit = std::uint64_t{1} << (c & 63);
      if (word & bit) return false;
      word |= bit;
      return true;
    }
    for (char32_t a : astral_)
      if (a == c) return false;
    astral_.push_back(c);
    return true;
  }
 private:
  std::uint64_t bits_[1024] = {};
  std::vector<char32_t> astral_;
};
}  // namespace detail

template <class Sink>
void visit_tokens(std::string_view text, Sink&& sink) {
  struct Character {
    std::size_t begin, end;
    bool valid, word;
  };
  detail::SeenCharacters seen;
  std::string buffer;  // only for tokens holding an ill-formed byte
  const auto piece = [&](const Character& c) -> std::string_view {
    return c.valid ? text.substr(c.begin, c.end - c.begin) : std::string_view("\xEF\xBF\xBD", 3);
  };
  bool have_previous = false;
  Character previous{};
  std::size_t position = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t length = 1;
    bool valid = false;
    detail::decode_next(text, i, cp, length, valid);
    const Character current{i, i + length, valid, valid && detail::is_word_character(cp)};
    i += length;
    if (valid && detail::is_space_character(cp)) continue;
    if (have_previous) {  // the bigram at the previous position
      std::string_view bigram;
      const bool contiguous = previous.valid && current.valid && previous.end == current.begin;
      if (contiguous) {
        bigram = text.substr(previous.begin, current.end - previous.begin);
      } else {
        buffer.assign(piece(previous));
        buffer.append(piece(current));
        bigram = buffer;
      }
      if (!sink(TokenView{bigram, position - 1, previous.begin, current.end, TokenKind::Bigram})) return;
    }
    if (current.word && seen.insert(cp))
      if (!sink(TokenView{piece(current), position, current.begin, current.end, TokenKind::Unigram})) return;
    previous = current;
    have_previous = true;
    ++position;
  }
}

}  // namespace zwgk::search
