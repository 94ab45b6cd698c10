// Recall of the token scheme against the oracle it must equal: a plain substring scan of the
// normalised text. Texts come from the real corpus in ../shared/data/corpus/docs.jsonl;
// queries are random pieces of 1-8 characters cut from the ORIGINAL texts (as a citizen
// would copy them from a page), so the test also covers normalising a query apart from its
// document. The matcher below is what both backends do: a term of one character looks up
// its unigram, a longer term its bigrams at consecutive positions, all terms must match.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/normalizer.hpp"
#include "search/tokenizer.hpp"

using namespace zwgk::search;

namespace {

constexpr std::size_t kDocumentStride = 5;        // every 5th document of the corpus
constexpr std::size_t kMaxBodyCharacters = 1200;  // keeps the oracle scan (and the test) fast
constexpr int kQueries = 4000;
constexpr unsigned kSeed = 20250611;

// ZWGK_CORPUS if set, else ../shared next to the checkout (where the workplace and CI put
// it), else the workplace's own copy.
std::filesystem::path corpus_path() {
  if (const char* env = std::getenv("ZWGK_CORPUS"); env && *env) return env;
  const auto beside = std::filesystem::path(ZWGK_SOURCE_DIR) / ".." / "shared" / "data" / "corpus" / "docs.jsonl";
  std::error_code ec;
  if (std::filesystem::exists(beside, ec)) return beside;
  const std::filesystem::path workplace = "/work/shared/data/corpus/docs.jsonl";
  return std::filesystem::exists(workplace, ec) ? workplace : beside;
}

// First `n` characters of valid-or-not UTF-8.
std::string first_characters(const std::string& s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < n && i < s.size(); ++k) i += decode_utf8(s, i).length;
  return s.substr(0, i);
}

// The text units (title, 文号, issuer, body) of a sample of the corpus, or a failure message.
struct Corpus {
  std::vector<std::string> original;
  std::vector<std::string> normalized;
  std::string error;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    std::ifstream in(corpus_path());
    if (!in) {
      out.error = "search recall test needs the corpus at " + corpus_path().string() +
                  " (../shared/data/corpus/docs.jsonl next to the checkout; present in CI)";
      return out;
    }
    std::string line;
    for (std::size_t n = 0; std::getline(in, line); ++n) {
      if (n % kDocumentStride != 0) continue;
      const auto doc = nlohmann::json::parse(line);
      for (const char* field : {"title", "doc_number", "issuer", "body"}) {
        std::string text = doc.value(field, "");
        if (std::string_view(field) == "body") text = first_characters(text, kMaxBodyCharacters);
        if (text.empty()) continue;
        out.normalized.push_back(normalize_for_search(text));
        out.original.push_back(std::move(text));
      }
    }
    if (out.original.empty()) out.error = "corpus at " + corpus_path().string() + " holds no documents";
    return out;
  }();
  return c;
}

// An index over tokens: per text unit and position, the unigram and bigram ids (-1: none).
class Index {
 public:
  explicit Index(const std::vector<std::string>& normalized) {
    units_.resize(normalized.size());
    for (std::size_t u = 0; u < normalized.size(); ++u) {
      for_each_token(normalized[u], [&](const Token& t) {
        Unit& unit = units_[u];
        if (unit.unigram.size() <= t.position) {
          unit.unigram.resize(t.position + 1, -1);
          unit.bigram.resize(t.position + 1, -1);
        }
        const int id = intern(t.text);
        (t.kind == TokenKind::Unigram ? unit.unigram : unit.bigram)[t.position] = id;
        postings_[static_cast<std::size_t>(id)].push_back({static_cast<int>(u), static_cast<int>(t.position)});
        ++tokens_;
      });
    }
  }

  // Units matching every term of the query, ascending.
  std::vector<int> search(const Query& query) const {
    std::vector<int> result;
    for (std::size_t k = 0; k < query.terms.size(); ++k) {
      std::vector<int> term_units = search(query.terms[k].phrase);
      if (k == 0) {
        result = std::move(term_units);
      } else {
        std::vector<int> both;
        std::set_intersection(result.begin(), result.end(), term_units.begin(), term_units.end(),
                              std::back_inserter(both));
        result = std::move(both);
      }
    }
    return result;
  }

  std::size_t tokens() const { return tokens_; }
  std::size_t distinct_tokens() const { return ids_.size(); }

 private:
  struct Unit {
    std::vector<int> unigram, bigram;
  };
  struct Posting {
    int unit, position;
  };

  int intern(const std::string& text) {
    const auto [it, inserted] = ids_.try_emplace(text, static_cast<int>(ids_.size()));
    if (inserted) postings_.emplace_back();
    return it->second;
  }

  std::vector<int> search(const std::vector<std::string>& phrase) const {
    std::vector<int> ids;
    for (const std::string& text : phrase) {
      const auto it = ids_.find(text);
      if (it == ids_.end()) return {};
      ids.push_back(it->second);
    }
    const bool one_character = phrase.size() == 1 && phrase[0].size() == decode_utf8(phrase[0], 0).length;
    std::vector<int> units;
    for (const Posting& p : postings_[static_cast<std::size_t>(ids[0])]) {
      if (!units.empty() && units.back() == p.unit) continue;
      const Unit& unit = units_[static_cast<std::size_t>(p.unit)];
      bool match = true;
      for (std::size_t k = 0; k < ids.size() && match; ++k) {
        const std::size_t at = static_cast<std::size_t>(p.position) + k;
        const std::vector<int>& column = one_character ? unit.unigram : unit.bigram;
        match = at < column.size() && column[at] == ids[k];
      }
      if (match) units.push_back(p.unit);
    }
    return units;
  }

  std::unordered_map<std::string, int> ids_;
  std::vector<std::vector<Posting>> postings_;
  std::vector<Unit> units_;
  std::size_t tokens_ = 0;
};

// The oracle: units whose normalised text contains `needle`, by a plain substring scan.
class Oracle {
 public:
  explicit Oracle(const std::vector<std::string>& normalized) {
    for (const std::string& text : normalized) {
      starts_.push_back(all_.size());
      all_ += text;
      all_ += '\x01';  // never in normalised text, so no match spans two units
    }
  }
  std::vector<int> search(const std::string& needle) const {
    std::vector<int> units;
    const char* from = all_.data();
    const char* const end = all_.data() + all_.size();
    while (const void* hit = memmem(from, static_cast<std::size_t>(end - from), needle.data(), needle.size())) {
      const auto offset = static_cast<std::size_t>(static_cast<const char*>(hit) - all_.data());
      const auto unit = static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin() - 1);
      units.push_back(unit);
      const auto next = static_cast<std::size_t>(unit) + 1;  // a unit counts once: go on at the next
      from = all_.data() + (next < starts_.size() ? starts_[next] : all_.size());
    }
    return units;
  }

 private:
  std::string all_;
  std::vector<std::size_t> starts_;
};

// The same text as a citizen might type it: full-width letters and digits, other brackets,
// ideographic spaces, upper case.
std::string typed_variant(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const Utf8Char c = decode_utf8(s, i);
    i += c.length;
    char32_t v = c.code_point;
    if (v >= 'a' && v <= 'z') v = 0xFF21 + (v - 'a');            // Ａ..Ｚ
    else if (v >= '0' && v <= '9') v = 0xFF10 + (v - '0');       // ０..９
    else if (v == U'〔' || v == '[' || v == '(') v = U'（';
    else if (v == U'〕' || v == ']' || v == ')') v = U'】';
    else if (v == ' ') v = 0x3000;
    if (c.valid) append_utf8(out, v);
    else out += s.substr(i - c.length, c.length);
  }
  return out;
}

}  // namespace

TEST(SearchRecall, CorpusIsAvailable) {
  ASSERT_TRUE(corpus().error.empty()) << corpus().error;
}

TEST(SearchRecall, NormalisationIsIdempotentOnTheCorpus) {
  const Corpus& c = corpus();
  ASSERT_TRUE(c.error.empty()) << c.error;
  for (const std::string& n : c.normalized) ASSERT_EQ(normalize_for_search(n), n);
}

TEST(SearchRecall, TokenInvariantsAndOffsetsHoldOnTheCorpus) {
  const Corpus& c = corpus();
  ASSERT_TRUE(c.error.empty()) << c.error;
  for (std::size_t u = 0; u < c.original.size(); u += 7) {
    const NormalizedText n = normalize_with_offsets(c.original[u]);
    ASSERT_EQ(n.text, c.normalized[u]);
    std::size_t next_position = 0;
    for_each_token(n.text, [&](const Token& t) {
      ASSERT_LE(t.position, next_position);
      if (t.position == next_position) ++next_position;
      // The original text under a token normalises to (at least) the token's characters.
      const auto [b, e] = n.offsets.to_original(t.begin, t.end);
      std::string back = normalize_for_search(std::string_view(c.original[u]).substr(b, e - b));
      std::erase(back, ' ');
      ASSERT_NE(back.find(t.text), std::string::npos) << "token " << t.text << " in unit " << u;
    });
  }
}

TEST(SearchRecall, EveryRandomSubstringFindsEveryTextContainingIt) {
  const Corpus& c = corpus();
  ASSERT_TRUE(c.error.empty()) << c.error;
  const Index index(c.normalized);
  const Oracle oracle(c.normalized);

  // Characters of each unit, to cut substrings on character boundaries, weighted by length.
  std::vector<std::vector<std::size_t>> boundaries(c.original.size());
  std::vector<std::size_t> weight;
  std::size_t characters = 0;
  for (std::size_t u = 0; u < c.original.size(); ++u) {
    const std::string& s = c.original[u];
    for (std::size_t i = 0; i < s.size(); i += decode_utf8(s, i).length) boundaries[u].push_back(i);
    boundaries[u].push_back(s.size());
    characters += boundaries[u].size() - 1;
    weight.push_back(characters);
  }

  std::mt19937 rng(kSeed);
  std::size_t searched = 0, unsearchable = 0, not_substring = 0, pairs = 0, found_pairs = 0, matched = 0;
  std::size_t one_term_queries = 0, one_term_pairs = 0, one_term_matched = 0;  // no white space in the query
  std::size_t missed_examples = 0;
  for (int q = 0; q < kQueries; ++q) {
    const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, characters - 1)(rng);
    const auto unit = static_cast<std::size_t>(std::upper_bound(weight.begin(), weight.end(), pick) - weight.begin());
    const std::vector<std::size_t>& at = boundaries[unit];
    const std::size_t length = std::uniform_int_distribution<std::size_t>(1, 8)(rng);
    const std::size_t first = std::uniform_int_distribution<std::size_t>(0, at.size() - 2)(rng);
    const std::size_t last = std::min(first + length, at.size() - 1);
    const std::string piece = c.original[unit].substr(at[first], at[last] - at[first]);

    const std::string needle = normalize_for_search(piece);
    // A query normalised on its own is a substring of its document normalised in context.
    if (c.normalized[unit].find(needle) == std::string::npos) {
      ++not_substring;
      ADD_FAILURE() << "normalize(\"" << piece << "\") = \"" << needle << "\" is not in its own text";
    }
    const Query query = query_tokens(piece);
    ASSERT_EQ(query, query_tokens(typed_variant(piece))) << piece;
    if (query.empty()) {  // nothing but punctuation and spaces: the search page asks again
      ++unsearchable;
      continue;
    }
    ++searched;
    const std::vector<int> expected = oracle.search(needle);
    const std::vector<int> found = index.search(query);
    pairs += expected.size();
    matched += found.size();
    if (needle.find(' ') == std::string::npos) {
      ++one_term_queries;
      one_term_pairs += expected.size();
      one_term_matched += found.size();
    }
    for (const int u : expected) {
      if (std::binary_search(found.begin(), found.end(), u)) {
        ++found_pairs;
      } else if (missed_examples++ < 10) {
        ADD_FAILURE() << "query \"" << piece << "\" misses unit " << u << ": " << c.original[static_cast<std::size_t>(u)].substr(0, 120);
      }
    }
  }

  const double recall = pairs ? 100.0 * static_cast<double>(found_pairs) / static_cast<double>(pairs) : 100.0;
  const auto percent = [](std::size_t part, std::size_t whole) {
    return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 100.0;
  };
  const double precision = percent(pairs, matched);
  const double phrase_precision = percent(one_term_pairs, one_term_matched);
  std::cout << std::fixed << std::setprecision(3) << "[ recall   ] " << c.original.size() << " texts, "
            << characters << " characters, " << index.tokens() << " tokens (" << index.distinct_tokens()
            << " distinct); " << kQueries << " random substrings of 1-8 characters: " << searched << " searched, "
            << unsearchable << " without a word character; " << pairs << " (query, text) pairs by substring scan: recall "
            << recall << "%; precision " << phrase_precision << "% for the " << one_term_queries
            << " queries without white space (one phrase), " << precision
            << "% for all (white space in a query separates terms that must all match)\n";
  RecordProperty("recall_percent", std::to_string(recall));
  RecordProperty("precision_percent", std::to_string(precision));
  RecordProperty("phrase_precision_percent", std::to_string(phrase_precision));
  EXPECT_EQ(found_pairs, pairs);
  EXPECT_EQ(not_substring, 0u);
  EXPECT_GE(phrase_precision, 99.0);
  EXPECT_GE(precision, 90.0);
  EXPECT_GT(searched, static_cast<std::size_t>(kQueries) * 9 / 10);
}
