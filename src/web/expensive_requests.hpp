#pragma once
// The public requests that cost the server real work each time and that anyone can send
// in a loop: they count against the per-address rate limit
// (http::ServerOptions::rate_limit.applies). Only requests the page cache did not answer
// reach the limiter, so a cached search result costs nothing and counts nothing.
//   - 站内搜索: P/search/ and GET /api/v1/search (a full-text query each);
//   - the 依申请公开 forms posted to P/ysqgk/... (application, status lookup);
//   - POST /console/login (an argon2id hash each).
#include "http/request.hpp"

namespace zwgk::web {

bool is_expensive_public_request(const http::Request& req);

}  // namespace zwgk::web
