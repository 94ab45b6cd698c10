// [smtp] in zwgk.toml and ZWGK_SMTP_* (app/config.hpp).
#include <gtest/gtest.h>

#include <map>

#include "app/config.hpp"

namespace {

using namespace zwgk::app;

std::map<std::string, std::string> g_smtp_env;
const char* smtp_getenv(const char* name) {
  auto it = g_smtp_env.find(name);
  return it == g_smtp_env.end() ? nullptr : it->second.c_str();
}

TEST(SmtpConfig, TableThenEnvironment) {
  Config c;
  EXPECT_TRUE(c.smtp.host.empty()) << "no mail unless configured";
  apply_toml_string(c,
                    "listen = \"127.0.0.1:9000\"\n[smtp]\nhost = \"smtp.example.gov.cn\"\nport = 587\n"
                    "security = \"starttls\"\nuser = \"notices\"\npassword = \"p\"\nfrom = \"notices@example.gov.cn\"\n"
                    "from_name = \"邵阳市人民政府办公室\"\ntimeout_seconds = 20\ninterval_seconds = 15\n",
                    "zwgk.toml");
  EXPECT_EQ(c.listen, "127.0.0.1:9000");
  EXPECT_EQ(c.smtp.host, "smtp.example.gov.cn");
  EXPECT_EQ(c.smtp.port, 587);
  EXPECT_EQ(c.smtp.user, "notices");
  EXPECT_EQ(c.smtp.password, "p");
  EXPECT_EQ(c.smtp.from, "notices@example.gov.cn");
  EXPECT_EQ(c.smtp.from_name, "邵阳市人民政府办公室");
  EXPECT_EQ(c.smtp.timeout_seconds, 20);
  EXPECT_EQ(c.smtp.interval_seconds, 15);

  g_smtp_env = {{"ZWGK_SMTP_HOST", "127.0.0.1"}, {"ZWGK_SMTP_PORT", "2525"}, {"ZWGK_SMTP_SECURITY", "none"},
                {"ZWGK_SMTP_PASSWORD", "from-env"}, {"ZWGK_SMTP_FROM_NAME", "市政府办"}};
  apply_environment(c, smtp_getenv);
  EXPECT_EQ(c.smtp.host, "127.0.0.1");
  EXPECT_EQ(c.smtp.port, 2525);
  EXPECT_EQ(c.smtp.security, "none");
  EXPECT_EQ(c.smtp.password, "from-env");
  EXPECT_EQ(c.smtp.from_name, "市政府办");
  EXPECT_EQ(c.smtp.user, "notices") << "not in the environment: the file's value stays";
}

TEST(SmtpConfig, BadValuesAreOneLineErrors) {
  Config c;
  EXPECT_THROW(apply_toml_string(c, "[smtp]\nsecurity = \"ssl\"\n", "f.toml"), ConfigError);
  EXPECT_THROW(apply_toml_string(c, "[smtp]\nport = 70000\n", "f.toml"), ConfigError);
  EXPECT_THROW(apply_toml_string(c, "[smtp]\nhots = \"x\"\n", "f.toml"), ConfigError);
  EXPECT_THROW(apply_toml_string(c, "smtp = \"x\"\n", "f.toml"), ConfigError);
  try {
    apply_toml_string(c, "[smtp]\nhost = \"a\"\nhots = \"x\"\n", "f.toml");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), "f.toml:3: 未知配置项 “smtp.hots”（见 zwgk.example.toml）");
  }
  g_smtp_env = {{"ZWGK_SMTP_SECURITY", "tls1.3"}};
  EXPECT_THROW(apply_environment(c, smtp_getenv), ConfigError);
  g_smtp_env = {{"ZWGK_SMTP_PORT", "-1"}};
  EXPECT_THROW(apply_environment(c, smtp_getenv), ConfigError);
  g_smtp_env.clear();
}

}  // namespace
