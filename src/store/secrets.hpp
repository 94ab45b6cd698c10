#pragma once
// Random tokens, digests and comparisons for secrets (libsodium behind this header).
#include <cstddef>
#include <string>
#include <string_view>

namespace zwgk::store {

// `bytes` random bytes (randombytes_buf) as lower-case hex: 32 bytes = a 256-bit token.
std::string random_token_hex(std::size_t bytes = 32);
// SHA-256 of `data`, lower-case hex (defined in blob_store.cpp, declared in blob_store.hpp too).
std::string sha256_hex(std::string_view data);
// Compares in time independent of where the inputs differ (sodium_memcmp); different
// lengths compare unequal.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace zwgk::store
