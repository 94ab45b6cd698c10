#pragma once
// Process metrics in Prometheus text format: requests by status class, a latency
// histogram, page-cache hits/misses and gauges registered by other layers (DB pool use).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace zwgk::http {

class Metrics {
 public:
  Metrics();
  ~Metrics();
  void observe_request(int status, double seconds);
  void cache_hit();
  void cache_miss();
  // A request answered with a page's previous version while its one render ran.
  void cache_stale();
  // A gauge read at scrape time, e.g. "zwgk_db_pool_in_use".
  void add_gauge(std::string name, std::string help, std::function<double()> read);
  std::string render() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zwgk::http
