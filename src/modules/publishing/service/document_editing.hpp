#pragma once
// 文件编辑, the use case behind the editor's 保存: a new revision of a draft (the workflow's
// save: permission, gates, audit entry publishing.save) and, for a 政策解读, its form
// (publishing.set_interpretation_form), in one transaction. Opened on a stale revision (someone
// else saved meanwhile), nothing is written and the outcome carries the conflict — what the
// other person changed — for the editor to show beside the user's own text (optimistic
// concurrency, like GOV.UK's publisher). Every other refusal is thrown (the error family).
#include <optional>
#include <vector>

#include "domain/account.hpp"
#include "domain/document.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "store/database.hpp"

namespace zwgk::modules::publishing {

struct EditOutcome {
  std::optional<store::RevisionConflict> conflict;  // nullopt: saved
  explicit operator bool() const { return !conflict; }
};

struct DocumentEdit {
  domain::Document doc;
  int expected_revision = 0;  // the revision the editor was opened on
  std::vector<store::UploadedFile> uploads;
  // A 政策解读's form as submitted and as stored; changed only when they differ.
  std::optional<domain::InterpretationForm> interpretation_form;
  std::optional<domain::InterpretationForm> stored_interpretation_form;
};

EditOutcome save_document_edit(store::Database& db, const domain::Account& who, const store::Actor& actor,
                               const DocumentEdit& edit);

}  // namespace zwgk::modules::publishing
