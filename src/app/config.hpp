#pragma once
// Configuration: defaults < zwgk.toml < environment ZWGK_* < command-line flags.
// Every key is documented, with its type and default, in zwgk.example.toml.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace zwgk::app {

// [smtp]: where the outbox's notices go (app/outbox_sender.hpp, docs/operations.md "E-mail").
// No host: nothing is sent; notices wait in the outbox (`zwgk outbox status`).
struct SmtpConfig {
  std::string host;                  // ZWGK_SMTP_HOST
  int port = 0;                      // ZWGK_SMTP_PORT (0 = 25 none, 587 starttls, 465 tls)
  std::string security = "starttls";  // ZWGK_SMTP_SECURITY: none | starttls | tls
  std::string user;                  // ZWGK_SMTP_USER (empty = no AUTH)
  std::string password;              // ZWGK_SMTP_PASSWORD
  std::string from;                  // ZWGK_SMTP_FROM: the sender address (required with a host)
  std::string from_name;             // ZWGK_SMTP_FROM_NAME: its display name, e.g. 邵阳市人民政府办公室
  int timeout_seconds = 30;          // ZWGK_SMTP_TIMEOUT: one message's whole SMTP exchange
  int interval_seconds = 30;         // ZWGK_SMTP_INTERVAL: how often `zwgk serve` looks for due mail
};

struct Config {
  std::string database = "sqlite:var/zwgk.db";   // ZWGK_DATABASE
  std::string listen = "127.0.0.1:8080";         // ZWGK_LISTEN
  int threads = 0;                               // ZWGK_THREADS (0 = one per core)
  bool page_cache = true;                        // ZWGK_PAGE_CACHE
  int page_cache_mb = 256;                       // ZWGK_PAGE_CACHE_MB: the main budget of cached pages
  std::string base_url;                          // ZWGK_BASE_URL (default http://<listen>)
  std::string templates_dir;                     // ZWGK_TEMPLATES_DIR
  std::string static_dir;                        // ZWGK_STATIC_DIR
  bool access_log = true;                        // ZWGK_ACCESS_LOG
  int db_pool_size = 0;                          // ZWGK_DB_POOL_SIZE (0 = threads + 2)
  std::string demo_dir;                          // ZWGK_DEMO_DIR (default <source>/data/demo)
  std::string holiday_dir;                       // ZWGK_HOLIDAY_DIR (default <source>/data/holiday-cn)
  // 64 hex digits: signs public form tokens and seals applicants' ID numbers. Every node of
  // a cluster needs the same one. Empty: `zwgk serve` uses var/secret.key (created once).
  std::string secret_key;                        // ZWGK_SECRET_KEY
  // Load: handler threads and their queue (full -> 503 with Retry-After), and the
  // per-address rate limit of the expensive public requests (search, forms, login).
  int workers = 0;                               // ZWGK_WORKERS (0 = 2 per core, at least 4)
  int worker_queue = 256;                        // ZWGK_WORKER_QUEUE
  int rate_limit_per_minute = 60;                // ZWGK_RATE_LIMIT_PER_MINUTE (0 = off)
  int rate_limit_burst = 30;                     // ZWGK_RATE_LIMIT_BURST
  // /metrics: addresses allowed, and a bearer token that also admits (empty = none).
  std::vector<std::string> metrics_allow = {"127.0.0.1", "::1"};  // ZWGK_METRICS_ALLOW (a,b)
  std::string metrics_token;                     // ZWGK_METRICS_TOKEN
  // Reverse proxies whose X-Forwarded-For names the client (nginx in front).
  std::vector<std::string> trusted_proxies;      // ZWGK_TRUSTED_PROXIES (a,b)
  // 本周热门搜索: different visitors a query needs before the public list shows it, and
  // whether sites show the list until their office decides (console 热门搜索).
  int hot_query_min_visitors = 5;                // ZWGK_HOT_QUERY_MIN_VISITORS (1-1000)
  bool hot_queries = true;                       // ZWGK_HOT_QUERIES
  SmtpConfig smtp;                               // [smtp], ZWGK_SMTP_*
  // Testing only (app/clock_offset.hpp): the server's time is the system's plus the seconds
  // this file holds. Environment only; never in a configuration file.
  std::string clock_offset_file;                 // ZWGK_CLOCK_OFFSET_FILE
};

// A configuration value or file that cannot be used. The message is one line.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The file used when no --config is given: zwgk.toml in the working directory, if present.
inline constexpr const char* kDefaultConfigFile = "zwgk.toml";

// Loads the file if it exists (an explicit path that does not exist is an error), then
// the environment. Throws ConfigError (a std::runtime_error) with a one-line message.
Config load_config(const std::optional<std::string>& path);

// The pieces, for tests and for callers that layer differently.
void apply_toml_file(Config& config, const std::string& path);
void apply_toml_string(Config& config, const std::string& text, const std::string& source_name);
// Reads ZWGK_* through `getenv` (injectable for tests).
void apply_environment(Config& config, const char* (*getenv_fn)(const char*));

// "127.0.0.1:8080", "[::1]:8080", "localhost:0" -> host and port. nullopt if malformed.
struct ListenAddress {
  std::string host;
  unsigned short port = 0;
};
std::optional<ListenAddress> parse_listen(const std::string& text);

}  // namespace zwgk::app
