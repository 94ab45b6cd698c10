#pragma once
// 工作要点 and 任务督办 (issue 16), the use cases: import a site's 要点 for a year into its tasks
// with the units each names (matched to departments, 各县市区政府 to the county sites; what
// cannot be matched is listed for the office to map by hand, and the mapping is remembered),
// each unit's 工作方案 due 20 working days after the 要点 and its 落实情况 by 12月20日 (or a
// task's own date), units reporting progress per task, the office passing or returning it, the
// overdue units notified once through the outbox, and the public page of every task and its
// passed progress. The office: gzyd.manage; a unit: gzyd.report on itself; all audited.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/caller.hpp"
#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"
#include "modules/gzyd/domain/unit_matcher.hpp"
#include "modules/gzyd/store/work_plan_repository.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::modules::gzyd {

struct PlanImport {
  int year = 0;
  std::string text;            // the 要点 as published (pasted, or a document's text)
  domain::Date published_on;   // when the 要点 was published
};

struct ImportSummary {
  std::int64_t plan_id = 0;
  int tasks = 0;               // numbered tasks (without the 工作方案 rows)
  int mentions = 0;            // unit mentions in the responsibility clauses
  int distinct_units = 0;
  std::map<domain::UnitMatch::How, int> matched;  // distinct mentions by how they were matched
  std::vector<domain::UnitMatch> unmatched;       // for the office to map by hand
  std::vector<std::string> warnings;              // the parser's
};

// A file attached to a 落实情况, as the console's form gives it.
struct ProgressFile {
  std::string file_name;
  std::string data;
  std::string media_type;  // what the caller's sniffing found
};

inline constexpr int kMaxProgressFiles = 5;  // per unit and task

struct PlanView {
  store::StoredPlan plan;
  std::vector<store::StoredTask> tasks;
  std::vector<store::StoredTaskUnit> units;
  std::map<std::int64_t, std::vector<store::StoredUnitFile>> files;  // by unit id
  std::vector<std::string> unmatched;   // distinct mentions still without a unit
};

class WorkPlanService {
 public:
  WorkPlanService(store::Database& db, const store::PersonalDataKey& key, const domain::WorkingDayCalendar& calendar,
                  std::function<long long()> clock);

  ImportSummary import_plan(const domain::Caller& caller, std::int64_t site_id, const PlanImport& in);
  // Every unit of the plan named `mention` becomes the department; remembered as an alias.
  int map_unit(const domain::Caller& caller, std::int64_t plan_id, const std::string& mention,
               std::int64_t department_id);
  void set_due(const domain::Caller& caller, std::int64_t task_id, domain::Date due_on);
  // The unit's 落实情况 (gzyd.report on the unit): refused once passed.
  // Files are added to the ones sent before (at most kMaxProgressFiles): PDF, Word, Excel, OFD, images.
  void report(const domain::Caller& caller, std::int64_t unit_id, const std::string& text,
              const std::vector<std::string>& links, const std::vector<ProgressFile>& files = {});
  void review(const domain::Caller& caller, std::int64_t unit_id, bool approve, const std::string& note);

  PlanView plan(const domain::Caller& caller, std::int64_t plan_id);
  std::vector<store::StoredPlan> plans(std::int64_t site_id);
  // The units the caller reports for (its department's, or its county site's), in every plan.
  std::vector<std::pair<store::StoredTask, store::StoredTaskUnit>> my_units(const domain::Caller& caller);
  // Overdue on `today`: every unit of the site's plans whose due day has passed unreported.
  std::vector<std::pair<store::StoredTask, store::StoredTaskUnit>> overdue(std::int64_t site_id, domain::Date today);
  // The 督办 mail to each overdue unit's contacts (the department's 承办人 and 负责人 of
  // 政民互动's settings), once per unit and task; the system's. Returns the mails enqueued.
  int notify_overdue(std::int64_t site_id, domain::Date today, const std::string& base_url);

  // The public page: the site's published plan for a year.
  std::optional<PlanView> public_plan(std::int64_t site_id, int year);

  // A file's bytes and name: for staff who may view the plan (NotFound otherwise), or for
  // the public once the unit's 落实情况 has passed and the plan is published on the site.
  std::pair<store::StoredUnitFile, std::string> file(const domain::Caller& caller, std::int64_t file_id);
  std::optional<std::pair<store::StoredUnitFile, std::string>> public_file(std::int64_t site_id, std::int64_t file_id);

 private:
  store::Database& db_;
  const store::PersonalDataKey& key_;
  const domain::WorkingDayCalendar& calendar_;
  std::function<long long()> clock_;
};

}  // namespace zwgk::modules::gzyd
