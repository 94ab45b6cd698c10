#pragma once
// A value a POST hands to the page it redirects to (post/redirect/get) when that value must
// not be in the URL — a receipt with a secret shown once. The value is sealed with its
// expiry (PersonalDataKey, purpose OneTimeCookies: only this installation opens it, a
// tampered cookie opens as nothing) into an HttpOnly, SameSite=Strict cookie limited to
// `path`; the page that reads it clears it, so a refresh no longer has it.
#include <optional>
#include <string>
#include <string_view>

#include "http/request.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::web {

// The Set-Cookie header value carrying `value` until now + lifetime_seconds.
std::string one_time_cookie(const store::PersonalDataKey& key, std::string_view name, std::string_view value,
                            const std::string& path, long long now, long lifetime_seconds);
// The value, if the request carries a cookie `name` this installation sealed that has not
// expired at `now`.
std::optional<std::string> read_one_time_cookie(const store::PersonalDataKey& key, const http::Request& req,
                                                std::string_view name, long long now);
// The Set-Cookie header value that removes cookie `name` from `path`.
std::string cleared_cookie(std::string_view name, const std::string& path);

}  // namespace zwgk::web
