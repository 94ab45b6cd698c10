#pragma once
// 政务公开绩效考核 (issue 16 part 3), the use cases: the office computes a year's assessment of
// every department of its site from the records (each indicator's findings with the record
// behind each), enters the 手工填报 figures with their basis, adjusts a unit's score only with
// a reason, sets the year's indicators, and releases the results to the portal
// (《2017年邵阳市政务公开工作要点》六（八）). Reads the other modules through their repositories
// and writes only its own tables (migration 0026). Each change needs its action (jxkh.run,
// jxkh.release, jxkh.configure) on the site and is audited in the same transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/caller.hpp"
#include "domain/clock.hpp"
#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"
#include "modules/jxkh/domain/assessment_run.hpp"
#include "modules/jxkh/store/assessment_repository.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::modules::jxkh {

class AssessmentService {
 public:
  AssessmentService(store::Database& db, const domain::WorkingDayCalendar& calendar, domain::UnixClock clock);

  domain::Date today() const;

  // Gathers every department's facts for `year` and stores them as the year's 草稿 (jxkh.run);
  // a second computation reads the records again and keeps the figures and adjustments.
  // Conflict once released; Invalid for a year before 2008 or after this one.
  domain::AssessmentResult compute(const domain::Caller& caller, std::int64_t site_id, int year);
  // The office's adjustment of one unit's score, `points` in tenths (jxkh.run). Invalid
  // "调整分数须说明理由" without a reason; NotFound before the year is computed; Conflict
  // once released.
  void adjust(const domain::Caller& caller, std::int64_t site_id, int year, std::int64_t department_id, int points,
              const std::string& reason);
  // A 手工填报 indicator's figure for one unit, with its basis (jxkh.run).
  void set_figure(const domain::Caller& caller, std::int64_t site_id, int year, std::int64_t department_id,
                  const std::string& indicator_code, int count, const std::string& note);
  // 草稿 -> 已发布 (jxkh.release): the portal shows the results from now on.
  void release(const domain::Caller& caller, std::int64_t site_id, int year);

  // The year's indicator set: the site's text, else the default set's.
  std::string indicators(std::int64_t site_id, int year);
  domain::IndicatorSet indicator_set(std::int64_t site_id, int year);
  // jxkh.configure; Invalid with every problem of the text; Conflict once the year is released.
  void save_indicators(const domain::Caller& caller, std::int64_t site_id, int year, const std::string& text);

  // The year's scores as they stand (any state); nullopt before it is computed. Reads: the
  // page's check through the registry decides who sees which unit.
  std::optional<domain::AssessmentResult> result(std::int64_t site_id, int year);
  // Only a released year (the portal).
  std::optional<domain::AssessmentResult> released(std::int64_t site_id, int year);
  std::vector<store::RunSummary> runs(std::int64_t site_id);
  std::vector<int> released_years(std::int64_t site_id);
  std::vector<domain::Adjustment> adjustment_history(std::int64_t site_id, int year, std::int64_t department_id);

 private:
  std::vector<domain::UnitFacts> gather(std::int64_t site_id, int year);
  domain::AssessmentRun draft_run(std::int64_t site_id, int year);

  store::Database& db_;
  const domain::WorkingDayCalendar& calendar_;
  domain::UnixClock clock_;
  // The other modules' repositories want one; nothing here reads personal data.
  store::PersonalDataKey key_;
};

}  // namespace zwgk::modules::jxkh
