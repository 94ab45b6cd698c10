#pragma once
// 自查监测 (issue 15), the use cases: run every check of a site from what zwgk holds (its
// documents and columns, the mailbox, the 解读, the wording list, the privacy guard, the
// homepage probes, the latest walk over its pages), keep the day's result, warn the site's
// contacts once per finding (again when it worsens), and the office's settings. Reads other
// modules through their stores and services; writes only its own tables (migration 0024).
// Runs by a person need zcjc.run; settings zcjc.configure; both are audited in the same
// transaction (zcjc.run, zcjc.configure). Runs by the daily job and `zwgk inspect` are the
// system's.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/caller.hpp"
#include "domain/clock.hpp"
#include "domain/date.hpp"
#include "domain/site.hpp"
#include "domain/working_day_calendar.hpp"
#include "modules/zcjc/domain/check_result.hpp"
#include "modules/zcjc/domain/column_update_rule.hpp"
#include "modules/zcjc/domain/content_checks.hpp"
#include "modules/zcjc/domain/inspection_thresholds.hpp"
#include "modules/zcjc/store/inspection_repository.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::modules::zcjc {

struct InspectionReport {
  domain::Site site;
  domain::Date on;
  std::string ran_at;  // UTC ISO
  domain::CheckLevel level = domain::CheckLevel::Normal;
  int vetoes = 0, warnings = 0;
  std::vector<domain::CheckResult> results;  // by urgency
};

// Where the crawler and the probe reach the site: the node's own address ("http://127.0.0.1:8080").
struct SiteAddress {
  std::string base_url;
  bool check_external = false;
  int max_pages = 300;
  int timeout_ms = 15000;
  std::function<void(int checked, int queued)> progress;
};

struct ColumnRow {
  std::int64_t node_id = 0;
  std::string code;
  std::string name;  // path: 法定主动公开内容 / 规划计划
  int depth = 0;
  bool has_children = false;
  domain::ColumnUpdateRule rule;  // the office's or the default
  std::int64_t published = 0;
  std::optional<domain::Date> last_update;
};

class InspectionService {
 public:
  InspectionService(store::Database& db, const store::PersonalDataKey& key, const domain::WorkingDayCalendar& calendar,
                    domain::UnixClock clock = domain::system_unix_seconds)
      : db_(db), key_(key), calendar_(calendar), clock_(std::move(clock)) {}

  domain::Date today() const;

  // Every check from the data (and the latest crawl), stored as today's result. The system's run.
  InspectionReport run(std::int64_t site_id);
  // The same on demand from the console (zcjc.run).
  InspectionReport run(const domain::Caller& caller, std::int64_t site_id);
  // Walks the site from its homepage and stores the links and page-tag results, which every
  // later run shows until the next walk. Returns the two results.
  std::vector<domain::CheckResult> crawl(std::int64_t site_id, const SiteAddress& address);
  // One availability probe of the site's homepage, recorded.
  domain::ProbeRecord probe(std::int64_t site_id, const SiteAddress& address, const std::string& node);

  // Mail to the site's contacts for the findings that are new or worse since last sent, one
  // digest per site and run; a check back to 正常 forgets its alert. Returns the mails enqueued.
  int send_alerts(const InspectionReport& report, const std::string& console_base_url);

  std::optional<InspectionReport> latest(std::int64_t site_id);
  std::optional<InspectionReport> on_day(std::int64_t site_id, domain::Date day);
  std::vector<store::InspectionRun> history(std::int64_t site_id, int days = 30);

  // --- settings (zcjc.configure) ---
  std::vector<ColumnRow> columns(std::int64_t site_id);
  // `rule` nullopt: back to the default.
  void set_column_rule(const domain::Caller& caller, std::int64_t site_id, const std::string& code,
                       std::optional<domain::ColumnUpdateRule> rule);
  std::vector<domain::WordingRule> wording_rules(std::int64_t site_id);
  std::int64_t add_wording_rule(const domain::Caller& caller, std::int64_t site_id, const domain::WordingRule& rule);
  void remove_wording_rule(const domain::Caller& caller, std::int64_t site_id, std::int64_t id);
  // The examples (example_wording_rules) a site starts with; those already listed are skipped.
  int add_example_wording_rules(std::int64_t site_id);
  store::InspectionSettings settings(std::int64_t site_id);
  domain::InspectionThresholds thresholds(std::int64_t site_id);
  // Contacts: at most 4 valid addresses; thresholds: parse_thresholds without problems.
  void save_settings(const domain::Caller& caller, std::int64_t site_id, const std::vector<std::string>& contacts,
                     const std::string& thresholds, bool check_external);

  // Severe wording in a text about to be published (warn, never block): the hits as
  // "政务情 应为 政务舆情" lines.
  std::vector<std::string> wording_warnings(std::int64_t site_id, const std::string& text);

 private:
  InspectionReport compute(const domain::Site& site);
  InspectionReport store_run(InspectionReport report);
  domain::Site site_of(std::int64_t site_id);

  store::Database& db_;
  const store::PersonalDataKey& key_;
  const domain::WorkingDayCalendar& calendar_;
  domain::UnixClock clock_;
};

// A report read back from its stored run.
InspectionReport report_of(const domain::Site& site, const store::InspectionRun& run);

}  // namespace zwgk::modules::zcjc
