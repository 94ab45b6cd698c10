#include "store/search_text.hpp"

#include <algorithm>
#include <deque>
#include <unordered_set>

#include "search/normalizer.hpp"
#include "search/tokenizer.hpp"

namespace zwgk::store {

namespace {

// A tsvector holds at most 1 MB of lexemes; stay well below it.
constexpr std::size_t kMaxLexemeBytes = 512 * 1024;

void append_quoted(std::string& out, std::string_view token) {
  out += '\'';
  for (char c : token) {
    if (c == '\'') out += '\'';
    if (c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
}

}  // namespace

std::string compact_search_text(std::string_view text) {
  std::string s = search::normalize_for_search(text);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

std::string tsvector_literal(std::initializer_list<const std::string*> texts, bool& complete) {
  complete = true;
  std::unordered_set<std::string_view> seen;
  std::deque<std::string> owned;  // tokens not inside the texts (an ill-formed byte read as U+FFFD)
  std::size_t bytes = 0;
  std::string out;
  for (const std::string* text : texts) {
    const char* const first = text->data();
    search::visit_tokens(*text, [&](const search::TokenView& t) {
      if (seen.count(t.text)) return true;
      if (bytes + t.text.size() > kMaxLexemeBytes) {
        complete = false;
        return false;
      }
      bytes += t.text.size();
      const bool inside = t.text.data() >= first && t.text.data() < first + text->size();
      seen.insert(inside ? t.text : std::string_view(owned.emplace_back(t.text)));
      if (!out.empty()) out += ' ';
      append_quoted(out, t.text);
      return true;
    });
    if (!complete) break;
  }
  return out;
}

std::string tsquery_literal(const std::vector<std::vector<std::string>>& phrases) {
  std::unordered_set<std::string> seen;
  std::string out;
  for (const auto& phrase : phrases)
    for (const auto& token : phrase) {
      if (!seen.insert(token).second) continue;
      if (!out.empty()) out += " & ";
      append_quoted(out, token);
    }
  return out;
}

std::string fts5_string(std::string_view term) {
  std::string out = "\"";
  for (char c : term) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace zwgk::store
