// Numbered schema migrations: migrations/<backend>/NNNN_name.sql, applied in order, each
// in one transaction with its schema_migrations row.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "store/database.hpp"
#include "store/database_impl.hpp"
#include "store/raw_connection.hpp"

namespace zwgk::store {

namespace {

namespace fs = std::filesystem;

// Any constant will do; all nodes must use the same one.
constexpr long long kMigrationLockKey = 0x7a77676b;  // "zwgk"

struct MigrationFile {
  int version = 0;
  std::string name;  // file stem: 0001_core
  fs::path path;
};

std::vector<MigrationFile> migration_files(const std::string& root, Backend backend) {
  const fs::path dir = fs::path(root) / (backend == Backend::Sqlite ? "sqlite" : "postgresql");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw StoreError("找不到数据库迁移目录: " + dir.string());
  std::map<int, MigrationFile> by_version;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto& p = entry.path();
    if (!entry.is_regular_file() || p.extension() != ".sql") continue;
    const std::string stem = p.stem().string();
    std::size_t digits = 0;
    while (digits < stem.size() && std::isdigit(static_cast<unsigned char>(stem[digits]))) ++digits;
    if (digits == 0 || digits > 9 || digits >= stem.size() || stem[digits] != '_')
      throw StoreError("迁移文件名应为 NNNN_名称.sql: " + p.string());
    const int version = std::stoi(stem.substr(0, digits));
    if (version <= 0) throw StoreError("迁移版本号必须大于 0: " + p.string());
    if (by_version.count(version))
      throw StoreError("迁移版本号重复: " + by_version[version].path.string() + " 和 " + p.string());
    by_version[version] = MigrationFile{version, stem, p};
  }
  std::vector<MigrationFile> out;
  for (auto& [v, f] : by_version) out.push_back(std::move(f));
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw StoreError("无法读取迁移文件: " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool migrations_table_exists(Lease& lease) {
  int n = 0;
  if (lease.sqlite())
    lease.sql() << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
        soci::into(n);
  else
    lease.sql() << "SELECT count(*) FROM information_schema.tables "
                   "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'",
        soci::into(n);
  return n > 0;
}

// Holds the PostgreSQL advisory lock for the whole run so two nodes starting at once
// do not both apply the same migration.
class MigrationLock {
 public:
  explicit MigrationLock(Lease& lease) : lease_(lease) {
    if (!lease_.sqlite()) pg_exec(raw_pg(lease_.sql()), "SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
  }
  ~MigrationLock() {
    if (lease_.sqlite()) return;
    try {
      pg_exec(raw_pg(lease_.sql()), "SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")");
    } catch (const std::exception& e) {
      spdlog::warn("releasing the migration lock failed: {}", e.what());
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  Lease& lease_;
};

}  // namespace

int Database::migrate() {
  const auto files = migration_files(impl_->migrations_dir, impl_->backend);
  Lease lease(*this);
  MigrationLock lock(lease);
  guarded("创建 schema_migrations 表失败", [&] {
    exec_script(lease,
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY,"
                " name TEXT NOT NULL,"
                " applied_at TEXT NOT NULL)");
  });
  int applied = 0;
  for (const auto& f : files) {
    const std::string script = read_file(f.path);
    const std::string file_name = f.path.filename().string();
    Transaction tx(lease);
    int present = 0;
    guarded("读取迁移记录失败", [&] {
      lease.sql() << "SELECT count(*) FROM schema_migrations WHERE version = :v", soci::use(f.version, "v"),
          soci::into(present);
    });
    if (present > 0) {
      tx.commit();
      continue;
    }
    try {
      exec_script(lease, script);
      std::string name = f.name;
      std::string at = now_utc_iso();
      int version = f.version;
      lease.sql() << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
          soci::use(version, "v"), soci::use(name, "n"), soci::use(at, "a");
      tx.commit();
    } catch (const std::exception& e) {
      throw StoreError("数据库迁移 " + file_name + " 失败，已回滚: " + one_line(e.what()));
    }
    ++applied;
    spdlog::info("migration applied: {} ({})", file_name, impl_->backend == Backend::Sqlite ? "sqlite" : "postgresql");
  }
  return applied;
}

void Database::refresh_statistics() {
  // SQLite has no autovacuum daemon: without sqlite_stat1 its planner walks the whole site
  // in date order for a small column (0.3 s instead of 1 ms at 100,000 documents).
  // analysis_limit bounds the cost on large databases.
  guarded("更新查询统计信息失败", [&] {
    Lease lease(*this);
    exec_script(lease, impl_->backend == Backend::Sqlite ? "PRAGMA analysis_limit=1000; ANALYZE" : "ANALYZE");
  });
}

int Database::schema_version() {
  Lease lease(*this);
  return guarded("读取数据库版本失败", [&] {
    if (!migrations_table_exists(lease)) return 0;
    int v = 0;
    soci::indicator ind = soci::i_ok;
    lease.sql() << "SELECT max(version) FROM schema_migrations", soci::into(v, ind);
    return ind == soci::i_null ? 0 : v;
  });
}

}  // namespace zwgk::store
