#pragma once
// Private to src/store/workflow_*.cpp: one transaction around a workflow step, cache
// notifications after commit.
#include <string>
#include <vector>

#include "store/database_impl.hpp"

namespace zwgk::store {

template <class F>
auto in_transaction(Database& db, const char* what, F&& f) {
  std::vector<std::string> tags;
  auto result = guarded(what, [&] {
    Lease lease(db);
    Transaction tx(lease);
    auto r = f(lease, tags);
    tx.commit();
    return r;
  });
  db.notify_changed(tags);
  return result;
}

}  // namespace zwgk::store
