// PageCache: rendered public pages in memory.
//
// Invariants (checked by check_invariants() when asserts are on and the cache is small, so
// that production-sized caches do not pay a walk per put):
//  1. Every entry's key is in its class's `clock` exactly once, and `entry.pos` points at it.
//  2. For every entry and each of its page's tags t, by_tag[t] contains the key; by_tag has
//     no key that is not an entry and no empty set.
//  3. For every class c (the main budget is class ""): c.bytes == sum of the bytes of the
//     entries of c, c.clock holds exactly the keys of c, and after every put c.bytes <=
//     c.max_bytes and (c.max_entries == 0 or c.clock.size() <= c.max_entries); bytes ==
//     the sum over the classes.
//
// Eviction is CLOCK (second chance) within a class: find() sets an entry's `referenced`
// bit under the shared lock; put() sweeps from the oldest key of the page's own class,
// sparing referenced entries once. A page of one class never evicts a page of another.
#include "http/page_cache.hpp"

#include <ctime>

#include <atomic>
#include <cassert>
#include <condition_variable>
#include <list>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <unordered_set>

namespace zwgk::http {

namespace {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

struct Budget {
  std::size_t max_bytes = 0;
  std::size_t max_entries = 0;  // 0 = no limit
  std::size_t bytes = 0;
  std::list<std::string> clock;  // oldest first
};

struct Entry {
  std::shared_ptr<const CachedPage> page;
  std::size_t bytes = 0;
  Budget* budget = nullptr;
  std::list<std::string>::iterator pos;
  mutable std::atomic<bool> referenced{false};
};

// What an entry costs: its bodies, the key, and a rough allowance for the rest.
std::size_t cost(const std::string& key, const CachedPage& page) {
  std::size_t n = key.size() + 256 + page.content_type.size() + page.etag.size();
  if (page.identity) n += page.identity->size();
  if (page.gzip) n += page.gzip->size();
  if (page.brotli) n += page.brotli->size();
  for (const auto& [k, v] : page.headers) n += k.size() + v.size();
  for (const auto& t : page.tags) n += t.size() + key.size();
  return n;
}

}  // namespace

// A previous version of a page, kept for stale serving (see the header).
struct Stale {
  std::shared_ptr<const CachedPage> page;
  std::size_t bytes = 0;
  long long since = 0;  // unix seconds of the invalidation
};

struct PageCache::Impl {
  explicit Impl(std::size_t max) : stale_max(max / 8) { budgets[""].max_bytes = max; }

  mutable std::shared_mutex mu;
  std::unordered_map<std::string, Entry, StringHash, std::equal_to<>> entries;
  std::unordered_map<std::string, std::unordered_set<std::string>, StringHash, std::equal_to<>>
      by_tag;
  // Node-based: Entry::budget pointers stay valid. Classes are never removed.
  std::unordered_map<std::string, Budget, StringHash, std::equal_to<>> budgets;
  std::size_t bytes = 0;
  std::atomic<bool> enabled{true};
  std::atomic<std::uint64_t> generation{0};
  std::function<long long()> now;  // empty: std::time

  // Previous versions (guarded by mu), outside the budgets: bounded by stale_max bytes.
  std::unordered_map<std::string, Stale, StringHash, std::equal_to<>> stale;
  std::size_t stale_bytes = 0;
  std::size_t stale_max = 0;

  // Renders in progress: key -> when claimed (guarded by flight_mu).
  mutable std::mutex flight_mu;
  mutable std::condition_variable flight_done;
  std::unordered_map<std::string, std::chrono::steady_clock::time_point, StringHash, std::equal_to<>> flights;

  long long now_seconds() const { return now ? now() : static_cast<long long>(std::time(nullptr)); }

  // Requires the exclusive lock.
  void drop_stale(std::string_view key) {
    if (auto s = stale.find(key); s != stale.end()) {
      stale_bytes -= s->second.bytes;
      stale.erase(s);
    }
  }

  // Requires the exclusive lock. Keeps an entry's page as the previous version of its key,
  // when the stale budget has room.
  void keep_stale(const std::string& key, const Entry& e) {
    drop_stale(key);
    const long long t = now_seconds();
    if (stale_bytes + e.bytes > stale_max) {  // make room from copies past their time
      for (auto it = stale.begin(); it != stale.end();) {
        if (t - it->second.since >= PageCache::kStaleSeconds) {
          stale_bytes -= it->second.bytes;
          it = stale.erase(it);
        } else {
          ++it;
        }
      }
      if (stale_bytes + e.bytes > stale_max) return;
    }
    stale.emplace(key, Stale{e.page, e.bytes, t});
    stale_bytes += e.bytes;
  }

  // Requires the exclusive lock.
  void erase(decltype(entries)::iterator it) {
    for (const auto& tag : it->second.page->tags) {
      auto t = by_tag.find(tag);
      if (t == by_tag.end()) continue;
      t->second.erase(it->first);
      if (t->second.empty()) by_tag.erase(t);
    }
    bytes -= it->second.bytes;
    it->second.budget->bytes -= it->second.bytes;
    it->second.budget->clock.erase(it->second.pos);
    entries.erase(it);
  }

  // Requires the exclusive lock. Frees room in budget b for `need` more bytes and one more
  // entry (need 0 and extra 0: just enforce the limits).
  void evict_for(Budget& b, std::size_t need, std::size_t extra = 1) {
    std::size_t spared = 0;
    auto over = [&] {
      return b.bytes + need > b.max_bytes || (b.max_entries != 0 && b.clock.size() + extra > b.max_entries);
    };
    while (over() && !b.clock.empty()) {
      auto it = entries.find(b.clock.front());
      assert(it != entries.end());
      if (it->second.referenced.exchange(false) && spared < b.clock.size()) {
        ++spared;
        b.clock.splice(b.clock.end(), b.clock, b.clock.begin());
        continue;
      }
      erase(it);
    }
  }

  void check_invariants() const {
#ifndef NDEBUG
    if (entries.size() > 64) return;
    std::size_t sum = 0, keys = 0, class_sum = 0;
    for (const auto& [name, b] : budgets) {
      keys += b.clock.size();
      class_sum += b.bytes;
      std::size_t own = 0;
      for (const auto& k : b.clock) {
        auto e = entries.find(k);
        assert(e != entries.end() && e->second.budget == &b);
        own += e->second.bytes;
      }
      assert(own == b.bytes);
      assert(b.bytes <= b.max_bytes);
      assert(b.max_entries == 0 || b.clock.size() <= b.max_entries);
    }
    assert(keys == entries.size());
    for (const auto& [key, e] : entries) {
      sum += e.bytes;
      assert(*e.pos == key);
      for (const auto& tag : e.page->tags) {
        auto t = by_tag.find(tag);
        assert(t != by_tag.end() && t->second.count(key) == 1);
      }
    }
    for (const auto& [tag, tagged] : by_tag) {
      assert(!tagged.empty());
      for (const auto& k : tagged) assert(entries.count(k) == 1);
    }
    assert(sum == bytes);
    assert(class_sum == bytes);
#endif
  }
};

PageCache::PageCache(std::size_t max_bytes) : impl_(std::make_unique<Impl>(max_bytes)) {}
PageCache::~PageCache() = default;

std::shared_ptr<const CachedPage> PageCache::find(std::string_view key) const {
  if (!impl_->enabled.load(std::memory_order_relaxed)) return nullptr;
  std::shared_lock lock(impl_->mu);
  auto it = impl_->entries.find(key);
  if (it == impl_->entries.end()) return nullptr;
  // A page that depends on the date (有效性 turns 失效 at midnight) expires; the next
  // request renders it afresh and put() replaces the entry.
  if (const auto exp = it->second.page->expires_at; exp != 0 && impl_->now_seconds() >= exp) return nullptr;
  if (!it->second.referenced.load(std::memory_order_relaxed)) {
    it->second.referenced.store(true, std::memory_order_relaxed);
  }
  return it->second.page;
}

PageCache::Lookup PageCache::lookup(std::string_view key) const {
  if (!impl_->enabled.load(std::memory_order_relaxed)) return {};
  std::shared_lock lock(impl_->mu);
  if (auto it = impl_->entries.find(key); it != impl_->entries.end()) {
    const auto exp = it->second.page->expires_at;
    if (exp == 0 || impl_->now_seconds() < exp) {
      it->second.referenced.store(true, std::memory_order_relaxed);
      return {it->second.page, false};
    }
    return {it->second.page, true};  // expired: the previous version until it is re-rendered
  }
  if (auto s = impl_->stale.find(key); s != impl_->stale.end() && impl_->now_seconds() - s->second.since < kStaleSeconds) {
    return {s->second.page, true};
  }
  return {};
}

bool PageCache::rendering(std::string_view key) const {
  std::lock_guard lock(impl_->flight_mu);
  auto it = impl_->flights.find(key);
  return it != impl_->flights.end() && std::chrono::steady_clock::now() - it->second < kRenderWait;
}

PageCache::RenderClaim::RenderClaim(PageCache& cache, std::string key) : cache_(cache), key_(std::move(key)) {
  auto& impl = *cache_.impl_;
  std::lock_guard lock(impl.flight_mu);
  auto now = std::chrono::steady_clock::now();
  auto [it, inserted] = impl.flights.try_emplace(key_, now);
  if (!inserted && now - it->second >= kRenderWait) {
    it->second = now;  // the holder is stuck: take over, so one request at a time still renders
    inserted = true;
  }
  owned_ = inserted;
}

PageCache::RenderClaim::~RenderClaim() {
  if (!owned_) return;
  auto& impl = *cache_.impl_;
  {
    std::lock_guard lock(impl.flight_mu);
    impl.flights.erase(key_);
  }
  impl.flight_done.notify_all();
  // Whatever the render answered, the previous version has had its time: a page that now
  // answers 404 (withdrawn) or is no longer cacheable must not be served from it again.
  std::unique_lock lock(impl.mu);
  impl.drop_stale(key_);
}

void PageCache::RenderClaim::wait(std::chrono::milliseconds timeout) const {
  if (owned_) return;
  auto& impl = *cache_.impl_;
  std::unique_lock lock(impl.flight_mu);
  impl.flight_done.wait_for(lock, timeout, [&] { return impl.flights.find(key_) == impl.flights.end(); });
}

void PageCache::set_stale_budget(std::size_t max_bytes) {
  std::unique_lock lock(impl_->mu);
  impl_->stale_max = max_bytes;
  if (impl_->stale_bytes > max_bytes) {
    impl_->stale.clear();
    impl_->stale_bytes = 0;
  }
}

std::size_t PageCache::stale_entries() const {
  std::shared_lock lock(impl_->mu);
  return impl_->stale.size();
}

void PageCache::put(std::string key, std::shared_ptr<const CachedPage> page) {
  put(std::move(key), std::move(page), generation());
}

void PageCache::put(std::string key, std::shared_ptr<const CachedPage> page, std::uint64_t seen) {
  if (!page || !impl_->enabled.load()) return;
  std::size_t need = cost(key, *page);
  std::unique_lock lock(impl_->mu);
  auto b = impl_->budgets.find(page->cache_class);
  if (b == impl_->budgets.end()) return;  // a class without a budget is not cached
  Budget& budget = b->second;
  if (need > budget.max_bytes) return;  // would evict everything and still not fit
  // Checked under the lock: invalidate() moves the generation under the same lock.
  if (impl_->generation.load() != seen) return;
  if (auto old = impl_->entries.find(key); old != impl_->entries.end()) impl_->erase(old);
  impl_->drop_stale(key);
  impl_->evict_for(budget, need);
  budget.clock.push_back(key);
  auto pos = std::prev(budget.clock.end());
  for (const auto& tag : page->tags) impl_->by_tag[tag].insert(key);
  auto [it, inserted] = impl_->entries.try_emplace(std::move(key));
  assert(inserted);
  it->second.page = std::move(page);
  it->second.bytes = need;
  it->second.budget = &budget;
  it->second.pos = pos;
  impl_->bytes += need;
  budget.bytes += need;
  impl_->check_invariants();
}

void PageCache::invalidate(std::string_view tag) {
  std::unique_lock lock(impl_->mu);
  impl_->generation.fetch_add(1);
  auto t = impl_->by_tag.find(tag);
  if (t == impl_->by_tag.end()) return;
  std::vector<std::string> keys(t->second.begin(), t->second.end());
  for (const auto& k : keys) {
    if (auto it = impl_->entries.find(k); it != impl_->entries.end()) {
      impl_->keep_stale(k, it->second);
      impl_->erase(it);
    }
  }
  impl_->check_invariants();
}

void PageCache::invalidate_all() {
  std::unique_lock lock(impl_->mu);
  impl_->generation.fetch_add(1);
  impl_->entries.clear();
  impl_->by_tag.clear();
  impl_->stale.clear();
  impl_->stale_bytes = 0;
  for (auto& [name, b] : impl_->budgets) {
    b.clock.clear();
    b.bytes = 0;
  }
  impl_->bytes = 0;
}

void PageCache::set_class_budget(const std::string& cache_class, std::size_t max_bytes, std::size_t max_entries) {
  std::unique_lock lock(impl_->mu);
  Budget& b = impl_->budgets[cache_class];
  b.max_bytes = max_bytes;
  b.max_entries = max_entries;
  impl_->evict_for(b, 0, 0);
  impl_->check_invariants();
}

std::size_t PageCache::entries(const std::string& cache_class) const {
  std::shared_lock lock(impl_->mu);
  auto b = impl_->budgets.find(cache_class);
  return b == impl_->budgets.end() ? 0 : b->second.clock.size();
}

std::size_t PageCache::bytes(const std::string& cache_class) const {
  std::shared_lock lock(impl_->mu);
  auto b = impl_->budgets.find(cache_class);
  return b == impl_->budgets.end() ? 0 : b->second.bytes;
}

void PageCache::set_enabled(bool on) {
  impl_->enabled.store(on);
  if (!on) invalidate_all();
}

void PageCache::set_clock(std::function<long long()> now) { impl_->now = std::move(now); }

bool PageCache::enabled() const { return impl_->enabled.load(std::memory_order_relaxed); }

std::size_t PageCache::entries() const {
  std::shared_lock lock(impl_->mu);
  return impl_->entries.size();
}

std::size_t PageCache::bytes() const {
  std::shared_lock lock(impl_->mu);
  return impl_->bytes;
}

std::uint64_t PageCache::generation() const { return impl_->generation.load(); }

}  // namespace zwgk::http
