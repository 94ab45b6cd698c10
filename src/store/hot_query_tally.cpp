// The in-memory hot-query tally of hot_query_tally.hpp.
#include "store/hot_query_tally.hpp"

#include <sodium.h>

#include "domain/utf8.hpp"
#include "domain/hot_query_rules.hpp"
#include "search/normalizer.hpp"
#include "search/tokenizer.hpp"

namespace zwgk::store {

namespace {

constexpr std::size_t kMaxHotQueryCharacters = 30;

std::size_t characters(std::string_view s) { return domain::count_characters(s); }

}  // namespace

std::optional<std::string> countable_hot_query(std::string_view text, const domain::Date& today) {
  if (domain::hot_query_personal_data(text, today)) return std::nullopt;
  std::string normalized = search::normalize_for_search(std::string(text));
  if (normalized.empty() || characters(normalized) > kMaxHotQueryCharacters) return std::nullopt;
  if (search::query_tokens(normalized).empty()) return std::nullopt;
  if (domain::hot_query_personal_data(normalized, today)) return std::nullopt;
  return normalized;
}

VisitorKey visitor_key(std::string_view secret) {
  if (sodium_init() < 0) throw StoreError("libsodium 初始化失败");
  VisitorKey key{};
  if (secret.empty()) {
    randombytes_buf(key.data(), key.size());
    return key;
  }
  // BLAKE2b of the secret keyed with a fixed context (a valid key length, 16-64 bytes,
  // whatever the secret's length): the visitor key is never the secret itself.
  static constexpr std::string_view kContext = "zwgk hot-query visitor v1";
  static_assert(kContext.size() >= crypto_generichash_KEYBYTES_MIN && kContext.size() <= crypto_generichash_KEYBYTES_MAX);
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                     reinterpret_cast<const unsigned char*>(kContext.data()), kContext.size());
  return key;
}

std::string visitor_hash(const VisitorKey& key, std::string_view address) {
  static_assert(sizeof(VisitorKey) == crypto_shorthash_KEYBYTES);
  unsigned char out[crypto_shorthash_BYTES];
  crypto_shorthash(out, reinterpret_cast<const unsigned char*>(address.data()), address.size(), key.data());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof out);
  for (unsigned char b : out) {
    hex.push_back(kHex[b >> 4]);
    hex.push_back(kHex[b & 15]);
  }
  return hex;
}

void HotQueryTallyBuffer::add(std::int64_t site_id, const std::string& query, const std::string& visitor) noexcept {
  try {
    std::lock_guard lock(mu_);
    auto it = counts_.find({site_id, query});
    if (it == counts_.end()) {
      if (counts_.size() >= limits_.max_queries) {
        ++dropped_;
        return;
      }
      it = counts_.emplace(std::pair{site_id, query}, Counts{}).first;
    }
    ++it->second.searches;
    if (visitors_ < limits_.max_visitors) {
      if (it->second.visitors.insert(visitor).second) ++visitors_;
    } else if (!it->second.visitors.count(visitor)) {
      ++dropped_;
    }
  } catch (const std::bad_alloc&) {
    // Out of memory: this search is not counted; the page is still served.
  }
}

std::vector<HotQueryTally> HotQueryTallyBuffer::take() {
  std::map<std::pair<std::int64_t, std::string>, Counts> taken;
  {
    std::lock_guard lock(mu_);
    taken.swap(counts_);
    visitors_ = 0;
  }
  std::vector<HotQueryTally> out;
  out.reserve(taken.size());
  for (auto& [key, c] : taken)
    out.push_back({key.first, key.second, c.searches, std::vector<std::string>(c.visitors.begin(), c.visitors.end())});
  return out;
}

void HotQueryTallyBuffer::flush(Database& db, const domain::Date& today) {
  auto batch = take();
  if (batch.empty()) return;
  try {
    HotQueryRepository(db).record(batch, today);
  } catch (...) {
    // Put the batch back for the next flush (bounded as add() is), then report.
    std::lock_guard lock(mu_);
    for (const auto& t : batch) {
      auto it = counts_.find({t.site_id, t.query});
      if (it == counts_.end()) {
        if (counts_.size() >= limits_.max_queries) {
          ++dropped_;
          continue;
        }
        it = counts_.emplace(std::pair{t.site_id, t.query}, Counts{}).first;
      }
      it->second.searches += t.searches;
      for (const auto& v : t.visitors)
        if (visitors_ < limits_.max_visitors && it->second.visitors.insert(v).second) ++visitors_;
    }
    throw;
  }
}

std::size_t HotQueryTallyBuffer::dropped() const {
  std::lock_guard lock(mu_);
  return dropped_;
}

}  // namespace zwgk::store
