#include "store/form_nonces.hpp"

#include <chrono>
#include <ctime>

#include "store/database_impl.hpp"

namespace zwgk::store {

bool consume_form_nonce(Database& db, const std::string& nonce) {
  return guarded("保存表单令牌失败", [&] {
    Lease lease(db);
    Transaction tx(lease);
    std::string n = nonce, now = now_utc_iso();
    const std::time_t cutoff_t = std::time(nullptr) - 86400;
    char cutoff[32];
    std::strftime(cutoff, sizeof cutoff, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&cutoff_t));
    std::string c = cutoff;
    lease.sql() << "DELETE FROM form_nonces WHERE used_at < :c", soci::use(c, "c");
    soci::statement ins = (lease.sql().prepare << "INSERT INTO form_nonces (nonce, used_at) VALUES (:n, :t) "
                                                  "ON CONFLICT (nonce) DO NOTHING",
                           soci::use(n, "n"), soci::use(now, "t"));
    ins.execute(true);
    const bool fresh = ins.get_affected_rows() > 0;
    tx.commit();
    return fresh;
  });
}

}  // namespace zwgk::store
