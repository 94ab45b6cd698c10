// Configuration layering: built-in defaults < zwgk.toml < ZWGK_* environment < flags
// (flags are applied by the command line in cli.cpp).
#include "app/config.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <toml++/toml.h>

namespace zwgk::app {
namespace {

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::optional<bool> parse_bool(const std::string& raw) {
  const auto s = lower(raw);
  if (s == "1" || s == "true" || s == "yes" || s == "on") return true;
  if (s == "0" || s == "false" || s == "no" || s == "off") return false;
  return std::nullopt;
}

std::optional<int> parse_int(const std::string& s, int min, int max) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < min || v > max) return std::nullopt;
  return v;
}

constexpr int kMaxThreads = 1024;
constexpr int kMaxPool = 4096;
constexpr int kMaxQueue = 1000000;
constexpr int kMaxPageCacheMb = 65536;

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, ',')) {
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

bool valid_security(const std::string& s) { return s == "none" || s == "starttls" || s == "tls"; }

void apply_smtp_table(SmtpConfig& m, const toml::node& node, const std::string& source) {
  auto where = [&](const toml::node& n) { return source + ":" + std::to_string(n.source().begin.line); };
  const auto* tbl = node.as_table();
  if (!tbl) throw ConfigError(where(node) + ": 配置项 smtp 应为表 [smtp]");
  auto want_string = [&](const toml::node& n, const std::string& key) {
    if (auto v = n.value<std::string>()) return *v;
    throw ConfigError(where(n) + ": 配置项 smtp." + key + " 应为字符串");
  };
  auto want_int = [&](const toml::node& n, const std::string& key, int min, int max) {
    auto v = n.value<std::int64_t>();
    if (!v || *v < min || *v > max)
      throw ConfigError(where(n) + ": 配置项 smtp." + key + " 应为 " + std::to_string(min) + " 到 " + std::to_string(max) +
                        " 的整数");
    return static_cast<int>(*v);
  };
  for (const auto& [k, n] : *tbl) {
    const std::string key{k.str()};
    if (key == "host") m.host = want_string(n, key);
    else if (key == "port") m.port = want_int(n, key, 0, 65535);
    else if (key == "security") {
      m.security = want_string(n, key);
      if (!valid_security(m.security))
        throw ConfigError(where(n) + ": 配置项 smtp.security 应为 none、starttls 或 tls");
    } else if (key == "user") m.user = want_string(n, key);
    else if (key == "password") m.password = want_string(n, key);
    else if (key == "from") m.from = want_string(n, key);
    else if (key == "from_name") m.from_name = want_string(n, key);
    else if (key == "timeout_seconds") m.timeout_seconds = want_int(n, key, 1, 600);
    else if (key == "interval_seconds") m.interval_seconds = want_int(n, key, 1, 3600);
    else throw ConfigError(where(n) + ": 未知配置项 “smtp." + key + "”（见 zwgk.example.toml）");
  }
}

void apply_table(Config& c, const toml::table& tbl, const std::string& source) {
  auto where = [&](const toml::node& n) {
    const auto& src = n.source();
    return source + ":" + std::to_string(src.begin.line);
  };
  auto want_string = [&](const toml::node& n, const std::string& key) {
    if (auto v = n.value<std::string>()) return *v;
    throw ConfigError(where(n) + ": 配置项 " + key + " 应为字符串");
  };
  auto want_bool = [&](const toml::node& n, const std::string& key) {
    if (auto v = n.value<bool>()) return *v;
    throw ConfigError(where(n) + ": 配置项 " + key + " 应为 true 或 false");
  };
  auto want_int = [&](const toml::node& n, const std::string& key, int max) {
    auto v = n.value<std::int64_t>();
    if (!v || *v < 0 || *v > max)
      throw ConfigError(where(n) + ": 配置项 " + key + " 应为 0 到 " + std::to_string(max) + " 的整数");
    return static_cast<int>(*v);
  };
  auto want_strings = [&](const toml::node& n, const std::string& key) {
    std::vector<std::string> out;
    const auto* arr = n.as_array();
    if (!arr) throw ConfigError(where(n) + ": 配置项 " + key + " 应为字符串数组，例如 [\"127.0.0.1\"]");
    for (const auto& item : *arr) {
      auto v = item.value<std::string>();
      if (!v) throw ConfigError(where(n) + ": 配置项 " + key + " 应为字符串数组，例如 [\"127.0.0.1\"]");
      out.push_back(*v);
    }
    return out;
  };
  for (const auto& [k, node] : tbl) {
    const std::string key{k.str()};
    if (key == "database") c.database = want_string(node, key);
    else if (key == "listen") c.listen = want_string(node, key);
    else if (key == "threads") c.threads = want_int(node, key, kMaxThreads);
    else if (key == "page_cache") c.page_cache = want_bool(node, key);
    else if (key == "page_cache_mb") c.page_cache_mb = want_int(node, key, kMaxPageCacheMb);
    else if (key == "base_url") c.base_url = want_string(node, key);
    else if (key == "templates_dir") c.templates_dir = want_string(node, key);
    else if (key == "static_dir") c.static_dir = want_string(node, key);
    else if (key == "access_log") c.access_log = want_bool(node, key);
    else if (key == "db_pool_size") c.db_pool_size = want_int(node, key, kMaxPool);
    else if (key == "demo_dir") c.demo_dir = want_string(node, key);
    else if (key == "holiday_dir") c.holiday_dir = want_string(node, key);
    else if (key == "secret_key") c.secret_key = want_string(node, key);
    else if (key == "workers") c.workers = want_int(node, key, kMaxThreads);
    else if (key == "worker_queue") c.worker_queue = want_int(node, key, kMaxQueue);
    else if (key == "rate_limit_per_minute") c.rate_limit_per_minute = want_int(node, key, kMaxQueue);
    else if (key == "rate_limit_burst") c.rate_limit_burst = want_int(node, key, kMaxQueue);
    else if (key == "metrics_allow") c.metrics_allow = want_strings(node, key);
    else if (key == "metrics_token") c.metrics_token = want_string(node, key);
    else if (key == "trusted_proxies") c.trusted_proxies = want_strings(node, key);
    else if (key == "hot_query_min_visitors") {
      c.hot_query_min_visitors = want_int(node, key, 1000);
      if (c.hot_query_min_visitors < 1) throw ConfigError(where(node) + ": 配置项 hot_query_min_visitors 应为 1 到 1000 的整数");
    } else if (key == "hot_queries") c.hot_queries = want_bool(node, key);
    else if (key == "smtp") apply_smtp_table(c.smtp, node, source);
    else throw ConfigError(where(node) + ": 未知配置项 “" + key + "”（见 zwgk.example.toml）");
  }
}

}  // namespace

void apply_toml_string(Config& config, const std::string& text, const std::string& source_name) {
  try {
    const auto tbl = toml::parse(text, source_name);
    apply_table(config, tbl, source_name);
  } catch (const toml::parse_error& e) {
    const auto& src = e.source();
    throw ConfigError(source_name + ":" + std::to_string(src.begin.line) + ": 配置文件格式错误: " +
                      std::string(e.description()));
  }
}

void apply_toml_file(Config& config, const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw ConfigError("配置文件不存在: " + path);
  try {
    const auto tbl = toml::parse_file(path);
    apply_table(config, tbl, path);
  } catch (const toml::parse_error& e) {
    const auto& src = e.source();
    throw ConfigError(path + ":" + std::to_string(src.begin.line) + ": 配置文件格式错误: " +
                      std::string(e.description()));
  }
}

void apply_environment(Config& c, const char* (*getenv_fn)(const char*)) {
  auto env = [&](const char* name) -> std::optional<std::string> {
    const char* v = getenv_fn(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  };
  auto env_bool = [&](const char* name, bool& out) {
    if (auto v = env(name)) {
      auto b = parse_bool(*v);
      if (!b) throw ConfigError(std::string("环境变量 ") + name + "=" + *v + " 无效（应为 true/false/1/0）");
      out = *b;
    }
  };
  auto env_int = [&](const char* name, int& out, int max) {
    if (auto v = env(name)) {
      auto i = parse_int(*v, 0, max);
      if (!i)
        throw ConfigError(std::string("环境变量 ") + name + "=" + *v + " 无效（应为 0 到 " +
                          std::to_string(max) + " 的整数）");
      out = *i;
    }
  };
  if (auto v = env("ZWGK_DATABASE")) c.database = *v;
  if (auto v = env("ZWGK_LISTEN")) c.listen = *v;
  env_int("ZWGK_THREADS", c.threads, kMaxThreads);
  env_bool("ZWGK_PAGE_CACHE", c.page_cache);
  env_int("ZWGK_PAGE_CACHE_MB", c.page_cache_mb, kMaxPageCacheMb);
  if (auto v = env("ZWGK_BASE_URL")) c.base_url = *v;
  if (auto v = env("ZWGK_TEMPLATES_DIR")) c.templates_dir = *v;
  if (auto v = env("ZWGK_STATIC_DIR")) c.static_dir = *v;
  env_bool("ZWGK_ACCESS_LOG", c.access_log);
  env_int("ZWGK_DB_POOL_SIZE", c.db_pool_size, kMaxPool);
  if (auto v = env("ZWGK_DEMO_DIR")) c.demo_dir = *v;
  if (auto v = env("ZWGK_HOLIDAY_DIR")) c.holiday_dir = *v;
  if (auto v = env("ZWGK_SECRET_KEY")) c.secret_key = *v;
  env_int("ZWGK_WORKERS", c.workers, kMaxThreads);
  env_int("ZWGK_WORKER_QUEUE", c.worker_queue, kMaxQueue);
  env_int("ZWGK_RATE_LIMIT_PER_MINUTE", c.rate_limit_per_minute, kMaxQueue);
  env_int("ZWGK_RATE_LIMIT_BURST", c.rate_limit_burst, kMaxQueue);
  if (auto v = env("ZWGK_METRICS_ALLOW")) c.metrics_allow = split_list(*v);
  if (auto v = env("ZWGK_METRICS_TOKEN")) c.metrics_token = *v;
  if (auto v = env("ZWGK_TRUSTED_PROXIES")) c.trusted_proxies = split_list(*v);
  env_int("ZWGK_HOT_QUERY_MIN_VISITORS", c.hot_query_min_visitors, 1000);
  if (c.hot_query_min_visitors < 1) throw ConfigError("环境变量 ZWGK_HOT_QUERY_MIN_VISITORS 无效（应为 1 到 1000 的整数）");
  env_bool("ZWGK_HOT_QUERIES", c.hot_queries);
  auto env_range = [&](const char* name, int& out, int min, int max) {
    if (auto v = env(name)) {
      auto i = parse_int(*v, min, max);
      if (!i)
        throw ConfigError(std::string("环境变量 ") + name + "=" + *v + " 无效（应为 " + std::to_string(min) + " 到 " +
                          std::to_string(max) + " 的整数）");
      out = *i;
    }
  };
  if (auto v = env("ZWGK_CLOCK_OFFSET_FILE")) c.clock_offset_file = *v;
  if (auto v = env("ZWGK_SMTP_HOST")) c.smtp.host = *v;
  env_range("ZWGK_SMTP_PORT", c.smtp.port, 0, 65535);
  if (auto v = env("ZWGK_SMTP_SECURITY")) {
    if (!valid_security(*v)) throw ConfigError("环境变量 ZWGK_SMTP_SECURITY=" + *v + " 无效（应为 none、starttls 或 tls）");
    c.smtp.security = *v;
  }
  if (auto v = env("ZWGK_SMTP_USER")) c.smtp.user = *v;
  if (auto v = env("ZWGK_SMTP_PASSWORD")) c.smtp.password = *v;
  if (auto v = env("ZWGK_SMTP_FROM")) c.smtp.from = *v;
  if (auto v = env("ZWGK_SMTP_FROM_NAME")) c.smtp.from_name = *v;
  env_range("ZWGK_SMTP_TIMEOUT", c.smtp.timeout_seconds, 1, 600);
  env_range("ZWGK_SMTP_INTERVAL", c.smtp.interval_seconds, 1, 3600);
}

Config load_config(const std::optional<std::string>& path) {
  Config c;
  if (path) {
    apply_toml_file(c, *path);
  } else {
    std::error_code ec;
    if (std::filesystem::is_regular_file(kDefaultConfigFile, ec)) apply_toml_file(c, kDefaultConfigFile);
  }
  apply_environment(c, [](const char* n) -> const char* { return std::getenv(n); });
  return c;
}

std::optional<ListenAddress> parse_listen(const std::string& text) {
  std::string host, port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') return std::nullopt;
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) return std::nullopt;
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string::npos) return std::nullopt;  // bare IPv6 needs [ ]
  }
  if (host.empty()) return std::nullopt;
  for (char ch : host) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                    ch == '.' || ch == '-' || ch == ':' || ch == '_';
    if (!ok) return std::nullopt;
  }
  auto p = parse_int(port, 0, 65535);
  if (!p) return std::nullopt;
  return ListenAddress{host, static_cast<unsigned short>(*p)};
}

}  // namespace zwgk::app
