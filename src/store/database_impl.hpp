#pragma once
// Private to src/store/*.cpp: the SOCI pool behind Database, leases, transactions and the
// small helpers every repository shares. Never include this from outside src/store.
#include <soci/soci.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/one_line.hpp"
#include "store/database.hpp"

namespace zwgk::store {

class ClusterFeed;  // cluster_feed.cpp: LISTEN/NOTIFY between app nodes

struct Database::Impl {
  Backend backend = Backend::Sqlite;
  std::string url;             // as given (shown in messages with the password masked)
  std::string connect_string;  // what SOCI gets: a file path or a libpq keyword/value string
  std::string migrations_dir;
  std::size_t size = 0;
  soci::connection_pool pool;
  std::atomic<std::size_t> in_use{0};

  mutable std::mutex listener_mutex;
  ChangeListener listener;
  std::vector<std::function<void()>> close_hooks;

  std::string node_id;                // random per process: tells our own notifications apart
  std::unique_ptr<ClusterFeed> feed;  // set by enable_cluster_notifications()

  explicit Impl(std::size_t n);
  ~Impl();
};

// Delivers tags to the local change listener (no cluster fan-out).
void deliver_locally(Database::Impl& impl, const std::vector<std::string>& tags);

// The batch open on this thread, if any (Batch in database.hpp). Leases on this thread for
// the same database reuse its connection; transactions become savepoints; notifications
// wait for the batch's commit.
class Lease;

struct Batch::State {
  Database::Impl* impl = nullptr;
  std::size_t pos = 0;
  soci::session* session = nullptr;
  int depth = 0;                        // savepoints open
  int next_savepoint = 0;
  std::vector<std::string> pending_tags;
  bool open = false;
  // Documents whose search entries are written once, just before COMMIT, instead of at each
  // savepoint (on SQLite FTS5 writes a segment at every savepoint: per-line indexing made
  // an import ~10x slower, issue 18). Set by search_index_sync.cpp.
  std::vector<std::int64_t> deferred_search;
  std::function<void(Lease&, std::vector<std::int64_t>)> flush_search;
};
Batch::State* current_batch(const Database::Impl& impl);

// A connection leased from the pool for the lifetime of this object.
class Lease {
 public:
  explicit Lease(Database& db);
  explicit Lease(Database::Impl& impl);
  ~Lease();
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  soci::session& sql() { return *session_; }
  Backend backend() const { return impl_.backend; }
  bool sqlite() const { return impl_.backend == Backend::Sqlite; }
  Database::Impl& impl() { return impl_; }

 private:
  Database::Impl& impl_;
  std::size_t pos_ = 0;
  soci::session* session_ = nullptr;
  bool borrowed_ = false;  // the connection belongs to this thread's Batch
};

// One transaction on a leased connection; rolls back unless commit() was called.
// Writes on SQLite begin IMMEDIATE so writers queue on the busy timeout instead of failing
// when a read lock would have to be upgraded.
class Transaction {
 public:
  enum class Mode { Write, Read };
  explicit Transaction(Lease& lease, Mode mode = Mode::Write);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Lease& lease_;
  bool open_ = false;
  std::string savepoint_;  // inside a Batch: the savepoint standing in for BEGIN
};

// Runs f, turning SOCI/driver errors into a one-line StoreError (prefixed with `what`).
// StoreError, NotFound and domain::ValidationError pass through unchanged.
[[noreturn]] void rethrow_as_store_error(const char* what, const std::exception& e);

template <class F>
auto guarded(const char* what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const soci::soci_error& e) {
    rethrow_as_store_error(what, e);
  }
}

bool is_unique_violation(const soci::soci_error& e);

using domain::one_line;  // driver messages are one line (domain/one_line.hpp)
// "2024-05-01T08:30:00Z"
std::string now_utc_iso();
// The URL with any password replaced by ***.
std::string redact_url(const std::string& url);

// Converters between rows and domain values.
std::optional<domain::Date> date_from(const std::string& text, soci::indicator ind);
inline std::optional<std::int64_t> id_from(long long v, soci::indicator ind) {
  if (ind == soci::i_null) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

// A nullable value ready to be bound with soci::use(value, ind).
struct NullableId {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  NullableId() = default;
  explicit NullableId(const std::optional<std::int64_t>& v)
      : value(v.value_or(0)), ind(v ? soci::i_ok : soci::i_null) {}
};
struct NullableText {
  std::string value;
  soci::indicator ind = soci::i_null;
  NullableText() = default;
  explicit NullableText(const std::optional<std::string>& v)
      : value(v.value_or(std::string())), ind(v ? soci::i_ok : soci::i_null) {}
  explicit NullableText(const std::optional<domain::Date>& d)
      : value(d ? d->iso() : std::string()), ind(d ? soci::i_ok : soci::i_null) {}
};

// Bind values for SQL assembled at run time: each value gets its own name (:p1, :p2 ...),
// because the PostgreSQL backend binds a repeated name only once.
class Binds {
 public:
  std::string add(long long v);
  std::string add(std::string v);
  void apply(soci::statement& st);

 private:
  std::deque<long long> ints_;
  std::deque<std::string> texts_;
  std::vector<std::pair<bool, std::size_t>> order_;  // (is_text, index)
};

// alloc + prepare + define_and_bind + execute(false): call fetch() for the rows.
void prepare_and_execute(soci::statement& st, const std::string& query);

}  // namespace zwgk::store
