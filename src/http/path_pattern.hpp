#pragma once
// Whether a decoded path fits a route pattern of literal and "{name}" segments (the
// Router's syntax without "{name*}"), for code that must recognise a route before the
// request reaches the router (e.g. deciding a body limit from the request head).
#include <string_view>

namespace zwgk::http {

bool path_matches(std::string_view pattern, std::string_view path);

}  // namespace zwgk::http
