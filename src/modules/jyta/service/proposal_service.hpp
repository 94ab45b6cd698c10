#pragma once
// 建议提案办理, the use cases. Each public function is one: it takes the caller, checks the
// permission registry (jyta.* on the item: its site and 主办单位), validates through the
// domain (proposal.hpp, proposal_import.hpp), writes the rows and its audit entry
// (jyta.<verb>, the item's key, no personal data) in one transaction (store::UnitOfWork).
// A refusal is the error family (domain/errors.hpp): Invalid (every problem listed),
// Forbidden, NotFound (also another site's item), Conflict; then nothing is written.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "domain/caller.hpp"
#include "domain/date.hpp"
#include "modules/jyta/domain/proposal.hpp"
#include "store/database.hpp"

namespace zwgk::modules::jyta {

struct ImportResult {
  int imported = 0;
  int suggestions = 0, proposals = 0;
};

struct PublicationInput {
  domain::ProposalPublication publication = domain::ProposalPublication::Full;
  std::string summary;
  std::optional<domain::ReplyOutcome> ground;
  std::string reason;
};

class ProposalService {
 public:
  ProposalService(store::Database& db, domain::Date today) : db_(db), today_(today) {}

  // The office's .xlsx of the year's assignments into the caller's site (jyta.import): all
  // rows or none. A number already imported (same type, 届次, 会次, 编号) is refused with the
  // row ("第3行「编号」：建议第12号已导入，不能重复导入") — a correction is made on the record,
  // not by importing again. `progress(done, total)` is called as rows are written.
  ImportResult import_xlsx(const domain::Caller& caller, std::string_view xlsx_bytes,
                           const std::function<void(int, int)>& progress = {});

  // The 主办单位's answer (jyta.answer): full text, date, 类别, and how it is published (full
  // by default; 摘要 with the summary; 不予公开 with a ground from the negative list and a
  // reason). An answer may be corrected: recorded again, it replaces the previous one.
  domain::Proposal record_answer(const domain::Caller& caller, std::int64_t id, const domain::ProposalAnswer& answer);

  // The office changes how an answered item is published (jyta.publish): publish in full,
  // publish the summary, or decline to publish with a ground and a reason.
  domain::Proposal set_publication(const domain::Caller& caller, std::int64_t id, const PublicationInput& input);

  // The deputy's (member's) satisfaction with the answer (jyta.publish: the office records
  // what the deputy returned on the 征询意见表).
  domain::Proposal record_satisfaction(const domain::Caller& caller, std::int64_t id, domain::ProposalSatisfaction s);

  // The site's answer deadline in months (jyta.manage), 1..12.
  void set_answer_months(const domain::Caller& caller, int months);

  // One item of the caller's site the caller may see (jyta.view); NotFound otherwise.
  domain::Proposal view(const domain::Caller& caller, std::int64_t id);

 private:
  domain::Proposal permitted(const domain::Caller& caller, std::int64_t id, const char* action, bool lock);

  store::Database& db_;
  domain::Date today_;
};

}  // namespace zwgk::modules::jyta
