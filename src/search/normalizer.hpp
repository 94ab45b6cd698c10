#pragma once
// Search normalisation (站内搜索): the one function that turns document text and query text
// into the form the tokenizer (tokenizer.hpp) indexes. Documents and queries go through the
// same function, so whatever it conflates (全角/半角, 繁/简, case, bracket shapes) matches.
//
// The pipeline, in order:
//   1. UTF-8 repair. Every ill-formed sequence becomes U+FFFD (utf8.hpp); nothing is
//      dropped silently and nothing after a bad byte is lost. Runs first because every later
//      step needs scalar values.
//   2. NFKC_Casefold (ICU's "nfkc_cf", UTS #46 / UAX #31): NFKC + full case folding +
//      removal of default-ignorable code points. NFKC maps full-width ASCII to ASCII
//      ("ＡＢＣ１２３" -> "abc123", "（" -> "("), compatibility ideographs (U+F900..) and Kangxi
//      radicals to unified ideographs, U+3000 and the other spaces to U+0020, "①" to "1";
//      the ignorables step drops U+200B and U+FEFF, which pasted text carries.
//      It runs before 3 because OpenCC's tables are keyed on unified ideographs (a
//      compatibility ideograph would miss them), and before 4 because it leaves one ASCII form
//      of each full-width bracket.
//   3. Traditional -> simplified (OpenCC t2s), character by character: "環境保護" -> "环境保护".
//      The table is built once per process by asking OpenCC for every CJK ideograph on its own
//      (~100k code points, ~50 ms), plus the Hong Kong / Taiwan variant characters t2s leaves
//      alone (衞 -> 卫), composed with step 2 and closed under itself, so the pipeline stays
//      idempotent. Character by character, not by phrase, on purpose: phrase
//      conversion depends on the neighbouring characters, so a query cut out of a sentence
//      could convert differently from the same characters inside the document and miss it.
//      Where OpenCC's phrase table disagrees with its character table (答覆 -> 答复 but
//      覆 -> 覆; 計畫 -> 计划 but 畫 -> 画) the two results are merged into one class (复/覆,
//      划/画, 了/瞭, 炼/链: 14 pairs on OpenCC 1.1.5), so the traditional phrase still finds
//      the simplified one, still without context. The cost is a little precision on 1-character
//      queries: 画 also finds 划.
//   4. Brackets: ( [ 【 〔 〖 -> 〔 and ) ] 】 〕 〗 -> 〕 (after step 2, which has already
//      folded （ ［ ﹝ into these). domain::normalize_doc_number makes 〔2016〕 the canonical
//      文号 year bracket; here the rule is applied to every bracket, not only around a
//      4-digit year, for the same reason as in 3: "湘办发(2016" typed by a citizen must match
//      "湘办发〔2016〕41号". For any 文号 x, normalize_for_search(normalize_doc_number(x)) and
//      normalize_for_search(x) tokenise alike (tested).
//   5. Whitespace: every run of white space and control characters becomes one U+0020;
//      leading and trailing runs are dropped. Last, because steps 2-3 create spaces.
//
// Steps 2-5 are context-free per character (except NFKC joining a base letter with the
// combining marks after it), which gives the property search relies on: if q is a substring
// of d, normalize_for_search(q) is a substring of normalize_for_search(d) (up to the
// trimming of spaces). The output is valid UTF-8, contains no control characters, and
// normalize_for_search(normalize_for_search(x)) == normalize_for_search(x).
//
// Thread safety: every function here may be called concurrently. The ICU normaliser is an
// immutable singleton; the t2s table is built once (thread-safe static initialisation) and
// only read afterwards, so OpenCC is not called after start-up. (Measured anyway:
// opencc::SimpleConverter::Convert is const and 3 threads converting 4 MB concurrently
// 15 times each gave byte-identical output to a serial run.)
// Errors: the first call throws std::runtime_error if OpenCC's data (t2s.json, TSPhrases.ocd2,
// HKVariantsRev.ocd2, TWVariantsRev.ocd2 in /usr/share/opencc) cannot be loaded;
// call warm_up_normalizer() at start-up to fail early and to keep the ~50 ms out of a request.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/utf8.hpp"

namespace zwgk::search {

using domain::append_utf8;
using domain::decode_utf8;
using domain::is_valid_utf8;
using domain::kReplacementCharacter;
using domain::Utf8Char;

// Normalised text for indexing and matching (see the pipeline above). Never throws on bad
// input: ill-formed UTF-8 comes out as U+FFFD. (Texts over 2 GiB: std::length_error.)
std::string normalize_for_search(std::string_view utf8);

// Where each piece of normalised text came from, for highlighting matches in the original.
class OffsetMap {
 public:
  // The original byte range that produced the normalised byte range [begin, end). Ranges are
  // widened to whole characters; a character produced by a many-to-one or one-to-many
  // mapping ("㈱" -> "(株)", "e" + U+0301 -> "é") maps to its whole source. The space that
  // stands for a collapsed run of white space maps to the whole run.
  std::pair<std::size_t, std::size_t> to_original(std::size_t begin, std::size_t end) const;

  std::size_t characters() const { return spans_.size(); }

 private:
  friend struct OffsetMapBuilder;
  struct Span {
    std::size_t normalized;  // byte offset of the character in the normalised text
    std::size_t original_begin, original_end;
  };
  std::vector<Span> spans_;  // one per normalised character, in order
  std::size_t normalized_size_ = 0;
};

struct NormalizedText {
  std::string text;  // == normalize_for_search(original)
  OffsetMap offsets;
};

NormalizedText normalize_with_offsets(std::string_view original);

// White space and control characters, as collapsed by step 5 and skipped by the tokenizer.
bool is_search_space(char32_t c);

// Builds the t2s table now (see "Errors" above).
void warm_up_normalizer();

}  // namespace zwgk::search
