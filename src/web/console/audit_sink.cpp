#include "web/console/audit_sink.hpp"

#include <spdlog/spdlog.h>

namespace zwgk::web::console {

AuditSink log_audit_sink() {
  return [](const AuditEvent& e) {
    spdlog::info("audit action={} actor={} site={} object={}:{} detail={}", e.action,
                 e.actor_id ? std::to_string(*e.actor_id) : std::string("-"), e.site_id, e.object_type,
                 e.object_id, e.detail);
  };
}

}  // namespace zwgk::web::console
