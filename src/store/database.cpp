// Database: opening by URL, the connection pool, per-connection settings, leases and
// transactions, change notification.
#include "store/database.hpp"

#include "domain/cache_tags.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <thread>
#include <unordered_set>

#include <random>

#include "store/cluster_feed.hpp"
#include "store/fts5_tokenizer.hpp"
#include "store/database_impl.hpp"
#include "store/raw_connection.hpp"

namespace zwgk::store {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kLeaseTimeoutMs = 30000;

[[noreturn]] void bad_url(const std::string& url) {
  throw StoreError("不支持的数据库地址: " + redact_url(url) +
                   " (应为 sqlite:路径 或 postgresql://用户@主机:端口/数据库)");
}

// libpq accepts URIs, but SOCI's connect-string parser does not: turn the URI into
// libpq's keyword/value form.
std::string pg_keyword_value(const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (!opts) {
    std::string msg = err ? one_line(err) : "无法解析";
    if (err) PQfreemem(err);
    throw StoreError("数据库地址无效: " + redact_url(url) + ": " + msg);
  }
  std::string out;
  bool has_encoding = false, has_app = false;
  for (PQconninfoOption* o = opts; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    const std::string key = o->keyword;
    if (key == "client_encoding") has_encoding = true;
    if (key == "application_name") has_app = true;
    std::string v = o->val;
    std::string quoted = "'";
    for (char c : v) {
      if (c == '\'' || c == '\\') quoted += '\\';
      quoted += c;
    }
    quoted += "'";
    if (!out.empty()) out += ' ';
    out += key + "=" + quoted;
  }
  PQconninfoFree(opts);
  if (!has_encoding) out += " client_encoding='UTF8'";
  if (!has_app) out += " application_name='zwgk'";
  return out;
}

void configure_sqlite(soci::session& s, bool first) {
  sqlite3* h = raw_sqlite(s);
  std::string pragmas = "PRAGMA busy_timeout=" + std::to_string(kBusyTimeoutMs) +
                        "; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                        // Reads through a memory map instead of a pread() per page, and a
                        // 32 MB page cache per connection: the search index is read page by
                        // page (docs/adr/0007; measured in bench/README.md).
                        " PRAGMA mmap_size=4294967296; PRAGMA cache_size=-32768;";
  sqlite_exec(h, pragmas);
  register_search_tokenizer(h);  // before anything touches search_fts (migration 0003)
  register_search_rank(h);
  // Fails here, not later, when the file is not a database.
  sqlite_exec(h, "SELECT count(*) FROM sqlite_master");
  if (first) {
    std::string mode;
    char* err = nullptr;
    const int rc = sqlite3_exec(
        h, "PRAGMA journal_mode=WAL",
        [](void* out, int n, char** vals, char**) {
          if (n > 0 && vals[0]) *static_cast<std::string*>(out) = vals[0];
          return 0;
        },
        &mode, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      throw StoreError("无法启用 WAL 模式: " + one_line(msg));
    }
    if (mode != "wal") throw StoreError("无法启用 WAL 模式 (journal_mode=" + mode + ")");
  }
}

// DATE columns are read as text: make that text ISO whatever the server's default.
void configure_pg(PGconn* conn) {
  silence_notices(conn);
  pg_exec(conn, "SET DateStyle = 'ISO, YMD'");
}

std::string default_migrations_dir() {
  if (const char* env = std::getenv("ZWGK_MIGRATIONS_DIR"); env && *env) return env;
#ifdef ZWGK_MIGRATIONS_DIR
  if (std::filesystem::is_directory(ZWGK_MIGRATIONS_DIR)) return ZWGK_MIGRATIONS_DIR;
#endif
  return "migrations";
}

}  // namespace

// ---------------------------------------------------------------------------------------

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t pool_size) {
  if (pool_size == 0) pool_size = std::max(1u, std::thread::hardware_concurrency()) + 2;

  Backend backend;
  std::string connect;
  if (url.rfind("sqlite:", 0) == 0) {
    backend = Backend::Sqlite;
    std::string path = url.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);  // sqlite:///abs/path
    if (path.empty() || path == ":memory:" || path.find('=') != std::string::npos) bad_url(url);
    namespace fs = std::filesystem;
    const fs::path p(path);
    std::error_code ec;
    if (p.has_parent_path() && !fs::is_directory(p.parent_path(), ec))
      throw StoreError("无法打开数据库 " + url + ": 目录 " + p.parent_path().string() + " 不存在");
    if (fs::is_directory(p, ec))
      throw StoreError("无法打开数据库 " + url + ": " + path + " 是一个目录");
    connect = path;
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    backend = Backend::Postgresql;
    connect = pg_keyword_value(url);
  } else {
    bad_url(url);
  }

  auto impl = std::make_unique<Impl>(pool_size);
  impl->backend = backend;
  impl->url = url;
  impl->connect_string = connect;
  impl->migrations_dir = default_migrations_dir();
  for (std::size_t i = 0; i < pool_size; ++i) {
    soci::session& s = impl->pool.at(i);
    try {
      if (backend == Backend::Sqlite) {
        s.open(*soci::factory_sqlite3(), connect);
        configure_sqlite(s, i == 0);
      } else {
        s.open(*soci::factory_postgresql(), connect);
        configure_pg(raw_pg(s));
      }
    } catch (const StoreError& e) {
      throw StoreError("无法打开数据库 " + redact_url(url) + ": " + e.what());
    } catch (const std::exception& e) {
      throw StoreError("无法打开数据库 " + redact_url(url) + ": " + one_line(e.what()));
    }
  }
  return std::unique_ptr<Database>(new Database(std::move(impl)));
}

Database::Impl::Impl(std::size_t n) : size(n), pool(n) {
  std::random_device rd;
  std::uniform_int_distribution<unsigned long long> dist;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", dist(rd));
  node_id = buf;
}
Database::Impl::~Impl() = default;  // the feed stops before the pool closes

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Database::~Database() {
  auto hooks = std::move(impl_->close_hooks);
  impl_.reset();  // closes every connection
  for (auto& h : hooks) {
    try {
      h();
    } catch (const std::exception& e) {
      spdlog::warn("database close hook failed: {}", one_line(e.what()));
    }
  }
}

Backend Database::backend() const { return impl_->backend; }
const std::string& Database::url() const { return impl_->url; }

PoolStats Database::pool_stats() const { return PoolStats{impl_->size, impl_->in_use.load()}; }

void Database::set_change_listener(ChangeListener listener) {
  std::lock_guard lock(impl_->listener_mutex);
  impl_->listener = std::move(listener);
}

void Database::notify_changed(const std::vector<std::string>& changed) const {
  if (changed.empty()) return;
  const auto tags = domain::with_implied_tags(changed);  // e.g. site:<id>:lists -> search:all
  if (auto* batch = current_batch(*impl_)) {  // delivered when the batch commits
    batch->pending_tags.insert(batch->pending_tags.end(), tags.begin(), tags.end());
    return;
  }
  deliver_locally(*impl_, tags);
  publish_changes(*impl_, tags);
}

void Database::enable_cluster_notifications() {
  if (impl_->feed) return;
  impl_->feed = std::make_unique<ClusterFeed>(*impl_);
}

void deliver_locally(Database::Impl& impl, const std::vector<std::string>& tags) {
  ChangeListener listener;
  {
    std::lock_guard lock(impl.listener_mutex);
    listener = impl.listener;
  }
  if (!listener) return;
  std::vector<std::string> unique;
  std::unordered_set<std::string> seen;
  for (const auto& t : tags)
    if (seen.insert(t).second) unique.push_back(t);
  try {
    listener(unique);
  } catch (const std::exception& e) {
    // The write is committed; a failing listener must not make it look failed.
    spdlog::warn("change listener failed: {}", one_line(e.what()));
  }
}

void Database::execute(const std::string& sql) {
  Lease lease(*this);
  exec_script(lease, sql);
}

void Database::on_close(std::function<void()> hook) { impl_->close_hooks.push_back(std::move(hook)); }

void Database::set_migrations_dir(const std::string& dir) { impl_->migrations_dir = dir; }

// ---------------------------------------------------------------------------------------

Lease::Lease(Database& db) : Lease(db.impl()) {}

namespace {
thread_local Batch::State* tls_batch = nullptr;
}  // namespace

Batch::State* current_batch(const Database::Impl& impl) {
  return tls_batch && tls_batch->impl == &impl && tls_batch->open ? tls_batch : nullptr;
}

Batch::Batch(Database& db) : db_(db), state_(std::make_unique<State>()) {
  if (tls_batch) throw StoreError("批处理不能嵌套");
  auto& impl = db.impl();
  if (!impl.pool.try_lease(state_->pos, kLeaseTimeoutMs)) throw StoreError("数据库连接池已满: 等待空闲连接超时");
  ++impl.in_use;
  state_->impl = &impl;
  state_->session = &impl.pool.at(state_->pos);
  try {
    guarded("开始事务失败", [&] { *state_->session << (impl.backend == Backend::Sqlite ? "BEGIN IMMEDIATE" : "BEGIN"); });
  } catch (...) {
    --impl.in_use;
    impl.pool.give_back(state_->pos);
    throw;
  }
  state_->open = true;
  tls_batch = state_.get();
}

Batch::~Batch() {
  if (state_->open) {
    try {
      *state_->session << "ROLLBACK";
    } catch (const std::exception& e) {
      spdlog::warn("rollback failed: {}", one_line(e.what()));
    }
  }
  tls_batch = nullptr;
  --state_->impl->in_use;
  state_->impl->pool.give_back(state_->pos);
}

void Batch::step(const std::function<void()>& f) {
  Lease lease(db_);
  Transaction tx(lease);
  f();
  tx.commit();
}

void Batch::commit() {
  if (!state_->open) throw StoreError("批处理已结束");
  if (state_->flush_search && !state_->deferred_search.empty()) {
    Lease lease(db_);  // the batch's own connection
    state_->flush_search(lease, std::move(state_->deferred_search));
    state_->deferred_search.clear();
  }
  guarded("提交事务失败", [&] { *state_->session << "COMMIT"; });
  state_->open = false;
  tls_batch = nullptr;
  auto tags = std::move(state_->pending_tags);
  db_.notify_changed(tags);
}

Lease::Lease(Database::Impl& impl) : impl_(impl) {
  if (auto* batch = current_batch(impl)) {
    session_ = batch->session;
    borrowed_ = true;
    return;
  }
  if (!impl_.pool.try_lease(pos_, kLeaseTimeoutMs))
    throw StoreError("数据库连接池已满: 等待空闲连接超时");
  ++impl_.in_use;
  session_ = &impl_.pool.at(pos_);
  if (impl_.backend == Backend::Postgresql) {
    // A connection the server dropped (restart, failover) is reopened once.
    PGconn* conn = raw_pg(*session_);
    if (!conn || PQstatus(conn) == CONNECTION_BAD) {
      try {
        session_->reconnect();
        configure_pg(raw_pg(*session_));
      } catch (const std::exception& e) {
        --impl_.in_use;
        impl_.pool.give_back(pos_);
        throw StoreError("数据库连接已断开且无法重连: " + one_line(e.what()));
      }
    }
  }
}

Lease::~Lease() {
  if (borrowed_) return;
  --impl_.in_use;
  impl_.pool.give_back(pos_);
}

Transaction::Transaction(Lease& lease, Mode mode) : lease_(lease) {
  if (auto* batch = current_batch(lease.impl())) {
    savepoint_ = "zwgk_sp" + std::to_string(++batch->next_savepoint);
    guarded("开始事务失败", [&] { lease_.sql() << ("SAVEPOINT " + savepoint_); });
    ++batch->depth;
    open_ = true;
    return;
  }
  const char* begin = "BEGIN";
  if (lease.sqlite() && mode == Mode::Write) begin = "BEGIN IMMEDIATE";
  guarded("开始事务失败", [&] { lease_.sql() << begin; });
  open_ = true;
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    if (!savepoint_.empty()) {
      lease_.sql() << ("ROLLBACK TO SAVEPOINT " + savepoint_);
      lease_.sql() << ("RELEASE SAVEPOINT " + savepoint_);
      if (auto* batch = current_batch(lease_.impl())) --batch->depth;
      return;
    }
    lease_.sql() << "ROLLBACK";
  } catch (const std::exception& e) {
    spdlog::warn("rollback failed: {}", one_line(e.what()));
  }
}

void Transaction::commit() {
  if (!savepoint_.empty()) {
    guarded("提交事务失败", [&] { lease_.sql() << ("RELEASE SAVEPOINT " + savepoint_); });
    if (auto* batch = current_batch(lease_.impl())) --batch->depth;
    open_ = false;
    return;
  }
  guarded("提交事务失败", [&] { lease_.sql() << "COMMIT"; });
  open_ = false;
}

// ---------------------------------------------------------------------------------------

void rethrow_as_store_error(const char* what, const std::exception& e) {
  if (auto* se = dynamic_cast<const soci::soci_error*>(&e); se && is_unique_violation(*se))
    throw StoreError(std::string(what) + ": 与已有记录重复 (" + one_line(e.what()) + ")");
  throw StoreError(std::string(what) + ": " + one_line(e.what()));
}

bool is_unique_violation(const soci::soci_error& e) {
  if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) return pg->sqlstate() == "23505";
  if (auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    if ((lite->result() & 0xff) != SQLITE_CONSTRAINT) return false;
  }
  const std::string msg = e.what();
  return msg.find("UNIQUE constraint failed") != std::string::npos ||
         msg.find("duplicate key value") != std::string::npos;
}

std::string now_utc_iso() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string redact_url(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto at = url.find('@', scheme + 3);
  if (at == std::string::npos) return url;
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

std::string redact_database_url(const std::string& url) { return redact_url(url); }

std::optional<domain::Date> date_from(const std::string& text, soci::indicator ind) {
  if (ind == soci::i_null || text.empty()) return std::nullopt;
  return domain::Date::parse(std::string_view(text).substr(0, 10));
}

std::string Binds::add(long long v) {
  ints_.push_back(v);
  order_.emplace_back(false, ints_.size() - 1);
  return ":p" + std::to_string(order_.size());
}

std::string Binds::add(std::string v) {
  texts_.push_back(std::move(v));
  order_.emplace_back(true, texts_.size() - 1);
  return ":p" + std::to_string(order_.size());
}

void Binds::apply(soci::statement& st) {
  for (std::size_t i = 0; i < order_.size(); ++i) {
    const std::string name = "p" + std::to_string(i + 1);
    if (order_[i].first)
      st.exchange(soci::use(texts_[order_[i].second], name));
    else
      st.exchange(soci::use(ints_[order_[i].second], name));
  }
}

void prepare_and_execute(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(false);
}

}  // namespace zwgk::store
