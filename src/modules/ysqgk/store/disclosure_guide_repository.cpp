#include "modules/ysqgk/store/disclosure_guide_repository.hpp"

#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

std::optional<domain::DisclosureGuide> DisclosureGuideRepository::find(std::int64_t site_id,
                                                                       std::int64_t department_id) {
  return guarded("读取依申请公开指南失败", [&]() -> std::optional<domain::DisclosureGuide> {
    Lease lease(db_);
    domain::DisclosureGuide g;
    long long site = site_id, dep = department_id;
    lease.sql() << "SELECT body_name, office, person_in_charge, address, postcode, phone, fax, email, hours "
                   "FROM disclosure_guides WHERE site_id = :s AND department_id = :d",
        soci::use(site, "s"), soci::use(dep, "d"), soci::into(g.body_name), soci::into(g.office),
        soci::into(g.person_in_charge), soci::into(g.address), soci::into(g.postcode), soci::into(g.phone),
        soci::into(g.fax), soci::into(g.email), soci::into(g.hours);
    if (!lease.sql().got_data()) return std::nullopt;
    g.site_id = site_id;
    g.department_id = department_id;
    return g;
  });
}

void DisclosureGuideRepository::save(const domain::DisclosureGuide& g) {
  guarded("保存依申请公开指南失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = g.site_id, dep = g.department_id;
    lease.sql() << "DELETE FROM disclosure_guides WHERE site_id = :s AND department_id = :d", soci::use(site, "s"),
        soci::use(dep, "d");
    lease.sql() << "INSERT INTO disclosure_guides (site_id, department_id, body_name, office, person_in_charge, "
                   "address, postcode, phone, fax, email, hours) VALUES (:s, :d, :bn, :of, :pic, :addr, :pc, :ph, "
                   ":fax, :em, :hr)",
        soci::use(site, "s"), soci::use(dep, "d"), soci::use(g.body_name, "bn"), soci::use(g.office, "of"),
        soci::use(g.person_in_charge, "pic"), soci::use(g.address, "addr"), soci::use(g.postcode, "pc"),
        soci::use(g.phone, "ph"), soci::use(g.fax, "fax"), soci::use(g.email, "em"), soci::use(g.hours, "hr");
    tx.commit();
  });
  db_.notify_changed({domain::tag_site(g.site_id)});
}

}  // namespace zwgk::store
