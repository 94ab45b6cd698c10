// 政务公开绩效考核's use cases: see assessment_service.hpp.
#include "modules/jxkh/service/assessment_service.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "modules/gzyd/store/work_plan_repository.hpp"  // 工作要点落实
#include "modules/jxkh/domain/points.hpp"
#include "modules/jxkh/domain/record_findings.hpp"
#include "modules/jxkh/service/evidence_urls.hpp"
#include "modules/jxkh/store/assessment_records.hpp"
#include "modules/ndbg/domain/annual_report.hpp"
#include "modules/ndbg/service/annual_report_service.hpp"
#include "modules/ndbg/store/annual_report_repository.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "modules/qd/domain/list_version.hpp"
#include "modules/qd/store/list_repository.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "modules/yjzj/domain/consultation.hpp"
#include "modules/yjzj/store/consultation_repository.hpp"
#include "modules/zcjc/service/report_json.hpp"
#include "modules/zcjc/store/inspection_repository.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "modules/zxft/store/event_repository.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/site_repository.hpp"
#include "store/unit_of_work.hpp"
#include "web/urls.hpp"

namespace zwgk::modules::jxkh {

namespace {

using Findings = std::map<std::int64_t, domain::SourceFacts>;  // department -> one source's facts

std::string object_id(std::int64_t site_id, int year) { return std::to_string(site_id) + ":" + std::to_string(year); }

domain::Date first_day(int year) { return domain::Date{std::chrono::year{year} / 1 / 1}; }
domain::Date last_day(int year) { return domain::Date{std::chrono::year{year} / 12 / 31}; }

// Groups records by the department responsible for them; `office` takes those without one.
template <class Record>
std::map<std::int64_t, std::vector<Record>> by_unit(std::vector<std::pair<std::optional<std::int64_t>, Record>> rows,
                                                    std::optional<std::int64_t> office) {
  std::map<std::int64_t, std::vector<Record>> out;
  for (auto& [dept, r] : rows) {
    const auto unit = dept ? dept : office;
    if (unit) out[*unit].push_back(std::move(r));
  }
  return out;
}

template <class Record, class F>
Findings facts_of(const std::map<std::int64_t, std::vector<Record>>& grouped, F&& rule) {
  Findings out;
  for (const auto& [dept, records] : grouped) out[dept] = rule(records);
  return out;
}

// The document id of a public document URL ("/xinshao/content/42.html"), if it is one.
std::optional<std::int64_t> document_id_of(const domain::Site& site, const std::string& url) {
  const std::string prefix = web::document_url(site, 0);  // ".../content/0.html"
  const auto stem = prefix.substr(0, prefix.size() - std::string("0.html").size());
  if (url.rfind(stem, 0) != 0 || url.size() <= stem.size() + 5 || url.compare(url.size() - 5, 5, ".html") != 0)
    return std::nullopt;
  const auto digits = url.substr(stem.size(), url.size() - stem.size() - 5);
  if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(digits);
}

}  // namespace

AssessmentService::AssessmentService(store::Database& db, const domain::WorkingDayCalendar& calendar, domain::UnixClock clock)
    : db_(db),
      calendar_(calendar),
      clock_(domain::or_system_clock(clock)),
      key_(store::PersonalDataKey::derive_from(std::string(store::PersonalDataKey::kBytes, '\0'))) {}

domain::Date AssessmentService::today() const { return domain::china_date(clock_()); }

std::vector<domain::UnitFacts> AssessmentService::gather(std::int64_t site_id, int year) {
  const auto site = store::SiteRepository(db_).by_id(site_id);
  if (!site) throw domain::NotFound("没有这个网站");
  const auto today_ = today();
  const auto office = ndbg::AnnualReportService(db_, clock_).government_office(site_id);
  const auto departments = store::DepartmentRepository(db_).by_site(site_id);
  store::AssessmentRecords records(db_);
  std::map<std::string, Findings> sources;

  // 主动公开时效 and 政策解读同步发布: the year's published documents.
  const auto tree = store::CatalogueRepository(db_).tree(site_id);
  std::map<std::string, std::int64_t> node_of_code;
  for (const auto& n : tree) node_of_code[n.code] = n.id;
  std::vector<std::int64_t> policy_nodes;
  for (const auto& code : store::WorkflowRepository(db_).interpretation_catalogues(site_id))
    if (auto it = node_of_code.find(code); it != node_of_code.end()) policy_nodes.push_back(it->second);
  const auto exempted = records.exempted(site_id);
  std::vector<std::pair<std::optional<std::int64_t>, domain::PublishedRecord>> published;
  std::vector<std::pair<std::optional<std::int64_t>, domain::PolicyRecord>> policies;
  std::vector<std::int64_t> policy_ids;
  for (const auto& d : records.documents_of_year(site_id, year)) {
    const auto day = domain::publication_day(d.published_on, d.first_published_at, d.through_workflow);
    if (!day || day->year() != year || !d.department_id) continue;
    published.push_back({d.department_id, {d.id, d.title, domain::formed_day(d.written_on, d.workflow_created_on), *day,
                                           document_console_url(d.id)}});
    if (d.catalogue_id && std::find(policy_nodes.begin(), policy_nodes.end(), *d.catalogue_id) != policy_nodes.end()) {
      policies.push_back({d.department_id, {d.id, d.title, *day, exempted.count(d.id) > 0, std::nullopt, document_console_url(d.id)}});
      policy_ids.push_back(d.id);
    }
  }
  std::map<std::int64_t, domain::Date> interpreted;  // policy -> its first 解读's publication day
  for (const auto& i : records.interpretations_of(site_id, policy_ids)) {
    const auto day = domain::publication_day(i.published_on, i.first_published_at, i.through_workflow);
    if (!day || !i.interprets_id) continue;
    auto it = interpreted.find(*i.interprets_id);
    if (it == interpreted.end() || *day < it->second) interpreted[*i.interprets_id] = *day;
  }
  for (auto& [dept, p] : policies)
    if (auto it = interpreted.find(p.id); it != interpreted.end()) p.interpreted_on = it->second;
  sources["timeliness"] = facts_of(by_unit(std::move(published), std::nullopt), [&](const auto& docs) {
    return domain::publication_timeliness(docs, calendar_);
  });
  sources["interpretation"] = facts_of(by_unit(std::move(policies), std::nullopt),
                                       [](const auto& p) { return domain::policy_interpretation(p); });

  // 主要负责人解读: the year's ended events with the unit's principal as a guest.
  std::map<std::int64_t, std::vector<domain::InterpretationEvent>> events;
  for (const auto& e : store::EventRepository(db_, key_).list(site_id, false)) {
    if (e.state != domain::EventState::Ended) continue;
    const auto on = domain::china_date_of_unix(e.draft.starts_at);
    if (on.year() != year) continue;
    std::map<std::int64_t, bool> units;  // unit -> its principal was there
    if (e.draft.department_id) units[*e.draft.department_id] = false;
    for (const auto& g : e.draft.guests) {
      const auto unit = g.department_id ? g.department_id : e.draft.department_id;
      if (unit) units[*unit] = units[*unit] || g.principal;
    }
    for (const auto& [unit, principal] : units) events[unit].push_back({e.id, e.draft.title, on, principal, event_console_url(e.id)});
  }
  Findings principal;
  for (const auto& d : departments) principal[d.id] = domain::principal_interpretation(events[d.id], year, kEventsConsoleUrl);
  sources["principal"] = std::move(principal);

  // 清单动态调整: each list's version in force on the year's last day (or today, if earlier).
  const auto list_day = std::min(last_day(year), today_);
  store::ListRepository lists(db_);
  std::vector<std::pair<std::optional<std::int64_t>, domain::ListRecord>> list_rows;
  for (const auto& l : lists.of_site(site_id)) {
    std::vector<domain::VersionDate> dates;
    for (const auto& v : lists.published(l.id))
      if (v.number && v.effective_on) dates.push_back({*v.number, *v.effective_on});
    domain::ListRecord r{l.id, l.title, std::nullopt, list_console_url(l.id)};
    if (const auto n = domain::version_in_force(dates, list_day))
      for (const auto& v : dates)
        if (v.number == *n) r.in_force_since = v.effective_on;
    list_rows.push_back({l.department_id, std::move(r)});
  }
  sources["lists"] = facts_of(by_unit(std::move(list_rows), std::nullopt),
                              [&](const auto& l) { return domain::lists_current(l, list_day); });

  // 年度报告按时公布: last year's report of each department (Art. 49: by 31 January).
  const int report_year = year - 1;
  const auto due = domain::report_due_on(domain::ReportBody::Department, report_year);
  std::map<std::int64_t, domain::AnnualReport> reports;
  for (auto& r : store::AnnualReportRepository(db_).of_site(site_id))
    if (r.year == report_year && r.department_id) reports[*r.department_id] = std::move(r);
  std::vector<store::AssessedDocument> report_docs;
  if (auto it = node_of_code.find("zfxxgknb"); it != node_of_code.end()) report_docs = records.documents_in(site_id, it->second);
  const std::string year_text = std::to_string(report_year) + "年";
  Findings report_facts;
  for (const auto& d : departments) {
    domain::ReportRecord rec;
    rec.report_year = report_year;
    rec.due_on = due;
    rec.title = d.name + std::to_string(report_year) + "年政府信息公开工作年度报告";
    rec.url = kAnnualReportsConsoleUrl;
    std::optional<std::int64_t> document;
    if (auto it = reports.find(d.id); it != reports.end()) {
      rec.url = annual_report_console_url(it->second.id);
      document = it->second.document_id;
    }
    for (const auto& doc : report_docs) {
      const bool linked = document && doc.id == *document;
      const bool titled = !document && doc.department_id == d.id && doc.title.find(year_text) != std::string::npos;
      if (!linked && !titled) continue;
      const auto day = domain::publication_day(doc.published_on, doc.first_published_at, doc.through_workflow);
      if (!day || (rec.published_on && *rec.published_on <= *day)) continue;
      rec.published_on = day;
      rec.title = "《" + doc.title + "》";
      rec.url = document_console_url(doc.id);
    }
    report_facts[d.id] = domain::annual_report_on_time(rec, today_);
  }
  sources["annual_report"] = std::move(report_facts);

  // 依申请公开按时答复: the requests received in the year (newest first: stop before it).
  store::DisclosureRequestRepository requests(db_, key_);
  std::vector<std::pair<std::optional<std::int64_t>, domain::RequestRecord>> request_rows;
  for (int page = 1;; ++page) {
    store::RequestListQuery q;
    q.site_id = site_id;
    q.page = page;
    q.per_page = 200;
    const auto got = requests.list(q);
    bool older = false;
    for (const auto& s : got.items) {
      const auto& r = s.request;
      if (r.received_on.year() > year) continue;
      if (r.received_on.year() < year) {
        older = true;
        continue;
      }
      request_rows.push_back(
          {r.department_id, domain::request_record(r, calendar_, today_, request_console_url(r.tracking_number))});
    }
    if (older || got.items.size() < static_cast<std::size_t>(q.per_page)) break;
  }
  sources["requests"] = facts_of(by_unit(std::move(request_rows), office),
                                 [&](const auto& r) { return domain::request_timeliness(r, today_); });

  // 复议诉讼纠错: records decided in the year against the unit's answers.
  std::vector<std::pair<std::optional<std::int64_t>, domain::DecidedReview>> review_rows;
  for (const auto& r : records.decided_reviews(site_id, year))
    review_rows.push_back({r.department_id, {r.tracking_number, r.kind, r.outcome, r.decided_on, request_console_url(r.tracking_number)}});
  sources["reviews"] = facts_of(by_unit(std::move(review_rows), office),
                                [](const auto& r) { return domain::review_corrections(r); });

  // 来信按时答复 and 来信满意度: letters received in the year and accepted.
  const auto deadlines = store::MailboxRepository(db_).settings(site_id).deadlines;
  std::vector<std::pair<std::optional<std::int64_t>, domain::LetterRecord>> letter_rows;
  for (const auto& s : store::LetterRepository(db_, key_).for_statistics(site_id, first_day(year), last_day(year))) {
    const auto& l = s.letter;
    if (l.received_on.year() != year || !l.accepted_on) continue;
    letter_rows.push_back(
        {l.department_id, domain::letter_record(l, s.title, calendar_, deadlines, today_, letter_console_url(l.number))});
  }
  const auto letters = by_unit(std::move(letter_rows), office);
  sources["letters"] = facts_of(letters, [&](const auto& l) { return domain::letter_timeliness(l, today_); });
  sources["satisfaction"] = facts_of(letters, [](const auto& l) { return domain::letter_satisfaction(l); });

  // 意见征集反馈: consultations of the unit that ended in the year.
  store::ConsultationRepository consultations(db_, key_);
  const auto settings = consultations.settings(site_id);
  std::vector<std::pair<std::optional<std::int64_t>, domain::FeedbackRecord>> consultation_rows;
  for (const auto& c : consultations.list(site_id, true)) {
    if (!c.draft.ends_on || c.draft.ends_on->year() != year) continue;
    std::optional<domain::Date> feedback_on;
    if (c.record == store::ConsultationRecord::Feedback && c.feedback_at != 0) feedback_on = domain::china_date_of_unix(c.feedback_at);
    consultation_rows.push_back({c.draft.department_id,
                                 {c.id, c.draft.title, *c.draft.ends_on,
                                  domain::feedback_due_on(*c.draft.ends_on, settings, calendar_), feedback_on,
                                  consultation_console_url(c.id)}});
  }
  sources["consultations"] = facts_of(by_unit(std::move(consultation_rows), office),
                                      [&](const auto& c) { return domain::consultation_feedback(c, today_); });

  // 工作要点落实: the units' shares of the year's 要点 (gzyd), each task and its 工作方案.
  std::vector<std::pair<std::optional<std::int64_t>, domain::TaskReportRecord>> task_rows;
  store::WorkPlanRepository plans(db_);
  if (const auto plan = plans.plan(site_id, year)) {
    std::map<std::int64_t, store::StoredTask> tasks;
    for (auto& t : plans.tasks(plan->id)) tasks[t.id] = t;
    for (const auto& u : plans.units(plan->id)) {
      if (!u.department_id) continue;  // a county's share is the county's
      const auto& t = tasks[u.task_id];
      domain::TaskReportRecord r;
      r.id = u.id;
      r.task = t.code == domain::kProgrammeTaskCode ? std::string("工作方案") : t.code + " " + t.title;
      r.due_on = t.due_on;
      if (!u.reported_at.empty())
        if (const auto at = domain::unix_of_utc_iso(u.reported_at); at != 0) r.reported_on = domain::china_date_of_unix(at);
      r.returned = u.state == domain::TaskUnitState::Returned;
      r.url = work_task_console_url(plan->id, t.id);
      task_rows.push_back({u.department_id, std::move(r)});
    }
  }
  sources["work_plan"] = facts_of(by_unit(std::move(task_rows), office),
                                  [&](const auto& t) { return domain::work_plan_reports(t, today_); });

  // 日常监测: the year's last 自查监测 run, its findings given to the unit whose column or
  // document they name, the rest (the site as a whole) to the office.
  store::InspectionRepository inspections(db_);
  std::optional<domain::Date> run_on;
  for (const auto& r : inspections.runs(site_id, 400))
    if (r.run_on.year() == year && (!run_on || r.run_on > *run_on)) run_on = r.run_on;
  Findings monitoring;
  if (run_on) {
    std::vector<domain::CheckResult> checks;
    if (auto run = inspections.run_on(site_id, *run_on)) checks = zcjc::results_from_json(run->results);
    std::map<std::string, std::int64_t> column_of_url;
    for (const auto& n : tree) column_of_url[web::catalogue_url(*site, n.code)] = n.id;
    const auto owners = records.column_owners(site_id);
    std::vector<std::int64_t> doc_ids;
    int counted = 0;
    for (const auto& c : checks) {
      if (!domain::monitoring_counts(c.code)) continue;
      ++counted;
      for (const auto& e : c.evidence)
        if (auto id = document_id_of(*site, e.url)) doc_ids.push_back(*id);
    }
    const auto doc_departments = records.document_departments(site_id, doc_ids);
    std::map<std::int64_t, std::vector<domain::MonitoringFinding>> found;
    for (const auto& c : checks) {
      if (!domain::monitoring_counts(c.code) || c.level == domain::CheckLevel::Normal) continue;
      for (const auto& e : c.evidence) {
        std::optional<std::int64_t> unit;
        domain::Evidence shown = e;
        if (auto col = column_of_url.find(e.url); col != column_of_url.end()) {
          if (auto o = owners.find(col->second); o != owners.end()) unit = o->second;
        } else if (auto id = document_id_of(*site, e.url)) {
          if (auto d = doc_departments.find(*id); d != doc_departments.end()) unit = d->second;
          shown.url = document_console_url(*id);  // the office corrects it there
        }
        if (!unit) unit = office;
        if (!unit) continue;
        if (shown.url.empty()) shown.url = inspection_report_console_url(*run_on);
        found[*unit].push_back({c.name, std::move(shown)});
      }
    }
    for (const auto& d : departments) monitoring[d.id] = domain::monitoring_findings(found[d.id], counted, *run_on);
  } else {
    for (const auto& d : departments) monitoring[d.id].note = std::to_string(year) + "年没有自查监测记录，不扣分";
  }
  sources["monitoring"] = std::move(monitoring);

  std::vector<domain::UnitFacts> out;
  for (const auto& d : departments) {
    domain::UnitFacts u;
    u.department_id = d.id;
    u.name = d.name;
    for (const auto& [code, per_unit] : sources)
      if (auto it = per_unit.find(d.id); it != per_unit.end()) u.sources[code] = it->second;
    out.push_back(std::move(u));
  }
  return out;
}

domain::AssessmentResult AssessmentService::compute(const domain::Caller& caller, std::int64_t site_id, int year) {
  domain::require_permission(caller.account, "jxkh.run", {site_id, std::nullopt});
  const auto today_ = today();
  if (year < 2008 || year > today_.year()) throw domain::Invalid({"考核年度应在2008年至" + std::to_string(today_.year()) + "年之间"});
  store::UnitOfWork unit(db_);
  store::AssessmentRepository repo(db_);
  auto run = repo.run(site_id, year).value_or(domain::AssessmentRun{});
  if (run.state == domain::AssessmentState::Released) throw domain::Conflict(std::to_string(year) + "年度考核结果已发布，不能重新计算");
  run.site_id = site_id;
  run.year = year;
  run.indicators = indicators(site_id, year);
  run.units = gather(site_id, year);
  run.computed_at = domain::to_utc_iso_of_unix(clock_());
  run.computed_by = caller.name;
  repo.save_run(run);
  caller.audit({"jxkh.run", "assessment", object_id(site_id, year),
                "year=" + std::to_string(year) + " units=" + std::to_string(run.units.size())});
  unit.commit();
  return domain::result_of(run, repo.figures(site_id, year), repo.adjustments(run.id));
}

domain::AssessmentRun AssessmentService::draft_run(std::int64_t site_id, int year) {
  auto run = store::AssessmentRepository(db_).run(site_id, year);
  if (!run) throw domain::NotFound(std::to_string(year) + "年度尚未计算考核得分");
  if (run->state == domain::AssessmentState::Released)
    throw domain::Conflict(std::to_string(year) + "年度考核结果已发布，不能再修改");
  return *run;
}

void AssessmentService::adjust(const domain::Caller& caller, std::int64_t site_id, int year, std::int64_t department_id,
                               int points, const std::string& reason) {
  domain::require_permission(caller.account, "jxkh.run", {site_id, std::nullopt});
  store::UnitOfWork unit(db_);
  const auto run = draft_run(site_id, year);
  const bool known = std::any_of(run.units.begin(), run.units.end(), [&](const auto& u) { return u.department_id == department_id; });
  if (!known) throw domain::NotFound("本年度考核中没有这个单位");
  const auto set = domain::result_of(run, {}, {}).set;
  if (const auto problem = domain::adjustment_problem(points, reason, set.full_points()); !problem.empty())
    throw domain::Invalid({problem});
  domain::Adjustment a{points, reason, caller.name, domain::to_utc_iso_of_unix(clock_())};
  store::AssessmentRepository(db_).add_adjustment(run.id, department_id, a);
  caller.audit({"jxkh.adjust", "assessment", object_id(site_id, year),
                "department=" + std::to_string(department_id) + " points=" + domain::format_points(points)});
  unit.commit();
}

void AssessmentService::set_figure(const domain::Caller& caller, std::int64_t site_id, int year, std::int64_t department_id,
                                   const std::string& indicator_code, int count, const std::string& note) {
  domain::require_permission(caller.account, "jxkh.run", {site_id, std::nullopt});
  store::UnitOfWork unit(db_);
  const auto run = draft_run(site_id, year);
  const auto set = domain::result_of(run, {}, {}).set;
  const auto* indicator = set.find(indicator_code);
  if (!indicator || indicator->source != domain::kManualSource) throw domain::Invalid({"这一项指标不是手工填报的"});
  const bool known = std::any_of(run.units.begin(), run.units.end(), [&](const auto& u) { return u.department_id == department_id; });
  if (!known) throw domain::NotFound("本年度考核中没有这个单位");
  if (const auto problem = domain::manual_figure_problem(count, note); !problem.empty()) throw domain::Invalid({problem});
  store::AssessmentRepository(db_).save_figure(site_id, year, department_id, indicator_code,
                                               {count, note, caller.name, domain::to_utc_iso_of_unix(clock_())});
  caller.audit({"jxkh.figure", "assessment", object_id(site_id, year),
                "department=" + std::to_string(department_id) + " " + indicator_code + "=" + std::to_string(count)});
  unit.commit();
}

void AssessmentService::release(const domain::Caller& caller, std::int64_t site_id, int year) {
  domain::require_permission(caller.account, "jxkh.release", {site_id, std::nullopt});
  store::UnitOfWork unit(db_);
  const auto run = draft_run(site_id, year);
  store::AssessmentRepository(db_).release(run, domain::to_utc_iso_of_unix(clock_()), caller.name);
  caller.audit({"jxkh.release", "assessment", object_id(site_id, year), "year=" + std::to_string(year)});
  unit.commit();
}

std::string AssessmentService::indicators(std::int64_t site_id, int year) {
  if (auto s = store::AssessmentRepository(db_).indicator_set(site_id, year)) return s->text;
  return domain::format_indicators(domain::default_indicators());
}

domain::IndicatorSet AssessmentService::indicator_set(std::int64_t site_id, int year) {
  std::vector<std::string> problems;
  auto set = domain::parse_indicators(indicators(site_id, year), problems);
  return problems.empty() ? set : domain::default_indicators();
}

void AssessmentService::save_indicators(const domain::Caller& caller, std::int64_t site_id, int year, const std::string& text) {
  domain::require_permission(caller.account, "jxkh.configure", {site_id, std::nullopt});
  if (year < 2008 || year > 9999) throw domain::Invalid({"考核年度不正确"});
  std::vector<std::string> problems;
  const auto set = domain::parse_indicators(text, problems);
  if (!problems.empty()) throw domain::Invalid(problems);
  store::UnitOfWork unit(db_);
  store::AssessmentRepository repo(db_);
  if (auto run = repo.run(site_id, year); run && run->state == domain::AssessmentState::Released)
    throw domain::Conflict(std::to_string(year) + "年度考核结果已发布，不能再修改指标");
  repo.save_indicator_set(site_id, year, domain::format_indicators(set), caller.name, domain::to_utc_iso_of_unix(clock_()));
  caller.audit({"jxkh.configure", "assessment", object_id(site_id, year),
                "indicators=" + std::to_string(set.leaves().size()) + " weight=" + domain::format_points(set.weight)});
  unit.commit();
}

std::optional<domain::AssessmentResult> AssessmentService::result(std::int64_t site_id, int year) {
  store::AssessmentRepository repo(db_);
  auto run = repo.run(site_id, year);
  if (!run) return std::nullopt;
  return domain::result_of(*run, repo.figures(site_id, year), repo.adjustments(run->id));
}

std::optional<domain::AssessmentResult> AssessmentService::released(std::int64_t site_id, int year) {
  auto r = result(site_id, year);
  if (!r || r->run.state != domain::AssessmentState::Released) return std::nullopt;
  return r;
}

std::vector<store::RunSummary> AssessmentService::runs(std::int64_t site_id) {
  return store::AssessmentRepository(db_).runs(site_id);
}

std::vector<int> AssessmentService::released_years(std::int64_t site_id) {
  std::vector<int> out;
  for (const auto& r : runs(site_id))
    if (r.state == domain::AssessmentState::Released) out.push_back(r.year);
  return out;
}

std::vector<domain::Adjustment> AssessmentService::adjustment_history(std::int64_t site_id, int year,
                                                                      std::int64_t department_id) {
  store::AssessmentRepository repo(db_);
  const auto run = repo.run(site_id, year);
  if (!run) return {};
  return repo.adjustment_history(run->id, department_id);
}

}  // namespace zwgk::modules::jxkh
