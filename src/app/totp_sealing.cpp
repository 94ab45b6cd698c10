// TOTP keys sealed with the installation secret (ADR 0018): the key for AccountRepository,
// and the one-time sealing of keys stored in clear by versions before it. A migration
// cannot do that — SQL never sees the secret — so it is code: `zwgk serve` and `zwgk
// migrate` seal what is left in clear at start, and a login that reads a clear key seals it.
#include <cstdio>

#include "app/commands.hpp"
#include "store/account_repository.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::app {

store::PersonalDataKey totp_sealing_key(const Config& config) {
  return store::PersonalDataKey::derive_from(installation_secret(config), store::PersonalDataKey::Purpose::TotpKeys);
}

int seal_clear_totp_keys(const Config& config, store::Database& db) {
  if (store::AccountRepository(db).clear_totp_key_count() == 0) return 0;
  const int n = store::AccountRepository(db, store::system_clock(), {}, totp_sealing_key(config)).seal_clear_totp_keys();
  if (n > 0) std::fprintf(stderr, "zwgk: 已用安装密钥加密 %d 个两步验证密钥（此前为明文保存）\n", n);
  return n;
}

}  // namespace zwgk::app
