#pragma once
// 申请编号 and 查询码 of an information request.
//  - Tracking number: "YSQ-2026-000123" — 依申请 + the year received + a serial unique across
//    the installation; shown on the receipt, on letters and to staff. Not secret.
//  - Query code: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown
//    once on the receipt; with the tracking number it opens the status page. Only a salted
//    hash is stored (store/disclosure_request_repository.cpp).
#include <optional>
#include <string>
#include <string_view>

namespace zwgk::domain {

inline constexpr std::string_view kQueryCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kQueryCodeLength = 10;

std::string format_tracking_number(int year, long long serial);  // "YSQ-2026-000123"
bool is_tracking_number(std::string_view s);
// Upper-cases, strips spaces and dashes a person may type; nullopt if it cannot be a code.
std::optional<std::string> normalise_query_code(std::string_view s);
// Upper-cases and trims; nullopt if not a tracking number.
std::optional<std::string> normalise_tracking_number(std::string_view s);

}  // namespace zwgk::domain
