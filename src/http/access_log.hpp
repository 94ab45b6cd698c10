#pragma once
// One structured line per request on the spdlog logger "access".
#include <cstddef>
#include <memory>
#include <string_view>

#include "http/exchange.hpp"

namespace spdlog {
class logger;
}

namespace zwgk::http::detail {

// The "access" logger: the one the application registered, or one writing to stdout.
std::shared_ptr<spdlog::logger> access_logger();

// time=... request_id=... remote=... method=GET path=/a status=200 bytes=5800
// duration_ms=0.42 cache=hit. The path is as sent (percent-encoded, so no control
// characters reach the log) and never carries the query string.
void log_access(spdlog::logger& log, const Outgoing& out, std::string_view remote,
                std::size_t bytes, double duration_ms);

}  // namespace zwgk::http::detail
