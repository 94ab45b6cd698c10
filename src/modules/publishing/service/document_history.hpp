#pragma once
// 修改记录: a document's history as its page shows it — every saved revision (with what
// changed since the one before) and every workflow event (提交审查, 保密审查结论, 退回修改 with
// its 退回意见, 批准发布, 发布, 撤回 ...) in ONE time-ordered list, and, while the document is
// 已退回修改, why it was returned, by whom and when.
//
// Sources: the revisions (document_revisions) and the audit log entries about the document
// (object_type "document"), which the workflow writes in the transaction of each step
// (workflow_repository.hpp). The audit log's sequence is the order: a revision takes the
// place of the entry that saved it (create_draft, edit, mask_privacy, mark_validity carry
// "revision"); a revision with no entry (an imported record adopted by the workflow) goes
// before the first entry written after it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/publishing/domain/document_diff.hpp"
#include "modules/publishing/domain/workflow.hpp"
#include "store/database.hpp"

namespace zwgk::modules::publishing {

struct HistoryEntry {
  std::string at;     // ISO UTC
  std::string who;    // username ("system" for 定时发布)
  std::string label;  // Chinese: 保存第 3 版 / 提交审查 / 退回修改 ...
  std::string detail; // Chinese, "" if none: 退回意见：…, 审查意见：…, 修订说明：…
  int revision = 0;   // a saved revision's number; 0 for a workflow event
  std::optional<int> version;                // the revision was published as this version
  std::vector<domain::FieldChange> changes;  // a revision: what changed since the previous one
  bool first = false;                        // revision 1
};

// The reason a document is 已退回修改 (the latest return_for_changes).
struct ReturnNotice {
  std::string reason;
  std::string who;
  std::string at;  // ISO UTC
};

struct DocumentHistory {
  std::vector<HistoryEntry> entries;   // newest first
  std::optional<ReturnNotice> returned;  // set only while the stage is Returned
};

// The caller has checked that the user may view the document.
DocumentHistory document_history(store::Database& db, std::int64_t document_id, domain::Stage stage);
// Only the notice (the editor's page): nullopt unless the stage is Returned.
std::optional<ReturnNotice> return_notice(store::Database& db, std::int64_t document_id, domain::Stage stage);

}  // namespace zwgk::modules::publishing
