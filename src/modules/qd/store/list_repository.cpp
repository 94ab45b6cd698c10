// See list_repository.hpp.
#include "modules/qd/store/list_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/china_time.hpp"
#include "modules/qd/domain/list_cache_tags.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

std::string items_json(const std::vector<domain::ListItem>& items) { return nlohmann::json(items).dump(); }

std::vector<domain::ListItem> items_from(const std::string& text) {
  try {
    return nlohmann::json::parse(text).get<std::vector<domain::ListItem>>();
  } catch (const nlohmann::json::exception&) {
    throw StoreError("清单版本的数据已损坏");
  }
}

ListVersionState state_from(const std::string& s) {
  for (auto v : {ListVersionState::Draft, ListVersionState::Submitted, ListVersionState::Approved,
                 ListVersionState::Returned, ListVersionState::Published})
    if (to_code(v) == s) return v;
  return ListVersionState::Draft;
}

std::vector<ListVersion> load_versions(Lease& lease, long long list_id, bool published) {
  std::vector<ListVersion> out;
  long long id = 0, list = list_id;
  int number = 0;
  soci::indicator number_ind = soci::i_ok;
  std::string state, effective, items, summary, note, created_by, reviewed_by, published_by, published_at;
  soci::statement st =
      (lease.sql().prepare << std::string("SELECT id, number, state, effective_on, items, change_summary, review_note, "
                                          "created_by, reviewed_by, published_by, published_at FROM list_versions "
                                          "WHERE list_id = :l AND state ") +
                                  (published ? "= 'published' ORDER BY number" : "<> 'published' ORDER BY id DESC"),
       soci::use(list, "l"), soci::into(id), soci::into(number, number_ind), soci::into(state), soci::into(effective),
       soci::into(items), soci::into(summary), soci::into(note), soci::into(created_by), soci::into(reviewed_by),
       soci::into(published_by), soci::into(published_at));
  st.execute();
  while (st.fetch()) {
    ListVersion v;
    v.id = id;
    v.list_id = list_id;
    if (number_ind == soci::i_ok) v.number = number;
    v.state = state_from(state);
    v.effective_on = effective.empty() ? std::nullopt : domain::Date::parse(effective);
    v.items = items_from(items);
    v.change_summary = summary;
    v.review_note = note;
    v.created_by = created_by;
    v.reviewed_by = reviewed_by;
    v.published_by = published_by;
    v.published_at = domain::unix_of_utc_iso(published_at);
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<StoredList> load_lists(Lease& lease, const std::string& where, long long value) {
  std::vector<StoredList> out;
  long long id = 0, site = 0, dep = 0, v = value;
  std::string type, title, dep_name;
  soci::statement st =
      (lease.sql().prepare << "SELECT l.id, l.site_id, l.type_code, l.title, l.department_id, COALESCE(d.name, '') "
                              "FROM lists l LEFT JOIN departments d ON d.id = l.department_id WHERE " + where +
                                  " = :v ORDER BY l.id",
       soci::use(v, "v"), soci::into(id), soci::into(site), soci::into(type), soci::into(title), soci::into(dep),
       soci::into(dep_name));
  st.execute();
  while (st.fetch()) out.push_back({id, site, type, title, dep, dep_name});
  return out;
}

}  // namespace

std::string to_code(ListVersionState s) {
  switch (s) {
    case ListVersionState::Draft: return "draft";
    case ListVersionState::Submitted: return "submitted";
    case ListVersionState::Approved: return "approved";
    case ListVersionState::Returned: return "returned";
    case ListVersionState::Published: return "published";
  }
  return "";
}

std::string to_label(ListVersionState s) {
  switch (s) {
    case ListVersionState::Draft: return "草稿";
    case ListVersionState::Submitted: return "待审核";
    case ListVersionState::Approved: return "审核通过";
    case ListVersionState::Returned: return "已退回";
    case ListVersionState::Published: return "已发布";
  }
  return "";
}

void ListRepository::changed(const StoredList& l) {
  db_.notify_changed({domain::tag_lists(l.site_id), domain::tag_list(l.id)});
}

std::vector<domain::ListType> ListRepository::site_types(std::int64_t site_id) {
  return guarded("读取清单类型失败", [&] {
    Lease lease(db_);
    std::vector<domain::ListType> out;
    long long site = site_id;
    std::string schema;
    soci::statement st = (lease.sql().prepare << "SELECT schema FROM list_types WHERE site_id = :s ORDER BY id",
                          soci::use(site, "s"), soci::into(schema));
    st.execute();
    while (st.fetch()) {
      auto parsed = domain::parse_list_type(schema);
      if (parsed.problems.empty()) out.push_back(std::move(parsed.type));
    }
    return out;
  });
}

void ListRepository::add_type(std::int64_t site_id, const domain::ListType& type, std::int64_t now) {
  guarded("保存清单类型失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string schema = domain::format_list_type(type), at = domain::to_utc_iso_of_unix(now), code = type.code;
    lease.sql() << "INSERT INTO list_types (site_id, code, schema, created_at) VALUES (:s, :c, :x, :at)",
        soci::use(site, "s"), soci::use(code, "c"), soci::use(schema, "x"), soci::use(at, "at");
  });
  db_.notify_changed({domain::tag_lists(site_id)});
}

std::int64_t ListRepository::create(const StoredList& l, std::int64_t now) {
  const auto id = guarded("保存清单失败", [&] {
    Lease lease(db_);
    long long site = l.site_id, dep = l.department_id, out = 0;
    std::string at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "INSERT INTO lists (site_id, type_code, title, department_id, created_at, updated_at) VALUES (:s, "
                   ":t, :ti, :d, :at, :at2) RETURNING id",
        soci::use(site, "s"), soci::use(l.type_code, "t"), soci::use(l.title, "ti"), soci::use(dep, "d"),
        soci::use(at, "at"), soci::use(at, "at2"), soci::into(out);
    return static_cast<std::int64_t>(out);
  });
  db_.notify_changed({domain::tag_lists(l.site_id)});
  return id;
}

std::optional<StoredList> ListRepository::find(std::int64_t id) {
  return guarded("读取清单失败", [&]() -> std::optional<StoredList> {
    Lease lease(db_);
    auto v = load_lists(lease, "l.id", id);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

std::vector<StoredList> ListRepository::of_site(std::int64_t site_id) {
  return guarded("读取清单失败", [&] {
    Lease lease(db_);
    return load_lists(lease, "l.site_id", site_id);
  });
}

std::optional<ListVersion> ListRepository::working(std::int64_t list_id) {
  return guarded("读取清单版本失败", [&]() -> std::optional<ListVersion> {
    Lease lease(db_);
    auto v = load_versions(lease, list_id, false);
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
  });
}

std::vector<ListVersion> ListRepository::published(std::int64_t list_id) {
  return guarded("读取清单版本失败", [&] {
    Lease lease(db_);
    return load_versions(lease, list_id, true);
  });
}

void ListRepository::save_working(const StoredList& l, const std::vector<domain::ListItem>& items, const std::string& by,
                                  std::int64_t now) {
  guarded("保存清单版本失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long list = l.id, existing = 0;
    soci::indicator ind = soci::i_ok;
    std::string json = items_json(items), at = domain::to_utc_iso_of_unix(now), who = by;
    lease.sql() << "SELECT id FROM list_versions WHERE list_id = :l AND state <> 'published'", soci::use(list, "l"),
        soci::into(existing, ind);
    if (lease.sql().got_data() && ind == soci::i_ok) {
      lease.sql() << "UPDATE list_versions SET items = :i, state = 'draft', review_note = '', created_by = :by, "
                     "updated_at = :at WHERE id = :id",
          soci::use(json, "i"), soci::use(who, "by"), soci::use(at, "at"), soci::use(existing, "id");
    } else {
      lease.sql() << "INSERT INTO list_versions (list_id, state, items, created_by, updated_at) VALUES (:l, 'draft', "
                     ":i, :by, :at)",
          soci::use(list, "l"), soci::use(json, "i"), soci::use(who, "by"), soci::use(at, "at");
    }
    lease.sql() << "UPDATE lists SET updated_at = :at WHERE id = :l", soci::use(at, "at"), soci::use(list, "l");
    tx.commit();
  });
  changed(l);
}

void ListRepository::set_state(const StoredList& l, std::int64_t version_id, ListVersionState to, const std::string& note,
                               const std::string& by, std::int64_t now) {
  guarded("保存清单版本失败", [&] {
    Lease lease(db_);
    long long id = version_id;
    std::string code = to_code(to), at = domain::to_utc_iso_of_unix(now), n = note, who = by;
    const bool review = to == ListVersionState::Approved || to == ListVersionState::Returned;
    if (review)
      lease.sql() << "UPDATE list_versions SET state = :s, review_note = :n, reviewed_by = :by, updated_at = :at "
                     "WHERE id = :id",
          soci::use(code, "s"), soci::use(n, "n"), soci::use(who, "by"), soci::use(at, "at"), soci::use(id, "id");
    else
      lease.sql() << "UPDATE list_versions SET state = :s, updated_at = :at WHERE id = :id", soci::use(code, "s"),
          soci::use(at, "at"), soci::use(id, "id");
  });
  changed(l);
}

void ListRepository::publish(const StoredList& l, std::int64_t version_id, int number, domain::Date effective_on,
                             const std::string& summary, const std::string& by, std::int64_t now) {
  guarded("发布清单失败", [&] {
    Lease lease(db_);
    long long id = version_id;
    int n = number;
    std::string eff = effective_on.iso(), at = domain::to_utc_iso_of_unix(now), s = summary, who = by;
    lease.sql() << "UPDATE list_versions SET state = 'published', number = :n, effective_on = :e, change_summary = :s, "
                   "published_by = :by, published_at = :at, updated_at = :at2 WHERE id = :id",
        soci::use(n, "n"), soci::use(eff, "e"), soci::use(s, "s"), soci::use(who, "by"), soci::use(at, "at"),
        soci::use(at, "at2"), soci::use(id, "id");
  });
  changed(l);
}

}  // namespace zwgk::store
