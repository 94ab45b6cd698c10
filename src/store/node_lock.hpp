#pragma once
// One node at a time for a background pass (the daily 自查监测, the outbox): PostgreSQL
// pg_try_advisory_lock(key) on one connection kept for the pass, released on destruction (or
// with the connection if the node dies). SQLite: one node by construction; always acquired.
#include <memory>
#include <string>

namespace zwgk::store {

class Database;

class NodeLock {
 public:
  // nullptr if another node holds it. `what` names the pass in errors ("自查监测").
  static std::unique_ptr<NodeLock> try_acquire(Database& db, long long key, const std::string& what);
  ~NodeLock();
  NodeLock(const NodeLock&) = delete;
  NodeLock& operator=(const NodeLock&) = delete;

  struct Impl;

 private:
  explicit NodeLock(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace zwgk::store
