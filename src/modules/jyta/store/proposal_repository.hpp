#pragma once
// 建议提案 rows (migration 0017): proposals and the site's proposal_settings. Rows only; the
// rules are in modules/jyta/domain/. No column holds contact data of a deputy or member.
// Writes name the cache tag proposals:<site> (tag_proposals), which every public page of
// the column carries.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/jyta/domain/proposal.hpp"
#include "store/database.hpp"

namespace zwgk::domain {
inline std::string tag_proposals(std::int64_t site_id) { return "proposals:" + std::to_string(site_id); }
}  // namespace zwgk::domain

namespace zwgk::store {

struct ProposalQuery {
  std::int64_t site_id = 0;
  std::optional<int> year;
  std::optional<std::int64_t> department_id;  // 主办单位
  std::optional<domain::ResultClass> result_class;
  std::optional<domain::ProposalKind> kind;
  std::string text;            // in title, number or 领衔人
  bool overdue_only = false;   // not answered and due before `today`
  std::optional<domain::Date> today;
  int page = 1;
  int per_page = 20;
};

struct ProposalPage {
  std::vector<domain::Proposal> items;
  std::int64_t total = 0;
  int page = 1, per_page = 20;
};

class ProposalRepository {
 public:
  explicit ProposalRepository(Database& db) : db_(db) {}

  int answer_months(std::int64_t site_id);  // default 3
  void save_answer_months(std::int64_t site_id, int months);

  // The id of the item with this key, if imported already.
  std::optional<std::int64_t> existing(std::int64_t site_id, domain::ProposalKind kind, const std::string& session,
                                       const std::string& meeting, const std::string& number);
  std::int64_t insert(const domain::Proposal& p);
  // lock: FOR UPDATE on PostgreSQL (SQLite's write transaction already serialises).
  std::optional<domain::Proposal> find(std::int64_t id, bool lock = false);
  // The answer, its class, the publication choice and the satisfaction.
  void save_outcome(const domain::Proposal& p);

  ProposalPage list(const ProposalQuery& q);
  // Every item of the site assigned in `year` (0 = all years), for the statistics.
  std::vector<domain::Proposal> of_year(std::int64_t site_id, int year);
  std::vector<int> years(std::int64_t site_id);  // newest first

 private:
  Database& db_;
};

}  // namespace zwgk::store
