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

// The URL with any password replaced by ***, for messages and logs.
std::string redact_database_url(const std::string& url);

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
  // one transaction together with its schema_migrations row (version, name, applied_at).
  // Returns how many were applied. A failing migration is rolled back and the StoreError
  // names its file. Safe to run from several nodes at once (PostgreSQL advisory lock).
  int migrate();
  int schema_version();
  // Refreshes the query planner's statistics (ANALYZE). Run at start and after bulk loads.
  void refresh_statistics();  // highest applied version, 0 for an empty database

  PoolStats pool_stats() const;

  void set_change_listener(ChangeListener listener);
  // Used by repositories after commit. Tags are de-duplicated; a throwing listener is
  // logged, never propagated (the write is already committed).
  void notify_changed(const std::vector<std::string>& tags) const;

  // Every notify_changed() is also announced to the other processes on the same database
  // (PostgreSQL: NOTIFY zwgk_changes; SQLite: a change_events row). After this call, their
  // announcements reach this process's listener too: a background thread LISTENs
  // (PostgreSQL; after a lost connection it delivers {"*"}: drop every cached page) or
  // polls change_events every half second (SQLite). For serving processes. Idempotent.
  void enable_cluster_notifications();

  // Runs one or more SQL statements outside any transaction, on one pooled connection
  // (administration and tests, e.g. CREATE DATABASE). Throws StoreError.
  void execute(const std::string& sql);
  // Runs after the pool has been closed, when the Database is destroyed (tests drop their
  // scratch database this way).
  void on_close(std::function<void()> hook);
  // Where migrate() looks for <dir>/<sqlite|postgresql>/NNNN_name.sql. Default: env
  // ZWGK_MIGRATIONS_DIR, else the source tree's migrations/, else ./migrations.
  void set_migrations_dir(const std::string& dir);

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Groups the writes of many repository calls on this thread into one transaction on one
// connection (bulk import). Inside a batch every repository transaction becomes a
// savepoint, so a call that fails is undone alone; step() undoes everything a failing
// step did. Change notifications are delivered once, after commit(); a batch destroyed
// without commit() rolls back and notifies nothing.
class Batch {
 public:
  explicit Batch(Database& db);
  ~Batch();
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;

  // Runs f in a savepoint: if f throws, its writes are rolled back and the exception
  // propagates; the batch stays usable.
  void step(const std::function<void()>& f);
  void commit();

  struct State;
 private:
  Database& db_;
  std::unique_ptr<State> state_;
};

}  // namespace zwgk::store
