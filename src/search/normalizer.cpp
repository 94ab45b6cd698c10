// Search normalisation: the pipeline and its order are documented in normalizer.hpp.
#include "search/normalizer.hpp"

#include <opencc/DictEntry.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>
#include <opencc/SimpleConverter.hpp>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace zwgk::search {

namespace {

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(ec);
    if (U_FAILURE(ec) || n == nullptr)
      throw std::runtime_error(std::string("ICU nfkc_cf normaliser unavailable: ") + u_errorName(ec));
    return n;
  }();
  return *instance;
}

// NFKC_Casefold of valid UTF-8; records the edits when `edits` is given.
std::string apply_nfkc_casefold(std::string_view valid_utf8, icu::Edits* edits) {
  if (valid_utf8.size() > static_cast<std::size_t>(INT32_MAX))  // ICU's StringPiece is int32
    throw std::length_error("text too long to normalise for search");
  std::string out;
  out.reserve(valid_utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode ec = U_ZERO_ERROR;
  nfkc_casefold().normalizeUTF8(0, icu::StringPiece(valid_utf8.data(), static_cast<int32_t>(valid_utf8.size())),
                                sink, edits, ec);
  if (U_FAILURE(ec)) throw std::runtime_error(std::string("ICU normalisation failed: ") + u_errorName(ec));
  return out;
}

// Traditional -> simplified, one code point to one code point. Values are already
// NFKC_Casefold-normal and the map is closed (map(map(c)) == map(c)).
class T2sTable {
 public:
  T2sTable() : bmp_(0x10000, 0) {}
  char32_t map(char32_t c) const {
    if (c < 0x2E80) return c;  // below the CJK blocks: OpenCC t2s changes nothing there
    if (c < 0x10000) return bmp_[c] ? bmp_[c] : c;
    const auto it = astral_.find(c);
    return it == astral_.end() ? c : it->second;
  }
  void set(char32_t from, char32_t to) {
    if (from < 0x10000)
      bmp_[from] = to;
    else
      astral_[from] = to;
  }

 private:
  std::vector<char32_t> bmp_;  // 0 = unchanged
  std::unordered_map<char32_t, char32_t> astral_;
};

// The blocks that hold ideographs (CJK radicals .. CJK Unified; compatibility ideographs;
// Extensions B..H). Scanning every code point up to U+31FFF with OpenCC 1.1.5's t2s found
// changes only inside these.
constexpr std::array<std::pair<char32_t, char32_t>, 3> kIdeographRanges{{
    {0x2E80, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x323AF}}};

std::string opencc_file(const char* name) { return std::string(ZWGK_OPENCC_DATA_DIR) + "/" + name; }

// Step one: what OpenCC's t2s makes of each ideograph on its own.
T2sTable character_table() {
  std::vector<char32_t> candidates;
  std::string input;
  for (const auto& [first, last] : kIdeographRanges) {
    for (char32_t c = first; c <= last; ++c) {
      candidates.push_back(c);
      append_utf8(input, c);
      input += '\n';  // no dictionary phrase spans a line break, so each character converts alone
    }
  }
  std::string output;
  try {
    const opencc::SimpleConverter converter(opencc_file("t2s.json"));
    output = converter.Convert(input);
  } catch (const std::exception& e) {
    throw std::runtime_error("OpenCC t2s (package libopencc1.1) could not be loaded: " + std::string(e.what()));
  }
  T2sTable table;
  std::size_t at = 0;
  for (const char32_t c : candidates) {
    const std::size_t eol = output.find('\n', at);
    if (eol == std::string::npos) throw std::runtime_error("OpenCC t2s: unexpected output shape");
    const std::string_view piece(output.data() + at, eol - at);
    at = eol + 1;
    const std::string normalized = apply_nfkc_casefold(piece, nullptr);
    if (normalized.empty()) continue;
    const Utf8Char t = decode_utf8(normalized, 0);
    if (!t.valid || t.length != normalized.size() || t.code_point == c) continue;  // unchanged, or not 1:1
    table.set(c, t.code_point);
  }
  return table;
}

std::shared_ptr<opencc::Lexicon> load_lexicon(const char* name) {
  const std::string path = opencc_file(name);
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) throw std::runtime_error("OpenCC dictionary " + path + " not found (package libopencc1.1)");
  try {
    auto lexicon = opencc::MarisaDict::NewFromFile(file)->GetLexicon();
    std::fclose(file);
    return lexicon;
  } catch (const std::exception& e) {
    std::fclose(file);
    throw std::runtime_error("OpenCC dictionary " + path + " could not be read: " + e.what());
  }
}

// The one code point of `s`, or 0 if it is not exactly one.
char32_t single_character(const std::string& s) {
  if (s.empty()) return 0;
  const Utf8Char c = decode_utf8(s, 0);
  return c.valid && c.length == s.size() ? c.code_point : 0;
}

// Step two: Hong Kong and Taiwan variant characters that t2s leaves alone (衞 -> 衛 -> 卫),
// as OpenCC's hk2s and tw2s would convert them on their own.
void add_variants(T2sTable& table) {
  for (const char* name : {"HKVariantsRev.ocd2", "TWVariantsRev.ocd2"}) {
    const auto lexicon = load_lexicon(name);
    for (std::size_t i = 0; i < lexicon->Length(); ++i) {
      const opencc::DictEntry* entry = lexicon->At(i);
      const char32_t from = single_character(entry->Key());
      const char32_t standard = single_character(entry->GetDefault());
      if (from == 0 || standard == 0 || table.map(from) != from) continue;  // t2s already decides
      const std::string simplified = apply_nfkc_casefold(
          [&] { std::string u; append_utf8(u, table.map(standard)); return u; }(), nullptr);
      const char32_t to = single_character(simplified);
      if (to != 0 && to != from) table.set(from, to);
    }
  }
}

std::vector<char32_t> mapped_characters(const T2sTable& table, const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const Utf8Char c = decode_utf8(s, i);
    out.push_back(table.map(c.code_point));
    i += c.length;
  }
  return out;
}

// Step three: where OpenCC's phrase table (TSPhrases: 答覆 -> 答复, 計畫 -> 计划, 鐵鍊 -> 铁链)
// disagrees with the character table, both results become one class, so the traditional
// phrase finds the simplified one without looking at context. On OpenCC 1.1.5 that is 14
// pairs such as 复/覆, 划/画, 了/瞭, 炼/链; each class maps to its lowest code point.
std::map<char32_t, char32_t> phrase_classes(const T2sTable& table) {
  std::map<char32_t, char32_t> parent;
  const auto root = [&](char32_t c) {
    auto it = parent.try_emplace(c, c).first;
    while (it->second != it->first) it = parent.find(it->second);
    return it->first;
  };
  const auto lexicon = load_lexicon("TSPhrases.ocd2");
  for (std::size_t i = 0; i < lexicon->Length(); ++i) {
    const opencc::DictEntry* entry = lexicon->At(i);
    const std::vector<char32_t> by_character = mapped_characters(table, entry->Key());
    for (const std::string& value : entry->Values()) {
      const std::vector<char32_t> by_phrase = mapped_characters(table, value);
      if (by_phrase.size() != by_character.size()) continue;  // none on 1.1.5
      for (std::size_t k = 0; k < by_phrase.size(); ++k) {
        const char32_t a = root(by_character[k]), b = root(by_phrase[k]);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the lower code point is the root
      }
    }
  }
  std::map<char32_t, char32_t> canonical;
  for (const auto& [c, p] : parent)
    if (root(c) != c) canonical[c] = root(c);
  return canonical;
}

T2sTable build_t2s_table() {
  T2sTable table = character_table();
  add_variants(table);
  const std::map<char32_t, char32_t> classes = phrase_classes(table);
  const auto canonical = [&](char32_t c) {
    const auto it = classes.find(c);
    return it == classes.end() ? c : it->second;
  };
  // Compose the two and close the map so applying it twice changes nothing (idempotence).
  for (const auto& [first, last] : kIdeographRanges) {
    for (char32_t c = first; c <= last; ++c) {
      char32_t t = canonical(table.map(c));
      for (int hop = 0; hop < 8 && canonical(table.map(t)) != t; ++hop) t = canonical(table.map(t));
      if (t != c) table.set(c, t);
    }
  }
  return table;
}

const T2sTable& t2s_table() {
  static const T2sTable table = build_t2s_table();  // retried on the next call if it threw
  return table;
}

// Step 4: the 文号 year brackets and their look-alikes, after NFKC has folded （［﹝.
char32_t unify_bracket(char32_t c) {
  switch (c) {
    case U'(': case U'[': case U'【': case U'〔': case U'〖': return U'〔';
    case U')': case U']': case U'】': case U'〕': case U'〗': return U'〕';
    default: return c;
  }
}

}  // namespace

bool is_search_space(char32_t c) {
  if (c <= 0x20 || (c >= 0x7F && c <= 0xA0)) return true;  // C0, space, DEL, C1, NBSP
  switch (c) {
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: return true;
    default: return c >= 0x2000 && c <= 0x200A;
  }
}

struct OffsetMapBuilder {
  static void add(OffsetMap& m, std::size_t normalized, std::size_t begin, std::size_t end) {
    m.spans_.push_back({normalized, begin, end});
  }
  static void finish(OffsetMap& m, std::size_t normalized_size) { m.normalized_size_ = normalized_size; }
};

namespace {

// Steps 1-5. `offsets` is filled when given.
std::string normalize(std::string_view original, OffsetMap* offsets) {
  // 1. Repair ill-formed UTF-8; `repaired_to_original[i]` is the original offset of repaired byte i.
  std::string repaired;
  std::vector<std::size_t> repaired_to_original;
  std::string_view source = original;
  const bool was_valid = is_valid_utf8(original);
  if (!was_valid) {
    repaired.reserve(original.size() + 8);
    for (std::size_t i = 0; i < original.size();) {
      const Utf8Char c = decode_utf8(original, i);
      const std::size_t before = repaired.size();
      append_utf8(repaired, c.code_point);
      if (offsets) repaired_to_original.insert(repaired_to_original.end(), repaired.size() - before, i);
      i += c.length;
    }
    if (offsets) repaired_to_original.push_back(original.size());
    source = repaired;
  }
  const auto to_original = [&](std::size_t r) { return was_valid ? r : repaired_to_original[r]; };

  // 2. NFKC_Casefold.
  icu::Edits edits;
  const std::string folded = apply_nfkc_casefold(source, offsets ? &edits : nullptr);

  // 3-5, one character of `folded` at a time, following the edits to find each one's source.
  UErrorCode ec = U_ZERO_ERROR;
  icu::Edits::Iterator edit = edits.getFineIterator();
  bool have_edit = offsets && edit.next(ec);
  const T2sTable& t2s = t2s_table();

  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  std::size_t space_begin = 0, space_end = 0;
  for (std::size_t d = 0; d < folded.size();) {
    const Utf8Char ch = decode_utf8(folded, d);  // valid: ICU output of valid input
    std::size_t begin = 0, end = 0;
    if (offsets) {
      while (have_edit && static_cast<std::size_t>(edit.destinationIndex() + edit.newLength()) <= d)
        have_edit = edit.next(ec);
      std::size_t source_begin, source_end;
      if (!have_edit) {  // past the recorded edits: text unchanged from here
        source_begin = source.size() - (folded.size() - d);
        source_end = source_begin + ch.length;
      } else if (edit.hasChange()) {
        source_begin = static_cast<std::size_t>(edit.sourceIndex());
        source_end = source_begin + static_cast<std::size_t>(edit.oldLength());
      } else {
        source_begin = static_cast<std::size_t>(edit.sourceIndex()) + (d - static_cast<std::size_t>(edit.destinationIndex()));
        source_end = source_begin + ch.length;
      }
      begin = to_original(source_begin);
      end = to_original(source_end);
    }
    d += ch.length;

    if (is_search_space(ch.code_point)) {  // 5. collapse
      if (!pending_space) space_begin = begin;
      pending_space = true;
      space_end = end;
      continue;
    }
    if (pending_space) {
      if (!out.empty()) {
        if (offsets) OffsetMapBuilder::add(*offsets, out.size(), space_begin, space_end);
        out += ' ';
      }
      pending_space = false;
    }
    const char32_t c = unify_bracket(t2s.map(ch.code_point));  // 3, 4
    if (offsets) OffsetMapBuilder::add(*offsets, out.size(), begin, end);
    append_utf8(out, c);
  }
  if (offsets) OffsetMapBuilder::finish(*offsets, out.size());
  return out;
}

}  // namespace

std::pair<std::size_t, std::size_t> OffsetMap::to_original(std::size_t begin, std::size_t end) const {
  if (spans_.empty()) return {0, 0};
  if (begin >= normalized_size_) return {spans_.back().original_end, spans_.back().original_end};
  const auto containing = [&](std::size_t offset) {
    auto it = std::upper_bound(spans_.begin(), spans_.end(), offset,
                               [](std::size_t o, const Span& s) { return o < s.normalized; });
    return it == spans_.begin() ? it : it - 1;
  };
  const auto first = containing(begin);
  if (end <= begin) return {first->original_begin, first->original_begin};
  const auto last = containing(end - 1);
  return {first->original_begin, std::max(first->original_begin, last->original_end)};
}

std::string normalize_for_search(std::string_view utf8) { return normalize(utf8, nullptr); }

NormalizedText normalize_with_offsets(std::string_view original) {
  NormalizedText result;
  result.text = normalize(original, &result.offsets);
  return result;
}

void warm_up_normalizer() {
  nfkc_casefold();
  t2s_table();
}

}  // namespace zwgk::search
