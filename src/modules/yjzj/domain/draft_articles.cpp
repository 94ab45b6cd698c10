// See draft_articles.hpp.
#include "modules/yjzj/domain/draft_articles.hpp"

#include <algorithm>

#include "domain/chinese_numerals.hpp"
#include "domain/html_sanitizer.hpp"
#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

// The value of one Chinese digit, or -1.
struct Chars {
  std::u32string code_points;
  std::vector<std::size_t> offsets;  // the byte where each begins; one more: the end
};

Chars decode(std::string_view s) {
  Chars out;
  for (std::size_t at = 0; at < s.size();) {
    const auto c = decode_utf8(s, at);
    out.code_points.push_back(c.code_point);
    out.offsets.push_back(at);
    at += c.length ? c.length : 1;
  }
  out.offsets.push_back(s.size());
  return out;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000' || c == 0xA0; }

struct Heading {
  std::string label;  // "第五条"
  int number = 0;
  std::size_t rest = 0;  // the byte where the article's own text begins
};

// "第五条..." -> {"第五条", 5, after it}.
std::optional<Heading> article_heading(std::string_view text) {
  const auto chars = decode(text);
  const auto& u = chars.code_points;
  std::size_t i = 0;
  while (i < u.size() && is_space(u[i])) ++i;
  if (i >= u.size() || u[i] != U'第') return std::nullopt;
  std::size_t j = i + 1;
  while (j < u.size() && (chinese_digit(u[j]) >= 0 || chinese_unit(u[j]) > 0)) ++j;
  if (j == i + 1 || j >= u.size() || u[j] != U'条') return std::nullopt;
  const std::string numeral(text.substr(chars.offsets[i + 1], chars.offsets[j] - chars.offsets[i + 1]));
  auto n = chinese_numeral_value(numeral);
  if (!n || *n <= 0) return std::nullopt;
  std::size_t k = j + 1;
  while (k < u.size() && is_space(u[k])) ++k;
  return Heading{"第" + numeral + "条", *n, chars.offsets[k]};
}

std::string excerpt_of(const std::string& text) {
  constexpr std::size_t kChars = 40;
  const auto chars = decode(text);
  if (chars.code_points.size() <= kChars) return text;
  return text.substr(0, chars.offsets[kChars]) + "…";
}

struct Block {
  std::size_t tag_end;  // where " id=..." goes: just after "<p" / "<li"
  bool has_id;
  std::string text;
};

// Every <p ...>...</p> and <li ...>...</li> in the sanitized HTML, in order.
std::vector<Block> blocks_of(std::string_view html) {
  std::vector<Block> out;
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    std::string_view name;
    if (html.compare(at, 2, "<p") == 0 && at + 2 < html.size() && (html[at + 2] == '>' || html[at + 2] == ' '))
      name = "p";
    else if (html.compare(at, 3, "<li") == 0 && at + 3 < html.size() && (html[at + 3] == '>' || html[at + 3] == ' '))
      name = "li";
    if (name.empty()) {
      ++at;
      continue;
    }
    const auto open_end = html.find('>', at);
    if (open_end == std::string_view::npos) break;
    const std::string close = "</" + std::string(name) + ">";
    const auto close_at = html.find(close, open_end);
    const auto inner_end = close_at == std::string_view::npos ? html.size() : close_at;
    const auto open_tag = html.substr(at, open_end - at);
    Block b;
    b.tag_end = at + 1 + name.size();
    b.has_id = open_tag.find(" id=") != std::string_view::npos;
    b.text = html_to_text(html.substr(open_end + 1, inner_end - open_end - 1));
    out.push_back(std::move(b));
    at = open_end + 1;
  }
  return out;
}

}  // namespace

const DraftArticle* find_article(const std::vector<DraftArticle>& articles, std::string_view anchor) {
  auto it = std::find_if(articles.begin(), articles.end(), [&](const DraftArticle& a) { return a.anchor == anchor; });
  return it == articles.end() ? nullptr : &*it;
}

AnchoredDraft anchor_draft(std::string_view html) {
  AnchoredDraft out;
  const auto blocks = blocks_of(html);
  struct Insert {
    std::size_t at;
    std::string id;
  };
  std::vector<Insert> inserts;
  std::vector<std::string> used;
  for (const auto& b : blocks) {
    if (b.has_id) continue;
    auto h = article_heading(b.text);
    if (!h) continue;
    std::string id = "art-" + std::to_string(h->number);
    if (std::find(used.begin(), used.end(), id) != used.end()) continue;  // a repeated number: the first wins
    used.push_back(id);
    inserts.push_back({b.tag_end, id});
    out.articles.push_back({id, h->label, excerpt_of(b.text.substr(h->rest))});
  }
  if (out.articles.empty()) {
    int n = 0;
    for (const auto& b : blocks) {
      if (b.has_id || b.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      ++n;
      std::string id = "para-" + std::to_string(n);
      inserts.push_back({b.tag_end, id});
      out.articles.push_back({id, "第" + std::to_string(n) + "段", excerpt_of(b.text)});
    }
  }
  out.html.reserve(html.size() + inserts.size() * 16);
  std::size_t from = 0;
  for (const auto& ins : inserts) {
    out.html.append(html.substr(from, ins.at - from));
    out.html += " id=\"" + ins.id + "\"";
    from = ins.at;
  }
  out.html.append(html.substr(from));
  return out;
}

}  // namespace zwgk::domain
