#pragma once
// The document editor's metadata form (private to src/web/console): reading the posted
// fields into a Document with Chinese validation problems, and the view model that shows
// the form again with whatever the user typed (nothing is lost on a problem or a conflict).
#include <string>
#include <vector>

#include "domain/document.hpp"
#include "modules/publishing/domain/document_diff.hpp"
#include "modules/publishing/domain/workflow.hpp"
#include "modules/publishing/service/document_history.hpp"
#include "modules/publishing/service/policy_choice.hpp"
#include "web/console/console.hpp"

namespace zwgk::web::console {

struct DocumentForm {
  domain::Document doc;  // `base` with the posted fields applied
  std::optional<domain::InterpretationForm> interpretation_form;
  std::vector<std::string> problems;  // Chinese; empty = valid
};

// Applies the posted metadata and body to `base` (attachments, ids and state are kept).
DocumentForm read_document_form(ConsoleRequest& c, domain::Document base);

struct EditorState {
  std::string action;            // where the form posts
  int expected_revision = 0;     // 0 for a new draft
  std::vector<std::string> problems;
  std::string conflict_message;  // "" = no conflict
  std::vector<domain::FieldChange> conflict_changes;
  std::optional<domain::InterpretationForm> interpretation_form;
  std::int64_t document_id = 0;  // 0 for a new draft
  std::optional<modules::publishing::ReturnNotice> returned;  // 已退回修改: why, shown at the top
  // The policy search step (without JavaScript): the text searched and what it found.
  bool policy_searched = false;
  std::string policy_query;
  std::vector<modules::publishing::PolicyChoice> policy_results;
};

// The view of templates/console_document_edit.mustache.
View document_form_view(ConsoleRequest& c, const domain::Document& doc, const EditorState& state);

}  // namespace zwgk::web::console
