#pragma once
// 政府信息公开工作年度报告's rows (migration 0025) and the records it is computed from: the
// 依申请公开 tables (DisclosureRequestRepository::section_three / section_four), the body's
// published documents (for table 二 and the figures offered), and the year's letters,
// consultations and interviews. Rows only: what they mean is modules/ndbg/domain/.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "modules/ndbg/domain/annual_report.hpp"
#include "modules/ndbg/domain/report_records.hpp"
#include "store/database.hpp"

namespace zwgk::store {

// Whose records a report counts.
struct ReportScope {
  std::int64_t site_id = 0;
  std::optional<std::int64_t> department_id;  // a department's report: only what is assigned to it
  std::string issuer_prefix;                  // a government's report without its departments:
                                              // only documents its own 发文机关 issued ("" = all)
};

// Counts of the year offered for the text of section 一.
struct ReportYearCounts {
  long long documents = 0, interpretations = 0, letters = 0, consultations = 0, events = 0;
};

class AnnualReportRepository {
 public:
  explicit AnnualReportRepository(Database& db) : db_(db) {}

  std::optional<domain::AnnualReport> find(std::int64_t site_id, std::optional<std::int64_t> department_id, int year);
  std::optional<domain::AnnualReport> by_id(std::int64_t id);
  std::optional<domain::AnnualReport> by_document(std::int64_t document_id);
  // The site's reports (every body), newest year first.
  std::vector<domain::AnnualReport> of_site(std::int64_t site_id);
  // Inserts (id == 0; sets it) or updates. Throws domain::Conflict when the body already has
  // a report for the year.
  void save(domain::AnnualReport& r);

  domain::ReportRecords records(const ReportScope& scope, int year);
  ReportYearCounts year_counts(const ReportScope& scope, int year);

 private:
  Database& db_;
};

}  // namespace zwgk::store
