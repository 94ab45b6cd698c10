#pragma once
// "我的工作" counts from the documents table alone. Interim: the workflow module (issue 3,
// other branch) adds review and scheduling states; until it is merged only drafts are
// counted, and "due" / "overdue" are drafts older than the given creation cut-offs (the
// caller counts 20 working days back on the holiday calendar, Art. 26).
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace zwgk::store {

struct WorkCounts {
  int drafts = 0;
  int due_soon = 0;  // drafts created on or before due_soon_cutoff but after overdue_cutoff
  int overdue = 0;   // drafts created on or before overdue_cutoff
};

// department_id nullopt = the whole site. Cut-offs are ISO dates (YYYY-MM-DD); a draft
// created on that day or earlier counts.
WorkCounts count_work(Database& db, std::int64_t site_id, std::optional<std::int64_t> department_id,
                      const std::string& due_soon_cutoff, const std::string& overdue_cutoff);

}  // namespace zwgk::store
