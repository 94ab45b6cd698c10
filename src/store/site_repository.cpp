#include "store/site_repository.hpp"

#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "domain/index_number.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

const char* kColumns =
    "id, code, name, host, path_prefix, sponsor, phone, site_id_code, icp_record, police_record, "
    "theme, domain, index_number_format, address";

struct SiteRow {
  long long id = 0;
  domain::Site s;
  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(s.code));
    st.exchange(soci::into(s.name));
    st.exchange(soci::into(s.host));
    st.exchange(soci::into(s.path_prefix));
    st.exchange(soci::into(s.sponsor));
    st.exchange(soci::into(s.phone));
    st.exchange(soci::into(s.site_id_code));
    st.exchange(soci::into(s.icp_record));
    st.exchange(soci::into(s.police_record));
    st.exchange(soci::into(s.theme));
    st.exchange(soci::into(s.domain));
    st.exchange(soci::into(s.index_number_format));
    st.exchange(soci::into(s.address));
  }
  domain::Site value() const {
    domain::Site out = s;
    out.id = id;
    return out;
  }
};

std::vector<domain::Site> query(Lease& lease, const std::string& where, Binds& binds) {
  std::vector<domain::Site> out;
  soci::statement st(lease.sql());
  SiteRow row;
  row.into(st);
  binds.apply(st);
  prepare_and_execute(st, std::string("SELECT ") + kColumns + " FROM sites " + where);
  while (st.fetch()) out.push_back(row.value());
  return out;
}

}  // namespace

std::vector<domain::Site> SiteRepository::all() {
  return guarded("读取网站列表失败", [&] {
    Lease lease(db_);
    Binds b;
    return query(lease, "ORDER BY id", b);
  });
}

std::optional<domain::Site> SiteRepository::by_id(std::int64_t id) {
  return guarded("读取网站失败", [&]() -> std::optional<domain::Site> {
    Lease lease(db_);
    Binds b;
    auto rows = query(lease, "WHERE id = " + b.add(id), b);
    if (rows.empty()) return std::nullopt;
    return rows.front();
  });
}

std::optional<domain::Site> SiteRepository::by_code(const std::string& code) {
  return guarded("读取网站失败", [&]() -> std::optional<domain::Site> {
    Lease lease(db_);
    Binds b;
    auto rows = query(lease, "WHERE code = " + b.add(code), b);
    if (rows.empty()) return std::nullopt;
    return rows.front();
  });
}

domain::Site SiteRepository::save(domain::Site site) {
  if (site.code.empty()) throw domain::ValidationError({"网站代码不能为空"});
  if (auto err = domain::IndexNumberTemplate::validate(site.index_number_format))
    throw domain::ValidationError({*err});
  guarded("保存网站失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    auto& sql = lease.sql();
    int taken = 0;
    long long self = site.id;
    sql << "SELECT count(*) FROM sites WHERE code = :code AND id <> :id", soci::use(site.code, "code"),
        soci::use(self, "id"), soci::into(taken);
    if (taken > 0) throw StoreError("网站代码已被使用: " + site.code);
    if (site.id == 0) {
      long long id = 0;
      sql << "INSERT INTO sites (code, name, host, path_prefix, sponsor, phone, site_id_code, icp_record, "
             "police_record, theme, domain, index_number_format, address) VALUES (:code, :name, :host, "
             ":path_prefix, :sponsor, :phone, :site_id_code, :icp_record, :police_record, :theme, :domain, "
             ":index_number_format, :address) RETURNING id",
          soci::use(site.code, "code"), soci::use(site.name, "name"), soci::use(site.host, "host"),
          soci::use(site.path_prefix, "path_prefix"), soci::use(site.sponsor, "sponsor"),
          soci::use(site.phone, "phone"), soci::use(site.site_id_code, "site_id_code"),
          soci::use(site.icp_record, "icp_record"), soci::use(site.police_record, "police_record"),
          soci::use(site.theme, "theme"), soci::use(site.domain, "domain"),
          soci::use(site.index_number_format, "index_number_format"), soci::use(site.address, "address"),
          soci::into(id);
      site.id = id;
    } else {
      int exists = 0;
      sql << "SELECT count(*) FROM sites WHERE id = :id", soci::use(self, "id"), soci::into(exists);
      if (exists == 0) throw NotFound("网站不存在: " + std::to_string(site.id));
      sql << "UPDATE sites SET code = :code, name = :name, host = :host, path_prefix = :path_prefix, "
             "sponsor = :sponsor, phone = :phone, site_id_code = :site_id_code, icp_record = :icp_record, "
             "police_record = :police_record, theme = :theme, domain = :domain, "
             "index_number_format = :index_number_format, address = :address WHERE id = :id",
          soci::use(site.code, "code"), soci::use(site.name, "name"), soci::use(site.host, "host"),
          soci::use(site.path_prefix, "path_prefix"), soci::use(site.sponsor, "sponsor"),
          soci::use(site.phone, "phone"), soci::use(site.site_id_code, "site_id_code"),
          soci::use(site.icp_record, "icp_record"), soci::use(site.police_record, "police_record"),
          soci::use(site.theme, "theme"), soci::use(site.domain, "domain"),
          soci::use(site.index_number_format, "index_number_format"), soci::use(site.address, "address"),
          soci::use(self, "id");
    }
    tx.commit();
  });
  db_.notify_changed({domain::tag_site(site.id), domain::tag_site_lists(site.id)});
  return site;
}

}  // namespace zwgk::store
