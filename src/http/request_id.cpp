// Request ids: a random per-process prefix and a counter.
#include <atomic>
#include <cstdio>
#include <random>

#include "http/exchange.hpp"

namespace zwgk::http::detail {

std::string next_request_id() {
  static const std::uint32_t prefix = [] {
    std::random_device rd;
    return static_cast<std::uint32_t>(rd());
  }();
  static std::atomic<std::uint64_t> counter{0};
  std::uint64_t n = counter.fetch_add(1, std::memory_order_relaxed) + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08x-%06llx", prefix, static_cast<unsigned long long>(n));
  return buf;
}

}  // namespace zwgk::http::detail
