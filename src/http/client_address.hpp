#pragma once
// Who the client is when the server sits behind reverse proxies (nginx): the right-most
// X-Forwarded-For address that is not a trusted proxy; the socket's peer otherwise. Only a
// peer in `trusted` may speak for someone else, so a client cannot choose its own address
// (which the rate limit and the audit log rely on).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::http {

std::string client_address(std::string_view peer, std::optional<std::string_view> forwarded_for,
                           const std::vector<std::string>& trusted);

}  // namespace zwgk::http
