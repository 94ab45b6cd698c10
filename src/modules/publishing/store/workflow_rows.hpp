#pragma once
// Private to src/store: the workflow's rows and checks, shared by workflow_*.cpp.
#include <string>
#include <vector>

#include "domain/permissions.hpp"
#include "modules/publishing/domain/workflow.hpp"
#include "store/audit_rows.hpp"
#include "store/database_impl.hpp"
#include "modules/publishing/store/workflow_repository.hpp"

namespace zwgk::store::workflow_rows {

// The document locked for update (NotFound if missing) and its workflow row, created on
// first use for a record that predates the workflow (an import: its current row becomes
// revision 1, published as version 1 if it is public).
struct Locked {
  domain::Document doc;  // the documents row (the public version once published)
  WorkflowInfo info;
};
Locked lock(Lease& lease, std::int64_t id);
// Read-only: the workflow of a document, synthesised (not stored) for a record without one.
std::optional<WorkflowInfo> read_info(Lease& lease, const domain::Document& doc);
void store_info(Lease& lease, const WorkflowInfo& info);
void insert_info(Lease& lease, const WorkflowInfo& info);

void insert_revision(Lease& lease, const domain::Document& snapshot, int number, const Actor& author);
std::optional<Revision> load_revision(Lease& lease, std::int64_t id, int number);
// The latest revision's document (the documents row when there is none).
domain::Document latest_snapshot(Lease& lease, const Locked& l);

domain::Target target_of(const domain::Document& doc);
// Permission + stage; throws WorkflowRefused.
void check(const domain::Account& who, domain::Action action, const domain::Document& doc,
           const domain::WorkflowStatus& status);
void require_text(const std::string& text, const char* message);  // ValidationError when blank

domain::PrivacyScanOptions scan_options(Lease& lease, std::int64_t site_id);
std::string fingerprint(const domain::PrivacyFinding& f);
std::vector<domain::GuardFinding> guard(Lease& lease, std::int64_t document_id, const domain::Document& doc);

void audit(Lease& lease, const Actor& actor, const std::string& action, std::int64_t document_id,
           nlohmann::json changes);
std::string ground_code(const std::optional<domain::ReplyOutcome>& g);
std::optional<domain::ReplyOutcome> ground_from(const std::string& code);

}  // namespace zwgk::store::workflow_rows
