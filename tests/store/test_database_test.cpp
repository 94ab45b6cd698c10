// tests/support/test_database.hpp: the helper every database test relies on.
#include "support/test_database.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "store/site_repository.hpp"

namespace zwgk::store {
namespace {

// Migrations shipped in the source tree (each branch adds its own; no hard-coded count).
inline int shipped_migrations() {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(ZWGK_SOURCE_DIR) + "/migrations/sqlite"))
    n += e.path().extension() == ".sql";
  return n;
}

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(TestDatabase, PostgresqlWithoutServerFailsLoudly) {
  ScopedEnv backend("ZWGK_TEST_BACKEND", "postgresql");
  ScopedEnv server("ZWGK_TEST_POSTGRES", nullptr);
  try {
    open_test_database();
    FAIL() << "must not silently fall back";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("ZWGK_TEST_POSTGRES"), std::string::npos) << e.what();
  }
  EXPECT_THROW(test_database_url(), std::runtime_error);
}

TEST(TestDatabase, UnknownBackendFails) {
  ScopedEnv backend("ZWGK_TEST_BACKEND", "oracle");
  EXPECT_THROW(open_test_database(), std::runtime_error);
}

TEST(TestDatabase, EachCallIsFresh) {
  auto a = open_test_database();
  auto b = open_test_database();
  EXPECT_NE(a->url(), b->url());
  domain::Site s;
  s.code = "only-in-a";
  SiteRepository(*a).save(s);
  EXPECT_TRUE(SiteRepository(*b).all().empty());
}

TEST(TestDatabase, UrlIsUnmigratedAndOpenable) {
  const auto url = test_database_url();
  auto db = Database::open(url);
  EXPECT_EQ(db->schema_version(), 0);
}

TEST(TestDatabase, SqliteScratchFileIsRemovedWithTheDatabase) {
  if (testing_postgresql()) GTEST_SKIP();
  std::string path;
  {
    auto db = open_test_database();
    path = db->url().substr(std::string("sqlite:").size());
    EXPECT_TRUE(std::filesystem::exists(path));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(TestDatabase, SqlitePathsWithSpacesWork) {
  if (testing_postgresql()) GTEST_SKIP();
  std::string tmpl = (std::filesystem::temp_directory_path() / "zwgk space XXXXXX").string();
  ASSERT_TRUE(::mkdtemp(tmpl.data()));
  {
    auto db = Database::open("sqlite:" + tmpl + "/my db.sqlite");
    EXPECT_EQ(db->migrate(), shipped_migrations());
  }
  EXPECT_TRUE(std::filesystem::exists(tmpl + "/my db.sqlite"));
  std::filesystem::remove_all(tmpl);
}

}  // namespace
}  // namespace zwgk::store
