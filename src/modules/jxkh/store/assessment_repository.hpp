#pragma once
// 政务公开绩效考核's own rows (migration 0026): the indicator set of a site's year, the year's
// run (its facts as JSON), the office's adjustments and hand-entered figures. Rows only: what
// they mean is modules/jxkh/domain/.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/jxkh/domain/assessment_run.hpp"
#include "store/database.hpp"

namespace zwgk::store {

struct StoredIndicatorSet {
  std::string text;
  std::string updated_at, updated_by;
};

// A run without its facts, for the list of years.
struct RunSummary {
  int year = 0;
  domain::AssessmentState state = domain::AssessmentState::Draft;
  std::string computed_at, released_at;
};

class AssessmentRepository {
 public:
  explicit AssessmentRepository(Database& db) : db_(db) {}

  std::optional<StoredIndicatorSet> indicator_set(std::int64_t site_id, int year);
  void save_indicator_set(std::int64_t site_id, int year, const std::string& text, const std::string& by,
                          const std::string& at);

  std::optional<domain::AssessmentRun> run(std::int64_t site_id, int year);
  // Newest year first.
  std::vector<RunSummary> runs(std::int64_t site_id);
  // Inserts the site's run of the year (id 0; sets it) or replaces its facts, indicator text
  // and computed_at/by (the id, and so its adjustments, stay).
  void save_run(domain::AssessmentRun& run);
  // 草稿 -> 已发布; names the portal pages' cache tag.
  void release(const domain::AssessmentRun& run, const std::string& at, const std::string& by);

  void add_adjustment(std::int64_t run_id, std::int64_t department_id, const domain::Adjustment& a);
  // The latest adjustment of each unit.
  std::map<std::int64_t, domain::Adjustment> adjustments(std::int64_t run_id);
  // One unit's adjustments, oldest first.
  std::vector<domain::Adjustment> adjustment_history(std::int64_t run_id, std::int64_t department_id);

  void save_figure(std::int64_t site_id, int year, std::int64_t department_id, const std::string& indicator_code,
                   const domain::ManualFigure& figure);
  // department -> indicator code -> figure.
  std::map<std::int64_t, std::map<std::string, domain::ManualFigure>> figures(std::int64_t site_id, int year);

 private:
  Database& db_;
};

// The facts of a run as stored (assessment_runs.facts) and read back.
std::string unit_facts_to_json(const std::vector<domain::UnitFacts>& units);
std::vector<domain::UnitFacts> unit_facts_from_json(const std::string& json);

}  // namespace zwgk::store
