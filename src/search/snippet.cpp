#include "search/snippet.hpp"

#include <algorithm>
#include <utility>

#include "domain/html_sanitizer.hpp"
#include "search/normalizer.hpp"

namespace zwgk::search {

namespace {

using Range = std::pair<std::size_t, std::size_t>;

// Original byte ranges of every term occurrence, sorted and merged.
std::vector<Range> matches(std::string_view original, const std::vector<std::string>& terms) {
  const NormalizedText n = normalize_with_offsets(original);
  std::vector<Range> out;
  for (const auto& term : terms) {
    if (term.empty()) continue;
    for (std::size_t at = n.text.find(term); at != std::string::npos; at = n.text.find(term, at + term.size()))
      out.push_back(n.offsets.to_original(at, at + term.size()));
  }
  std::sort(out.begin(), out.end());
  std::vector<Range> merged;
  for (const auto& r : out) {
    if (!merged.empty() && r.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }
  return merged;
}

// Moves `at` back (or forward) by `count` characters, staying on character boundaries.
std::size_t step_back(std::string_view s, std::size_t at, std::size_t count) {
  while (at > 0 && count > 0) {
    --at;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    --count;
  }
  return at;
}
std::size_t step_forward(std::string_view s, std::size_t at, std::size_t count) {
  while (at < s.size() && count > 0) {
    ++at;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
    --count;
  }
  return at;
}

std::string render(std::string_view original, std::size_t begin, std::size_t end, const std::vector<Range>& hits) {
  std::string out;
  std::size_t at = begin;
  for (const auto& [b, e] : hits) {
    if (e <= begin || b >= end) continue;
    const std::size_t hb = std::max(b, begin), he = std::min(e, end);
    out += domain::escape_html(original.substr(at, hb - at));
    out += "<em>" + domain::escape_html(original.substr(hb, he - hb)) + "</em>";
    at = he;
  }
  out += domain::escape_html(original.substr(at, end - at));
  return out;
}

}  // namespace

std::string highlight_snippet(std::string_view original, const std::vector<std::string>& terms, std::size_t context) {
  const auto hits = matches(original, terms);
  if (hits.empty()) return "";
  const std::size_t begin = step_back(original, hits.front().first, context);
  const std::size_t end = step_forward(original, hits.front().second, context * 2);
  std::string out = begin > 0 ? "…" : "";
  out += render(original, begin, end, hits);
  if (end < original.size()) out += "…";
  return out;
}

std::string highlight_all(std::string_view original, const std::vector<std::string>& terms) {
  return render(original, 0, original.size(), matches(original, terms));
}

}  // namespace zwgk::search
