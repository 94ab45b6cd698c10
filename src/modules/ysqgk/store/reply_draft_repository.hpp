#pragma once
// 答复意见稿: the reply an application's assigned department drafts (outcome, legal basis,
// note) for the 公开工作机构 to approve by recording the reply (migration 0007). One current
// draft per application; saving again replaces it. Holds no personal data.
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "domain/date.hpp"
#include "domain/reply_outcome.hpp"
#include "store/database.hpp"

namespace zwgk::store {

struct ReplyDraft {
  domain::ReplyOutcome outcome = domain::ReplyOutcome::Disclosed;
  std::string legal_basis;
  std::string note;
  std::string drafted_by;  // the account's display name
  domain::Date drafted_on;
};

class ReplyDraftRepository {
 public:
  explicit ReplyDraftRepository(Database& db) : db_(db) {}
  // Inserts or replaces the draft of request `request_id` (StoredRequest::id) in one statement.
  void save(std::int64_t request_id, const ReplyDraft& draft);
  std::optional<ReplyDraft> find(std::int64_t request_id);
  // The applications of site `site_id` that have a draft (StoredRequest::id), for 我的工作.
  std::set<std::int64_t> drafted_of_site(std::int64_t site_id);

 private:
  Database& db_;
};

}  // namespace zwgk::store
