// Counters of refused requests (security_log.hpp).
#include "store/security_log.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>

#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

std::string minute_of(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%MZ", &tm);
  return buf;
}

}  // namespace

SecurityLog::SecurityLog(Database& db, Clock clock, SecurityLogLimits limits)
    : db_(db), clock_(clock ? std::move(clock) : system_clock()), limits_(limits) {
  last_flush_ = clock_();
}

SecurityLog::~SecurityLog() { flush(); }

void SecurityLog::record(const SecurityEvent& event) noexcept {
  try {
    std::map<Key, std::int64_t> due;
    {
      std::lock_guard lock(mutex_);
      const auto now = clock_();
      Key key{minute_of(now), event.kind, event.account_id, event.place};
      if (pending_.size() >= limits_.max_pending && !pending_.count(key)) key = Key{minute_of(now), event.kind, 0, "*"};
      ++pending_[key];
      if (now - last_flush_ < limits_.flush_seconds) return;
      due.swap(pending_);
      last_flush_ = now;
    }
    if (!write(due)) {
      std::lock_guard lock(mutex_);
      for (const auto& [k, n] : due) pending_[k] += n;  // retried on the next flush
    }
  } catch (const std::exception& e) {
    spdlog::error("security log: record failed: {}", e.what());
  }
}

void SecurityLog::flush() noexcept {
  try {
    std::map<Key, std::int64_t> due;
    {
      std::lock_guard lock(mutex_);
      due.swap(pending_);
      last_flush_ = clock_();
    }
    if (due.empty()) return;
    if (!write(due)) {
      std::lock_guard lock(mutex_);
      for (const auto& [k, n] : due) pending_[k] += n;
    }
  } catch (const std::exception& e) {
    spdlog::error("security log: flush failed: {}", e.what());
  }
}

bool SecurityLog::write(const std::map<Key, std::int64_t>& counts) {
  try {
    guarded("写入安全事件失败", [&] {
      Lease lease(db_);
      Transaction tx(lease);
      for (const auto& [k, n] : counts) {
        std::string minute = std::get<0>(k), kind = std::get<1>(k), place = std::get<3>(k);
        long long account = std::get<2>(k), count = n;
        lease.sql() << "INSERT INTO security_events (minute, kind, account_id, place, count) "
                       "VALUES (:m, :k, :a, :p, :n) ON CONFLICT (minute, kind, account_id, place) "
                       "DO UPDATE SET count = security_events.count + excluded.count",
            soci::use(minute, "m"), soci::use(kind, "k"), soci::use(account, "a"), soci::use(place, "p"),
            soci::use(count, "n");
      }
      std::string cutoff = minute_of(clock_() - static_cast<std::int64_t>(limits_.retention_days) * 86400);
      lease.sql() << "DELETE FROM security_events WHERE minute < :c", soci::use(cutoff, "c");
      tx.commit();
    });
    return true;
  } catch (const std::exception& e) {
    std::int64_t total = 0;
    for (const auto& [k, n] : counts) total += n;
    spdlog::error("security log: write failed events={} error={}", total, e.what());
    return false;
  }
}

std::vector<SecurityCount> SecurityLog::recent(int limit) {
  return guarded("读取安全事件失败", [&] {
    Lease lease(db_);
    std::vector<SecurityCount> out;
    SecurityCount row;
    long long account = 0, count = 0;
    long long lim = std::max(limit, 1);
    soci::statement st = (lease.sql().prepare << "SELECT minute, kind, account_id, place, count FROM security_events "
                                                 "ORDER BY minute DESC, kind, account_id, place LIMIT :l",
                          soci::into(row.minute), soci::into(row.kind), soci::into(account), soci::into(row.place),
                          soci::into(count), soci::use(lim, "l"));
    st.execute();
    while (st.fetch()) {
      row.account_id = account;
      row.count = count;
      out.push_back(row);
    }
    return out;
  });
}

}  // namespace zwgk::store
