// Editor and import HTML is never trusted (pasted Word HTML, old CMS exports): it is parsed
// with gumbo as an HTML fragment and rebuilt from an allow-list. Everything not listed is
// dropped with its content (script, style, embedded objects, forms, comments) or unwrapped
// (unknown elements such as Word's <o:p>: the text stays, the tag goes).
#include "domain/html_sanitizer.hpp"

#include "domain/errors.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace zwgk::domain {

namespace {

// --- gumbo plumbing -----------------------------------------------------------------------

// gumbo 0.10.1 (Debian 12) attaches the text run just before </form> *after* the form
// ("<form>a</form>" -> <form></form>a), so a form's text would survive its removal. An
// empty comment before each </form> flushes that text into the form where it belongs.
// (It would also touch a literal "</form" inside an attribute value; harmless.)
std::string fix_form_end_tags(std::string_view html) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t i = 0; i + 6 <= html.size(); ++i) {
    if (html[i] != '<' || html[i + 1] != '/') continue;
    std::string tag(html.substr(i + 2, 4));
    for (auto& c : tag)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (tag != "form") continue;
    out.append(html.substr(from, i - from));
    out += "<!---->";
    from = i;
  }
  if (from == 0) return std::string(html);
  out.append(html.substr(from));
  return out;
}

// HTML's scope checks walk the stack of open elements, so parse time grows with the square
// of the nesting depth (100,000 nested <div>s: ~30 s). Real documents nest a few dozen
// levels; input nested deeper than this is refused before it reaches the parser.
constexpr int kMaxNesting = 512;

bool ignored_for_depth(const std::string& name) {
  // void elements and elements whose end tag is implied by a sibling
  static const char* const names[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                      "link", "meta", "param", "source", "track", "wbr", "p",
                                      "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
                                      "thead", "tbody", "tfoot", "colgroup", "caption", "rb",
                                      "rt", "rp", "keygen", "frame"};
  for (const char* n : names)
    if (name == n) return true;
  return false;
}

// An upper estimate of the element nesting depth of `html` (comments skipped; tags inside
// script text are counted too, which only errs on the safe side).
int estimated_depth(std::string_view html) {
  int depth = 0, max_depth = 0;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] != '<' || i + 1 >= html.size()) continue;
    if (html.compare(i, 4, "<!--") == 0) {
      const auto end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 2;
      continue;
    }
    const bool closing = html[i + 1] == '/';
    std::size_t j = i + (closing ? 2 : 1);
    std::string name;
    while (j < html.size()) {
      char c = html[j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_')) break;
      name += c;
      ++j;
    }
    if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z') || ignored_for_depth(name)) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    const auto gt = html.find('>', j);
    if (gt != std::string_view::npos && gt > j && html[gt - 1] == '/') continue;  // <x/>
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

struct Parsed {
  GumboOptions options = kGumboDefaultOptions;
  GumboOutput* output = nullptr;
  std::string source;
  explicit Parsed(std::string_view html) : source(fix_form_end_tags(html)) {
    if (estimated_depth(source) > kMaxNesting)
      throw ValidationError({"HTML嵌套层级过深（超过" + std::to_string(kMaxNesting) + "层），无法处理"});
    options.fragment_context = GUMBO_TAG_DIV;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    // Parse errors are not used; recording them copies the open-element stack per error,
    // which makes deeply nested input quadratic (5,000 nested spans: 200 ms -> 2 ms).
    options.max_errors = 0;
    output = gumbo_parse_with_options(&options, source.data(), source.size());
  }
  ~Parsed() {
    if (output) gumbo_destroy_output(&options, output);
  }
  Parsed(const Parsed&) = delete;
  Parsed& operator=(const Parsed&) = delete;
  GumboNode* root() const { return output ? output->root : nullptr; }
};

const GumboVector* children_of(const GumboNode* n) {
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return nullptr;
}

std::string original_tag_name(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data ? piece.data : "", piece.data ? piece.length : 0);
  for (auto& c : name)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return name;
}

// Elements dropped together with everything inside them.
bool is_dropped(const GumboElement& e) {
  switch (e.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_HEAD: case GUMBO_TAG_META: case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_APPLET: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_MENUITEM:
      return true;
    case GUMBO_TAG_UNKNOWN:
      // Word's <xml> data islands hold document properties, not text.
      return original_tag_name(e) == "xml";
    default:
      break;
  }
  return e.tag_namespace != GUMBO_NAMESPACE_HTML;  // stray SVG/MathML content
}

bool is_allowed(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_BR: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
    case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_U: case GUMBO_TAG_S: case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_LI: case GUMBO_TAG_TABLE: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TH: case GUMBO_TAG_TD:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_COL: case GUMBO_TAG_A:
    case GUMBO_TAG_IMG: case GUMBO_TAG_SPAN: case GUMBO_TAG_DIV: case GUMBO_TAG_PRE:
    case GUMBO_TAG_CODE: case GUMBO_TAG_HR: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

bool is_void(GumboTag t) {
  return t == GUMBO_TAG_BR || t == GUMBO_TAG_IMG || t == GUMBO_TAG_HR || t == GUMBO_TAG_COL;
}

// --- attributes ---------------------------------------------------------------------------

void append_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

std::string ascii_lower(std::string_view s) {
  std::string r(s);
  for (auto& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

// gumbo has already decoded character references ("jav&#x61;script:" arrives as
// "javascript:"). Browsers ignore leading/trailing C0 controls and spaces and every tab
// and newline inside a URL, so those are removed before the scheme is read.
std::optional<std::string> safe_url(std::string_view raw, bool image) {
  std::string v;
  v.reserve(raw.size());
  for (char c : raw) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    v += c;
  }
  std::size_t b = 0, e = v.size();
  while (b < e && static_cast<unsigned char>(v[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(v[e - 1]) <= 0x20) --e;
  v = v.substr(b, e - b);
  if (v.empty()) return std::nullopt;
  for (char c : v)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return std::nullopt;
  const auto stop = v.find_first_of(":/?#");
  if (stop != std::string::npos && v[stop] == ':') {
    const auto scheme = ascii_lower(std::string_view(v).substr(0, stop));
    const bool ok = scheme == "http" || scheme == "https" || (!image && scheme == "mailto");
    if (!ok) return std::nullopt;
  }
  return v;
}

bool is_number(std::string_view v, bool allow_percent) {
  if (allow_percent && !v.empty() && v.back() == '%') v.remove_suffix(1);
  if (v.empty() || v.size() > 6) return false;
  for (char c : v)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  return s;
}

// Returns the filtered attributes as ` name="value"` pairs; sets `keep` to false when the
// element is useless without a rejected attribute (an image without a safe src).
std::string filtered_attributes(const GumboElement& e, bool& keep) {
  std::string out;
  bool img_src = false;
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    const std::string name = ascii_lower(a->name);
    const std::string_view value = a->value ? a->value : "";
    std::optional<std::string> accepted;
    switch (e.tag) {
      case GUMBO_TAG_A:
        if (name == "href") accepted = safe_url(value, false);
        else if (name == "title") accepted = std::string(value);
        break;
      case GUMBO_TAG_IMG:
        if (name == "src") {
          accepted = safe_url(value, true);
          img_src = img_src || accepted.has_value();
        } else if (name == "alt") {
          accepted = std::string(value);
        } else if ((name == "width" || name == "height") && is_number(trim_ascii(value), true)) {
          accepted = std::string(trim_ascii(value));
        }
        break;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        if ((name == "colspan" || name == "rowspan") && is_number(trim_ascii(value), false))
          accepted = std::string(trim_ascii(value));
        // A header cell's scope (the annual report's tables, templates/ndbg/report_table.mustache).
        else if (e.tag == GUMBO_TAG_TH && name == "scope" &&
                 (value == "row" || value == "col" || value == "rowgroup" || value == "colgroup"))
          accepted = std::string(value);
        break;
      case GUMBO_TAG_COL:
        if (name == "span" && is_number(trim_ascii(value), false)) accepted = std::string(trim_ascii(value));
        break;
      case GUMBO_TAG_OL:
        if (name == "start" && is_number(trim_ascii(value), false)) accepted = std::string(trim_ascii(value));
        break;
      default:
        break;
    }
    if (!accepted) continue;
    out += ' ';
    out += name;
    out += "=\"";
    append_escaped(out, *accepted);
    out += '"';
  }
  if (e.tag == GUMBO_TAG_IMG && !img_src) keep = false;
  return out;
}

// --- traversal ----------------------------------------------------------------------------

// Iterative pre/post-order walk (no recursion: deeply nested input cannot exhaust the stack).
template <typename Enter, typename Leave>
void walk(const GumboNode* root, Enter enter, Leave leave) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack;
  if (children_of(root)) stack.push_back({root, 0});
  while (!stack.empty()) {
    auto& f = stack.back();
    const auto* kids = children_of(f.node);
    if (!kids || f.next >= kids->length) {
      if (f.node != root) leave(f.node);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(kids->data[f.next++]);
    if (enter(child) && children_of(child)) stack.push_back({child, 0});
  }
}

bool is_block_for_text(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BR:
      return true;
    default:
      return false;
  }
}

// UTF-8 aware whitespace test: ASCII whitespace, U+00A0 (&nbsp;) and U+3000 (全角空格).
std::size_t whitespace_len(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;
  return 0;
}

}  // namespace

std::string sanitize_html(std::string_view html) {
  if (html.empty()) return {};
  Parsed parsed(html);
  const GumboNode* root = parsed.root();
  if (!root) return {};
  std::string out;
  out.reserve(html.size());
  std::vector<const GumboNode*> emitted;  // elements whose end tag must be written
  walk(
      root,
      [&](const GumboNode* n) -> bool {
        switch (n->type) {
          case GUMBO_NODE_TEXT:
          case GUMBO_NODE_WHITESPACE:
          case GUMBO_NODE_CDATA: {
            const GumboNode* parent = n->parent;
            const bool in_pre = parent && parent->type == GUMBO_NODE_ELEMENT &&
                                parent->v.element.tag == GUMBO_TAG_PRE && n->index_within_parent == 0;
            // The parser drops one newline right after <pre>; keep a leading one alive.
            if (in_pre && n->v.text.text[0] == '\n') out += '\n';
            append_escaped(out, n->v.text.text);
            return false;
          }
          case GUMBO_NODE_COMMENT:
          case GUMBO_NODE_DOCUMENT:
            return false;
          case GUMBO_NODE_ELEMENT:
          case GUMBO_NODE_TEMPLATE:
            break;
        }
        const GumboElement& e = n->v.element;
        if (is_dropped(e)) return false;
        if (!is_allowed(e.tag) || e.tag_namespace != GUMBO_NAMESPACE_HTML) return true;  // unwrap
        bool keep = true;
        const std::string attrs = filtered_attributes(e, keep);
        if (!keep) return false;
        out += '<';
        out += gumbo_normalized_tagname(e.tag);
        out += attrs;
        out += '>';
        if (is_void(e.tag)) return false;
        emitted.push_back(n);
        return true;
      },
      [&](const GumboNode* n) {
        if (!emitted.empty() && emitted.back() == n) {
          out += "</";
          out += gumbo_normalized_tagname(n->v.element.tag);
          out += '>';
          emitted.pop_back();
        }
      });
  return out;
}

std::string text_to_html(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  auto blank = [](std::string_view l) {
    for (std::size_t i = 0; i < l.size();) {
      const auto w = whitespace_len(l, i);
      if (w == 0) return false;
      i += w;
    }
    return true;
  };
  std::string out;
  bool in_para = false;
  for (auto line : lines) {
    if (blank(line)) {
      if (in_para) out += "</p>";
      in_para = false;
      continue;
    }
    // Trailing spaces mean nothing; leading 全角 spaces are the customary paragraph indent.
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    out += in_para ? "<br>" : "<p>";
    in_para = true;
    append_escaped(out, line);
  }
  if (in_para) out += "</p>";
  return out;
}

std::string html_to_text(std::string_view html) {
  if (html.empty()) return {};
  Parsed parsed(html);
  const GumboNode* root = parsed.root();
  if (!root) return {};
  std::vector<std::string> lines;
  std::string line;
  bool pending_space = false;
  auto end_line = [&] {
    if (!line.empty()) lines.push_back(std::move(line));
    line.clear();
    pending_space = false;
  };
  auto add_text = [&](std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      if (const auto w = whitespace_len(s, i)) {
        pending_space = true;
        i += w;
        continue;
      }
      if (pending_space && !line.empty()) line += ' ';
      pending_space = false;
      line += s[i++];
    }
  };
  walk(
      root,
      [&](const GumboNode* n) -> bool {
        switch (n->type) {
          case GUMBO_NODE_TEXT:
          case GUMBO_NODE_WHITESPACE:
          case GUMBO_NODE_CDATA:
            add_text(n->v.text.text);
            return false;
          case GUMBO_NODE_COMMENT:
          case GUMBO_NODE_DOCUMENT:
            return false;
          default:
            break;
        }
        const GumboElement& e = n->v.element;
        if (is_dropped(e)) return false;
        if (is_block_for_text(e.tag)) end_line();
        else if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) pending_space = true;
        else if (e.tag == GUMBO_TAG_IMG) return false;
        return true;
      },
      [&](const GumboNode* n) {
        const GumboTag t = n->v.element.tag;
        if (is_block_for_text(t)) end_line();
        else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) pending_space = true;
      });
  end_line();
  std::string out;
  for (const auto& l : lines) {
    if (!out.empty()) out += '\n';
    out += l;
  }
  return out;
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

}  // namespace zwgk::domain
