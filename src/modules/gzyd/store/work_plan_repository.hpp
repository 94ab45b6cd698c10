#pragma once
// 工作要点 and 任务督办's rows (migration 0027): the plans, their tasks, each task's units with
// what they reported and the office's decision, and the unit names mapped by hand. Rows only:
// the rules are modules/gzyd/domain/.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "modules/gzyd/domain/task_progress.hpp"
#include "store/database.hpp"

namespace zwgk::store {

struct StoredPlan {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  int year = 0;
  std::string title;
  domain::Date published_on;
  std::string source_text;
  std::vector<std::string> warnings;
  bool published = true;
  std::string created_at, created_by;
};

struct StoredTask {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  int position = 0;
  std::string code;     // "一(一)"; "方案"
  std::string section;  // "一、以政务公开助力稳增长"
  std::string title;
  std::string text;
  domain::Date due_on;
};

struct StoredTaskUnit {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  std::string mention;
  std::string role = "负责";
  std::string requirement;
  std::optional<std::int64_t> department_id;
  std::optional<std::int64_t> unit_site_id;
  std::string unit_name;
  domain::TaskUnitState state = domain::TaskUnitState::Pending;
  std::string report;
  std::vector<std::string> links;
  std::string review_note;
  std::string reported_at, reported_by, reviewed_at, reviewed_by;
  std::string overdue_notified_on;
  bool matched() const { return department_id || unit_site_id; }
};

// A file a unit attached to its 落实情况 (the bytes are in blobs).
struct StoredUnitFile {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string sha256;
  std::string file_name;
  std::string media_type;
  std::int64_t size = 0;
};

class WorkPlanRepository {
 public:
  explicit WorkPlanRepository(Database& db) : db_(db) {}

  std::optional<StoredPlan> plan(std::int64_t site_id, int year);
  std::optional<StoredPlan> plan_by_id(std::int64_t id);
  std::vector<StoredPlan> plans(std::int64_t site_id);  // newest year first
  // Throws domain::Conflict when the site has a plan for the year.
  void insert_plan(StoredPlan& p);
  void insert_task(StoredTask& t);
  void insert_unit(StoredTaskUnit& u);

  std::vector<StoredTask> tasks(std::int64_t plan_id);  // in position order
  std::optional<StoredTask> task(std::int64_t id);
  void set_due(std::int64_t task_id, domain::Date due_on);
  std::vector<StoredTaskUnit> units(std::int64_t plan_id);  // by task position, then id
  std::optional<StoredTaskUnit> unit(std::int64_t id);
  // The plan the unit's task belongs to.
  std::optional<StoredPlan> plan_of_unit(std::int64_t unit_id);
  // Updates every field but the ids, the task and the mention.
  void save_unit(const StoredTaskUnit& u);
  // Every unit of the plan named `mention` gets the department (or county site) and name.
  int map_mention(std::int64_t plan_id, const std::string& mention, std::optional<std::int64_t> department_id,
                  std::optional<std::int64_t> unit_site_id, const std::string& unit_name);

  // Stores the bytes (content-addressed) and the row, in the caller's transaction.
  std::int64_t add_file(std::int64_t unit_id, std::string_view data, const std::string& file_name,
                        const std::string& media_type, const std::string& at);
  std::vector<StoredUnitFile> files_of_plan(std::int64_t plan_id);  // by unit, then id
  std::optional<StoredUnitFile> file(std::int64_t id);

  std::map<std::string, std::int64_t> aliases(std::int64_t site_id);  // mention -> department
  void save_alias(std::int64_t site_id, const std::string& mention, std::int64_t department_id);

 private:
  Database& db_;
};

}  // namespace zwgk::store
