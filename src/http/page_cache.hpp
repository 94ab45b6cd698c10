#pragma once
// In-memory cache of rendered public pages. Key: host + request-target (path and query);
// each entry keeps the identity, gzip and brotli bodies, computed once, plus ETag and
// Last-Modified; the encoding is chosen per request from Accept-Encoding. Entries carry
// tags (what the page shows); invalidate(tag) drops exactly the entries that carry it.
// Thread-safe; lookups take a shared lock.
//
// Cache classes: a page with a non-empty cache_class lives in that class's own budget
// (bytes and entries, set_class_budget) and is evicted only by pages of the same class, so
// pages that anyone can create at will (one per query string) never push the main pages
// out. A page whose class has no budget is not cached.
//
// One render per page at a time (single-flight): a request that misses claims the render
// of its key (RenderClaim); a concurrent request for the same key waits for that render
// instead of rendering too, or, when the page was invalidated (or expired) a moment ago and
// its previous version is still held, is served that previous version meanwhile (stale
// while the one render runs). A stale copy is kept only for kStaleSeconds, only within
// stale_budget bytes, and is dropped when the render of its key ends, whatever it
// answered, so a withdrawn page is never served again once its render has said 404.
#include <chrono>
#include <functional>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::http {

struct Request;

struct CachedPage {
  int status = 200;
  std::string content_type;
  std::string etag;           // quoted strong ETag
  std::string last_modified;  // HTTP-date
  std::shared_ptr<const std::string> identity;
  std::shared_ptr<const std::string> gzip;    // null if compression would not help
  std::shared_ptr<const std::string> brotli;  // "br"; null if compression would not help
  std::vector<std::pair<std::string, std::string>> headers;
  std::vector<std::string> tags;
  bool allow_range = false;  // Range requests are honoured on the identity body
  long long expires_at = 0;  // unix seconds after which the entry is stale; 0 = until invalidated
  std::string cache_class;   // "" = the main budget
  std::function<void(const Request&)> on_hit;  // called by the server on each cache hit
};

class PageCache {
 public:
  // How long after an invalidation the previous version may still be served while the page
  // is re-rendered.
  static constexpr int kStaleSeconds = 30;
  // A render older than this no longer holds other requests back (they render themselves).
  static constexpr std::chrono::seconds kRenderWait{5};

  struct Lookup {
    std::shared_ptr<const CachedPage> page;  // null: nothing held for the key
    bool stale = false;                      // page is a previous (invalidated or expired) version
  };

  // Claims the render of a key for as long as it lives. owned(): this caller renders and
  // the claim ends when it is destroyed (waking every request waiting on the key).
  class RenderClaim {
   public:
    RenderClaim(PageCache& cache, std::string key);
    ~RenderClaim();
    RenderClaim(const RenderClaim&) = delete;
    RenderClaim& operator=(const RenderClaim&) = delete;
    bool owned() const { return owned_; }
    // Blocks until the render that holds the key ends, at most `timeout` (not owned only).
    void wait(std::chrono::milliseconds timeout) const;

   private:
    PageCache& cache_;
    std::string key_;
    bool owned_ = false;
  };

  explicit PageCache(std::size_t max_bytes = 256u << 20);
  ~PageCache();
  std::shared_ptr<const CachedPage> find(std::string_view key) const;
  // The fresh page, else the previous version if one is held (stale = true), else nothing.
  Lookup lookup(std::string_view key) const;
  // Is a render of `key` running (claimed less than kRenderWait ago)?
  bool rendering(std::string_view key) const;
  // Bytes of previous versions held for stale serving (default: an eighth of max_bytes).
  void set_stale_budget(std::size_t max_bytes);
  std::size_t stale_entries() const;
  void put(std::string key, std::shared_ptr<const CachedPage> page);
  // Like put, but drops the page if any invalidation happened since `seen` was read from
  // generation(): a page rendered before a write must not be cached after it.
  void put(std::string key, std::shared_ptr<const CachedPage> page, std::uint64_t seen);
  // Moves on every invalidate()/invalidate_all().
  std::uint64_t generation() const;
  void invalidate(std::string_view tag);
  void invalidate_all();
  // Gives cache_class its own budget (replacing an earlier one; entries of the class beyond
  // it are evicted). max_entries 0 = no limit on the count.
  void set_class_budget(const std::string& cache_class, std::size_t max_bytes, std::size_t max_entries);
  // Entries and bytes held by one class ("" = the main budget).
  std::size_t entries(const std::string& cache_class) const;
  std::size_t bytes(const std::string& cache_class) const;
  void set_enabled(bool on);
  bool enabled() const;
  // The time expires_at is compared with (Unix seconds; default: the system's). Set before
  // serving, to the clock the pages take "today" from, so a page that expires at the site's
  // midnight does so by the same clock (a test's injected one included).
  void set_clock(std::function<long long()> now);
  std::size_t entries() const;
  std::size_t bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// gzip (RFC 1952) of data at the given level.
std::string gzip_compress(std::string_view data, int level = 6);

}  // namespace zwgk::http
