#pragma once
// The key that seals applicants' ID numbers (libsodium crypto_secretbox: XSalsa20-Poly1305)
// before they reach the database; see docs/adr/0010-information-requests.md. The key is
// derived from the installation's secret (zwgk.toml secret_key / ZWGK_SECRET_KEY), so every
// node of a cluster can open what another sealed. Losing the secret loses the ID numbers
// (nothing else).
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace zwgk::store {

class PersonalDataKey {
 public:
  static constexpr std::size_t kBytes = 32;
  // What a key seals; each purpose is its own crypto_kdf subkey id, so a value sealed for
  // one purpose never opens as another.
  enum class Purpose : unsigned { IdNumbers = 1, TotpKeys = 2, OneTimeCookies = 3 };
  // Derives the sealing key from a 32-byte installation secret (crypto_kdf, context "zwgkpers").
  static PersonalDataKey derive_from(std::string_view master_secret, Purpose purpose = Purpose::IdNumbers);
  // "nonce || ciphertext" in lower-case hex.
  std::string seal(std::string_view plain) const;
  // nullopt if the text was not sealed with this key (or was tampered with).
  std::optional<std::string> open(std::string_view sealed_hex) const;
  // A keyed digest (BLAKE2b under this key, 32 bytes, hex) of a value that must be matched
  // but never read back, e.g. a phone number for a per-phone limit: equal values give equal
  // digests under one installation secret; the digest does not give the value away.
  std::string digest(std::string_view plain) const;

 private:
  std::array<unsigned char, kBytes> key_{};
};

// 32 random bytes (libsodium), e.g. for a fresh installation secret.
std::string random_secret();
// The secret from 64 hex digits; nullopt if malformed.
std::optional<std::string> secret_from_hex(std::string_view hex);
std::string to_hex(std::string_view bytes);

}  // namespace zwgk::store
