#pragma once
// Shared by the console's document pages (private to src/web/console): who acts, which
// documents a user may see, the latest version of a document, and how the workflow's
// refusals become pages.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "domain/document.hpp"
#include "modules/publishing/domain/workflow.hpp"
#include "modules/publishing/service/document_history.hpp"
#include "store/actor.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "web/console/console.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

// Editors and reviewers work on their own department's documents; the others on the site's.
bool department_scoped(domain::Role role);

// A document as the workflow sees it now: its latest revision (an amendment in progress
// included) plus its workflow info. nullopt when it does not exist or the user may not view
// it (another site, another department).
struct Loaded {
  domain::Document doc;          // latest revision (or the documents row if never saved here)
  store::WorkflowInfo info;
};
std::optional<Loaded> load_visible(ConsoleRequest& c, std::int64_t id);

// /console/documents/{id}/attachments/{sha256}/{name}: a file of the document as the
// console serves it (drafts included; document_edit_pages.cpp).
std::string console_attachment_url(std::int64_t document_id, const domain::Attachment& a);

// Whether the user may do `action` to this document now (role, scope and stage).
bool may(const ConsoleRequest& c, domain::Action action, const Loaded& l);

// The 退回意见 box at the top of a returned document's page and editor: reason, who, when.
View return_notice_view(const modules::publishing::ReturnNotice& notice);

// The console's 预览 of a document's public page (document_preview.cpp).
std::string preview_url(std::int64_t document_id);

// A workflow write is called directly: its refusals (WorkflowRefused, RevisionConflict,
// ingest::IngestError, ValidationError) are the error family and the console wrapper maps
// them once (web/error_mapping.hpp), rolling the write back.

}  // namespace zwgk::web::console
