// The access log line.
#include "http/access_log.hpp"

#include <chrono>
#include <ctime>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace zwgk::http::detail {

namespace {

std::string_view cache_word(CacheUse c) {
  switch (c) {
    case CacheUse::Hit: return "hit";
    case CacheUse::Miss: return "miss";
    case CacheUse::None: break;
  }
  return "none";
}

// "2024-05-01T08:30:12.345Z"; the seconds part is formatted once a second per thread.
std::string timestamp() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto secs = time_point_cast<seconds>(now);
  auto ms = duration_cast<milliseconds>(now - secs).count();
  thread_local std::time_t last = 0;
  thread_local char prefix[32] = {};
  std::time_t t = system_clock::to_time_t(secs);
  if (t != last) {
    last = t;
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(prefix, sizeof prefix, "%Y-%m-%dT%H:%M:%S", &tm);
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s.%03dZ", prefix, static_cast<int>(ms));
  return buf;
}

}  // namespace

std::shared_ptr<spdlog::logger> access_logger() {
  if (auto log = spdlog::get("access")) return log;
  try {
    auto log = spdlog::stdout_logger_mt("access");
    log->set_pattern("%v");  // the line carries its own time= field
    return log;
  } catch (const spdlog::spdlog_ex&) {  // registered meanwhile by another thread
    return spdlog::get("access");
  }
}

void log_access(spdlog::logger& log, const Outgoing& out, std::string_view remote,
                std::size_t bytes, double duration_ms) {
  log.info("time={} request_id={} remote={} method={} path={} status={} bytes={} "
           "duration_ms={:.3f} cache={}",
           timestamp(), out.request_id.empty() ? std::string_view("-") : out.request_id, remote,
           out.method, out.path, out.status, bytes, duration_ms, cache_word(out.cache));
}

}  // namespace zwgk::http::detail
