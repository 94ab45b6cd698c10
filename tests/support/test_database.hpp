#pragma once
// Scratch databases for tests, on the backend chosen by the environment:
//   ZWGK_TEST_BACKEND=sqlite       (default) a fresh file in a temporary directory
//   ZWGK_TEST_BACKEND=postgresql   a fresh database (zwgk_t_<pid>_<n>) on the server named by
//                                  ZWGK_TEST_POSTGRES (required: a URL of an existing database)
// Every scratch database is removed when its Database is destroyed (or at process exit for
// bare URLs). Header-only: each test binary globs only its own directory.
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace zwgk::test {

inline std::string test_backend() {
  const char* b = std::getenv("ZWGK_TEST_BACKEND");
  const std::string backend = b && *b ? b : "sqlite";
  if (backend != "sqlite" && backend != "postgresql")
    throw std::runtime_error("ZWGK_TEST_BACKEND must be sqlite or postgresql, not '" + backend + "'");
  return backend;
}

inline bool testing_postgresql() { return test_backend() == "postgresql"; }

namespace detail {

// Replaces the database name of postgresql://user@host:port/db?params.
inline std::string with_database(const std::string& url, const std::string& name) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) throw std::runtime_error("ZWGK_TEST_POSTGRES is not a postgresql:// URL: " + url);
  const auto slash = url.find('/', scheme + 3);
  const auto query = url.find('?', scheme + 3);
  const std::string authority = url.substr(0, std::min(slash, query));
  const std::string params = query == std::string::npos ? "" : url.substr(query);
  return authority + "/" + name + params;
}

inline std::string postgres_server_url() {
  const char* url = std::getenv("ZWGK_TEST_POSTGRES");
  if (!url || !*url)
    throw std::runtime_error(
        "ZWGK_TEST_BACKEND=postgresql but ZWGK_TEST_POSTGRES is not set: start a server with "
        "scripts/start-postgres.sh (scripts/test.sh does) and export the URL it prints");
  return url;
}

// Drops what outlives its Database: bare URLs handed to child processes.
class Cleanup {
 public:
  static Cleanup& instance() {
    static Cleanup c;
    return c;
  }
  void add_directory(const std::filesystem::path& dir) {
    std::lock_guard lock(mutex_);
    dirs_.push_back(dir);
  }
  void add_pg_database(const std::string& name) {
    std::lock_guard lock(mutex_);
    pg_names_.push_back(name);
  }
  ~Cleanup() {
    for (const auto& d : dirs_) {
      std::error_code ec;
      std::filesystem::remove_all(d, ec);
    }
    for (const auto& n : pg_names_) drop_pg_database(n);
  }
  static void drop_pg_database(const std::string& name) {
    try {
      auto admin = store::Database::open(postgres_server_url(), 1);
      admin->execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    } catch (const std::exception&) {
      // Best effort: a leftover scratch database is harmless.
    }
  }

 private:
  std::mutex mutex_;
  std::vector<std::filesystem::path> dirs_;
  std::vector<std::string> pg_names_;
};

struct Scratch {
  std::string url;
  std::filesystem::path dir;  // sqlite
  std::string pg_name;        // postgresql
};

inline Scratch make_scratch() {
  static std::atomic<int> counter{0};
  Scratch s;
  if (!testing_postgresql()) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "zwgk-test-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    s.dir = tmpl;
    s.url = "sqlite:" + (s.dir / "zwgk.db").string();
    return s;
  }
  const std::string server = postgres_server_url();
  auto admin = store::Database::open(server, 1);
  for (int attempt = 0;; ++attempt) {
    const std::string name =
        "zwgk_t_" + std::to_string(::getpid()) + "_" + std::to_string(counter.fetch_add(1));
    try {
      admin->execute("CREATE DATABASE \"" + name + "\"");
      s.pg_name = name;
      s.url = with_database(server, name);
      return s;
    } catch (const store::StoreError&) {
      if (attempt >= 5) throw;  // name left over from an earlier process with our pid
    }
  }
}

}  // namespace detail

// A fresh, unmigrated database URL (for CLI tests that run the zwgk binary). Removed at
// process exit.
inline std::string test_database_url() {
  auto s = detail::make_scratch();
  if (!s.dir.empty()) detail::Cleanup::instance().add_directory(s.dir);
  if (!s.pg_name.empty()) detail::Cleanup::instance().add_pg_database(s.pg_name);
  return s.url;
}

// A fresh database, migrated, opened with `pool_size` connections (0 = default). Removed
// when the returned Database is destroyed.
inline std::unique_ptr<store::Database> open_test_database(std::size_t pool_size = 0) {
  detail::Cleanup::instance();  // constructed before any Database: destroyed after them
  auto s = detail::make_scratch();
  std::unique_ptr<store::Database> db;
  try {
    db = store::Database::open(s.url, pool_size);
  } catch (...) {
    if (!s.pg_name.empty()) detail::Cleanup::drop_pg_database(s.pg_name);
    if (!s.dir.empty()) std::filesystem::remove_all(s.dir);
    throw;
  }
  if (!s.dir.empty()) {
    db->on_close([dir = s.dir] {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    });
  } else {
    db->on_close([name = s.pg_name] { detail::Cleanup::drop_pg_database(name); });
  }
  db->migrate();
  return db;
}

}  // namespace zwgk::test

// Unqualified, as tests call them.
using zwgk::test::open_test_database;
using zwgk::test::test_database_url;
using zwgk::test::testing_postgresql;
