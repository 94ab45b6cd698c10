#include "app/database_url.hpp"

#include <filesystem>

#include "app/cli.hpp"
#include "domain/one_line.hpp"
#include "store/database.hpp"

namespace zwgk::app {

std::string redact_database_url(const std::string& url) { return store::redact_database_url(url); }

std::unique_ptr<store::Database> open_database(const std::string& url, std::size_t pool_size) {
  const std::string prefix = "sqlite:";
  if (url.rfind(prefix, 0) == 0) {
    std::string path = url.substr(prefix.size());
    if (path.rfind("//", 0) == 0) path = path.substr(2);  // sqlite://relative/path
    if (auto q = path.find('?'); q != std::string::npos) path.resize(q);
    const std::filesystem::path p(path);
    // Only relative paths: an absolute path names a place the operator chose, and a
    // missing directory there is an error worth reporting, not papering over.
    if (!path.empty() && path != ":memory:" && p.is_relative() && p.has_parent_path()) {
      std::error_code ec;
      std::filesystem::create_directories(p.parent_path(), ec);
    }
  }
  try {
    return store::Database::open(url, pool_size);
  } catch (const std::exception& e) {
    std::string reason = domain::one_line(e.what());
    // The store's message may already say which database; do not say it twice.
    if (reason.starts_with("无法打开数据库")) throw CommandError{kExitFailure, reason};
    throw CommandError{kExitFailure, "无法打开数据库 " + redact_database_url(url) + ": " + reason};
  }
}

}  // namespace zwgk::app
