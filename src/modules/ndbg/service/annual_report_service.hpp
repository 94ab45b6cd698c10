#pragma once
// 政府信息公开工作年度报告 (issue 16), the use cases: prepare a body's report for a year from
// its records (tables 二、三、四 computed, last year's report read back for comparison, the
// figures offered for the text), let the office write sections 一、五、六 and correct a figure
// (only with a reason, which is kept), check it against the template's rules, and send it to
// the publishing workflow as a document of the 政府信息公开年报 column with its .docx and .xlsx
// attached — reviewed, approved and published like every document. Each change needs
// ndbg.edit on the report's body (sending: ndbg.send) and is audited in the same transaction.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/caller.hpp"
#include "domain/date.hpp"
#include "domain/permission_registry.hpp"
#include "modules/ndbg/domain/annual_report.hpp"
#include "modules/ndbg/domain/report_records.hpp"
#include "store/database.hpp"

namespace zwgk::modules::ndbg {

// A report as the console shows it: the report, its problems, last year's figures, the facts
// offered for the text and where its document stands.
struct ReportView {
  domain::AnnualReport report;
  std::vector<domain::ReportProblem> problems;
  std::optional<domain::AnnualReport> last_year;
  std::vector<domain::OfferedFact> facts;
  std::string document_state;  // "" (not sent) / the workflow's stage label
};

// What the web layer renders for the workflow's document.
struct ReportRendering {
  std::string body_html;
  std::string docx;
  std::string xlsx;
};

struct TextEdit {
  std::string overview, problems, other;
  bool include_departments = false;
};

class AnnualReportService {
 public:
  AnnualReportService(store::Database& db, std::function<long long()> clock);

  // The body's report for the year, created from the records when there is none yet
  // (ndbg.edit on the body). department_id nullopt: the government's (the site's) report.
  domain::AnnualReport prepare(const domain::Caller& caller, std::int64_t site_id,
                               std::optional<std::int64_t> department_id, int year);
  // Reads the records again (apply_records: corrected figures are kept).
  domain::AnnualReport refresh(const domain::Caller& caller, std::int64_t id);
  void save_text(const domain::Caller& caller, std::int64_t id, const TextEdit& edit);
  // One figure with its reason (Invalid with figure_problem's message when refused).
  void set_figure(const domain::Caller& caller, std::int64_t id, const std::string& key, long long value,
                  const std::string& reason);
  // Sends the report to the workflow: Invalid with every problem while check_report finds
  // any; creates (or revises) the 年报 column's document. Returns the document id.
  std::int64_t send_to_workflow(const domain::Caller& caller, std::int64_t id, const ReportRendering& rendering,
                                domain::Date today);

  // ndbg.view on the body. NotFound for another site's report.
  ReportView view(const domain::Caller& caller, std::int64_t id);
  // The department of the government's 政府信息公开工作机构: the site's “<government>办公室”
  // (邵阳市人民政府 → 邵阳市人民政府办公室), nullopt when the site has none.
  std::optional<std::int64_t> government_office(std::int64_t site_id);
  // Whom a body's report is for in the permission registry: {site, the responsible department}.
  domain::Target target(std::int64_t site_id, std::optional<std::int64_t> department_id);

  // The reports the caller may view on the site, newest year first (已发布 once their document is).
  std::vector<domain::AnnualReport> reports(const domain::Caller& caller, std::int64_t site_id);

 private:
  domain::AnnualReport load_for(const domain::Caller& caller, const char* action, std::int64_t id);
  void store_change(const domain::Caller& caller, domain::AnnualReport& r, const std::string& action,
                    const std::string& detail);
  store::Database& db_;
  std::function<long long()> clock_;
};

}  // namespace zwgk::modules::ndbg
