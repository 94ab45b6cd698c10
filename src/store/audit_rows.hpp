#pragma once
// Private to src/store: appending an audit entry inside the caller's transaction.
#include "store/audit_log.hpp"
#include "store/blob_store.hpp"  // sha256_hex
#include "store/database_impl.hpp"

namespace zwgk::store {

AuditEntry append_audit(Lease& lease, const AuditEntryInput& entry);

}  // namespace zwgk::store
