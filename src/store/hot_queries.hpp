#pragma once
// 本周热门搜索 (ADR 0015): the searches of the last 7 days, as the public search page lists
// them and as the office (公开工作机构, 网站管理员) manages them in the console.
//
// What is stored (migration 0010): per site, day and normalised query text the number of
// searches (search_queries) and the visitors who asked (search_query_visitors: a keyed
// hash of the address, hot_query_tally.hpp; never the address). Texts with personal data
// are never stored (domain/hot_query_rules.hpp: the tally refuses them before counting);
// searches that found nothing are not counted (the search page counts only hits).
// Rows older than the 7-day window are deleted by record().
//
// The public list (public_list): off if the site's office turned it off (no setting: the
// installation default, HotQueryPolicy::enabled_by_default); else the pinned queries, in
// pin order, then the queries asked by at least HotQueryPolicy::min_visitors different
// visitors in the last 7 days, most visitors first; hidden queries never, and every shown
// text passes domain::hot_query_problem with the site's sensitive words. Site 0 is the
// cross-site search: no pins of its own, a query hidden by any site is hidden there too,
// and every site's sensitive words apply.
//
// Changes (set_enabled, set_rule) need Action::ManageHotQueries on the site, write their
// audit entry in the same transaction, and invalidate site:<id>:search and site:0:search.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "domain/date.hpp"
#include "store/actor.hpp"
#include "store/database.hpp"

namespace zwgk::store {

// Installation-wide (zwgk.toml: hot_query_min_visitors, hot_queries).
struct HotQueryPolicy {
  int min_visitors = 5;
  bool enabled_by_default = true;
};

inline constexpr int kHotQueryDays = 7;  // "本周": today and the 6 days before

struct HotQuery {
  std::string query;
  std::int64_t count = 0;     // searches in the window (pinned: 0 if never searched)
  std::int64_t visitors = 0;  // different visitors in the window
  bool pinned = false;
};

// One batch line of the in-memory tally: `searches` more searches of `query` on the site
// today, by these visitors (hashes).
struct HotQueryTally {
  std::int64_t site_id = 0;
  std::string query;  // normalised (hot_query_tally.hpp: countable_hot_query)
  std::int64_t searches = 0;
  std::vector<std::string> visitors;
};

enum class HotQueryRule { None, Pin, Hide };

// What the console shows.
struct HotQueryOverview {
  bool enabled = true;
  bool enabled_is_default = true;  // no decision of the office yet
  std::vector<std::string> pinned, hidden;
  std::vector<HotQuery> counted;   // the most asked texts, also those below the threshold
  std::vector<HotQuery> shown;     // what the public list shows now
};

class HotQueryRepository {
 public:
  explicit HotQueryRepository(Database& db) : db_(db) {}

  // Adds a batch in one transaction and drops rows older than the window.
  void record(const std::vector<HotQueryTally>& batch, const domain::Date& today);
  std::vector<HotQuery> public_list(std::int64_t site_id, int limit, const HotQueryPolicy& policy,
                                    const domain::Date& today);
  HotQueryOverview overview(std::int64_t site_id, const HotQueryPolicy& policy, const domain::Date& today);
  // Every text stored for the site in either table, any day, sorted (what a breach would
  // show; tests check that personal data never gets there).
  std::vector<std::string> stored_texts(std::int64_t site_id);

  // WorkflowRefused(Forbidden) without the permission; domain::ValidationError for a text
  // that is empty, over 30 characters or has personal data (pin and hide alike).
  void set_enabled(const domain::Account& who, std::int64_t site_id, bool enabled, const Actor& actor);
  // None removes the query's pin or hide. `today` dates the personal-data check (a birth
  // date in an ID number must not lie in the future).
  void set_rule(const domain::Account& who, std::int64_t site_id, const std::string& query, HotQueryRule rule,
                const Actor& actor, const domain::Date& today);

 private:
  Database& db_;
};

}  // namespace zwgk::store
