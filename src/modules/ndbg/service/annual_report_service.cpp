// 政府信息公开工作年度报告's use cases: see annual_report_service.hpp.
#include "modules/ndbg/service/annual_report_service.hpp"

#include <chrono>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "modules/ndbg/store/annual_report_repository.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "store/blob_store.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/site_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::ndbg {

namespace {

constexpr const char* kReportColumn = "zfxxgknb";  // 政府信息公开年报 (domain/default_catalogue.cpp)

domain::Target target_of(const domain::AnnualReport& r) { return {r.site_id, r.responsible_department()}; }

std::string body_name_of(store::Database& db, std::int64_t site_id, std::optional<std::int64_t> department_id) {
  if (department_id) {
    auto d = store::DepartmentRepository(db).by_id(*department_id);
    if (!d || d->site_id != site_id) throw domain::NotFound("没有这个部门");
    return d->name;
  }
  auto s = store::SiteRepository(db).by_id(site_id);
  if (!s) throw domain::NotFound("没有这个网站");
  return s->name;
}

// A department's report counts what is assigned to it; a government's, the whole site — or,
// without its departments, only the documents its own 发文机关 issued.
store::ReportScope scope_of(const domain::AnnualReport& r) {
  store::ReportScope s;
  s.site_id = r.site_id;
  s.department_id = r.department_id;
  if (!r.department_id && !r.include_departments) s.issuer_prefix = r.body_name;
  return s;
}

std::vector<domain::OfferedFact> offered_facts(store::AnnualReportRepository& repo, const domain::AnnualReport& r) {
  const auto scope = scope_of(r);
  const auto now = repo.year_counts(scope, r.year);
  const auto last = repo.year_counts(scope, r.year - 1);
  auto known = [](long long v) { return v > 0 ? std::optional<long long>(v) : std::nullopt; };
  return {
      {"本年主动公开政府信息", now.documents, "条", known(last.documents)},
      {"发布政策解读", now.interpretations, "篇", known(last.interpretations)},
      {"收到群众来信", now.letters, "件", known(last.letters)},
      {"公开征求意见", now.consultations, "次", known(last.consultations)},
      {"举办在线访谈和新闻发布会", now.events, "场", known(last.events)},
      {"收到政府信息公开申请", r.value(domain::section_three_key("new", 6)), "件",
       [&]() -> std::optional<long long> {
         auto prev = repo.find(r.site_id, r.department_id, r.year - 1);
         return prev ? known(prev->value(domain::section_three_key("new", 6))) : std::nullopt;
       }()},
  };
}

// A report sent to the workflow is 已发布 once its document is: the document's stage decides,
// so nothing has to be written back when the publishing module publishes it. Returns the stage.
std::string follow_document(store::Database& db, domain::AnnualReport& r) {
  if (!r.document_id) return {};
  const auto info = store::WorkflowRepository(db).info(*r.document_id);
  if (!info) return {};
  if (info->status.stage == domain::Stage::Published) r.state = domain::ReportState::Published;
  return domain::to_label(info->status.stage);
}

void audit(const domain::Caller& caller, const std::string& action, const domain::AnnualReport& r,
           const std::string& detail) {
  caller.audit({action, "annual_report", std::to_string(r.id), detail});
}

}  // namespace

AnnualReportService::AnnualReportService(store::Database& db, std::function<long long()> clock)
    : db_(db), clock_(std::move(clock)) {}

domain::AnnualReport AnnualReportService::prepare(const domain::Caller& caller, std::int64_t site_id,
                                                  std::optional<std::int64_t> department_id, int year) {
  domain::require_permission(caller.account, "ndbg.edit", target(site_id, department_id));
  if (year < 2008 || year > 9999) throw domain::Invalid({"年份不正确"});  // 《条例》 in force since 2008
  store::UnitOfWork unit(db_);
  store::AnnualReportRepository repo(db_);
  if (auto existing = repo.find(site_id, department_id, year)) return *existing;
  domain::AnnualReport r;
  r.site_id = site_id;
  r.department_id = department_id;
  r.year = year;
  r.body_name = body_name_of(db_, site_id, department_id);
  r.include_departments = !department_id;
  if (!department_id) r.office_department_id = government_office(site_id);
  domain::apply_records(r, domain::computed_figures(repo.records(scope_of(r), year)));
  r.updated_at = domain::to_utc_iso_of_unix(clock_());
  r.updated_by = caller.name;
  repo.save(r);
  audit(caller, "ndbg.prepare", r, "year=" + std::to_string(year));
  unit.commit();
  return r;
}

domain::AnnualReport AnnualReportService::load_for(const domain::Caller& caller, const char* action, std::int64_t id) {
  auto r = store::AnnualReportRepository(db_).by_id(id);
  if (!r) throw domain::NotFound("没有这份年度报告");
  domain::require_permission(caller.account, action, target_of(*r));
  return *r;
}

void AnnualReportService::store_change(const domain::Caller& caller, domain::AnnualReport& r, const std::string& action,
                                       const std::string& detail) {
  r.updated_at = domain::to_utc_iso_of_unix(clock_());
  r.updated_by = caller.name;
  store::AnnualReportRepository(db_).save(r);
  audit(caller, action, r, detail);
}

domain::AnnualReport AnnualReportService::refresh(const domain::Caller& caller, std::int64_t id) {
  store::UnitOfWork unit(db_);
  auto r = load_for(caller, "ndbg.edit", id);
  store::AnnualReportRepository repo(db_);
  domain::apply_records(r, domain::computed_figures(repo.records(scope_of(r), r.year)));
  store_change(caller, r, "ndbg.refresh", "");
  unit.commit();
  return r;
}

void AnnualReportService::save_text(const domain::Caller& caller, std::int64_t id, const TextEdit& edit) {
  store::UnitOfWork unit(db_);
  auto r = load_for(caller, "ndbg.edit", id);
  const bool scope_changed = !r.department_id && r.include_departments != edit.include_departments;
  r.overview = edit.overview;
  r.problems = edit.problems;
  r.other = edit.other;
  if (!r.department_id) r.include_departments = edit.include_departments;
  if (scope_changed)
    domain::apply_records(r, domain::computed_figures(store::AnnualReportRepository(db_).records(scope_of(r), r.year)));
  store_change(caller, r, "ndbg.edit", scope_changed ? "scope" : "text");
  unit.commit();
}

void AnnualReportService::set_figure(const domain::Caller& caller, std::int64_t id, const std::string& key,
                                     long long value, const std::string& reason) {
  store::UnitOfWork unit(db_);
  auto r = load_for(caller, "ndbg.edit", id);
  if (const auto problem = domain::figure_problem(r, key, value, reason); !problem.empty())
    throw domain::Invalid({problem});
  r.values[key] = value;
  const auto it = r.computed.find(key);
  // A figure back at the records' needs no reason any more; any other keeps the one given.
  if (it != r.computed.end() && it->second == value)
    r.reasons.erase(key);
  else
    r.reasons[key] = reason;
  store_change(caller, r, "ndbg.set_figure", key + "=" + std::to_string(value));
  unit.commit();
}

std::int64_t AnnualReportService::send_to_workflow(const domain::Caller& caller, std::int64_t id,
                                                   const ReportRendering& rendering, domain::Date today) {
  store::UnitOfWork unit(db_);
  auto r = load_for(caller, "ndbg.view", id);
  const auto department = r.responsible_department();
  if (!department) throw domain::Invalid({"政府年度报告须由本级政府办公室送审：本网站没有“" + r.body_name + "办公室”这一部门"});
  domain::require_permission(caller.account, "ndbg.send", target_of(r));
  std::vector<std::string> problems;
  for (const auto& p : domain::check_report(r)) problems.push_back(p.where + "：" + p.message);
  if (!problems.empty()) throw domain::Invalid(problems);
  const auto column = store::CatalogueRepository(db_).by_code(r.site_id, kReportColumn);
  if (!column) throw domain::Invalid({"本网站没有“政府信息公开年报”栏目"});

  domain::Document doc;
  doc.site_id = r.site_id;
  doc.title = domain::report_title(r);
  doc.catalogue_id = column->id;
  doc.department_id = department;
  doc.issuer = r.body_name;
  doc.written_on = today;
  doc.published_on = today;
  doc.disclosure = domain::DisclosureForm::Proactive;
  doc.topic = "综合政务";
  doc.summary = r.body_name + "按照《中华人民共和国政府信息公开条例》第四十九条、第五十条编制的" +
                std::to_string(r.year) + "年政府信息公开工作年度报告。";
  doc.body_html = rendering.body_html;
  const std::string base = doc.title;
  doc.attachments = {
      {0, base + ".docx", store::sha256_hex(rendering.docx),
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
       static_cast<std::int64_t>(rendering.docx.size()), 0},
      {0, base + ".xlsx", store::sha256_hex(rendering.xlsx),
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
       static_cast<std::int64_t>(rendering.xlsx.size()), 1},
  };
  const std::vector<store::UploadedFile> uploads = {{rendering.docx, doc.attachments[0].media_type, ""},
                                                    {rendering.xlsx, doc.attachments[1].media_type, ""}};
  const store::Actor actor{caller.account.id, caller.account.username, ""};
  store::WorkflowRepository wf(db_);
  if (r.document_id) {
    const auto info = wf.info(*r.document_id);
    if (!info) throw domain::NotFound("年度报告对应的文件已不存在");
    doc.id = *r.document_id;
    wf.save(caller.account, doc, info->latest_revision, actor, uploads);
  } else {
    auto attachments = std::move(doc.attachments);
    doc.attachments.clear();
    const auto ref = wf.create_draft(caller.account, doc, actor, today);
    doc.id = ref.id;
    doc.attachments = std::move(attachments);
    wf.save(caller.account, doc, ref.revision, actor, uploads);
    r.document_id = ref.id;
  }
  r.state = domain::ReportState::InWorkflow;
  store_change(caller, r, "ndbg.send", "document=" + std::to_string(*r.document_id));
  unit.commit();
  return *r.document_id;
}

ReportView AnnualReportService::view(const domain::Caller& caller, std::int64_t id) {
  ReportView v;
  v.report = load_for(caller, "ndbg.view", id);
  store::AnnualReportRepository repo(db_);
  v.problems = domain::check_report(v.report);
  v.last_year = repo.find(v.report.site_id, v.report.department_id, v.report.year - 1);
  v.facts = offered_facts(repo, v.report);
  v.document_state = follow_document(db_, v.report);
  return v;
}

std::optional<std::int64_t> AnnualReportService::government_office(std::int64_t site_id) {
  const auto site = store::SiteRepository(db_).by_id(site_id);
  if (!site) return std::nullopt;
  const auto d = store::DepartmentRepository(db_).by_name(site_id, site->name + "办公室");
  return d ? std::optional<std::int64_t>(d->id) : std::nullopt;
}

domain::Target AnnualReportService::target(std::int64_t site_id, std::optional<std::int64_t> department_id) {
  return {site_id, department_id ? department_id : government_office(site_id)};
}

std::vector<domain::AnnualReport> AnnualReportService::reports(const domain::Caller& caller, std::int64_t site_id) {
  std::vector<domain::AnnualReport> out;
  for (auto& r : store::AnnualReportRepository(db_).of_site(site_id))
    if (domain::permission_registry().may(caller.account, "ndbg.view", target_of(r))) {
      follow_document(db_, r);
      out.push_back(std::move(r));
    }
  return out;
}

}  // namespace zwgk::modules::ndbg
