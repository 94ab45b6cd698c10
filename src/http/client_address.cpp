#include "http/client_address.hpp"

#include <algorithm>

#include "http/ascii.hpp"

namespace zwgk::http {

namespace {

bool trusted_address(std::string_view a, const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), a) != trusted.end();
}

// Characters of an IPv4 or IPv6 address: anything else is not an address we believe.
bool plausible_address(std::string_view a) {
  if (a.empty() || a.size() > 45) return false;
  return std::all_of(a.begin(), a.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
  });
}

}  // namespace

std::string client_address(std::string_view peer, std::optional<std::string_view> forwarded_for,
                           const std::vector<std::string>& trusted) {
  if (!forwarded_for || !trusted_address(peer, trusted)) return std::string(peer);
  std::string_view rest = *forwarded_for;
  std::string_view last_trusted = peer;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    std::string_view hop = ascii::trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
    if (!plausible_address(hop)) return std::string(last_trusted);
    if (!trusted_address(hop, trusted)) return std::string(hop);
    last_trusted = hop;
  }
  return std::string(last_trusted);
}

}  // namespace zwgk::http
