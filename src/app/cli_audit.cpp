// The command line as an audited actor (cli_audit.hpp).
#include "app/cli_audit.hpp"

#include <pwd.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/database_url.hpp"
#include "store/database.hpp"

namespace zwgk::app {

store::Actor cli_actor() {
  const uid_t uid = ::geteuid();
  std::string name;
  if (const passwd* pw = ::getpwuid(uid); pw && pw->pw_name && *pw->pw_name) name = pw->pw_name;
  else name = "uid" + std::to_string(uid);
  return store::Actor{0, "cli:" + name, ""};
}

store::AuditEntryInput cli_entry(std::string action, std::string object_type, std::string object_id,
                                 nlohmann::json changes, std::int64_t site_id) {
  return store::AuditEntryInput{cli_actor(), std::move(action), std::move(object_type), std::move(object_id),
                                std::move(changes), site_id};
}

void use_audit_key(const Config& config, store::Database& db, bool seal) {
  try {
    store::AuditLog::use_key(db, store::AuditKey::derive_from(installation_secret(config)), seal);
  } catch (const CommandError&) {
    throw;
  } catch (const std::exception& e) {
    throw CommandError{kExitFailure, e.what()};
  }
}

std::unique_ptr<store::Database> open_audited_database(const Config& config, std::size_t pool_size, bool seal) {
  auto db = open_database(config.database, pool_size);
  try {
    db->migrate();
  } catch (const std::exception& e) {
    throw CommandError{kExitFailure, e.what()};
  }
  use_audit_key(config, *db, seal);
  return db;
}

struct DailyAuditHead::State {
  std::mutex mutex;
  std::condition_variable cv;
  bool stop = false;
  std::thread thread;
};

DailyAuditHead::DailyAuditHead(store::Database& db, std::chrono::seconds every) : state_(std::make_unique<State>()) {
  state_->thread = std::thread([&db, every, s = state_.get()] {
    std::unique_lock lock(s->mutex);
    while (!s->stop) {
      try {
        const auto head = store::AuditLog(db).head();
        spdlog::info("audit head id={} hash={}", head.id, head.hash);
      } catch (const std::exception& e) {
        spdlog::error("audit head: {}", e.what());
      }
      s->cv.wait_for(lock, every, [s] { return s->stop; });
    }
  });
}

DailyAuditHead::~DailyAuditHead() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stop = true;
  }
  state_->cv.notify_all();
  if (state_->thread.joinable()) state_->thread.join();
}

}  // namespace zwgk::app
