// Sealing of applicants' ID numbers: see personal_data_key.hpp.
#include "store/personal_data_key.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace zwgk::store {

namespace {
void init_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium 初始化失败");
}
}  // namespace

PersonalDataKey PersonalDataKey::derive_from(std::string_view master, Purpose purpose) {
  init_sodium();
  if (master.size() != crypto_kdf_KEYBYTES) throw std::invalid_argument("安装密钥应为32字节");
  PersonalDataKey k;
  crypto_kdf_derive_from_key(k.key_.data(), k.key_.size(), static_cast<unsigned>(purpose), "zwgkpers",
                             reinterpret_cast<const unsigned char*>(master.data()));
  return k;
}

std::string PersonalDataKey::seal(std::string_view plain) const {
  std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size());
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), out.data(), key_.data());
  return to_hex(std::string_view(reinterpret_cast<const char*>(out.data()), out.size()));
}

std::optional<std::string> PersonalDataKey::open(std::string_view sealed_hex) const {
  std::vector<unsigned char> bin(sealed_hex.size() / 2 + 1);
  std::size_t len = 0;
  if (sodium_hex2bin(bin.data(), bin.size(), sealed_hex.data(), sealed_hex.size(), nullptr, &len, nullptr) != 0)
    return std::nullopt;
  if (len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  std::string plain(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), bin.data() + crypto_secretbox_NONCEBYTES,
                                 len - crypto_secretbox_NONCEBYTES, bin.data(), key_.data()) != 0)
    return std::nullopt;
  return plain;
}

std::string random_secret() {
  init_sodium();
  std::string s(32, '\0');
  randombytes_buf(s.data(), s.size());
  return s;
}

std::optional<std::string> secret_from_hex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  std::string out(32, '\0');
  std::size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0 || len != 32)
    return std::nullopt;
  return out;
}

std::string to_hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  out.pop_back();
  return out;
}

std::string PersonalDataKey::digest(std::string_view plain) const {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), key_.data(),
                     key_.size());
  return to_hex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

}  // namespace zwgk::store
