#include "web/console/audit_sink.hpp"

#include <spdlog/spdlog.h>

#include "store/account_repository.hpp"
#include "store/audit_log.hpp"

namespace zwgk::web::console {

AuditSink log_audit_sink() {
  return [](const AuditEvent& e) {
    spdlog::info("audit action={} actor={} site={} object={}:{} detail={}", e.action,
                 e.actor_id ? std::to_string(*e.actor_id) : std::string("-"), e.site_id, e.object_type,
                 e.object_id, e.detail);
  };
}

AuditSink store_audit_sink(store::Database& db) {
  return [&db](const AuditEvent& e) {
    store::AuditEntryInput in;
    if (e.actor_id) {
      in.actor.account_id = *e.actor_id;
      if (auto a = store::AccountRepository(db).by_id(*e.actor_id)) in.actor.username = a->username;
    }
    in.actor.address = e.remote_address;
    in.action = e.action;
    in.object_type = e.object_type;
    in.object_id = e.object_id;
    in.changes = {{"site_id", e.site_id}};
    in.site_id = e.site_id;
    if (!e.detail.empty()) in.changes["detail"] = e.detail;
    store::AuditLog(db).append(in);
  };
}

}  // namespace zwgk::web::console
