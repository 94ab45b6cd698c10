// Prometheus text exposition (format 0.0.4). Counters are relaxed atomics: a scrape may
// see one counter a request ahead of another, which Prometheus tolerates; nothing here
// needs to be exact across nodes.
#include "http/metrics.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <spdlog/spdlog.h>
#include <vector>

namespace zwgk::http {

namespace {

// Seconds. From "a cache hit" (sub-millisecond) to "something is wrong" (10 s).
constexpr std::array<double, 14> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                             0.1,    0.25,  0.5,    1.0,   2.5,   5.0,  10.0};

std::string number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

struct Gauge {
  std::string name;  // may carry labels: "zwgk_db_pool_in_use{backend=\"pg\"}"
  std::string help;
  std::function<double()> read;
};

}  // namespace

struct Metrics::Impl {
  std::array<std::atomic<std::uint64_t>, 6> by_class{};  // index = status / 100, 0 = other
  std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};  // not cumulative
  std::atomic<std::uint64_t> count{0};
  std::atomic<std::uint64_t> sum_micros{0};
  std::atomic<std::uint64_t> hits{0};
  std::atomic<std::uint64_t> misses{0};
  std::atomic<std::uint64_t> stale{0};
  mutable std::mutex gauges_mu;
  std::vector<Gauge> gauges;
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::observe_request(int status, double seconds) {
  int cls = status / 100;
  if (cls < 1 || cls > 5) cls = 0;
  impl_->by_class[static_cast<std::size_t>(cls)].fetch_add(1, std::memory_order_relaxed);
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      impl_->buckets[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
  impl_->count.fetch_add(1, std::memory_order_relaxed);
  auto micros = seconds > 0 ? static_cast<std::uint64_t>(seconds * 1e6 + 0.5) : 0;
  impl_->sum_micros.fetch_add(micros, std::memory_order_relaxed);
}

void Metrics::cache_hit() { impl_->hits.fetch_add(1, std::memory_order_relaxed); }
void Metrics::cache_miss() { impl_->misses.fetch_add(1, std::memory_order_relaxed); }
void Metrics::cache_stale() { impl_->stale.fetch_add(1, std::memory_order_relaxed); }

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(impl_->gauges_mu);
  for (auto& g : impl_->gauges) {
    if (g.name == name) {  // re-registering replaces, e.g. after a pool is rebuilt
      g.help = std::move(help);
      g.read = std::move(read);
      return;
    }
  }
  impl_->gauges.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::render() const {
  std::string out;
  out.reserve(2048);
  auto load = [](const std::atomic<std::uint64_t>& a) {
    return std::to_string(a.load(std::memory_order_relaxed));
  };

  out += "# HELP zwgk_http_requests_total HTTP responses sent, by status class.\n";
  out += "# TYPE zwgk_http_requests_total counter\n";
  static constexpr const char* kClasses[] = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};
  for (std::size_t i = 1; i < 6; ++i) {
    out += "zwgk_http_requests_total{code=\"";
    out += kClasses[i];
    out += "\"} " + load(impl_->by_class[i]) + "\n";
  }
  if (auto other = impl_->by_class[0].load(std::memory_order_relaxed)) {
    out += "zwgk_http_requests_total{code=\"other\"} " + std::to_string(other) + "\n";
  }

  out += "# HELP zwgk_http_request_duration_seconds Time from a complete request to its "
         "response written.\n";
  out += "# TYPE zwgk_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += impl_->buckets[i].load(std::memory_order_relaxed);
    out += "zwgk_http_request_duration_seconds_bucket{le=\"" + number(kBuckets[i]) + "\"} " +
           std::to_string(cumulative) + "\n";
  }
  std::uint64_t count = impl_->count.load(std::memory_order_relaxed);
  // Read after the buckets, so +Inf (= count) is never below the last bucket.
  if (count < cumulative) count = cumulative;
  out += "zwgk_http_request_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(count) + "\n";
  out += "zwgk_http_request_duration_seconds_sum " +
         number(static_cast<double>(impl_->sum_micros.load(std::memory_order_relaxed)) / 1e6) +
         "\n";
  out += "zwgk_http_request_duration_seconds_count " + std::to_string(count) + "\n";

  out += "# HELP zwgk_page_cache_hits_total Requests answered from the page cache.\n";
  out += "# TYPE zwgk_page_cache_hits_total counter\n";
  out += "zwgk_page_cache_hits_total " + load(impl_->hits) + "\n";
  out += "# HELP zwgk_page_cache_misses_total Cacheable requests the page cache could not "
         "answer.\n";
  out += "# TYPE zwgk_page_cache_misses_total counter\n";
  out += "zwgk_page_cache_misses_total " + load(impl_->misses) + "\n";
  out += "# HELP zwgk_page_cache_stale_total Requests answered with a page's previous version while "
         "its one render ran.\n";
  out += "# TYPE zwgk_page_cache_stale_total counter\n";
  out += "zwgk_page_cache_stale_total " + load(impl_->stale) + "\n";

  std::lock_guard lock(impl_->gauges_mu);
  // A family's samples must be adjacent, with one HELP/TYPE before them.
  std::vector<const Gauge*> sorted;
  for (const auto& g : impl_->gauges) sorted.push_back(&g);
  auto family = [](const Gauge* g) { return std::string_view(g->name).substr(0, g->name.find('{')); };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const Gauge* a, const Gauge* b) { return family(a) < family(b); });
  std::string_view previous;
  for (const Gauge* g : sorted) {
    if (family(g) != previous) {
      previous = family(g);
      out.append("# HELP ").append(previous).append(" ").append(g->help).append("\n");
      out.append("# TYPE ").append(previous).append(" gauge\n");
    }
    double value = 0;
    try {
      value = g->read ? g->read() : 0;
    } catch (const std::exception& e) {
      spdlog::warn("metrics gauge {} failed: {}", g->name, e.what());
      value = std::nan("");
    }
    out += g->name + " " + number(value) + "\n";
  }
  return out;
}

}  // namespace zwgk::http
