// See consultation_statement_repository.hpp.
#include "modules/yjzj/store/consultation_statement_repository.hpp"

#include "domain/china_time.hpp"
#include "modules/yjzj/domain/consultation_cache_tags.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

std::vector<ConsultationStatement> load(Lease& lease, const std::string& where, Binds& b) {
  std::vector<ConsultationStatement> out;
  long long id = 0, site = 0, dep = 0;
  soci::indicator dep_ind = soci::i_ok;
  int year = 0, quarter = 0;
  std::string unit, text, at, by;
  soci::statement st(lease.sql());
  st.exchange(soci::into(id));
  st.exchange(soci::into(site));
  st.exchange(soci::into(dep, dep_ind));
  st.exchange(soci::into(unit));
  st.exchange(soci::into(year));
  st.exchange(soci::into(quarter));
  st.exchange(soci::into(text));
  st.exchange(soci::into(at));
  st.exchange(soci::into(by));
  b.apply(st);
  prepare_and_execute(st,
                      "SELECT s.id, s.site_id, s.department_id, COALESCE(d.name, ''), s.year, s.quarter, s.text, "
                      "s.published_at, s.published_by FROM consultation_statements s "
                      "LEFT JOIN departments d ON d.id = s.department_id " + where);
  while (st.fetch()) {
    ConsultationStatement s;
    s.id = id;
    s.site_id = site;
    s.department_id = id_from(dep, dep_ind);
    s.unit = unit;
    s.period = {year, quarter};
    s.text = text;
    s.published_at = domain::unix_of_utc_iso(at);
    s.published_by = by;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::int64_t ConsultationStatementRepository::add(const ConsultationStatement& s) {
  const auto id = guarded("保存情况说明失败", [&] {
    Lease lease(db_);
    long long site = s.site_id, out = 0;
    NullableId dep(s.department_id);
    int year = s.period.year, quarter = s.period.quarter;
    std::string at = domain::to_utc_iso_of_unix(s.published_at);
    lease.sql() << "INSERT INTO consultation_statements (site_id, department_id, year, quarter, text, published_at, "
                   "published_by) VALUES (:site, :dep, :y, :q, :t, :at, :by) RETURNING id",
        soci::use(site, "site"), soci::use(dep.value, dep.ind, "dep"), soci::use(year, "y"), soci::use(quarter, "q"),
        soci::use(s.text, "t"), soci::use(at, "at"), soci::use(s.published_by, "by"), soci::into(out);
    return static_cast<std::int64_t>(out);
  });
  db_.notify_changed({domain::tag_consultations(s.site_id)});
  return id;
}

std::optional<ConsultationStatement> ConsultationStatementRepository::find(std::int64_t id) {
  return guarded("读取情况说明失败", [&]() -> std::optional<ConsultationStatement> {
    Lease lease(db_);
    Binds b;
    auto v = load(lease, "WHERE s.id = " + b.add(static_cast<long long>(id)), b);
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
  });
}

std::vector<ConsultationStatement> ConsultationStatementRepository::of_site(std::int64_t site_id) {
  return guarded("读取情况说明失败", [&] {
    Lease lease(db_);
    Binds b;
    return load(lease,
                "WHERE s.site_id = " + b.add(static_cast<long long>(site_id)) +
                    " ORDER BY s.year DESC, CASE WHEN s.quarter = 0 THEN 5 ELSE s.quarter END DESC, s.id DESC",
                b);
  });
}

bool ConsultationStatementRepository::exists(std::int64_t site_id, std::optional<std::int64_t> department_id,
                                             domain::StatementPeriod p) {
  return guarded("读取情况说明失败", [&] {
    Lease lease(db_);
    long long site = site_id, dep = department_id.value_or(0), n = 0;
    int year = p.year, quarter = p.quarter;
    lease.sql() << "SELECT count(*) FROM consultation_statements WHERE site_id = :site AND COALESCE(department_id, 0) "
                   "= :dep AND year = :y AND quarter = :q",
        soci::use(site, "site"), soci::use(dep, "dep"), soci::use(year, "y"), soci::use(quarter, "q"), soci::into(n);
    return n > 0;
  });
}

void ConsultationStatementRepository::remove(const ConsultationStatement& s) {
  guarded("撤回情况说明失败", [&] {
    Lease lease(db_);
    long long id = s.id;
    lease.sql() << "DELETE FROM consultation_statements WHERE id = :id", soci::use(id, "id");
  });
  db_.notify_changed({domain::tag_consultations(s.site_id)});
}

}  // namespace zwgk::store
