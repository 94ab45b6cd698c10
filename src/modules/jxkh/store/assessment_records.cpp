// See assessment_records.hpp.
#include "modules/jxkh/store/assessment_records.hpp"

#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

constexpr const char* kDocumentColumns =
    "d.id, d.title, d.department_id, d.catalogue_id, d.kind, d.interprets_id, d.written_on, d.published_on, "
    "d.first_published_at, w.document_id, w.created_on";

std::vector<AssessedDocument> load_documents(Lease& lease, const std::string& where, Binds& b) {
  std::vector<AssessedDocument> out;
  soci::statement st(lease.sql());
  long long id = 0, dept = 0, cat = 0, interprets = 0, wf = 0;
  soci::indicator dept_ind = soci::i_null, cat_ind = soci::i_null, interprets_ind = soci::i_null, wf_ind = soci::i_null,
                  written_ind = soci::i_null, published_ind = soci::i_null, created_ind = soci::i_null;
  std::string title, kind, written, published, first, created;
  st.exchange(soci::into(id));
  st.exchange(soci::into(title));
  st.exchange(soci::into(dept, dept_ind));
  st.exchange(soci::into(cat, cat_ind));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(interprets, interprets_ind));
  st.exchange(soci::into(written, written_ind));
  st.exchange(soci::into(published, published_ind));
  st.exchange(soci::into(first));
  st.exchange(soci::into(wf, wf_ind));
  st.exchange(soci::into(created, created_ind));
  b.apply(st);
  prepare_and_execute(st, std::string("SELECT ") + kDocumentColumns +
                              " FROM documents d LEFT JOIN document_workflow w ON w.document_id = d.id " + where +
                              " ORDER BY d.id");
  while (st.fetch()) {
    AssessedDocument d;
    d.id = id;
    d.title = title;
    d.department_id = id_from(dept, dept_ind);
    d.catalogue_id = id_from(cat, cat_ind);
    d.interpretation = kind == "interpretation";
    d.interprets_id = id_from(interprets, interprets_ind);
    d.written_on = date_from(written, written_ind);
    d.published_on = date_from(published, published_ind);
    d.first_published_at = first;
    d.through_workflow = wf_ind != soci::i_null;
    d.workflow_created_on = date_from(created, created_ind);
    out.push_back(std::move(d));
  }
  return out;
}

std::string in_list(Binds& b, const std::vector<std::int64_t>& ids) {
  std::string in;
  for (auto id : ids) in += (in.empty() ? "" : ", ") + b.add(static_cast<long long>(id));
  return in;
}

}  // namespace

std::vector<AssessedDocument> AssessmentRecords::documents_of_year(std::int64_t site_id, int year) {
  return guarded("读取考核年度的文件失败", [&] {
    Lease lease(db_);
    Binds b;
    const std::string y = std::to_string(year), prev = std::to_string(year - 1);
    // A China day runs from 16:00Z of the UTC day before.
    const std::string where = "WHERE d.site_id = " + b.add(static_cast<long long>(site_id)) +
                              " AND d.state = 'published' AND d.legacy = 0 AND d.kind = 'document' AND ((d.published_on >= " +
                              b.add(y + "-01-01") + " AND d.published_on <= " + b.add(y + "-12-31") +
                              ") OR (d.first_published_at >= " + b.add(prev + "-12-31T16:00:00Z") +
                              " AND d.first_published_at < " + b.add(y + "-12-31T16:00:00Z") + "))";
    return load_documents(lease, where, b);
  });
}

std::vector<AssessedDocument> AssessmentRecords::documents_in(std::int64_t site_id, std::int64_t catalogue_id) {
  return guarded("读取栏目文件失败", [&] {
    Lease lease(db_);
    Binds b;
    const std::string where = "WHERE d.site_id = " + b.add(static_cast<long long>(site_id)) +
                              " AND d.catalogue_id = " + b.add(static_cast<long long>(catalogue_id)) +
                              " AND d.state = 'published' AND d.kind = 'document'";
    return load_documents(lease, where, b);
  });
}

std::vector<AssessedDocument> AssessmentRecords::interpretations_of(std::int64_t site_id,
                                                                    const std::vector<std::int64_t>& policy_ids) {
  if (policy_ids.empty()) return {};
  return guarded("读取政策解读失败", [&] {
    Lease lease(db_);
    Binds b;
    const std::string where = "WHERE d.site_id = " + b.add(static_cast<long long>(site_id)) +
                              " AND d.state = 'published' AND d.kind = 'interpretation' AND d.interprets_id IN (" +
                              in_list(b, policy_ids) + ")";
    return load_documents(lease, where, b);
  });
}

std::set<std::int64_t> AssessmentRecords::exempted(std::int64_t site_id) {
  return guarded("读取无需解读登记失败", [&] {
    Lease lease(db_);
    std::set<std::int64_t> out;
    long long site = site_id, id = 0;
    soci::statement st = (lease.sql().prepare << "SELECT x.document_id FROM interpretation_exemptions x JOIN documents d "
                                                 "ON d.id = x.document_id WHERE d.site_id = :s",
                          soci::use(site, "s"), soci::into(id));
    st.execute();
    while (st.fetch()) out.insert(id);
    return out;
  });
}

std::vector<ReviewRow> AssessmentRecords::decided_reviews(std::int64_t site_id, int year) {
  return guarded("读取行政复议、行政诉讼记录失败", [&] {
    Lease lease(db_);
    std::vector<ReviewRow> out;
    long long site = site_id, dept = 0;
    std::string from = std::to_string(year) + "-01-01", to = std::to_string(year) + "-12-31", tn, kind, outcome, decided;
    soci::indicator dept_ind = soci::i_null;
    soci::statement st = (lease.sql().prepare << "SELECT r.tracking_number, r.department_id, v.kind, v.outcome, "
                                                 "v.decided_on FROM request_reviews v JOIN disclosure_requests r ON "
                                                 "r.id = v.request_id WHERE r.site_id = :s AND v.decided_on >= :f AND "
                                                 "v.decided_on <= :t ORDER BY v.decided_on, v.id",
                          soci::use(site, "s"), soci::use(from, "f"), soci::use(to, "t"), soci::into(tn),
                          soci::into(dept, dept_ind), soci::into(kind), soci::into(outcome), soci::into(decided));
    st.execute();
    while (st.fetch()) {
      const auto k = domain::review_kind_from(kind);
      const auto o = domain::review_outcome_from(outcome);
      const auto d = domain::Date::parse(decided);
      if (!k || !o || !d) continue;
      out.push_back({tn, id_from(dept, dept_ind), *k, *o, *d});
    }
    return out;
  });
}

std::map<std::int64_t, std::int64_t> AssessmentRecords::column_owners(std::int64_t site_id) {
  return guarded("读取栏目的发布单位失败", [&] {
    Lease lease(db_);
    std::map<std::int64_t, std::pair<long long, std::int64_t>> best;  // node -> (count, department)
    long long site = site_id, node = 0, dept = 0, count = 0;
    soci::statement st = (lease.sql().prepare << "SELECT catalogue_id, department_id, count(*) FROM documents WHERE "
                                                 "site_id = :s AND state = 'published' AND catalogue_id IS NOT NULL AND "
                                                 "department_id IS NOT NULL GROUP BY catalogue_id, department_id "
                                                 "ORDER BY catalogue_id, department_id",
                          soci::use(site, "s"), soci::into(node), soci::into(dept), soci::into(count));
    st.execute();
    while (st.fetch()) {
      auto it = best.find(node);
      if (it == best.end() || count > it->second.first) best[node] = {count, dept};
    }
    std::map<std::int64_t, std::int64_t> out;
    for (const auto& [n, cd] : best) out[n] = cd.second;
    return out;
  });
}

std::map<std::int64_t, std::int64_t> AssessmentRecords::document_departments(std::int64_t site_id,
                                                                             const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::int64_t> out;
  if (ids.empty()) return out;
  guarded("读取文件的发布单位失败", [&] {
    Lease lease(db_);
    Binds b;
    long long id = 0, dept = 0;
    soci::statement st(lease.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(dept));
    const std::string where = "WHERE site_id = " + b.add(static_cast<long long>(site_id)) +
                              " AND department_id IS NOT NULL AND id IN (" + in_list(b, ids) + ")";
    b.apply(st);
    prepare_and_execute(st, "SELECT id, department_id FROM documents " + where);
    while (st.fetch()) out[id] = dept;
  });
  return out;
}

}  // namespace zwgk::store
