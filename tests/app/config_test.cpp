#include "app/config.hpp"

#include <gtest/gtest.h>

#include <map>

namespace {

using namespace zwgk::app;

std::map<std::string, std::string> g_env;
const char* fake_getenv(const char* name) {
  auto it = g_env.find(name);
  return it == g_env.end() ? nullptr : it->second.c_str();
}

TEST(Config, DefaultsMatchTheExampleFile) {
  Config c;
  EXPECT_EQ(c.database, "sqlite:var/zwgk.db");
  EXPECT_EQ(c.listen, "127.0.0.1:8080");
  EXPECT_EQ(c.threads, 0);
  EXPECT_TRUE(c.page_cache);
  EXPECT_TRUE(c.access_log);
}

TEST(Config, TomlThenEnvironment) {
  Config c;
  apply_toml_string(c,
                    "database = \"postgresql://zwgk@db/zwgk\"\nlisten = \"0.0.0.0:80\"\nthreads = 4\n"
                    "page_cache = false\ntemplates_dir = \"/srv/t\"\npage_cache_mb = 64\n",
                    "zwgk.toml");
  EXPECT_EQ(c.page_cache_mb, 64);
  EXPECT_EQ(c.database, "postgresql://zwgk@db/zwgk");
  EXPECT_EQ(c.listen, "0.0.0.0:80");
  EXPECT_EQ(c.threads, 4);
  EXPECT_FALSE(c.page_cache);
  EXPECT_EQ(c.templates_dir, "/srv/t");

  g_env = {{"ZWGK_DATABASE", "sqlite:/tmp/x.db"}, {"ZWGK_THREADS", "2"}, {"ZWGK_PAGE_CACHE", "on"},
           {"ZWGK_STATIC_DIR", "/srv/s"}, {"ZWGK_PAGE_CACHE_MB", "1024"}};
  apply_environment(c, fake_getenv);
  EXPECT_EQ(c.page_cache_mb, 1024);
  EXPECT_EQ(c.database, "sqlite:/tmp/x.db");
  EXPECT_EQ(c.threads, 2);
  EXPECT_TRUE(c.page_cache);
  EXPECT_EQ(c.static_dir, "/srv/s");
  EXPECT_EQ(c.listen, "0.0.0.0:80");  // not in the environment: the file's value stays
}

TEST(Config, BadValuesAreOneLineErrors) {
  Config c;
  EXPECT_THROW(apply_toml_string(c, "threads = \"four\"\n", "f.toml"), ConfigError);
  EXPECT_THROW(apply_toml_string(c, "databse = \"x\"\n", "f.toml"), ConfigError);
  EXPECT_THROW(apply_toml_string(c, "database = \n", "f.toml"), ConfigError);
  try {
    apply_toml_string(c, "\n\nunknown_key = 1\n", "f.toml");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), "f.toml:3: 未知配置项 “unknown_key”（见 zwgk.example.toml）");
  }
  g_env = {{"ZWGK_THREADS", "-1"}};
  EXPECT_THROW(apply_environment(c, fake_getenv), ConfigError);
  g_env = {{"ZWGK_PAGE_CACHE_MB", "70000"}};
  EXPECT_THROW(apply_environment(c, fake_getenv), ConfigError);
  g_env = {{"ZWGK_PAGE_CACHE", "maybe"}};
  EXPECT_THROW(apply_environment(c, fake_getenv), ConfigError);
  EXPECT_THROW(load_config(std::string("/nonexistent/zwgk.toml")), ConfigError);
}

TEST(Config, ExampleFileIsValidAndShowsTheDefaults) {
  Config c;
  ASSERT_NO_THROW(apply_toml_file(c, ZWGK_SOURCE_DIR "/zwgk.example.toml"));
  Config d;
  EXPECT_EQ(c.database, d.database);
  EXPECT_EQ(c.listen, d.listen);
  EXPECT_EQ(c.threads, d.threads);
  EXPECT_EQ(c.page_cache, d.page_cache);
  EXPECT_EQ(c.page_cache_mb, d.page_cache_mb);
  EXPECT_EQ(c.access_log, d.access_log);
}

TEST(Config, ParseListen) {
  auto a = parse_listen("127.0.0.1:8080");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8080);
  auto b = parse_listen("[::1]:0");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->host, "::1");
  EXPECT_EQ(b->port, 0);
  for (const char* bad : {"", "8080", ":8080", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:x", "::1:80", "a b:1"})
    EXPECT_FALSE(parse_listen(bad)) << bad;
}

}  // namespace
