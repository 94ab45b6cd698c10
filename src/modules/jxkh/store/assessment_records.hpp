#pragma once
// The rows of the kernel's and the other modules' tables the assessment reads where their own
// repositories have no query for it: a year's published documents with their workflow dates
// (Art. 26 and 三同步), the 解读 of a set of policies, the exemptions, the 行政复议 and 行政诉讼
// decided in a year with the department of the answer, the department that publishes most in
// each column, a set of documents' departments. The rest (requests, letters, events,
// consultations, lists, annual reports, the 自查监测 runs) is read through those modules'
// repositories by the service. Rows only: which of them are findings is
// modules/jxkh/domain/record_findings.hpp.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "modules/ysqgk/domain/request_review.hpp"
#include "store/database.hpp"

namespace zwgk::store {

struct AssessedDocument {
  std::int64_t id = 0;
  std::string title;
  std::optional<std::int64_t> department_id;
  std::optional<std::int64_t> catalogue_id;
  bool interpretation = false;             // kind 'interpretation'
  std::optional<std::int64_t> interprets_id;
  std::optional<domain::Date> written_on;  // 成文日期
  std::optional<domain::Date> published_on;  // 发布日期 as recorded
  std::string first_published_at;          // UTC ISO, "" never
  bool through_workflow = false;           // it has a document_workflow row
  std::optional<domain::Date> workflow_created_on;
};

struct ReviewRow {
  std::string tracking_number;
  std::optional<std::int64_t> department_id;  // of the answered request
  domain::ReviewKind kind = domain::ReviewKind::Reconsideration;
  domain::ReviewOutcome outcome = domain::ReviewOutcome::Pending;
  domain::Date decided_on;
};

class AssessmentRecords {
 public:
  explicit AssessmentRecords(Database& db) : db_(db) {}

  // Published, non-legacy documents (not 解读) of the site whose 发布日期 or first publication
  // (China time) may fall in `year`; the caller keeps those whose publication_day does.
  std::vector<AssessedDocument> documents_of_year(std::int64_t site_id, int year);
  // Published documents (not 解读) of one column, every year.
  std::vector<AssessedDocument> documents_in(std::int64_t site_id, std::int64_t catalogue_id);
  // The published 解读 of the given policies.
  std::vector<AssessedDocument> interpretations_of(std::int64_t site_id, const std::vector<std::int64_t>& policy_ids);
  // Documents of the site with an interpretation exemption (无需解读) on record.
  std::set<std::int64_t> exempted(std::int64_t site_id);
  // 行政复议 / 行政诉讼 records decided in `year` (decided_on within it).
  std::vector<ReviewRow> decided_reviews(std::int64_t site_id, int year);
  // catalogue node -> the department with the most published documents in it (the lower id
  // on a tie); nodes without a published document with a department are absent.
  std::map<std::int64_t, std::int64_t> column_owners(std::int64_t site_id);
  // document id -> its department (those that have one).
  std::map<std::int64_t, std::int64_t> document_departments(std::int64_t site_id, const std::vector<std::int64_t>& ids);

 private:
  Database& db_;
};

}  // namespace zwgk::store
