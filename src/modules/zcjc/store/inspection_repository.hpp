#pragma once
// 自查监测's own rows (migration 0024): the site's settings, column rules and wording list, the
// probes, the latest crawl, each day's results and the warnings sent. Rows only: what the
// results mean is the domain's (modules/zcjc/domain/), their JSON the service's.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "modules/zcjc/domain/availability_check.hpp"
#include "modules/zcjc/domain/check_result.hpp"
#include "modules/zcjc/domain/column_update_rule.hpp"
#include "modules/zcjc/domain/content_checks.hpp"
#include "store/database.hpp"

namespace zwgk::store {

struct InspectionSettings {
  std::vector<std::string> contacts;  // e-mail addresses
  std::string thresholds;             // name=value lines
  bool check_external = false;
  std::string updated_at, updated_by;
};

struct InspectionRun {
  std::int64_t site_id = 0;
  domain::Date run_on;
  std::string ran_at;
  domain::CheckLevel level = domain::CheckLevel::Normal;
  int vetoes = 0, warnings = 0;
  std::string results;  // JSON ("" in run summaries)
};

struct InspectionCrawl {
  std::string crawled_at;
  int pages = 0;
  std::string results;  // JSON
};

struct SentAlert {
  domain::CheckLevel level = domain::CheckLevel::Normal;
  int findings = 0;
  std::string sent_at;
};

class InspectionRepository {
 public:
  explicit InspectionRepository(Database& db) : db_(db) {}

  InspectionSettings settings(std::int64_t site_id);
  void save_settings(std::int64_t site_id, const InspectionSettings& s);

  // The rules the office set, by catalogue node id (columns without one use the default).
  std::map<std::int64_t, domain::ColumnUpdateRule> column_rules(std::int64_t site_id);
  void save_column_rule(std::int64_t site_id, std::int64_t node_id, const domain::ColumnUpdateRule& rule,
                        const std::string& by, const std::string& now_iso);
  void clear_column_rule(std::int64_t site_id, std::int64_t node_id);

  std::vector<domain::WordingRule> wording_rules(std::int64_t site_id);
  // Conflict-like StoreError when the wrong form is already listed (callers check first).
  std::int64_t add_wording_rule(std::int64_t site_id, const domain::WordingRule& rule);
  bool remove_wording_rule(std::int64_t site_id, std::int64_t id);

  void record_probe(std::int64_t site_id, const domain::ProbeRecord& probe, const std::string& node);
  // Probes at or after `since_iso`, newest first.
  std::vector<domain::ProbeRecord> probes_since(std::int64_t site_id, const std::string& since_iso);
  // Drops probes older than `before_iso`; returns how many.
  int prune_probes(const std::string& before_iso);

  void save_crawl(std::int64_t site_id, const InspectionCrawl& crawl);
  std::optional<InspectionCrawl> crawl(std::int64_t site_id);

  // One result per site and day: a second run the same day replaces the first.
  void save_run(const InspectionRun& run);
  std::optional<InspectionRun> latest_run(std::int64_t site_id);
  std::optional<InspectionRun> run_on(std::int64_t site_id, domain::Date day);
  // Newest first, without results.
  std::vector<InspectionRun> runs(std::int64_t site_id, int limit);

  std::map<std::string, SentAlert> alerts(std::int64_t site_id);
  void save_alert(std::int64_t site_id, const std::string& check_code, const SentAlert& alert);
  void drop_alert(std::int64_t site_id, const std::string& check_code);

 private:
  Database& db_;
};

// What the kernel tables say about a site's publishing, read for the checks.
struct ColumnActivity {
  std::int64_t published = 0;
  std::string last_published_at;  // UTC ISO of the newest first publication
};

struct PolicyRow {
  std::int64_t id = 0;
  std::string title;
  std::string first_published_at;
  bool interpreted = false;  // a published 解读 explains it, or it is exempted
};

class InspectionFacts {
 public:
  explicit InspectionFacts(Database& db) : db_(db) {}
  // Published documents per catalogue node (the node itself, not its subtree).
  std::map<std::int64_t, ColumnActivity> column_activity(std::int64_t site_id);
  // The newest first publication of any published document of the site ("" none).
  std::string last_published_at(std::int64_t site_id);
  // Published 文件 (not 解读) in the nodes, first published at or after `since_iso`.
  std::vector<PolicyRow> policies(std::int64_t site_id, const std::vector<std::int64_t>& node_ids,
                                  const std::string& since_iso);
  // Published documents of a node whose title contains `text`: their first publication, oldest first.
  std::vector<std::string> first_published_with_title(std::int64_t site_id, std::int64_t node_id,
                                                      const std::string& text);

 private:
  Database& db_;
};

}  // namespace zwgk::store
