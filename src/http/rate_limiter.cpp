#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace zwgk::http {

RateLimiter::RateLimiter(double per_second, double burst, std::size_t max_keys)
    : per_second_(per_second),
      burst_(std::max(1.0, burst)),
      max_per_shard_(std::max<std::size_t>(16, max_keys / kShards)) {}

bool RateLimiter::allow(std::string_view key, Clock::time_point now, int* retry_after_seconds) {
  if (per_second_ <= 0) return true;
  Shard& shard = shards_[std::hash<std::string_view>{}(key) % kShards];
  std::lock_guard lock(shard.mu);
  auto it = shard.buckets.find(std::string(key));
  if (it == shard.buckets.end()) {
    if (shard.buckets.size() >= max_per_shard_) evict(shard, now);
    it = shard.buckets.emplace(std::string(key), Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  const double elapsed = std::chrono::duration<double>(now - b.updated).count();
  if (elapsed > 0) {
    b.tokens = std::min(burst_, b.tokens + elapsed * per_second_);
    b.updated = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  if (retry_after_seconds) {
    *retry_after_seconds = std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / per_second_)));
  }
  return false;
}

std::size_t RateLimiter::keys() const {
  std::size_t n = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s.mu);
    n += s.buckets.size();
  }
  return n;
}

void RateLimiter::evict(Shard& shard, Clock::time_point now) {
  // Full buckets first: forgetting them changes nothing.
  for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
    const double elapsed = std::chrono::duration<double>(now - it->second.updated).count();
    if (it->second.tokens + elapsed * per_second_ >= burst_) {
      it = shard.buckets.erase(it);
    } else {
      ++it;
    }
  }
  if (shard.buckets.size() < max_per_shard_) return;
  // Then the least recently used half.
  std::vector<Clock::time_point> times;
  times.reserve(shard.buckets.size());
  for (const auto& [k, b] : shard.buckets) times.push_back(b.updated);
  auto mid = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
  std::nth_element(times.begin(), mid, times.end());
  const auto cutoff = *mid;
  for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
    if (it->second.updated <= cutoff) {
      it = shard.buckets.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace zwgk::http
