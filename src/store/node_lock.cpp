// See node_lock.hpp.
#include "store/node_lock.hpp"

#include <spdlog/spdlog.h>

#include "store/database_impl.hpp"

namespace zwgk::store {

struct NodeLock::Impl {
  Impl(Database& db, long long k, std::string w) : lease(db), key(k), what(std::move(w)) {}
  Lease lease;
  long long key;
  std::string what;
};

std::unique_ptr<NodeLock> NodeLock::try_acquire(Database& db, long long key, const std::string& what) {
  auto impl = std::make_unique<Impl>(db, key, what);
  if (impl->lease.sqlite()) return std::unique_ptr<NodeLock>(new NodeLock(std::move(impl)));
  int got = 0;
  const std::string message = "获取" + what + "锁失败";
  guarded(message.c_str(), [&] {
    long long k = key;
    impl->lease.sql() << "SELECT CASE WHEN pg_try_advisory_lock(:k) THEN 1 ELSE 0 END", soci::use(k, "k"),
        soci::into(got);
  });
  if (!got) return nullptr;
  return std::unique_ptr<NodeLock>(new NodeLock(std::move(impl)));
}

NodeLock::NodeLock(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

NodeLock::~NodeLock() {
  if (impl_->lease.sqlite()) return;
  try {
    long long k = impl_->key;
    int released = 0;
    impl_->lease.sql() << "SELECT CASE WHEN pg_advisory_unlock(:k) THEN 1 ELSE 0 END", soci::use(k, "k"),
        soci::into(released);
  } catch (const std::exception& e) {
    spdlog::error("{}: releasing the node lock failed: {}", impl_->what, one_line(e.what()));
  }
}

}  // namespace zwgk::store
