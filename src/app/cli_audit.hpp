#pragma once
// What the command line writes to the audit log: the operating-system user as the actor
// ("cli:root", from getpwuid(geteuid()); account id 0, no address), and the database
// opened with the audit key derived from the installation secret, so every entry a command
// writes is chained with the key (store/audit_log.hpp, ADR 0017).
//
//   auto db = open_audited_database(config);      // open, migrate, AuditLog::use_key
//   store::AuditedChange change(*db);
//   repo.rename(...);
//   change.commit(cli_entry("kernel.catalogue_rename", "catalogue_node", id, {{"name", name}}, site_id));
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "app/config.hpp"
#include "store/audit_log.hpp"

namespace zwgk::store { class Database; }

namespace zwgk::app {

// {0, "cli:<login name>", ""}; "cli:uid<N>" when the uid has no name.
store::Actor cli_actor();
store::AuditEntryInput cli_entry(std::string action, std::string object_type, std::string object_id,
                                 nlohmann::json changes = nlohmann::json::object(), std::int64_t site_id = 0);

// open_database + migrate + AuditLog::use_key(installation secret). Throws CommandError.
// seal = false for commands that only read the log (audit verify, head).
std::unique_ptr<store::Database> open_audited_database(const Config& config, std::size_t pool_size = 0,
                                                       bool seal = true);
// Registers the audit key of this installation on an open, migrated database.
void use_audit_key(const Config& config, store::Database& db, bool seal = true);

// `zwgk serve`: writes the audit log's head ("audit head id=N hash=H") to the log at start
// and then once a day, so the log files anchor the chain outside the database (compare with
// `zwgk audit verify --head N:H`). Stops on destruction.
class DailyAuditHead {
 public:
  explicit DailyAuditHead(store::Database& db, std::chrono::seconds every = std::chrono::hours(24));
  ~DailyAuditHead();
  DailyAuditHead(const DailyAuditHead&) = delete;
  DailyAuditHead& operator=(const DailyAuditHead&) = delete;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace zwgk::app
