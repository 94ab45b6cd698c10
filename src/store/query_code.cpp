#include "store/query_code.hpp"

#include <sodium.h>

#include "domain/tracking_number.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::store {

namespace {

void init_sodium() {
  if (sodium_init() < 0) throw StoreError("libsodium 初始化失败");
}

std::string salted_hash(const std::string& salt_hex, const std::string& code) {
  unsigned char out[32];
  const std::string input = salt_hex + ":" + code;
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(input.data()), input.size(), nullptr, 0);
  return to_hex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

}  // namespace

std::string random_hex(std::size_t bytes) {
  init_sodium();
  std::string b(bytes, '\0');
  randombytes_buf(b.data(), b.size());
  return to_hex(b);
}

QueryCode new_query_code() {
  init_sodium();
  QueryCode q;
  const auto n = static_cast<std::uint32_t>(domain::kQueryCodeAlphabet.size());
  for (std::size_t i = 0; i < domain::kQueryCodeLength; ++i) q.code += domain::kQueryCodeAlphabet[randombytes_uniform(n)];
  q.salt = random_hex(16);
  q.hash = salted_hash(q.salt, q.code);
  return q;
}

bool query_code_matches(const std::string& salt, const std::string& hash, const std::string& code, bool found) {
  const std::string given = salted_hash(found ? salt : std::string(32, '0'), code);
  const std::string& stored = found ? hash : given;
  return found && given.size() == stored.size() && sodium_memcmp(given.data(), stored.data(), given.size()) == 0;
}

}  // namespace zwgk::store
