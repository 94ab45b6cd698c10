#pragma once
// Where the console reports what people did: logins, logouts and every management change.
// The console's default is store_audit_sink(): every event becomes an entry of the
// hash-chained, append-only store::AuditLog. log_audit_sink() writes one spdlog line per
// event with ids and action names only — never names, user names, passwords or addresses.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace zwgk::store { class Database; }

namespace zwgk::web::console {

struct AuditEvent {
  std::optional<std::int64_t> actor_id;  // the signed-in account; nullopt for a failed login
  std::int64_t site_id = 0;
  std::string action;       // module.action (ADR 0020): "kernel.login", "kernel.user_create", "ysqgk.reply", ...
  std::string object_type;  // "account", "department", "catalogue_node", "site", "session"
  std::string object_id;    // the changed row's id ("" if none)
  std::string remote_address;  // for the audit log; log_audit_sink() does not print it
  std::string detail;       // short, no personal data (e.g. "role=editor")
};

using AuditSink = std::function<void(const AuditEvent&)>;

// Thrown by ConsoleApp::audit / ConsoleRequest::audit when the sink fails. The console
// rolls back the POST's transaction (the change and its entry are one transaction) and
// answers 500 "审计日志写入失败，操作未执行".
class AuditFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The interim sink: spdlog info "audit action=... actor=... object=type:id detail=...".
AuditSink log_audit_sink();
// Appends each event to store::AuditLog on `db` (actor id, user name and address; the
// site id and detail in the entry's changes). Inside a console POST the entry joins the
// transaction the console opened around the handler (a store::Batch), so it commits or
// rolls back together with the change.
AuditSink store_audit_sink(store::Database& db);

}  // namespace zwgk::web::console
