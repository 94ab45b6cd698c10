#pragma once
// The hot-query counter in memory (ADR 0015): searches are tallied here and written in
// batches (HotQueryRepository::record) by a flusher every few seconds and at shutdown,
// never one database write per search. Cheap enough for the page cache's hit path: add()
// takes a mutex and updates a map; no I/O.
//
// Bounds: at most max_queries distinct (site, query) keys and max_visitors visitor hashes
// in all between two flushes; beyond them new keys and visitors are dropped (counted in
// dropped()), so a flood of distinct queries cannot grow memory without bound. Existing
// keys keep counting searches.
//
// Visitors: visitor_hash() is SipHash-2-4 (libsodium crypto_shorthash) of the address under
// a key derived from the installation secret, 16 hex digits. The address itself is never
// kept, here or in the database.
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "store/hot_queries.hpp"

namespace zwgk::store {

class Database;

// The stored form of a searched text: normalised for search, at most 30 characters, with
// something searchable, and no personal data (domain::hot_query_personal_data, checked on
// the text as typed and as normalised). nullopt = not counted at all.
std::optional<std::string> countable_hot_query(std::string_view text, const domain::Date& today);

using VisitorKey = std::array<unsigned char, 16>;
// Derived from the installation secret (any length; empty = a random key for this process).
VisitorKey visitor_key(std::string_view secret);
std::string visitor_hash(const VisitorKey& key, std::string_view address);

struct HotQueryTallyLimits {
  std::size_t max_queries = 4096;
  std::size_t max_visitors = 32768;
};

class HotQueryTallyBuffer {
 public:
  explicit HotQueryTallyBuffer(HotQueryTallyLimits limits = {}) : limits_(limits) {}

  // One search of `query` (already countable_hot_query) by `visitor` (a hash). Never throws.
  void add(std::int64_t site_id, const std::string& query, const std::string& visitor) noexcept;
  // Everything tallied since the last take(), and a fresh start.
  std::vector<HotQueryTally> take();
  // take() written through HotQueryRepository::record in one transaction. On a database
  // error the batch is put back (within the bounds) and the error rethrown.
  void flush(Database& db, const domain::Date& today);
  std::size_t dropped() const;

 private:
  struct Counts {
    std::int64_t searches = 0;
    std::set<std::string> visitors;
  };
  HotQueryTallyLimits limits_;
  mutable std::mutex mu_;
  std::map<std::pair<std::int64_t, std::string>, Counts> counts_;
  std::size_t visitors_ = 0;
  std::size_t dropped_ = 0;
};

}  // namespace zwgk::store
