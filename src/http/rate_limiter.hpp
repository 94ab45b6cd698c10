#pragma once
// A per-key token bucket (key: the client address): `burst` requests at once, then
// `per_second` on average. Thread-safe, sharded by key so that I/O threads rarely contend.
//
// Memory is bounded: each shard keeps at most max_keys / shards buckets; when a shard is
// full, buckets that have refilled completely (they carry no information) are dropped
// first, then the least recently used half. An attacker with many addresses therefore
// only resets their own buckets, never grows memory.
//
// This is per process (per node). On several nodes each node limits on its own, so the
// installation-wide rate is at most nodes × per_second.
#include <array>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zwgk::http {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // per_second <= 0 disables the limiter (allow() is always true).
  RateLimiter(double per_second, double burst, std::size_t max_keys = 100000);

  // Takes one token for `key` at `now`. false: none left; *retry_after_seconds (if given)
  // gets the whole seconds until the next token (at least 1).
  bool allow(std::string_view key, Clock::time_point now, int* retry_after_seconds = nullptr);

  bool enabled() const { return per_second_ > 0; }
  std::size_t keys() const;

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
  };
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<std::string, Bucket> buckets;
  };
  static constexpr std::size_t kShards = 16;

  void evict(Shard& shard, Clock::time_point now);

  double per_second_;
  double burst_;
  std::size_t max_per_shard_;
  std::array<Shard, kShards> shards_;
};

}  // namespace zwgk::http
