// See standard_catalogue_repository.hpp.
#include "modules/bzml/store/standard_catalogue_repository.hpp"

#include <map>

#include "domain/china_time.hpp"
#include "modules/bzml/domain/catalogue_cache_tags.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

const char* kCatalogueColumns =
    "SELECT c.id, c.site_id, c.code, c.field, c.ministry, c.source, c.imported_at, c.imported_by, "
    "(SELECT count(*) FROM standard_catalogue_items i WHERE i.catalogue_id = c.id) FROM standard_catalogues c ";

struct CatalogueRow {
  long long id = 0, site = 0, count = 0;
  StandardCatalogue c;
  StandardCatalogue take() {
    c.id = id;
    c.site_id = site;
    c.items = static_cast<int>(count);
    return c;
  }
};

const char* kItemColumns =
    "SELECT i.id, i.catalogue_id, i.seq, i.level1, i.level2, i.content, i.basis, i.time_limit, i.subject, "
    "i.channels, i.audience, i.manner, i.levels, i.catalogue_node_id, n.code, n.name, i.list_type "
    "FROM standard_catalogue_items i LEFT JOIN catalogue_nodes n ON n.id = i.catalogue_node_id ";

struct ItemRow {
  long long id = 0, catalogue = 0, node = 0;
  int seq = 0;
  soci::indicator node_ind = soci::i_ok, code_ind = soci::i_ok, name_ind = soci::i_ok;
  StoredCatalogueItem s;
  std::string code, name;
  StoredCatalogueItem take() {
    s.id = id;
    s.catalogue_id = catalogue;
    s.item.seq = seq;
    s.node_id = id_from(node, node_ind);
    s.node_code = s.node_id && code_ind == soci::i_ok ? code : "";
    s.node_name = s.node_id && name_ind == soci::i_ok ? name : "";
    return s;
  }
};

soci::statement item_statement(Lease& lease, const std::string& where, long long& key, ItemRow& r) {
  auto& i = r.s.item;
  return (lease.sql().prepare << std::string(kItemColumns) + where, soci::use(key, "k"), soci::into(r.id),
          soci::into(r.catalogue), soci::into(r.seq), soci::into(i.level1), soci::into(i.level2), soci::into(i.content),
          soci::into(i.basis), soci::into(i.time_limit), soci::into(i.subject), soci::into(i.channels),
          soci::into(i.audience), soci::into(i.manner), soci::into(i.levels), soci::into(r.node, r.node_ind),
          soci::into(r.code, r.code_ind), soci::into(r.name, r.name_ind), soci::into(r.s.list_type));
}

}  // namespace

std::vector<StandardCatalogue> StandardCatalogueRepository::of_site(std::int64_t site_id) {
  return guarded("读取标准目录失败", [&] {
    Lease lease(db_);
    std::vector<StandardCatalogue> out;
    long long site = site_id;
    CatalogueRow r;
    soci::statement st =
        (lease.sql().prepare << std::string(kCatalogueColumns) + "WHERE c.site_id = :site ORDER BY c.id",
         soci::use(site, "site"), soci::into(r.id), soci::into(r.site), soci::into(r.c.code), soci::into(r.c.field),
         soci::into(r.c.ministry), soci::into(r.c.source), soci::into(r.c.imported_at), soci::into(r.c.imported_by),
         soci::into(r.count));
    st.execute();
    while (st.fetch()) out.push_back(r.take());
    return out;
  });
}

std::optional<StandardCatalogue> StandardCatalogueRepository::find(std::int64_t site_id, const std::string& code) {
  for (auto& c : of_site(site_id))
    if (c.code == code) return c;
  return std::nullopt;
}

std::vector<StoredCatalogueItem> StandardCatalogueRepository::items(std::int64_t catalogue_id) {
  return guarded("读取标准目录事项失败", [&] {
    Lease lease(db_);
    std::vector<StoredCatalogueItem> out;
    long long key = catalogue_id;
    ItemRow r;
    auto st = item_statement(lease, "WHERE i.catalogue_id = :k ORDER BY i.seq, i.id", key, r);
    st.execute();
    while (st.fetch()) out.push_back(r.take());
    return out;
  });
}

std::optional<StoredCatalogueItem> StandardCatalogueRepository::item(std::int64_t item_id) {
  return guarded("读取标准目录事项失败", [&]() -> std::optional<StoredCatalogueItem> {
    Lease lease(db_);
    long long key = item_id;
    ItemRow r;
    auto st = item_statement(lease, "WHERE i.id = :k", key, r);
    st.execute();
    if (!st.fetch()) return std::nullopt;
    return r.take();
  });
}

std::int64_t StandardCatalogueRepository::replace(const StandardCatalogue& c,
                                                  const std::vector<domain::CatalogueItem>& items,
                                                  std::optional<std::int64_t> default_node, std::int64_t now) {
  const auto id = guarded("保存标准目录失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = c.site_id, cid = 0;
    std::string at = domain::to_utc_iso_of_unix(now);
    soci::indicator found = soci::i_ok;
    lease.sql() << "SELECT id FROM standard_catalogues WHERE site_id = :s AND code = :c", soci::use(site, "s"),
        soci::use(c.code, "c"), soci::into(cid, found);
    // (一级事项, 二级事项) -> (column, list type) of the items being replaced.
    std::map<std::pair<std::string, std::string>, std::pair<NullableId, std::string>> kept;
    if (lease.sql().got_data() && found == soci::i_ok) {
      long long node = 0;
      soci::indicator node_ind = soci::i_ok;
      std::string l1, l2, type;
      soci::statement st =
          (lease.sql().prepare << "SELECT level1, level2, catalogue_node_id, list_type FROM standard_catalogue_items "
                                  "WHERE catalogue_id = :c",
           soci::use(cid, "c"), soci::into(l1), soci::into(l2), soci::into(node, node_ind), soci::into(type));
      st.execute();
      while (st.fetch()) kept[{l1, l2}] = {NullableId(id_from(node, node_ind)), type};
      lease.sql() << "DELETE FROM standard_catalogue_items WHERE catalogue_id = :c", soci::use(cid, "c");
      lease.sql() << "UPDATE standard_catalogues SET field = :f, ministry = :m, source = :src, imported_at = :at, "
                     "imported_by = :by WHERE id = :c",
          soci::use(c.field, "f"), soci::use(c.ministry, "m"), soci::use(c.source, "src"), soci::use(at, "at"),
          soci::use(c.imported_by, "by"), soci::use(cid, "c");
    } else {
      lease.sql() << "INSERT INTO standard_catalogues (site_id, code, field, ministry, source, imported_at, imported_by) "
                     "VALUES (:s, :c, :f, :m, :src, :at, :by) RETURNING id",
          soci::use(site, "s"), soci::use(c.code, "c"), soci::use(c.field, "f"), soci::use(c.ministry, "m"),
          soci::use(c.source, "src"), soci::use(at, "at"), soci::use(c.imported_by, "by"), soci::into(cid);
    }
    for (const auto& i : items) {
      auto k = kept.find({i.level1, i.level2});
      NullableId node = k == kept.end() ? NullableId(default_node) : k->second.first;
      std::string type = k == kept.end() ? std::string() : k->second.second;
      lease.sql() << "INSERT INTO standard_catalogue_items (catalogue_id, seq, level1, level2, content, basis, "
                     "time_limit, subject, channels, audience, manner, levels, catalogue_node_id, list_type) VALUES "
                     "(:c, :seq, :l1, :l2, :content, :basis, :tl, :subject, :channels, :audience, :manner, :levels, "
                     ":node, :type)",
          soci::use(cid, "c"), soci::use(i.seq, "seq"), soci::use(i.level1, "l1"), soci::use(i.level2, "l2"),
          soci::use(i.content, "content"), soci::use(i.basis, "basis"), soci::use(i.time_limit, "tl"),
          soci::use(i.subject, "subject"), soci::use(i.channels, "channels"), soci::use(i.audience, "audience"),
          soci::use(i.manner, "manner"), soci::use(i.levels, "levels"), soci::use(node.value, node.ind, "node"),
          soci::use(type, "type");
    }
    tx.commit();
    return static_cast<std::int64_t>(cid);
  });
  db_.notify_changed({domain::tag_standard_catalogues(c.site_id)});
  return id;
}

void StandardCatalogueRepository::map_item(std::int64_t site_id, std::int64_t item_id,
                                           std::optional<std::int64_t> node_id, const std::string& list_type) {
  guarded("保存标准目录事项的关联失败", [&] {
    Lease lease(db_);
    long long id = item_id;
    NullableId node(node_id);
    std::string type = list_type;
    lease.sql() << "UPDATE standard_catalogue_items SET catalogue_node_id = :n, list_type = :t WHERE id = :id",
        soci::use(node.value, node.ind, "n"), soci::use(type, "t"), soci::use(id, "id");
  });
  db_.notify_changed({domain::tag_standard_catalogues(site_id)});
}

std::vector<domain::PublicationRecord> StandardCatalogueRepository::node_records(std::int64_t node_id) {
  return guarded("读取栏目文件失败", [&] {
    Lease lease(db_);
    std::vector<domain::PublicationRecord> out;
    long long node = node_id;
    std::string written, published, state;
    soci::indicator w_ind = soci::i_ok, p_ind = soci::i_ok;
    soci::statement st =
        (lease.sql().prepare << "SELECT written_on, published_on, state FROM documents WHERE catalogue_id = :n AND "
                                "state <> 'withdrawn'",
         soci::use(node, "n"), soci::into(written, w_ind), soci::into(published, p_ind), soci::into(state));
    st.execute();
    while (st.fetch()) {
      domain::PublicationRecord r;
      r.event = date_from(written, w_ind);
      if (state == "published") r.published_on = date_from(published, p_ind);
      out.push_back(r);
    }
    return out;
  });
}

std::vector<domain::PublicationRecord> StandardCatalogueRepository::list_records(std::int64_t site_id,
                                                                                 const std::string& type_code) {
  return guarded("读取清单版本失败", [&] {
    Lease lease(db_);
    std::vector<domain::PublicationRecord> out;
    long long site = site_id;
    std::string type = type_code, effective, published_at;
    soci::statement st =
        (lease.sql().prepare << "SELECT v.effective_on, v.published_at FROM list_versions v JOIN lists l ON l.id = "
                                "v.list_id WHERE l.site_id = :s AND l.type_code = :t AND v.state = 'published'",
         soci::use(site, "s"), soci::use(type, "t"), soci::into(effective), soci::into(published_at));
    st.execute();
    while (st.fetch()) {
      domain::PublicationRecord r;
      r.published_on = domain::china_date_of_unix(domain::unix_of_utc_iso(published_at));
      // The information forms when the version is published or, earlier, when it takes effect.
      r.event = r.published_on;
      if (auto e = domain::Date::parse(effective); e && *e < *r.published_on) r.event = e;
      out.push_back(r);
    }
    return out;
  });
}

std::vector<CatalogueListLink> StandardCatalogueRepository::published_lists(std::int64_t site_id,
                                                                            const std::string& type_code) {
  return guarded("读取清单失败", [&] {
    Lease lease(db_);
    std::vector<CatalogueListLink> out;
    long long site = site_id, id = 0;
    std::string type = type_code, title;
    soci::statement st =
        (lease.sql().prepare << "SELECT l.id, l.title FROM lists l WHERE l.site_id = :s AND l.type_code = :t AND "
                                "EXISTS (SELECT 1 FROM list_versions v WHERE v.list_id = l.id AND v.state = "
                                "'published') ORDER BY l.id",
         soci::use(site, "s"), soci::use(type, "t"), soci::into(id), soci::into(title));
    st.execute();
    while (st.fetch()) out.push_back({static_cast<std::int64_t>(id), title});
    return out;
  });
}

}  // namespace zwgk::store
