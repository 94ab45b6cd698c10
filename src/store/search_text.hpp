#pragma once
// Private to src/store/*.cpp: the text and token forms search entries store.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::store {

// Version of normalisation + token scheme written into search_entries.scheme; bump it when
// either changes (SearchIndex::stale_entries() then reports the need for `zwgk reindex`).
inline constexpr int kSearchScheme = 2;  // 2: first-occurrence unigrams (migration 0009)

// normalize_for_search(text) without its spaces.
std::string compact_search_text(std::string_view text);

// The distinct tokens of the texts as a tsvector literal ('ab' 'b' ...). complete is set to
// false when they would not fit a tsvector (the rest are left out; such rows are always
// re-checked by strpos).
std::string tsvector_literal(std::initializer_list<const std::string*> texts, bool& complete);

// A tsquery literal: every token of every phrase, AND'ed. Empty phrases give "".
std::string tsquery_literal(const std::vector<std::vector<std::string>>& phrases);

// "term" with " doubled, for an FTS5 MATCH expression (the tokenizer sees the term alone).
std::string fts5_string(std::string_view term);

}  // namespace zwgk::store
