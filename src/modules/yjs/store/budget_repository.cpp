// See budget_repository.hpp.
#include "modules/yjs/store/budget_repository.hpp"

#include "domain/china_time.hpp"
#include "modules/yjs/domain/budget_cache_tags.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

std::vector<BudgetCell> BudgetRepository::of_year(std::int64_t site_id, int year_) {
  return guarded("读取预决算公开情况失败", [&] {
    Lease lease(db_);
    std::vector<BudgetCell> out;
    long long id = 0, site = site_id, dep = 0, doc = 0;
    int year = year_;
    soci::indicator dep_ind = soci::i_ok, doc_ind = soci::i_ok, title_ind = soci::i_ok, state_ind = soci::i_ok,
                    pub_ind = soci::i_ok;
    std::string kind, approved, title, state, published, by;
    soci::statement st =
        (lease.sql().prepare << "SELECT b.id, b.department_id, b.kind, b.approved_on, b.document_id, d.title, d.state, "
                                "d.published_on, b.updated_by FROM budget_disclosures b LEFT JOIN documents d ON d.id = "
                                "b.document_id WHERE b.site_id = :site AND b.year = :year ORDER BY b.id",
         soci::use(site, "site"), soci::use(year, "year"), soci::into(id), soci::into(dep, dep_ind), soci::into(kind),
         soci::into(approved), soci::into(doc, doc_ind), soci::into(title, title_ind), soci::into(state, state_ind),
         soci::into(published, pub_ind), soci::into(by));
    st.execute();
    while (st.fetch()) {
      BudgetCell c;
      c.id = id;
      c.site_id = site_id;
      c.department_id = id_from(dep, dep_ind);
      c.year = year_;
      c.kind = domain::budget_kind_from(kind).value_or(domain::BudgetKind::Budget);
      c.approved_on = approved.empty() ? std::nullopt : domain::Date::parse(approved);
      c.document_id = id_from(doc, doc_ind);
      if (c.document_id && title_ind == soci::i_ok) {
        c.document_title = title;
        c.document_published = state_ind == soci::i_ok && state == "published";
        if (c.document_published) c.published_on = date_from(published, pub_ind);
      }
      c.updated_by = by;
      out.push_back(std::move(c));
    }
    return out;
  });
}

std::vector<int> BudgetRepository::years(std::int64_t site_id) {
  return guarded("读取预决算公开情况失败", [&] {
    Lease lease(db_);
    std::vector<int> out;
    long long site = site_id;
    int year = 0;
    soci::statement st = (lease.sql().prepare << "SELECT DISTINCT year FROM budget_disclosures WHERE site_id = :site "
                                                 "ORDER BY year DESC",
                          soci::use(site, "site"), soci::into(year));
    st.execute();
    while (st.fetch()) out.push_back(year);
    return out;
  });
}

void BudgetRepository::save(const BudgetCell& c, std::int64_t now, const std::string& by) {
  guarded("保存预决算公开情况失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = c.site_id, dep = c.department_id.value_or(0), existing = 0;
    int year = c.year;
    std::string kind = domain::to_code(c.kind), approved = c.approved_on ? c.approved_on->iso() : std::string(),
                at = domain::to_utc_iso_of_unix(now), who = by;
    NullableId doc(c.document_id), department(c.department_id);
    soci::indicator found = soci::i_ok;
    lease.sql() << "SELECT id FROM budget_disclosures WHERE site_id = :site AND COALESCE(department_id, 0) = :dep AND "
                   "year = :year AND kind = :kind",
        soci::use(site, "site"), soci::use(dep, "dep"), soci::use(year, "year"), soci::use(kind, "kind"),
        soci::into(existing, found);
    if (lease.sql().got_data() && found == soci::i_ok) {
      lease.sql() << "UPDATE budget_disclosures SET approved_on = :a, document_id = :doc, updated_at = :at, updated_by "
                     "= :by WHERE id = :id",
          soci::use(approved, "a"), soci::use(doc.value, doc.ind, "doc"), soci::use(at, "at"), soci::use(who, "by"),
          soci::use(existing, "id");
    } else {
      lease.sql() << "INSERT INTO budget_disclosures (site_id, department_id, year, kind, approved_on, document_id, "
                     "updated_at, updated_by) VALUES (:site, :dep, :year, :kind, :a, :doc, :at, :by)",
          soci::use(site, "site"), soci::use(department.value, department.ind, "dep"), soci::use(year, "year"),
          soci::use(kind, "kind"), soci::use(approved, "a"), soci::use(doc.value, doc.ind, "doc"), soci::use(at, "at"),
          soci::use(who, "by");
    }
    tx.commit();
  });
  db_.notify_changed({domain::tag_budgets(c.site_id)});
}

std::optional<BudgetDocument> BudgetRepository::document_of_site(std::int64_t site_id, std::int64_t document_id) {
  return guarded("读取文件失败", [&]() -> std::optional<BudgetDocument> {
    Lease lease(db_);
    long long site = site_id, id = document_id;
    BudgetDocument d;
    std::string state;
    lease.sql() << "SELECT title, state FROM documents WHERE id = :id AND site_id = :site", soci::use(id, "id"),
        soci::use(site, "site"), soci::into(d.title), soci::into(state);
    if (!lease.sql().got_data()) return std::nullopt;
    d.id = document_id;
    d.published = state == "published";
    return d;
  });
}

}  // namespace zwgk::store
