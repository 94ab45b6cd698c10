#pragma once
// Strict parsing of API parameters. Every failure is an ApiError 400 whose Chinese message
// names the parameter; an empty value (?year=) counts as absent, as HTML forms send it.
// Private to src/web/api*.cpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace zwgk::web::api {

inline constexpr int kDefaultPerPage = 20;
inline constexpr int kMaxPerPage = 100;
inline constexpr int kMaxPage = 1000000;  // keeps (page - 1) * per_page well inside an int

// Decimal digits only, no sign, no spaces; nullopt if not that or out of [min, max].
std::optional<std::int64_t> parse_integer(std::string_view text, std::int64_t min, std::int64_t max);

// A query parameter, nullopt if absent or empty.
std::optional<std::string> query_value(const http::Request& req, std::string_view name);

int page_param(const http::Request& req);      // default 1
int per_page_param(const http::Request& req);  // default 20, at most 100
std::optional<int> year_param(const http::Request& req);
// A positive id in the query (?department=) or the path ({id}).
std::optional<std::int64_t> id_query_param(const http::Request& req, std::string_view name);
std::int64_t id_path_param(const http::Request& req, const std::string& name);

}  // namespace zwgk::web::api
