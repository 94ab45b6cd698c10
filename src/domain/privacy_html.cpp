// The privacy guard on the visible text of a body, masking the HTML (privacy_html.hpp).
#include "domain/privacy_html.hpp"

#include "domain/utf8.hpp"

#include <algorithm>
#include <iterator>
#include <optional>

namespace zwgk::domain {

namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Tags whose boundary is a line break for a reader.
bool is_block(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",       "div",   "br",    "li",    "ul",    "ol",   "tr",  "td", "th",     "table",      "h1",
      "h2",      "h3",    "h4",    "h5",    "h6",    "blockquote", "pre", "hr", "section", "article",
      "caption", "thead", "tbody", "tfoot", "dl",    "dt",   "dd",  "figure", "figcaption", "img", "col"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), name) != std::end(kBlocks);
}


// The entity at html[i] == '&' (up to its ';'): its decoded bytes, or nullopt.
std::optional<std::string> decode_entity(std::string_view html, std::size_t i, std::size_t& length) {
  const std::size_t semi = html.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12 || semi == i + 1) return std::nullopt;
  const std::string_view name = html.substr(i + 1, semi - i - 1);
  length = semi + 1 - i;
  if (name == "amp") return "&";
  if (name == "lt") return "<";
  if (name == "gt") return ">";
  if (name == "quot") return "\"";
  if (name == "apos") return "'";
  if (name == "nbsp") return "\xC2\xA0";
  if (name[0] != '#' || name.size() < 2) return std::nullopt;
  char32_t cp = 0;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::size_t from = hex ? 2 : 1;
  if (from >= name.size()) return std::nullopt;
  for (std::size_t k = from; k < name.size(); ++k) {
    const char c = name[k];
    int v = -1;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (hex && lower(c) >= 'a' && lower(c) <= 'f') v = lower(c) - 'a' + 10;
    if (v < 0) return std::nullopt;
    cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
    if (cp > 0x10FFFF) return std::nullopt;
  }
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  std::string out;
  append_utf8(out, cp);
  return out;
}

// The end of the tag starting at html[i] == '<' (after its '>'), quotes respected.
std::size_t tag_end(std::string_view html, std::size_t i) {
  char quote = '\0';
  for (std::size_t k = i + 1; k < html.size(); ++k) {
    const char c = html[k];
    if (quote) {
      if (c == quote) quote = '\0';
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return k + 1;
    }
  }
  return html.size();
}

bool starts_utf8_char(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

VisibleText visible_text(std::string_view html) {
  VisibleText v;
  auto add = [&v](std::string_view bytes, std::size_t b, std::size_t e) {
    for (char c : bytes) {
      v.text += c;
      v.begin.push_back(b);
      v.end.push_back(e);
    }
  };
  auto line_break = [&v](std::size_t at) {
    if (!v.text.empty() && v.text.back() == '\n') return;
    v.text += '\n';
    v.begin.push_back(at);
    v.end.push_back(at);
  };
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<' && html.substr(i, 4) == "<!--") {
      const auto close = html.find("-->", i + 4);
      i = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    if (c == '<' && i + 1 < html.size() && (is_ascii_alpha(html[i + 1]) || html[i + 1] == '/' || html[i + 1] == '!')) {
      std::size_t k = i + 1;
      if (k < html.size() && html[k] == '/') ++k;
      std::string name;
      while (k < html.size() && is_ascii_alnum(html[k])) name += lower(html[k++]);
      const std::size_t e = tag_end(html, i);
      if (is_block(name)) line_break(i);
      i = e;
      continue;
    }
    if (c == '&') {
      std::size_t len = 0;
      if (auto decoded = decode_entity(html, i, len)) {
        add(*decoded, i, i + len);
        i += len;
        continue;
      }
    }
    add(html.substr(i, 1), i, i + 1);
    ++i;
  }
  return v;
}

std::vector<PrivacyFinding> scan_privacy_html(std::string_view html, const PrivacyScanOptions& options) {
  return scan_privacy(visible_text(html).text, options);
}

std::string mask_html(std::string_view html, const PrivacyScanOptions& options) {
  const VisibleText v = visible_text(html);
  const auto findings = scan_privacy(v.text, options);
  if (findings.empty()) return std::string(html);
  // What each text byte becomes (nullopt = unchanged). The first finding to claim a byte
  // decides it; findings come ordered by begin, longer first.
  std::vector<std::optional<std::string>> repl(v.text.size());
  for (const auto& f : findings) {
    if (f.end > v.text.size() || f.begin >= f.end) continue;
    if (f.masked.size() == f.end - f.begin) {
      for (std::size_t i = f.begin; i < f.end; ++i)
        if (!repl[i]) repl[i] = std::string(1, f.masked[i - f.begin]);
    } else if (f.kind == PrivacyKind::SensitiveWord) {
      for (std::size_t i = f.begin; i < f.end; ++i)
        if (!repl[i]) repl[i] = starts_utf8_char(v.text[i]) ? "*" : "";
    } else {
      if (!repl[f.begin]) repl[f.begin] = f.masked;
      for (std::size_t i = f.begin + 1; i < f.end; ++i)
        if (!repl[i]) repl[i] = "";
    }
  }
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;  // HTML bytes before pos are written
  for (std::size_t i = 0; i < v.text.size();) {
    if (v.begin[i] == v.end[i]) {  // a line break standing for a tag
      ++i;
      continue;
    }
    // The text bytes that came from the same HTML bytes (one entity, or one byte).
    std::size_t j = i + 1;
    while (j < v.text.size() && v.begin[j] == v.begin[i] && v.end[j] == v.end[i]) ++j;
    bool changed = false;
    for (std::size_t k = i; k < j; ++k) changed = changed || repl[k].has_value();
    if (changed) {
      out.append(html.substr(pos, v.begin[i] - pos));
      for (std::size_t k = i; k < j; ++k) out += repl[k] ? *repl[k] : std::string(1, v.text[k]);
      pos = v.end[i];
    }
    i = j;
  }
  out.append(html.substr(pos));
  return out;
}

}  // namespace zwgk::domain
