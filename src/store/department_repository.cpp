#include "store/department_repository.hpp"

#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

struct DepartmentRow {
  long long id = 0, site_id = 0;
  domain::Department d;
  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(site_id));
    st.exchange(soci::into(d.name));
    st.exchange(soci::into(d.short_name));
    st.exchange(soci::into(d.credit_code));
    st.exchange(soci::into(d.sort_order));
  }
  domain::Department value() const {
    domain::Department out = d;
    out.id = id;
    out.site_id = site_id;
    return out;
  }
};

std::vector<domain::Department> query(Lease& lease, const std::string& where, Binds& binds) {
  std::vector<domain::Department> out;
  soci::statement st(lease.sql());
  DepartmentRow row;
  row.into(st);
  binds.apply(st);
  prepare_and_execute(st, "SELECT id, site_id, name, short_name, credit_code, sort_order FROM departments " + where);
  while (st.fetch()) out.push_back(row.value());
  return out;
}

std::optional<domain::Department> first(std::vector<domain::Department> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace

std::vector<domain::Department> DepartmentRepository::by_site(std::int64_t site_id) {
  return guarded("读取部门列表失败", [&] {
    Lease lease(db_);
    Binds b;
    return query(lease, "WHERE site_id = " + b.add(site_id) + " ORDER BY sort_order, name, id", b);
  });
}

std::optional<domain::Department> DepartmentRepository::by_id(std::int64_t id) {
  return guarded("读取部门失败", [&] {
    Lease lease(db_);
    Binds b;
    return first(query(lease, "WHERE id = " + b.add(id), b));
  });
}

std::optional<domain::Department> DepartmentRepository::by_name(std::int64_t site_id, const std::string& name) {
  return guarded("读取部门失败", [&] {
    Lease lease(db_);
    Binds b;
    const std::string where = "WHERE site_id = " + b.add(site_id) + " AND name = " + b.add(name);
    return first(query(lease, where, b));
  });
}

domain::Department DepartmentRepository::save(domain::Department dep) {
  if (dep.name.empty()) throw domain::ValidationError({"部门名称不能为空"});
  guarded("保存部门失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    auto& sql = lease.sql();
    long long self = dep.id, site = dep.site_id;
    if (dep.id != 0) {
      long long stored_site = 0;
      soci::indicator ind = soci::i_null;
      sql << "SELECT site_id FROM departments WHERE id = :id", soci::use(self, "id"), soci::into(stored_site, ind);
      if (!sql.got_data()) throw NotFound("部门不存在: " + std::to_string(dep.id));
      if (site == 0) site = stored_site;
      dep.site_id = site;
    }
    int taken = 0;
    sql << "SELECT count(*) FROM departments WHERE site_id = :site AND name = :name AND id <> :id",
        soci::use(site, "site"), soci::use(dep.name, "name"), soci::use(self, "id"), soci::into(taken);
    if (taken > 0) throw domain::Invalid({"本网站已有同名部门：" + dep.name});
    if (dep.id == 0) {
      long long id = 0;
      sql << "INSERT INTO departments (site_id, name, short_name, credit_code, sort_order) "
             "VALUES (:site, :name, :short_name, :credit_code, :sort_order) RETURNING id",
          soci::use(site, "site"), soci::use(dep.name, "name"), soci::use(dep.short_name, "short_name"),
          soci::use(dep.credit_code, "credit_code"), soci::use(dep.sort_order, "sort_order"), soci::into(id);
      dep.id = id;
    } else {
      sql << "UPDATE departments SET site_id = :site, name = :name, short_name = :short_name, "
             "credit_code = :credit_code, sort_order = :sort_order WHERE id = :id",
          soci::use(site, "site"), soci::use(dep.name, "name"), soci::use(dep.short_name, "short_name"),
          soci::use(dep.credit_code, "credit_code"), soci::use(dep.sort_order, "sort_order"), soci::use(self, "id");
    }
    tx.commit();
  });
  // Document pages show the department's name (公开责任部门, ContentSource): a rename must
  // reach them too, so the whole site's pages go, not only its lists.
  db_.notify_changed({domain::tag_site(dep.site_id), domain::tag_site_lists(dep.site_id)});
  return dep;
}

domain::Department DepartmentRepository::find_or_create(std::int64_t site_id, const std::string& name) {
  if (name.empty()) throw domain::ValidationError({"部门名称不能为空"});
  bool created = false;
  auto dep = guarded("创建部门失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = site_id;
    std::string n = name;
    // Two importers racing for the same name: one inserts, the other finds it.
    soci::statement ins = (lease.sql().prepare << "INSERT INTO departments (site_id, name) VALUES (:site, :name) "
                                                  "ON CONFLICT (site_id, name) DO NOTHING",
                           soci::use(site, "site"), soci::use(n, "name"));
    ins.execute(true);
    created = ins.get_affected_rows() > 0;
    Binds b;
    auto found = first(query(lease, "WHERE site_id = " + b.add(site_id) + " AND name = " + b.add(name), b));
    tx.commit();
    if (!found) throw StoreError("创建部门失败: " + name);
    return *found;
  });
  if (created) db_.notify_changed({domain::tag_site_lists(site_id)});
  return dep;
}

std::optional<domain::Department> DepartmentRepository::of_site(std::int64_t site_id, std::optional<std::int64_t> id,
                                                                const std::string& name) {
  if (id) {
    auto dep = by_id(*id);
    if (!dep || dep->site_id != site_id) throw domain::Invalid({"本网站没有这个部门（编号 " + std::to_string(*id) + "）"});
    return dep;
  }
  if (name.empty()) return std::nullopt;
  auto dep = by_name(site_id, name);
  if (!dep) throw domain::Invalid({"本网站没有这个部门：" + name});
  return dep;
}

}  // namespace zwgk::store
