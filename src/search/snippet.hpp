#pragma once
// Highlighted snippets (站内搜索 results): a short piece of the ORIGINAL text around the
// first match, with every occurrence of the query terms wrapped in <em>, HTML-escaped.
// Matching happens on normalised text (normalize_with_offsets) and is mapped back through
// the OffsetMap, so 環境保護 in the original is highlighted for the query 环境保护.
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::search {

// terms: normalised query terms (QueryTerm::text). Returns "" when no term occurs in
// `original` (white space inside a match is not bridged); otherwise escaped HTML of about
// `context` characters on each side of the first match, with "…" where text was cut.
std::string highlight_snippet(std::string_view original, const std::vector<std::string>& terms,
                              std::size_t context = 40);

// The escaped text with every term occurrence wrapped in <em> (for titles).
std::string highlight_all(std::string_view original, const std::vector<std::string>& terms);

}  // namespace zwgk::search
