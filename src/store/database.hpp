#pragma once
// The database: a SOCI connection pool over SQLite (embedded default) or PostgreSQL.
// SOCI headers stay inside src/store/*.cpp; this header is cheap to include.
//   sqlite:var/zwgk.db                 (WAL, foreign keys on, busy timeout)
//   postgresql://user@127.0.0.1:5432/zwgk
#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace zwgk::store {

enum class Backend { Sqlite, Postgresql };

// Cannot open, cannot migrate, constraint violated in a way the caller did not expect.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// The thing asked for does not exist.
class NotFound : public StoreError {
 public:
  using StoreError::StoreError;
};

struct PoolStats {
  std::size_t size = 0;     // connections in the pool
  std::size_t in_use = 0;   // currently leased
};

// Called after every committed write with the cache tags it touched (domain/cache_tags.hpp).
using ChangeListener = std::function<void(const std::vector<std::string>& tags)>;

class Database {
 public:
  // Throws StoreError with a one-line message if the URL is malformed or the database
  // cannot be opened. pool_size 0 = a sensible default (hardware threads + 2).
  static std::unique_ptr<Database> open(const std::string& url, std::size_t pool_size = 0);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const;
  const std::string& url() const;

  // Applies the numbered migrations under migrations/<backend>/ not yet applied, each in
  // one transaction. Returns how many were applied.
  int migrate();
  int schema_version();

  PoolStats pool_stats() const;

  void set_change_listener(ChangeListener listener);
  void notify_changed(const std::vector<std::string>& tags) const;  // used by repositories after commit

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace zwgk::store
