#pragma once
// The 查询码 of a case a citizen opened (an information request, a letter): shown once on the
// receipt, kept only as a salted BLAKE2b hash (domain/tracking_number.hpp has its alphabet).
#include <cstddef>
#include <string>

namespace zwgk::store {

struct QueryCode {
  std::string code;  // shown to the citizen once
  std::string salt;  // stored
  std::string hash;  // stored
};

// A fresh code (libsodium's random source) with its salt and hash.
QueryCode new_query_code();
// Whether `code` hashes to `hash` under `salt`, in constant time. An unknown case is checked
// against a dummy so both answers take the same work: pass found = false.
bool query_code_matches(const std::string& salt, const std::string& hash, const std::string& code, bool found = true);
// `bytes` random bytes in lower-case hex (download tokens, salts).
std::string random_hex(std::size_t bytes);

}  // namespace zwgk::store
