#pragma once
// Configuration: defaults < zwgk.toml < environment ZWGK_* < command-line flags.
#include <optional>
#include <string>

namespace zwgk::app {

struct Config {
  std::string database = "sqlite:var/zwgk.db";   // ZWGK_DATABASE
  std::string listen = "127.0.0.1:8080";         // ZWGK_LISTEN
  int threads = 0;                               // ZWGK_THREADS (0 = one per core)
  bool page_cache = true;                        // ZWGK_PAGE_CACHE
  std::string base_url;                          // ZWGK_BASE_URL (default http://<listen>)
  std::string templates_dir;                     // ZWGK_TEMPLATES_DIR
  std::string static_dir;                        // ZWGK_STATIC_DIR
  bool access_log = true;                        // ZWGK_ACCESS_LOG
};

// Loads the file if it exists (an explicit path that does not exist is an error), then
// the environment. Throws std::runtime_error with a one-line Chinese/English message.
Config load_config(const std::optional<std::string>& path);

}  // namespace zwgk::app
