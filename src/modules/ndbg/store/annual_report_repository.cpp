// See annual_report_repository.hpp.
#include "modules/ndbg/store/annual_report_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/errors.hpp"
#include "domain/utf8.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/catalogue_repository.hpp"
#include "store/database_impl.hpp"
#include "store/document_repository.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::store {

namespace {

std::string figures_json(const domain::AnnualReport& r) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [key, value] : r.values) j[key]["value"] = value;
  for (const auto& [key, value] : r.computed) j[key]["computed"] = value;
  for (const auto& [key, reason] : r.reasons)
    if (!reason.empty()) j[key]["reason"] = reason;
  return j.dump();
}

void read_figures(domain::AnnualReport& r, const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return;
  for (const auto& [key, f] : j.items()) {
    if (!f.is_object()) continue;
    if (f.contains("value") && f["value"].is_number_integer()) r.values[key] = f["value"].get<long long>();
    if (f.contains("computed") && f["computed"].is_number_integer()) r.computed[key] = f["computed"].get<long long>();
    if (f.contains("reason") && f["reason"].is_string()) r.reasons[key] = f["reason"].get<std::string>();
  }
}

constexpr const char* kColumns =
    "id, site_id, department_id, office_department_id, year, body_name, include_departments, overview, problems, other, figures, state, "
    "document_id, updated_at, updated_by";

std::vector<domain::AnnualReport> load(Lease& lease, const std::string& tail, Binds& b) {
  std::vector<domain::AnnualReport> out;
  soci::statement st(lease.sql());
  long long id = 0, site = 0, dept = 0, office = 0, doc = 0;
  int year = 0, include = 0;
  soci::indicator dept_ind = soci::i_null, office_ind = soci::i_null, doc_ind = soci::i_null;
  std::string body, overview, problems, other, figures, state, at, by;
  st.exchange(soci::into(id));
  st.exchange(soci::into(site));
  st.exchange(soci::into(dept, dept_ind));
  st.exchange(soci::into(office, office_ind));
  st.exchange(soci::into(year));
  st.exchange(soci::into(body));
  st.exchange(soci::into(include));
  st.exchange(soci::into(overview));
  st.exchange(soci::into(problems));
  st.exchange(soci::into(other));
  st.exchange(soci::into(figures));
  st.exchange(soci::into(state));
  st.exchange(soci::into(doc, doc_ind));
  st.exchange(soci::into(at));
  st.exchange(soci::into(by));
  b.apply(st);
  prepare_and_execute(st, std::string("SELECT ") + kColumns + " FROM annual_reports " + tail);
  while (st.fetch()) {
    domain::AnnualReport r;
    r.id = id;
    r.site_id = site;
    r.department_id = id_from(dept, dept_ind);
    r.office_department_id = id_from(office, office_ind);
    r.year = year;
    r.body_name = body;
    r.include_departments = include != 0;
    r.overview = overview;
    r.problems = problems;
    r.other = other;
    read_figures(r, figures);
    r.state = domain::report_state_from(state).value_or(domain::ReportState::Draft);
    r.document_id = id_from(doc, doc_ind);
    r.updated_at = at;
    r.updated_by = by;
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<domain::AnnualReport> first(std::vector<domain::AnnualReport> v) {
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

bool in_scope(const ReportScope& scope, const domain::Document& d) {
  if (scope.department_id) return d.department_id == scope.department_id;
  return scope.issuer_prefix.empty() || d.issuer.rfind(scope.issuer_prefix, 0) == 0;
}

std::string year_start(int year) { return std::to_string(year) + "-01-01"; }
std::string next_year_start(int year) { return std::to_string(year + 1) + "-01-01"; }

long long count_rows(Lease& lease, const std::string& table, const std::string& column, const ReportScope& scope,
                     int year, const std::string& extra = "") {
  Binds b;
  std::string where = "WHERE site_id = " + b.add(static_cast<long long>(scope.site_id)) + " AND " + column +
                      " >= " + b.add(year_start(year)) + " AND " + column + " < " + b.add(next_year_start(year));
  if (scope.department_id) where += " AND department_id = " + b.add(static_cast<long long>(*scope.department_id));
  long long n = 0;
  soci::statement st(lease.sql());
  st.exchange(soci::into(n));
  b.apply(st);
  prepare_and_execute(st, "SELECT COUNT(*) FROM " + table + " " + where + extra);
  st.fetch();
  return n;
}

}  // namespace

std::optional<domain::AnnualReport> AnnualReportRepository::find(std::int64_t site_id,
                                                                 std::optional<std::int64_t> department_id, int year) {
  return guarded("读取年度报告失败", [&] {
    Lease lease(db_);
    Binds b;
    std::string tail = "WHERE site_id = " + b.add(static_cast<long long>(site_id)) +
                       " AND year = " + b.add(static_cast<long long>(year));
    tail += department_id ? " AND department_id = " + b.add(static_cast<long long>(*department_id))
                          : std::string(" AND department_id IS NULL");
    return first(load(lease, tail, b));
  });
}

std::optional<domain::AnnualReport> AnnualReportRepository::by_id(std::int64_t id) {
  return guarded("读取年度报告失败", [&] {
    Lease lease(db_);
    Binds b;
    return first(load(lease, "WHERE id = " + b.add(static_cast<long long>(id)), b));
  });
}

std::optional<domain::AnnualReport> AnnualReportRepository::by_document(std::int64_t document_id) {
  return guarded("读取年度报告失败", [&] {
    Lease lease(db_);
    Binds b;
    return first(load(lease, "WHERE document_id = " + b.add(static_cast<long long>(document_id)), b));
  });
}

std::vector<domain::AnnualReport> AnnualReportRepository::of_site(std::int64_t site_id) {
  return guarded("读取年度报告失败", [&] {
    Lease lease(db_);
    Binds b;
    return load(lease, "WHERE site_id = " + b.add(static_cast<long long>(site_id)) + " ORDER BY year DESC, id", b);
  });
}

void AnnualReportRepository::save(domain::AnnualReport& r) {
  guarded("保存年度报告失败", [&] {
    Lease lease(db_);
    long long site = r.site_id, id = r.id;
    NullableId dept(r.department_id), office(r.office_department_id), doc(r.document_id);
    int year = r.year, include = r.include_departments ? 1 : 0;
    std::string body = r.body_name, overview = r.overview, problems = r.problems, other = r.other,
                figures = figures_json(r), state = domain::to_code(r.state), at = r.updated_at, by = r.updated_by;
    try {
      if (r.id == 0) {
        lease.sql() << "INSERT INTO annual_reports (site_id, department_id, office_department_id, year, body_name, "
                       "include_departments, overview, problems, other, figures, state, document_id, updated_at, "
                       "updated_by) VALUES (:s, :d, :od, :y, :n, :i, :o, :p, :x, :f, :st, :doc, :a, :b) RETURNING id",
            soci::use(site, "s"), soci::use(dept.value, dept.ind, "d"), soci::use(office.value, office.ind, "od"),
            soci::use(year, "y"), soci::use(body, "n"),
            soci::use(include, "i"), soci::use(overview, "o"), soci::use(problems, "p"), soci::use(other, "x"),
            soci::use(figures, "f"), soci::use(state, "st"), soci::use(doc.value, doc.ind, "doc"), soci::use(at, "a"),
            soci::use(by, "b"), soci::into(id);
        r.id = id;
      } else {
        lease.sql() << "UPDATE annual_reports SET office_department_id = :od, body_name = :n, include_departments = :i, "
                       "overview = :o, problems = :p, other = :x, figures = :f, state = :st, document_id = :doc, "
                       "updated_at = :a, updated_by = :b WHERE id = :id",
            soci::use(office.value, office.ind, "od"), soci::use(body, "n"), soci::use(include, "i"), soci::use(overview, "o"), soci::use(problems, "p"),
            soci::use(other, "x"), soci::use(figures, "f"), soci::use(state, "st"),
            soci::use(doc.value, doc.ind, "doc"), soci::use(at, "a"), soci::use(by, "b"), soci::use(id, "id");
      }
    } catch (const soci::soci_error& e) {
      if (is_unique_violation(e)) throw domain::Conflict("该单位的" + std::to_string(r.year) + "年度报告已存在");
      throw;
    }
  });
}

domain::ReportRecords AnnualReportRepository::records(const ReportScope& scope, int year) {
  domain::ReportRecords out;
  // The key is not used: counts never read personal data.
  const auto key = PersonalDataKey::derive_from(std::string(32, '\0'));
  DisclosureRequestRepository requests(db_, key);
  out.three = requests.section_three(scope.site_id, year, scope.department_id);
  out.four = requests.section_four(scope.site_id, year, scope.department_id);
  std::map<std::int64_t, std::string> codes;
  for (const auto& n : CatalogueRepository(db_).tree(scope.site_id)) codes[n.id] = n.code;
  std::vector<domain::RegulationDocument> docs;
  DocumentScan scan;
  scan.site_id = scope.site_id;
  scan.published_only = true;
  scan.with_body = false;
  DocumentRepository(db_).for_each(scan, [&](const domain::Document& d) {
    if (!in_scope(scope, d)) return;
    const auto code = d.catalogue_id ? codes[*d.catalogue_id] : std::string();
    docs.push_back({d, code});
  });
  out.regulations = domain::count_regulations(docs, year);
  return out;
}

ReportYearCounts AnnualReportRepository::year_counts(const ReportScope& scope, int year) {
  ReportYearCounts out;
  guarded("统计年度报告数据失败", [&] {
    Lease lease(db_);
    // The year's published documents by kind, counted in the database (the same scope as in_scope).
    Binds b;
    std::string where = "WHERE site_id = " + b.add(static_cast<long long>(scope.site_id)) +
                        " AND state = 'published' AND published_on >= " + b.add(year_start(year)) +
                        " AND published_on <= " + b.add(std::to_string(year) + "-12-31");
    if (scope.department_id) {
      where += " AND department_id = " + b.add(static_cast<long long>(*scope.department_id));
    } else if (!scope.issuer_prefix.empty()) {
      where += " AND substr(issuer, 1, " + b.add(static_cast<long long>(domain::count_characters(scope.issuer_prefix))) +
               ") = " + b.add(scope.issuer_prefix);
    }
    std::string kind;
    long long n = 0;
    soci::statement st(lease.sql());
    st.exchange(soci::into(kind));
    st.exchange(soci::into(n));
    b.apply(st);
    prepare_and_execute(st, "SELECT kind, COUNT(*) FROM documents " + where + " GROUP BY kind");
    while (st.fetch()) (kind == "interpretation" ? out.interpretations : out.documents) += n;
    out.letters = count_rows(lease, "letters", "received_on", scope, year);
    out.consultations = count_rows(lease, "consultations", "published_at", scope, year, " AND state <> 'draft'");
    out.events = count_rows(lease, "events", "starts_at", scope, year, " AND state = 'ended'");
  });
  return out;
}

}  // namespace zwgk::store
