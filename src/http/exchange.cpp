// Serving one request, minus the I/O. See exchange.hpp for the order of work.
#include "http/exchange.hpp"

#include <ctime>
#include <spdlog/spdlog.h>

#include "http/ascii.hpp"
#include "http/compression.hpp"
#include "http/conditional.hpp"
#include "http/range.hpp"

namespace zwgk::http::detail {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// Headers the server owns: a handler's copy of them is dropped, not duplicated.
bool server_owned(std::string_view name) {
  static constexpr std::string_view owned[] = {
      "content-length", "transfer-encoding", "connection", "keep-alive", "date",
      "server",         "content-encoding",  "content-type", "etag",     "last-modified",
      "accept-ranges",  "content-range",     "x-request-id", "upgrade",  "trailer"};
  for (auto o : owned) {
    if (ascii::iequals(name, o)) return true;
  }
  return false;
}

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) !=
                  std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

bool is_field_value(std::string_view s) {
  for (unsigned char c : s) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

// "Sun, 06 Nov 1994 08:49:37 GMT", formatted at most once a second per thread.
const std::string& date_now() {
  thread_local std::time_t last = 0;
  thread_local std::string text;
  std::time_t now = std::time(nullptr);
  if (now != last) {
    last = now;
    text = http_date(static_cast<long long>(now));
  }
  return text;
}

// Content-Type with a charset for text types that lack one.
std::string with_charset(std::string_view type) {
  std::string out(type);
  if (out.find("charset=") == std::string::npos && is_compressible(type) &&
      out.find("svg") == std::string::npos) {
    out += "; charset=utf-8";
  }
  return out;
}

// Builds a response head. Values that would break framing (CR, LF, NUL) are dropped.
class Head {
 public:
  explicit Head(int status) {
    s_.reserve(1024);
    s_.append("HTTP/1.1 ");
    s_.append(std::to_string(status));
    s_.push_back(' ');
    s_.append(reason_phrase(status));
    s_.append("\r\n");
  }
  void field(std::string_view name, std::string_view value) {
    s_.append(name);
    s_.append(": ");
    s_.append(value);
    s_.append("\r\n");
  }
  void checked_field(std::string_view name, std::string_view value) {
    if (!is_token(name) || !is_field_value(value)) {
      spdlog::warn("dropped invalid response header {}", std::string(name));
      return;
    }
    field(name, value);
  }
  std::string finish() && {
    s_.append("\r\n");
    return std::move(s_);
  }

 private:
  std::string s_;
};

bool has_field(const Fields* fields, std::string_view name) {
  if (!fields) return false;
  for (const auto& [n, v] : *fields) {
    if (ascii::iequals(n, name)) return true;
  }
  return false;
}

// What is about to be sent, from a cached page or a fresh Response alike.
struct Representation {
  int status = 200;
  std::string_view content_type;
  std::string_view etag;
  std::string_view last_modified;
  std::shared_ptr<const std::string> identity;
  std::shared_ptr<const std::string> gzip;    // cached gzip form, if any
  std::shared_ptr<const std::string> brotli;  // cached br form, if any (never made per response)
  bool gzip_on_demand = false;              // may compress now (fresh responses)
  const Fields* fields = nullptr;           // the handler's extra headers
  bool allow_range = false;
};

bool cache_forbidden(const Response& r) {
  for (const auto& [n, v] : r.headers) {
    if (ascii::iequals(n, "set-cookie")) return true;  // one visitor's cookie for all
    if (ascii::iequals(n, "cache-control") &&
        (v.find("private") != std::string::npos || v.find("no-store") != std::string::npos)) {
      return true;
    }
  }
  return false;
}

std::shared_ptr<const CachedPage> make_page(Response&& r) {
  auto page = std::make_shared<CachedPage>();
  page->status = r.status;
  page->content_type = with_charset(r.content_type);
  page->etag = r.etag.empty() ? etag_for(r.body) : std::move(r.etag);
  page->last_modified = std::move(r.last_modified);
  auto identity = std::make_shared<const std::string>(std::move(r.body));
  if (is_compressible(page->content_type) && identity->size() >= kGzipMinBytes) {
    // Compressed once per cache fill: spend the CPU for the smallest body (level 9).
    auto z = gzip_compress(*identity, 9);
    if (z.size() < identity->size()) page->gzip = std::make_shared<const std::string>(std::move(z));
    auto b = brotli_compress(*identity, kBrotliCacheQuality);
    if (b.size() < identity->size()) page->brotli = std::make_shared<const std::string>(std::move(b));
  }
  page->identity = std::move(identity);
  page->headers = std::move(r.headers);
  page->tags = std::move(r.cache_tags);
  page->allow_range = r.allow_range;
  page->expires_at = r.cache_expires_at;
  page->cache_class = std::move(r.cache_class);
  page->on_hit = std::move(r.on_cache_hit);
  return page;
}

// What the writer sends for a cached page; the page outlives the write (shared_ptr held
// by the caller), so its headers are referenced, not copied.
Representation representation_of(const CachedPage& page) {
  Representation rep;
  rep.status = page.status;
  rep.content_type = page.content_type;
  rep.etag = page.etag;
  rep.last_modified = page.last_modified;
  rep.identity = page.identity;
  rep.gzip = page.gzip;
  rep.brotli = page.brotli;
  rep.fields = &page.headers;
  rep.allow_range = page.allow_range;
  return rep;
}

std::string_view raw_path(std::string_view target) {
  return target.substr(0, target.find('?'));
}

// The page cache's key: host (without port) + request-target.
std::string cache_key(const Request& req) {
  std::string key = req.host();
  key += req.target;
  return key;
}

}  // namespace

std::string_view reason_phrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Unknown";
  }
}

Exchange::Exchange(const ServerOptions& options, const Router& router, PageCache& cache,
                   Metrics& metrics, const std::atomic<bool>& draining)
    : options_(options), router_(router), cache_(cache), metrics_(metrics), draining_(draining) {}

namespace {

struct Writer {
  const ServerOptions& options;
  const std::atomic<bool>& draining;

  void security_and_framing(Head& head, const Fields* fields, const std::string& request_id,
                            bool keep_alive, bool http10) const {
    if (!has_field(fields, "content-security-policy")) {
      head.field("Content-Security-Policy", options.content_security_policy);
    }
    if (!has_field(fields, "x-content-type-options")) head.field("X-Content-Type-Options", "nosniff");
    if (!has_field(fields, "referrer-policy")) {
      head.field("Referrer-Policy", "strict-origin-when-cross-origin");
    }
    if (!has_field(fields, "x-frame-options")) head.field("X-Frame-Options", "SAMEORIGIN");
    head.field("X-Request-Id", request_id);
    if (!keep_alive) {
      head.field("Connection", "close");
    } else if (http10) {
      head.field("Connection", "keep-alive");
    }
  }

  void extra_fields(Head& head, const Fields* fields) const {
    if (!fields) return;
    for (const auto& [n, v] : *fields) {
      if (!server_owned(n)) head.checked_field(n, v);
    }
  }

  void write(const Request& req, Representation rep, Outgoing& out, bool keep_alive,
             bool http10) const {
    // Decided now, after the handler ran: a stop() meanwhile ends this connection.
    keep_alive = keep_alive && !draining.load();
    out.close = !keep_alive;
    const bool head_only = req.method == Method::Head;
    const bool get_or_head = req.method == Method::Get || head_only;
    const bool ok = rep.status == 200 && get_or_head;
    const bool compressible = is_compressible(rep.content_type);
    const std::string& body = *rep.identity;

    // Range applies to the identity bytes of a GET; If-Range may veto it.
    ByteRange range;
    if (ok && req.method == Method::Get && rep.allow_range) {
      if (auto r = req.header("range")) {
        auto if_range = req.header("if-range");
        if (!if_range || if_range_holds(*if_range, rep.etag, rep.last_modified)) {
          range = parse_range(*r, body.size());
        }
      }
    }
    const bool ranged = range.kind != ByteRange::Kind::Ignore;

    ContentCoding coding = ContentCoding::Identity;
    if (!ranged && compressible) {
      const bool gzip_possible = rep.gzip || (rep.gzip_on_demand && body.size() >= kGzipMinBytes);
      auto ae = req.header("accept-encoding");
      coding = choose_coding(ae ? &*ae : nullptr, gzip_possible, rep.brotli != nullptr);
    }

    // Conditional GET, before any compression work.
    if (ok) {
      auto inm = req.header("if-none-match");
      auto ims = req.header("if-modified-since");
      if (not_modified(inm ? &*inm : nullptr, ims ? &*ims : nullptr, rep.etag,
                       rep.last_modified)) {
        Head head(304);
        head.field("Date", date_now());
        if (!rep.etag.empty()) head.field("ETag", coded_etag(rep.etag, coding_name(coding)));
        if (!rep.last_modified.empty()) head.checked_field("Last-Modified", rep.last_modified);
        if (compressible) head.field("Vary", "Accept-Encoding");
        extra_fields(head, rep.fields);
        security_and_framing(head, rep.fields, req.request_id, keep_alive, http10);
        out.status = 304;
        out.head = std::move(head).finish();
        return;
      }
    }

    std::shared_ptr<const std::string> chosen = rep.identity;
    if (coding == ContentCoding::Brotli) {
      chosen = rep.brotli;
    } else if (coding == ContentCoding::Gzip) {
      if (!rep.gzip) {
        // Compressed per response: level 1 is ~3x faster than 6 for ~10% more bytes.
        auto z = gzip_compress(body, 1);
        if (z.size() < body.size()) rep.gzip = std::make_shared<const std::string>(std::move(z));
      }
      if (rep.gzip) {
        chosen = rep.gzip;
      } else {
        coding = ContentCoding::Identity;
      }
    }
    const bool encoded = coding != ContentCoding::Identity;

    int status = rep.status;
    std::string_view payload = *chosen;
    std::string content_range;
    std::string content_type = with_charset(rep.content_type);
    if (range.kind == ByteRange::Kind::Satisfiable) {
      status = 206;
      payload = std::string_view(body).substr(range.first, range.last - range.first + 1);
      content_range = "bytes " + std::to_string(range.first) + "-" + std::to_string(range.last) +
                      "/" + std::to_string(body.size());
    } else if (range.kind == ByteRange::Kind::Unsatisfiable) {
      status = 416;
      static const auto kMessage = std::make_shared<const std::string>("请求的范围无效");
      chosen = kMessage;
      payload = *kMessage;
      content_type = "text/plain; charset=utf-8";
      content_range = "bytes */" + std::to_string(body.size());
    }

    const bool bodiless = status == 204 || status == 304 || status < 200;
    Head head(status);
    head.field("Date", date_now());
    if (!bodiless) {
      head.checked_field("Content-Type", content_type);
      head.field("Content-Length", std::to_string(payload.size()));
    }
    if (encoded) head.field("Content-Encoding", coding_name(coding));
    if (!content_range.empty()) head.field("Content-Range", content_range);
    if (rep.allow_range && !encoded && ok) head.field("Accept-Ranges", "bytes");
    if (compressible) head.field("Vary", "Accept-Encoding");
    if (!rep.etag.empty() && (status == 200 || status == 206)) {
      head.checked_field("ETag", coded_etag(rep.etag, coding_name(coding)));
    }
    if (!rep.last_modified.empty()) head.checked_field("Last-Modified", rep.last_modified);
    extra_fields(head, rep.fields);
    security_and_framing(head, rep.fields, req.request_id, keep_alive, http10);

    out.status = status;
    out.head = std::move(head).finish();
    if (!head_only && !bodiless) {
      out.body = payload;
      out.owner = std::move(chosen);
    }
  }
};

}  // namespace

namespace {

Outgoing started_outgoing(const Request& req, bool keep_alive) {
  Outgoing out;
  out.started = std::chrono::steady_clock::now();
  out.close = !keep_alive;
  out.method = method_name(req.method);
  out.path = std::string(raw_path(req.target));
  out.request_id = req.request_id;
  return out;
}

// {"error":{"code":…,"message":…,"request_id":…}}, the API's error envelope (docs/api.md).
std::string json_string(std::string_view v) {
  std::string out = "\"";
  for (unsigned char c : v) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      static const char* hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string json_error(std::string_view code, std::string_view message, std::string_view request_id) {
  return "{\"error\":{\"code\":" + json_string(code) + ",\"message\":" + json_string(message) +
         ",\"request_id\":" + json_string(request_id) + "}}";
}

bool same_bytes(std::string_view a, std::string_view b) {  // constant time for equal lengths
  if (a.size() != b.size()) return false;
  unsigned char d = 0;
  for (std::size_t i = 0; i < a.size(); ++i) d |= static_cast<unsigned char>(a[i] ^ b[i]);
  return d == 0;
}

}  // namespace

bool Exchange::metrics_allowed(const Request& req) const {
  for (const auto& a : options_.metrics_allow) {
    if (a == req.remote_address) return true;
  }
  if (!options_.metrics_token.empty()) {
    if (auto auth = req.header("authorization")) {
      constexpr std::string_view kBearer = "Bearer ";
      if (auth->size() > kBearer.size() && ascii::iequals(auth->substr(0, kBearer.size()), kBearer) &&
          same_bytes(auth->substr(kBearer.size()), options_.metrics_token)) {
        return true;
      }
    }
  }
  return false;
}

// /healthz and /metrics. false: not one of them.
bool Exchange::serve_builtin(Request& req, bool keep_alive, bool http10, Outgoing& out) const {
  if (req.path != "/healthz" && req.path != "/metrics") return false;
  const bool get_or_head = req.method == Method::Get || req.method == Method::Head;
  Response r;
  if (!get_or_head) {
    r = Response::text("不允许的请求方法", 405);
    r.set_header("Allow", "GET, HEAD");
  } else if (req.path == "/healthz") {
    r = Response::text("ok");
  } else if (!metrics_allowed(req)) {
    r = Response::text("无权访问运行指标", 403);
  } else {
    std::string text = metrics_.render();
    text += "# HELP zwgk_page_cache_entries Pages in the page cache.\n"
            "# TYPE zwgk_page_cache_entries gauge\n"
            "zwgk_page_cache_entries " + std::to_string(cache_.entries()) + "\n"
            "# HELP zwgk_page_cache_bytes Bytes held by the page cache.\n"
            "# TYPE zwgk_page_cache_bytes gauge\n"
            "zwgk_page_cache_bytes " + std::to_string(cache_.bytes()) + "\n";
    r = Response::text(std::move(text));
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  }
  r.set_header("Cache-Control", "no-store");
  Representation rep;
  rep.status = r.status;
  rep.content_type = r.content_type;
  rep.identity = std::make_shared<const std::string>(std::move(r.body));
  rep.gzip_on_demand = true;
  rep.fields = &r.headers;
  Writer{options_, draining_}.write(req, std::move(rep), out, keep_alive, http10);
  return true;
}

bool Exchange::cacheable(const Request& req) const {
  const bool get_or_head = req.method == Method::Get || req.method == Method::Head;
  return get_or_head && cache_.enabled() && !req.header("authorization");
}

bool Exchange::serve_hit(Request& req, const std::string& key, bool keep_alive, bool http10, Outgoing& out) const {
  auto found = cache_.lookup(key);
  if (!found.page) return false;
  // The previous version only while another request renders the page (single-flight).
  if (found.stale && !cache_.rendering(key)) return false;
  serve_cached(req, *found.page, found.stale, keep_alive, http10, out);
  return true;
}

void Exchange::serve_cached(Request& req, const CachedPage& page, bool stale, bool keep_alive, bool http10,
                            Outgoing& out) const {
  if (stale) {
    metrics_.cache_stale();
  } else {
    metrics_.cache_hit();
  }
  out.cache = CacheUse::Hit;
  if (page.on_hit) page.on_hit(req);  // e.g. counts a served search (never blocks)
  Writer{options_, draining_}.write(req, representation_of(page), out, keep_alive, http10);
}

bool Exchange::serve_without_handler(Request& req, bool keep_alive, bool http10, Outgoing& out) const {
  try {
    out = started_outgoing(req, keep_alive);
    if (serve_builtin(req, keep_alive, http10, out)) return true;
    return cacheable(req) && serve_hit(req, cache_key(req), keep_alive, http10, out);  // serve() counts a miss
  } catch (const std::exception& e) {
    spdlog::error("serving failed request_id={} path={} error={}", req.request_id, out.path, e.what());
    return false;  // serve() tries again and answers 500 if it fails too
  }
}

Outgoing Exchange::refuse(const Request& req, int status, std::string_view message, int retry_after_seconds,
                          bool keep_alive, bool http10) const {
  Outgoing out = started_outgoing(req, keep_alive);
  keep_alive = keep_alive && !draining_.load();
  out.close = !keep_alive;
  out.status = status;
  bool json = false;
  for (const auto& prefix : options_.json_error_prefixes) json = json || req.path.starts_with(prefix);
  auto body = std::make_shared<const std::string>(
      json ? json_error(status == 429 ? "too_many_requests" : "service_unavailable", message, out.request_id)
           : std::string(message));
  Head head(status);
  head.field("Date", date_now());
  head.field("Content-Type", json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
  head.field("Content-Length", std::to_string(body->size()));
  head.field("Cache-Control", "no-store");
  if (retry_after_seconds > 0) head.field("Retry-After", std::to_string(retry_after_seconds));
  Writer{options_, draining_}.security_and_framing(head, nullptr, out.request_id, keep_alive, http10);
  out.head = std::move(head).finish();
  if (req.method != Method::Head) {
    out.body = *body;
    out.owner = std::move(body);
  }
  return out;
}

Outgoing Exchange::serve(Request& req, bool keep_alive, bool http10) const {
  Outgoing out = started_outgoing(req, keep_alive);
  Writer writer{options_, draining_};

  try {
    const bool get_or_head = req.method == Method::Get || req.method == Method::Head;
    if (serve_builtin(req, keep_alive, http10, out)) return out;

    const bool use_cache = cacheable(req);
    std::string key;
    std::uint64_t generation = 0;
    std::optional<PageCache::RenderClaim> claim;
    if (use_cache) {
      key = cache_key(req);
      auto found = cache_.lookup(key);
      if (found.page && !found.stale) {  // filled while this waited for a worker
        serve_cached(req, *found.page, false, keep_alive, http10, out);
        return out;
      }
      // Single-flight: one render of a page at a time. A request that finds the page being
      // rendered gets its previous version if there is one, else waits for that render.
      claim.emplace(cache_, key);
      if (!claim->owned()) {
        if (found.page) {
          serve_cached(req, *found.page, true, keep_alive, http10, out);
          return out;
        }
        claim->wait(PageCache::kRenderWait);
        if (auto page = cache_.find(key)) {
          serve_cached(req, *page, false, keep_alive, http10, out);
          return out;
        }
        // That render cached nothing (an error, a private page): this request renders its own.
      }
      metrics_.cache_miss();
      out.cache = CacheUse::Miss;
      generation = cache_.generation();
    }

    Response r = router_.dispatch(req);

    if (use_cache && r.status == 200 && !r.cache_tags.empty() && !cache_forbidden(r)) {
      auto page = make_page(std::move(r));
      cache_.put(std::move(key), page, generation);
      writer.write(req, representation_of(*page), out, keep_alive, http10);
      return out;
    }

    Representation rep;
    rep.status = r.status;
    rep.content_type = r.content_type;
    if (r.status == 200 && get_or_head && r.etag.empty()) r.etag = etag_for(r.body);
    rep.etag = r.etag;
    rep.last_modified = r.last_modified;
    rep.identity = std::make_shared<const std::string>(std::move(r.body));
    rep.gzip_on_demand = true;
    rep.fields = &r.headers;
    rep.allow_range = r.allow_range;
    writer.write(req, std::move(rep), out, keep_alive, http10);
    return out;
  } catch (const std::exception& e) {
    spdlog::error("serving failed request_id={} path={} error={}", req.request_id, out.path,
                  e.what());
  } catch (...) {
    spdlog::error("serving failed request_id={} path={} error=unknown exception",
                  req.request_id, out.path);
  }
  Outgoing failed = reject(500, "服务器内部错误", req.request_id);
  failed.started = out.started;
  failed.method = out.method;
  failed.path = std::move(out.path);
  return failed;
}

Outgoing Exchange::reject(int status, std::string_view message, std::string request_id) const {
  Outgoing out;
  out.started = std::chrono::steady_clock::now();
  out.status = status;
  out.close = true;
  out.request_id = std::move(request_id);
  auto body = std::make_shared<const std::string>(message);
  Head head(status);
  head.field("Date", date_now());
  head.field("Content-Type", "text/plain; charset=utf-8");
  head.field("Content-Length", std::to_string(body->size()));
  Writer{options_, draining_}.security_and_framing(head, nullptr, out.request_id, false, false);
  out.head = std::move(head).finish();
  out.body = *body;
  out.owner = std::move(body);
  return out;
}

Outgoing Exchange::continue_100() {
  Outgoing out;
  out.status = 100;
  out.interim = true;
  out.head = "HTTP/1.1 100 Continue\r\n\r\n";
  return out;
}

}  // namespace zwgk::http::detail
