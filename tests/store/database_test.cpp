#include "store/database.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "store/site_repository.hpp"
#include "support/test_database.hpp"

namespace zwgk::store {
namespace {

namespace fs = std::filesystem;

// Migrations shipped in the source tree (each branch adds its own; no hard-coded count).
inline int shipped_migrations() {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(ZWGK_SOURCE_DIR) + "/migrations/sqlite"))
    n += e.path().extension() == ".sql";
  return n;
}

fs::path temp_dir() {
  std::string tmpl = (fs::temp_directory_path() / "zwgk-dbtest-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp");
  return tmpl;
}

TEST(Database, OpensTheConfiguredBackendMigrated) {
  auto db = open_test_database();
  EXPECT_EQ(db->backend(), testing_postgresql() ? Backend::Postgresql : Backend::Sqlite);
  EXPECT_EQ(db->schema_version(), shipped_migrations());
}

TEST(Database, MigrateIsIdempotent) {
  auto db = Database::open(test_database_url());
  EXPECT_EQ(db->schema_version(), 0);
  EXPECT_EQ(db->migrate(), shipped_migrations());
  EXPECT_EQ(db->schema_version(), shipped_migrations());
  EXPECT_EQ(db->migrate(), 0);
  EXPECT_EQ(db->schema_version(), shipped_migrations());
}

TEST(Database, FailingMigrationRollsBackAndNamesTheFile) {
  const auto dir = temp_dir();
  const std::string backend = testing_postgresql() ? "postgresql" : "sqlite";
  fs::create_directories(dir / backend);
  fs::copy_file(fs::path(ZWGK_SOURCE_DIR) / "migrations" / backend / "0001_core.sql", dir / backend / "0001_core.sql");
  {
    std::ofstream bad(dir / backend / "0002_broken.sql");
    bad << "CREATE TABLE half_done (id INTEGER);\nCREATE TABLE oops (;\n";
  }
  auto db = Database::open(test_database_url());
  db->set_migrations_dir(dir.string());
  try {
    db->migrate();
    FAIL() << "a broken migration must fail";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("0002_broken.sql"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
  }
  EXPECT_EQ(db->schema_version(), 1);  // 0001 applied and committed, 0002 rolled back
  // Nothing of 0002 is left: its first statement went with the rollback.
  EXPECT_THROW(db->execute("SELECT * FROM half_done"), StoreError);
  fs::remove_all(dir);
}

TEST(Database, RejectsAnUnknownUrlWithOneLine) {
  try {
    Database::open("mysql://localhost/zwgk");
    FAIL();
  } catch (const StoreError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("不支持的数据库地址"), std::string::npos) << msg;
    EXPECT_NE(msg.find("mysql://localhost/zwgk"), std::string::npos) << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos);
  }
  EXPECT_THROW(Database::open("zwgk.db"), StoreError);
  EXPECT_THROW(Database::open("sqlite:"), StoreError);
}

TEST(Database, MissingDirectoryIsAClearError) {
  try {
    Database::open("sqlite:/nonexistent-zwgk-dir/sub/zwgk.db");
    FAIL();
  } catch (const StoreError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("/nonexistent-zwgk-dir/sub"), std::string::npos) << msg;
    EXPECT_NE(msg.find("不存在"), std::string::npos) << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
  }
}

TEST(Database, ANonDatabaseFileIsAClearError) {
  const auto dir = temp_dir();
  {
    std::ofstream junk(dir / "junk.db");
    junk << std::string(4096, 'x');
  }
  try {
    Database::open("sqlite:" + (dir / "junk.db").string());
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("无法打开数据库"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

TEST(Database, UnreachablePostgresqlIsAOneLineError) {
  try {
    // Port 1 on loopback: nothing listens there.
    Database::open("postgresql://nobody:secret@127.0.0.1:1/zwgk");
    FAIL();
  } catch (const StoreError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("无法打开数据库"), std::string::npos) << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
    EXPECT_EQ(msg.find("secret"), std::string::npos) << "password leaked: " << msg;
  }
}

TEST(Database, SqliteConnectionsAreConfigured) {
  if (testing_postgresql()) GTEST_SKIP() << "SQLite pragmas";
  auto db = open_test_database(3);
  // Foreign keys are enforced on every pooled connection.
  for (int i = 0; i < 3; ++i)
    EXPECT_THROW(db->execute("INSERT INTO departments (site_id, name) VALUES (999, 'x')"), StoreError);
  const auto path = db->url().substr(7);
  EXPECT_TRUE(fs::exists(path + "-wal") || fs::exists(path + "-shm")) << "WAL mode";
}

TEST(Database, PoolStatsTrackLeases) {
  auto db = open_test_database(2);
  EXPECT_EQ(db->pool_stats().size, 2u);
  EXPECT_EQ(db->pool_stats().in_use, 0u);
  std::size_t seen_in_use = 0;
  db->set_change_listener([&](const std::vector<std::string>&) { seen_in_use = db->pool_stats().in_use; });
  SiteRepository sites(*db);
  domain::Site s;
  s.code = "pool";
  s.name = "池";
  // Listeners run after commit with the connection given back.
  sites.save(s);
  EXPECT_EQ(seen_in_use, 0u);
  EXPECT_EQ(db->pool_stats().in_use, 0u);
}

TEST(Database, ChangeListenerGetsUniqueTags) {
  auto db = open_test_database();
  std::vector<std::string> got;
  db->set_change_listener([&](const std::vector<std::string>& tags) { got = tags; });
  db->notify_changed({"a", "b", "a"});
  EXPECT_EQ(got, (std::vector<std::string>{"a", "b"}));
  db->set_change_listener([](const std::vector<std::string>&) { throw std::runtime_error("boom"); });
  EXPECT_NO_THROW(db->notify_changed({"x"}));
}

TEST(Database, ConcurrentReadersShareThePool) {
  auto db = open_test_database(3);
  SiteRepository sites(*db);
  domain::Site s;
  s.code = "conc";
  sites.save(s);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i)
        if (sites.by_code("conc")) ++ok;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 300);
  EXPECT_EQ(db->pool_stats().in_use, 0u);
}

}  // namespace
}  // namespace zwgk::store
