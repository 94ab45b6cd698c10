// See link_crawler.hpp.
//
// The walk: CrawlResult::links is both the result and the breadth-first queue. Every entry is
// checked once, in the order it was found. An internal page (an <a>/<iframe> target under the
// path prefix that does not look like a file) is fetched with GET; a 2xx text/html answer becomes a
// CrawledPage and its links are appended. Everything else gets HEAD, and GET when HEAD is refused
// (405/501). curl never follows a redirect: the first Location is recorded, and an internal one
// is appended as a link of its own (so a redirected internal page is still walked).
//
// Bodies: a page body is kept up to kBodyLimit and parsed as far as it goes; a body nobody reads
// (an attachment's GET, a page link that answers with a PDF) is cut at its first bytes. Ending a
// transfer on purpose is not an error: the status stands.
#include "modules/zcjc/service/link_crawler.hpp"

#include <curl/curl.h>
#include <gumbo.h>

#include <algorithm>
#include <boost/url.hpp>
#include <cctype>
#include <cstring>
#include <iterator>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <utility>

namespace zwgk::modules::zcjc {

namespace {

constexpr std::size_t kBodyLimit = 4 * 1024 * 1024;  // bytes of one page body (the brief: 4 MiB)
constexpr std::size_t kLinkTextLimit = 80;           // bytes, LinkCheck::link_text
constexpr std::size_t kErrorTextLimit = 300;         // bytes, LinkCheck::error_text
// Estimated element nesting above which a page is not handed to gumbo: gumbo 0.10.1 frees its tree
// recursively, so a pathological page (hundreds of thousands of nested <div>) would overflow the
// stack. Real pages nest a few dozen deep.
constexpr int kMaxNesting = 10000;

// Page: <a>/<iframe> targets, which may be HTML pages; Resource: <img>, stylesheets, <script>.
enum class Kind { Page, Resource };

// --- text -------------------------------------------------------------------------------------

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && lower(s.substr(0, prefix.size())) == prefix;
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

// Runs of white space (ASCII, U+00A0 no-break space, U+3000 ideographic space) become one space;
// both ends are trimmed.
std::string collapse_space(std::string_view s) {
  std::string out;
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t width = 0;
    if (is_ascii_space(s[i]))
      width = 1;
    else if (s.compare(i, 2, "\xC2\xA0") == 0)
      width = 2;
    else if (s.compare(i, 3, "\xE3\x80\x80") == 0)
      width = 3;
    if (width > 0) {
      pending = !out.empty();
      i += width;
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += s[i++];
  }
  return out;
}

// Length of the well-formed UTF-8 sequence starting at s[i] (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF); 0 if the bytes there are not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t n = 0;
  if (lead >= 0xC2 && lead <= 0xDF)
    n = 2;
  else if (lead >= 0xE0 && lead <= 0xEF)
    n = 3;
  else if (lead >= 0xF0 && lead <= 0xF4)
    n = 4;
  else
    return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  const unsigned char second = byte(i + 1);
  if (lead == 0xE0 && second < 0xA0) return 0;   // overlong
  if (lead == 0xED && second >= 0xA0) return 0;  // surrogate
  if (lead == 0xF0 && second < 0x90) return 0;   // overlong
  if (lead == 0xF4 && second >= 0x90) return 0;  // above U+10FFFF
  return n;
}

// At most `limit` bytes of valid UTF-8: ill-formed bytes and control characters are dropped, no
// character is cut in half, and a cut leaves no trailing space.
std::string clip_utf8(std::string_view s, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0 || (n == 1 && static_cast<unsigned char>(s[i]) < 0x20)) {
      ++i;
      continue;
    }
    if (out.size() + n > limit) break;
    out.append(s.substr(i, n));
    i += n;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// curl's message on one line.
std::string one_line(std::string_view message) {
  std::string flat(message);
  for (auto& c : flat)
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  return clip_utf8(collapse_space(flat), kErrorTextLimit);
}

// --- URLs -------------------------------------------------------------------------------------

// Percent-encodes what browsers accept in an href but RFC 3986 does not: spaces, non-ASCII
// ("/files/通知.pdf"), a '%' that starts no escape, a second '#'; '\' becomes '/' as browsers do
// for http(s).
std::string encode_loose(std::string_view href) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto is_hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  out.reserve(href.size());
  bool seen_hash = false;
  for (std::size_t i = 0; i < href.size(); ++i) {
    const auto c = static_cast<unsigned char>(href[i]);
    bool keep = c > 0x20 && c < 0x7F && std::strchr("\"<>^`{|}", c) == nullptr;
    if (c == '\\') {
      out += '/';
      continue;
    }
    if (c == '%' && !(i + 2 < href.size() && is_hex(href[i + 1]) && is_hex(href[i + 2]))) keep = false;
    if (c == '#') {
      keep = !seen_hash;
      seen_hash = true;
    }
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

bool is_http(const boost::urls::url_view_base& u) {
  return u.scheme_id() == boost::urls::scheme::http || u.scheme_id() == boost::urls::scheme::https;
}

// The form every URL is kept in: http(s) with a host, no fragment, normalized (RFC 3986 §6.2.2:
// case, percent-encoding, dot segments), "/" for an empty path. "" when it is not such a URL.
std::string canonical(boost::urls::url& u) {
  if (!is_http(u) || !u.has_authority() || u.encoded_host().empty()) return "";
  u.remove_fragment();
  u.normalize();
  if (u.encoded_path().empty()) u.set_encoded_path("/");
  return std::string(u.buffer());
}

// The absolute URL an href means against `base`, in canonical form; "" when there is none.
std::string resolve_link(const boost::urls::url_view_base& base, std::string_view href) {
  const std::string encoded = encode_loose(trim_ascii(href));
  auto ref = boost::urls::parse_uri_reference(encoded);
  if (ref.has_error()) return "";
  boost::urls::url u(base);
  if (u.resolve(*ref).has_error()) return "";
  return canonical(u);
}

int default_port(const boost::urls::url_view_base& u) {
  return u.scheme_id() == boost::urls::scheme::https ? 443 : 80;
}

int effective_port(const boost::urls::url_view_base& u) {
  return u.has_port() && u.port_number() != 0 ? u.port_number() : default_port(u);
}

// "host:port" with the port always written: the key of the per-host delay.
std::string host_key(const boost::urls::url_view_base& u) {
  return lower(u.encoded_host()) + ":" + std::to_string(effective_port(u));
}

// A host that counts as internal. port 0: the scheme's default port (80 for http, 443 for https).
struct HostRule {
  std::string host;
  int port = 0;
};

HostRule host_rule(std::string_view entry) {
  std::string text = lower(trim_ascii(entry));
  if (const auto scheme_end = text.find("://"); scheme_end != std::string::npos) text.erase(0, scheme_end + 3);
  if (const auto slash = text.find('/'); slash != std::string::npos) text.resize(slash);
  HostRule rule;
  const auto colon = text.rfind(':');
  if (colon != std::string::npos && text.find(']', colon) == std::string::npos) {
    const std::string digits = text.substr(colon + 1);
    const bool numeric = !digits.empty() && digits.size() <= 5 &&
                         std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (numeric && std::stoi(digits) <= 65535) {
      rule.port = std::stoi(digits);
      text.resize(colon);
    }
  }
  rule.host = text;
  return rule;
}

bool matches(const HostRule& rule, const boost::urls::url_view_base& u) {
  if (lower(u.encoded_host()) != rule.host) return false;
  return rule.port == 0 ? effective_port(u) == default_port(u) : effective_port(u) == rule.port;
}

// The last path segment, decoded ("a.pdf"); "" for a path ending in '/'.
std::string file_name(const boost::urls::url_view_base& u) {
  const auto segments = u.segments();
  if (segments.empty()) return "";
  return *std::prev(segments.end());
}

// Targets whose name says they are files, not pages: checked with HEAD, never downloaded.
bool looks_like_file(const boost::urls::url_view_base& u) {
  static const char* const kExtensions[] = {
      "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "dps", "ofd", "rtf", "txt", "csv",
      "zip", "rar", "7z", "gz", "tar", "bz2", "xz", "jpg", "jpeg", "png", "gif", "bmp", "webp", "svg",
      "ico", "tif", "tiff", "mp3", "wav", "mp4", "avi", "flv", "wmv", "mov", "mkv", "apk", "exe", "msi",
      "iso", "dmg", "css", "js", "xml", "json", "woff", "woff2", "ttf", "eot"};
  const std::string name = file_name(u);
  const auto dot = name.rfind('.');
  if (dot == std::string::npos || dot + 1 == name.size()) return false;
  const std::string extension = lower(std::string_view(name).substr(dot + 1));
  return std::any_of(std::begin(kExtensions), std::end(kExtensions), [&](const char* e) { return extension == e; });
}

// --- HTTP -------------------------------------------------------------------------------------

bool is_html(std::string_view media_type) { return media_type == "text/html" || media_type == "application/xhtml+xml"; }

// "text/html; charset=utf-8" -> "text/html".
std::string media_type(std::string_view value) {
  if (const auto semicolon = value.find(';'); semicolon != std::string_view::npos) value = value.substr(0, semicolon);
  return lower(trim_ascii(value));
}

LinkError link_error(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return LinkError::Timeout;
    case CURLE_COULDNT_RESOLVE_HOST:
      return LinkError::DnsFailure;
    case CURLE_COULDNT_CONNECT:
      return LinkError::ConnectFailure;
    default:
      return LinkError::Other;
  }
}

enum class Method { Head, Get };

struct Answer {
  int status = 0;
  LinkError error = LinkError::None;
  std::string error_text;
  std::string redirect;      // CURLINFO_REDIRECT_URL: the Location of a 3xx, absolute
  std::string content_type;  // media type, lower case, no parameters; "" none
  std::string body;          // only when asked for and the answer is HTML
};

// One transfer's state, shared with curl's callbacks.
struct Transfer {
  bool keep_html = false;
  std::string content_type;
  std::string body;
  bool stopped = false;  // we ended the body on purpose: not an error
};

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  const std::string_view line(data, n);
  if (starts_with_ci(line, "http/"))  // a new response (after a 1xx): its own headers
    transfer.content_type.clear();
  else if (starts_with_ci(line, "content-type:"))
    transfer.content_type = media_type(line.substr(std::strlen("content-type:")));
  return n;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (!transfer.keep_html || !is_html(transfer.content_type)) {
    transfer.stopped = true;  // nobody reads it: the status is all we need
    return 0;
  }
  if (transfer.body.size() + n > kBodyLimit) {
    transfer.body.append(data, kBodyLimit - transfer.body.size());
    transfer.stopped = true;
    return 0;
  }
  transfer.body.append(data, n);
  return n;
}

// One reused easy handle (connections are kept alive between requests) and the per-host pause.
class Fetcher {
 public:
  explicit Fetcher(const CrawlOptions& options) : options_(options), curl_(curl_easy_init(), &curl_easy_cleanup) {}

  Answer fetch(const std::string& url, const std::string& host, Method method, bool keep_html) {
    Answer answer;
    if (!curl_) {
      answer.error = LinkError::Other;
      answer.error_text = "curl_easy_init failed";
      return answer;
    }
    pause_for(host);
    CURL* h = curl_.get();
    curl_easy_reset(h);
    Transfer transfer;
    transfer.keep_html = keep_html;
    char errbuf[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for timeouts
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
    curl_easy_setopt(h, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  // redirects are facts to record, see the top
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    if (method == Method::Head) curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    const CURLcode code = curl_easy_perform(h);
    last_request_[host] = std::chrono::steady_clock::now();

    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    answer.status = static_cast<int>(status);
    char* location = nullptr;
    if (curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) answer.redirect = location;
    if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && transfer.stopped)) {
      answer.error = link_error(code);
      answer.error_text = one_line(errbuf[0] ? errbuf : curl_easy_strerror(code));
    }
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);  // errbuf ends here
    answer.content_type = std::move(transfer.content_type);
    answer.body = std::move(transfer.body);
    return answer;
  }

 private:
  void pause_for(const std::string& host) {
    if (options_.delay.count() <= 0) return;
    const auto last = last_request_.find(host);
    if (last == last_request_.end()) return;
    const auto wait = last->second + options_.delay - std::chrono::steady_clock::now();
    if (wait > std::chrono::steady_clock::duration::zero()) std::this_thread::sleep_for(wait);
  }

  const CrawlOptions& options_;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl_;
  std::map<std::string, std::chrono::steady_clock::time_point> last_request_;
};

// --- HTML -------------------------------------------------------------------------------------

struct PageLink {
  std::string url;
  std::string text;
  Kind kind = Kind::Page;
};

struct ParsedPage {
  std::vector<std::pair<std::string, std::string>> meta;
  std::string title;
  std::vector<PageLink> links;
};

// A rough element depth: start tags minus end tags, leaving out void elements and those whose end
// tag is usually omitted (so a long list of unclosed <li> does not count). Linear in the input.
int estimated_nesting(std::string_view html) {
  static const char* const kFlat[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                      "link", "meta", "param", "source", "track", "wbr", "p", "li",
                                      "td", "th", "tr", "option", "dt", "dd"};
  int depth = 0;
  int deepest = 0;
  for (std::size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i + 1)) {
    if (html[i + 1] == '/') {
      depth = std::max(0, depth - 1);
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(html[i + 1]))) continue;
    std::size_t end = i + 1;
    while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end]))) ++end;
    const std::string name = lower(html.substr(i + 1, end - i - 1));
    const auto gt = html.find('>', end);
    if (gt == std::string_view::npos) break;
    i = gt;  // continue after this tag: every byte is looked at once
    if (html[gt - 1] == '/') continue;
    if (std::any_of(std::begin(kFlat), std::end(kFlat), [&](const char* f) { return name == f; })) continue;
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

class GumboDocument {
 public:
  explicit GumboDocument(const std::string& html) {
    options_.max_errors = 0;  // parse errors are not used
    output_ = gumbo_parse_with_options(&options_, html.data(), html.size());
  }
  ~GumboDocument() {
    if (output_) gumbo_destroy_output(&options_, output_);
  }
  GumboDocument(const GumboDocument&) = delete;
  GumboDocument& operator=(const GumboDocument&) = delete;
  const GumboNode* root() const { return output_ ? output_->document : nullptr; }

 private:
  GumboOptions options_ = kGumboDefaultOptions;
  GumboOutput* output_ = nullptr;
};

const GumboVector* children_of(const GumboNode* n) {
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return nullptr;
}

// Every element under `root` (itself included), in document order; no recursion.
std::vector<const GumboNode*> elements_in_order(const GumboNode* root) {
  std::vector<const GumboNode*> out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) out.push_back(n);
    if (const GumboVector* kids = children_of(n))
      for (unsigned k = kids->length; k > 0; --k) stack.push_back(static_cast<const GumboNode*>(kids->data[k - 1]));
  }
  return out;
}

// The text under `root`, and the alt of the first <img> in it (for an image link with no text).
std::pair<std::string, std::string> text_and_alt(const GumboNode* root) {
  std::string text;
  std::string alt;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      text += n->v.text.text;
      continue;
    }
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_IMG && alt.empty()) {
      if (const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, "alt")) alt = a->value;
    }
    if (const GumboVector* kids = children_of(n)) {
      text += ' ';  // element boundaries separate words ("<td>a</td><td>b</td>")
      for (unsigned k = kids->length; k > 0; --k) stack.push_back(static_cast<const GumboNode*>(kids->data[k - 1]));
    }
  }
  return {text, alt};
}

const char* attribute(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool is_html_element(const GumboNode* n, GumboTag tag) {
  return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

// hrefs that name nothing to fetch.
bool ignored_href(std::string_view href) {
  href = trim_ascii(href);
  if (href.empty() || href.front() == '#') return true;
  for (const char* scheme : {"mailto:", "tel:", "javascript:", "data:"})
    if (starts_with_ci(href, scheme)) return true;
  return false;
}

bool has_token(std::string_view list, std::string_view token) {
  const std::string text = lower(list);
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_ascii_space(text[pos])) ++pos;
    std::size_t end = pos;
    while (end < text.size() && !is_ascii_space(text[end])) ++end;
    if (std::string_view(text).substr(pos, end - pos) == token) return true;
    pos = end;
  }
  return false;
}

// The text a link is reported with: its own, else its image's alt, else the target's file name.
std::string link_label(std::string_view own, const std::string& url) {
  std::string text = collapse_space(own);
  if (text.empty()) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed.has_error()) text = collapse_space(file_name(*parsed));
    if (text.empty()) text = url;
  }
  return clip_utf8(text, kLinkTextLimit);
}

ParsedPage parse_page(const std::string& html, const boost::urls::url_view_base& page_url) {
  ParsedPage page;
  if (estimated_nesting(html) > kMaxNesting) return page;
  GumboDocument document(html);
  if (!document.root()) return page;
  const std::vector<const GumboNode*> elements = elements_in_order(document.root());

  // <base href>: the first one counts, wherever it is (HTML §4.2.3).
  boost::urls::url base(page_url);
  for (const GumboNode* n : elements) {
    if (!is_html_element(n, GUMBO_TAG_BASE)) continue;
    const char* href = attribute(n, "href");
    if (!href) continue;
    const std::string resolved = resolve_link(page_url, href);
    if (!resolved.empty()) base = boost::urls::url(resolved);
    break;
  }

  bool have_title = false;
  for (const GumboNode* n : elements) {
    if (n->type != GUMBO_NODE_ELEMENT || n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) continue;
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_META) {
      if (const char* name = attribute(n, "name")) {
        const char* content = attribute(n, "content");
        page.meta.emplace_back(name, content ? content : "");
      }
      continue;
    }
    if (tag == GUMBO_TAG_TITLE) {
      if (!have_title) page.title = collapse_space(text_and_alt(n).first);
      have_title = true;
      continue;
    }
    const char* target = nullptr;
    Kind kind = Kind::Page;
    if (tag == GUMBO_TAG_A) {
      target = attribute(n, "href");
    } else if (tag == GUMBO_TAG_IFRAME) {
      target = attribute(n, "src");
    } else if (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_SCRIPT) {
      target = attribute(n, "src");
      kind = Kind::Resource;
    } else if (tag == GUMBO_TAG_LINK) {
      const char* rel = attribute(n, "rel");
      if (rel && has_token(rel, "stylesheet")) target = attribute(n, "href");
      kind = Kind::Resource;
    }
    if (!target || ignored_href(target)) continue;
    std::string url = resolve_link(base, target);
    if (url.empty()) continue;
    std::string own;
    if (tag == GUMBO_TAG_A) {
      auto [text, alt] = text_and_alt(n);
      own = collapse_space(text).empty() ? alt : text;
    }
    std::string label = link_label(own, url);
    page.links.push_back({std::move(url), std::move(label), kind});
  }
  return page;
}

// --- the walk ---------------------------------------------------------------------------------

class Crawl {
 public:
  explicit Crawl(const CrawlOptions& options) : options_(options), fetcher_(options) {
    const std::string encoded = encode_loose(trim_ascii(options.start_url));  // parsed views into it
    auto parsed = boost::urls::parse_uri(encoded);
    if (parsed.has_error()) throw std::invalid_argument("start_url is not an absolute URL: " + options.start_url);
    boost::urls::url start(*parsed);
    start_ = canonical(start);
    if (start_.empty()) throw std::invalid_argument("start_url is not an http(s) URL: " + options.start_url);
    rules_.push_back({lower(start.encoded_host()), start.has_port() ? effective_port(start) : 0});
    for (const auto& entry : options.own_hosts) {
      HostRule rule = host_rule(entry);
      if (!rule.host.empty()) rules_.push_back(std::move(rule));
    }
  }

  CrawlResult run() {
    LinkCheck home;
    home.url = start_;
    home.link_text = link_label("", start_);
    seen_.insert(start_);
    result_.links.push_back(std::move(home));
    kinds_.push_back(Kind::Page);
    for (std::size_t i = 0; i < result_.links.size(); ++i) {
      check(i);
      if (options_.progress)
        options_.progress(static_cast<int>(i + 1), static_cast<int>(result_.links.size() - (i + 1)));
    }
    return std::move(result_);
  }

 private:
  bool internal(const boost::urls::url_view_base& u) const {
    return std::any_of(rules_.begin(), rules_.end(), [&](const HostRule& rule) { return matches(rule, u); });
  }

  bool under_prefix(const boost::urls::url_view_base& u) const {
    const auto& prefix = options_.path_prefix;
    if (prefix.empty()) return true;
    return std::string_view(u.encoded_path()).starts_with(prefix) || u.path().starts_with(prefix);
  }

  // Appends a new link target (once per URL). External ones only when they are checked at all.
  void add(const std::string& url, const std::string& found_on, const std::string& text, Kind kind) {
    if (seen_.count(url)) return;
    auto parsed = boost::urls::parse_uri(url);
    if (parsed.has_error()) return;
    const bool external = !internal(*parsed);
    if (external && !options_.check_external) return;
    if (static_cast<long long>(result_.links.size()) >= options_.max_links) {
      result_.truncated = true;
      return;
    }
    LinkCheck link;
    link.url = url;
    link.found_on = found_on;
    link.link_text = text;
    link.external = external;
    seen_.insert(url);
    result_.links.push_back(std::move(link));
    kinds_.push_back(kind);
  }

  void check(std::size_t i) {
    // Copies: add() below may grow links.
    const std::string url = result_.links[i].url;
    const std::string text = result_.links[i].link_text;
    const bool external = result_.links[i].external;
    const Kind kind = kinds_[i];
    auto parsed = boost::urls::parse_uri(url);
    if (parsed.has_error()) {  // cannot happen: every URL here is canonical() output
      result_.links[i].error = LinkError::Other;
      result_.links[i].error_text = "unparsable URL";
      return;
    }
    const boost::urls::url_view view = *parsed;
    const std::string host = host_key(view);
    const bool file_like = looks_like_file(view);

    bool as_page = !external && kind == Kind::Page && (i == 0 || (!file_like && under_prefix(view)));
    if (as_page && static_cast<long long>(result_.pages.size()) >= options_.max_pages) {
      result_.truncated = true;
      as_page = false;
    }
    Answer answer = fetcher_.fetch(url, host, as_page ? Method::Get : Method::Head, as_page);
    if (!as_page && (answer.status == 405 || answer.status == 501))
      answer = fetcher_.fetch(url, host, Method::Get, false);

    const bool success = answer.status >= 200 && answer.status < 300;
    std::string redirect;
    if (!answer.redirect.empty()) {
      redirect = resolve_link(view, answer.redirect);
      if (redirect.empty()) redirect = one_line(answer.redirect);
    }
    {
      LinkCheck& link = result_.links[i];
      link.status = answer.status;
      link.error = answer.error;
      link.error_text = answer.error_text;
      link.redirected_to = redirect;
      if (kind == Kind::Resource)
        link.attachment = true;
      else if (success && !answer.content_type.empty())
        link.attachment = !is_html(answer.content_type);
      else
        link.attachment = file_like;  // an error page says nothing about what should have been there
    }

    if (as_page && success && answer.error == LinkError::None && is_html(answer.content_type)) {
      ParsedPage parsed_page = parse_page(answer.body, view);
      CrawledPage page;
      page.url = url;
      page.status = answer.status;
      page.meta = std::move(parsed_page.meta);
      page.title = std::move(parsed_page.title);
      result_.pages.push_back(std::move(page));
      for (const auto& found : parsed_page.links) add(found.url, url, found.text, found.kind);
    }
    if (!external && answer.status >= 300 && answer.status < 400 && !redirect.empty()) {
      auto target = boost::urls::parse_uri(redirect);
      if (!target.has_error() && is_http(*target) && internal(*target)) add(redirect, url, text, kind);
    }
  }

  const CrawlOptions& options_;
  Fetcher fetcher_;
  std::string start_;
  std::vector<HostRule> rules_;
  CrawlResult result_;
  std::vector<Kind> kinds_;  // parallel to result_.links
  std::unordered_set<std::string> seen_;  // the URLs in result_.links
};

}  // namespace

CrawlResult crawl_site(const CrawlOptions& options) {
  static std::once_flag curl_once;
  std::call_once(curl_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  Crawl crawl(options);
  return crawl.run();
}

std::string url_host(const std::string& url) {
  const std::string encoded = encode_loose(trim_ascii(url));  // parsed views into it
  auto parsed = boost::urls::parse_uri(encoded);
  if (parsed.has_error() || !parsed->has_authority()) return "";
  std::string host = lower(parsed->encoded_host());
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

}  // namespace zwgk::modules::zcjc
