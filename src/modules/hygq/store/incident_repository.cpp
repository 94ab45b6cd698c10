// See incident_repository.hpp.
#include "modules/hygq/store/incident_repository.hpp"

#include "modules/hygq/domain/incident_cache_tags.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

using domain::ClockKind;
using domain::Instant;

constexpr const char* kIncidentSelect =
    "SELECT i.id, i.site_id, i.level, i.title, i.summary, i.department_id, COALESCE(d.name, ''), i.known_at "
    "FROM incidents i LEFT JOIN departments d ON d.id = i.department_id ";

std::vector<domain::Incident> load_incidents(Lease& lease, const std::string& tail, Binds& b) {
  std::vector<domain::Incident> out;
  long long id = 0, site = 0, dep = 0;
  soci::indicator dep_ind = soci::i_ok;
  std::string level, title, summary, dep_name, known;
  soci::statement st(lease.sql());
  st.exchange(soci::into(id));
  st.exchange(soci::into(site));
  st.exchange(soci::into(level));
  st.exchange(soci::into(title));
  st.exchange(soci::into(summary));
  st.exchange(soci::into(dep, dep_ind));
  st.exchange(soci::into(dep_name));
  st.exchange(soci::into(known));
  b.apply(st);
  prepare_and_execute(st, std::string(kIncidentSelect) + tail);
  while (st.fetch()) {
    domain::Incident i;
    i.id = id;
    i.site_id = site;
    i.level = domain::incident_level_from(level).value_or(domain::IncidentLevel::PublicOpinion);
    i.title = title;
    i.summary = summary;
    i.department_id = id_from(dep, dep_ind);
    i.department = i.department_id ? dep_name : std::string();
    i.known_at = domain::parse_utc_iso(known).value_or(Instant{});
    out.push_back(std::move(i));
  }
  return out;
}

std::int64_t site_of(Lease& lease, long long incident_id) {
  long long site = 0;
  lease.sql() << "SELECT site_id FROM incidents WHERE id = :id", soci::use(incident_id, "id"), soci::into(site);
  return lease.sql().got_data() ? site : 0;
}

void changed(Database& db, std::int64_t site_id) {
  if (site_id) db.notify_changed({domain::tag_incidents(site_id)});
}

// SQL LIKE pattern for "contains `q`", with ! as the escape character.
std::string contains_pattern(const std::string& q) {
  std::string out = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += c;
  }
  return out + "%";
}

}  // namespace

std::vector<ClockKind> IncidentLink::meets() const {
  if (document_id && state == "published" && at) return {ClockKind::Release, ClockKind::Response};
  if (event_id && event_kind == "press_conference" && (state == "live" || state == "ended") && at)
    return {ClockKind::PressConference};
  return {};
}

std::int64_t IncidentRepository::insert(const domain::Incident& i, const std::string& created_by) {
  return guarded("登记事件失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = i.site_id, id = 0;
    NullableId dep(i.department_id);
    std::string level = domain::to_code(i.level), known = domain::to_utc_iso(i.known_at), now = now_utc_iso();
    lease.sql() << "INSERT INTO incidents (site_id, level, title, summary, department_id, known_at, created_by, "
                   "created_at, updated_at) VALUES (:site, :level, :title, :summary, :dep, :known, :by, :now, :now2) "
                   "RETURNING id",
        soci::use(site, "site"), soci::use(level, "level"), soci::use(i.title, "title"),
        soci::use(i.summary, "summary"), soci::use(dep.value, dep.ind, "dep"), soci::use(known, "known"),
        soci::use(created_by, "by"), soci::use(now, "now"), soci::use(now, "now2"), soci::into(id);
    tx.commit();
    changed(db_, i.site_id);
    return static_cast<std::int64_t>(id);
  });
}

void IncidentRepository::update(const domain::Incident& i) {
  guarded("保存事件失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = i.id;
    NullableId dep(i.department_id);
    std::string level = domain::to_code(i.level), known = domain::to_utc_iso(i.known_at), now = now_utc_iso();
    lease.sql() << "UPDATE incidents SET level = :level, title = :title, summary = :summary, department_id = :dep, "
                   "known_at = :known, updated_at = :now WHERE id = :id",
        soci::use(level, "level"), soci::use(i.title, "title"), soci::use(i.summary, "summary"),
        soci::use(dep.value, dep.ind, "dep"), soci::use(known, "known"), soci::use(now, "now"), soci::use(id, "id");
    tx.commit();
    changed(db_, i.site_id);
  });
}

std::optional<domain::Incident> IncidentRepository::find(std::int64_t id) {
  return guarded("读取事件失败", [&]() -> std::optional<domain::Incident> {
    Lease lease(db_);
    Binds b;
    auto v = load_incidents(lease, "WHERE i.id = " + b.add(static_cast<long long>(id)), b);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

std::optional<domain::Incident> IncidentRepository::lock(std::int64_t id) {
  return guarded("读取事件失败", [&]() -> std::optional<domain::Incident> {
    Lease lease(db_);
    if (!lease.sqlite()) {
      long long locked = 0, key = id;
      lease.sql() << "SELECT id FROM incidents WHERE id = :id FOR UPDATE", soci::use(key, "id"), soci::into(locked);
    }
    Binds b;
    auto v = load_incidents(lease, "WHERE i.id = " + b.add(static_cast<long long>(id)), b);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

std::vector<domain::Incident> IncidentRepository::of_site(std::int64_t site_id, int limit) {
  return guarded("读取事件失败", [&] {
    Lease lease(db_);
    Binds b;
    return load_incidents(lease,
                          "WHERE i.site_id = " + b.add(static_cast<long long>(site_id)) +
                              " ORDER BY i.known_at DESC, i.id DESC LIMIT " + b.add(static_cast<long long>(limit)),
                          b);
  });
}

std::vector<domain::Incident> IncidentRepository::known_since(Instant since) {
  return guarded("读取事件失败", [&] {
    Lease lease(db_);
    Binds b;
    return load_incidents(lease, "WHERE i.known_at >= " + b.add(domain::to_utc_iso(since)) + " ORDER BY i.id", b);
  });
}

std::vector<IncidentLink> IncidentRepository::links(std::int64_t incident_id) {
  return guarded("读取关联失败", [&] {
    Lease lease(db_);
    std::vector<IncidentLink> out;
    long long id = 0, inc = incident_id, target = 0;
    std::string title, state, at;
    soci::indicator title_ind = soci::i_ok, state_ind = soci::i_ok, at_ind = soci::i_ok;
    {
      soci::statement st = (lease.sql().prepare << "SELECT l.id, l.document_id, d.title, d.state, d.first_published_at "
                                                   "FROM incident_links l JOIN documents d ON d.id = l.document_id "
                                                   "WHERE l.incident_id = :inc ORDER BY l.id",
                            soci::use(inc, "inc"), soci::into(id), soci::into(target), soci::into(title, title_ind),
                            soci::into(state, state_ind), soci::into(at, at_ind));
      st.execute();
      while (st.fetch()) {
        IncidentLink l;
        l.id = id;
        l.incident_id = incident_id;
        l.document_id = target;
        l.title = title_ind == soci::i_ok ? title : std::string();
        l.state = state_ind == soci::i_ok ? state : std::string();
        if (at_ind == soci::i_ok && l.state == "published")
          if (auto t = domain::parse_utc_iso(at)) l.at = *t;
        out.push_back(std::move(l));
      }
    }
    std::string kind;
    soci::indicator kind_ind = soci::i_ok;
    soci::statement st = (lease.sql().prepare << "SELECT l.id, l.event_id, e.title, e.state, e.starts_at, e.kind "
                                                 "FROM incident_links l JOIN events e ON e.id = l.event_id "
                                                 "WHERE l.incident_id = :inc ORDER BY l.id",
                          soci::use(inc, "inc"), soci::into(id), soci::into(target), soci::into(title, title_ind),
                          soci::into(state, state_ind), soci::into(at, at_ind), soci::into(kind, kind_ind));
    st.execute();
    while (st.fetch()) {
      IncidentLink l;
      l.id = id;
      l.incident_id = incident_id;
      l.event_id = target;
      l.title = title_ind == soci::i_ok ? title : std::string();
      l.state = state_ind == soci::i_ok ? state : std::string();
      l.event_kind = kind_ind == soci::i_ok ? kind : std::string();
      if (at_ind == soci::i_ok)
        if (auto t = domain::parse_utc_iso(at)) l.at = *t;
      out.push_back(std::move(l));
    }
    return out;
  });
}

namespace {

bool insert_link(Database& db, std::int64_t incident_id, const char* column, std::int64_t target,
                 const std::string& by) {
  return guarded("关联失败", [&] {
    Lease lease(db);
    Transaction tx(lease);
    long long inc = incident_id, t = target, existing = 0;
    lease.sql() << "SELECT count(*) FROM incident_links WHERE incident_id = :inc AND " + std::string(column) + " = :t",
        soci::use(inc, "inc"), soci::use(t, "t"), soci::into(existing);
    if (existing > 0) return false;
    std::string now = now_utc_iso();
    lease.sql() << "INSERT INTO incident_links (incident_id, " + std::string(column) +
                       ", created_by, created_at) VALUES (:inc, :t, :by, :now)",
        soci::use(inc, "inc"), soci::use(t, "t"), soci::use(by, "by"), soci::use(now, "now");
    const auto site = site_of(lease, inc);
    tx.commit();
    changed(db, site);
    return true;
  });
}

}  // namespace

bool IncidentRepository::link_document(std::int64_t incident_id, std::int64_t document_id, const std::string& by) {
  return insert_link(db_, incident_id, "document_id", document_id, by);
}

bool IncidentRepository::link_event(std::int64_t incident_id, std::int64_t event_id, const std::string& by) {
  return insert_link(db_, incident_id, "event_id", event_id, by);
}

bool IncidentRepository::unlink(std::int64_t incident_id, std::int64_t link_id) {
  return guarded("取消关联失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long inc = incident_id, id = link_id;
    soci::statement st = (lease.sql().prepare << "DELETE FROM incident_links WHERE id = :id AND incident_id = :inc",
                          soci::use(id, "id"), soci::use(inc, "inc"));
    st.execute(true);
    const bool removed = st.get_affected_rows() > 0;
    const auto site = site_of(lease, inc);
    tx.commit();
    if (removed) changed(db_, site);
    return removed;
  });
}

std::vector<IncidentResponse> IncidentRepository::responses(std::int64_t incident_id) {
  return guarded("读取回应失败", [&] {
    Lease lease(db_);
    std::vector<IncidentResponse> out;
    long long id = 0, inc = incident_id;
    std::string clock, at, what, url, by;
    soci::statement st = (lease.sql().prepare << "SELECT id, clock, responded_at, what, url, created_by "
                                                 "FROM incident_responses WHERE incident_id = :inc "
                                                 "ORDER BY responded_at, id",
                          soci::use(inc, "inc"), soci::into(id), soci::into(clock), soci::into(at), soci::into(what),
                          soci::into(url), soci::into(by));
    st.execute();
    while (st.fetch()) {
      IncidentResponse r;
      r.id = id;
      r.incident_id = incident_id;
      r.clock = domain::clock_kind_from(clock).value_or(ClockKind::Response);
      r.at = domain::parse_utc_iso(at).value_or(Instant{});
      r.what = what;
      r.url = url;
      r.created_by = by;
      out.push_back(std::move(r));
    }
    return out;
  });
}

std::int64_t IncidentRepository::add_response(const IncidentResponse& r) {
  return guarded("登记回应失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long inc = r.incident_id, id = 0;
    std::string clock = domain::to_code(r.clock), at = domain::to_utc_iso(r.at), now = now_utc_iso();
    lease.sql() << "INSERT INTO incident_responses (incident_id, clock, responded_at, what, url, created_by, "
                   "created_at) VALUES (:inc, :clock, :at, :what, :url, :by, :now) RETURNING id",
        soci::use(inc, "inc"), soci::use(clock, "clock"), soci::use(at, "at"), soci::use(r.what, "what"),
        soci::use(r.url, "url"), soci::use(r.created_by, "by"), soci::use(now, "now"), soci::into(id);
    const auto site = site_of(lease, inc);
    tx.commit();
    changed(db_, site);
    return static_cast<std::int64_t>(id);
  });
}

std::vector<domain::Fulfilment> IncidentRepository::fulfilments(std::int64_t incident_id) {
  std::vector<domain::Fulfilment> out;
  for (const auto& l : links(incident_id))
    for (auto k : l.meets()) out.push_back({k, *l.at});
  for (const auto& r : responses(incident_id)) out.push_back({r.clock, r.at});
  return out;
}

std::optional<LinkCandidate> IncidentRepository::document_of_site(std::int64_t site_id, std::int64_t document_id) {
  return guarded("读取文件失败", [&]() -> std::optional<LinkCandidate> {
    Lease lease(db_);
    long long site = site_id, id = document_id;
    LinkCandidate c;
    lease.sql() << "SELECT title, state, first_published_at FROM documents WHERE id = :id AND site_id = :site",
        soci::use(id, "id"), soci::use(site, "site"), soci::into(c.title), soci::into(c.state), soci::into(c.when);
    if (!lease.sql().got_data()) return std::nullopt;
    c.id = document_id;
    return c;
  });
}

std::vector<LinkCandidate> IncidentRepository::documents_titled(std::int64_t site_id, const std::string& query,
                                                                int limit) {
  return guarded("查找文件失败", [&] {
    Lease lease(db_);
    std::vector<LinkCandidate> out;
    long long site = site_id, id = 0, lim = limit;
    std::string pattern = contains_pattern(query), title, state, when;
    soci::statement st = (lease.sql().prepare << "SELECT id, title, state, first_published_at FROM documents "
                                                 "WHERE site_id = :site AND state <> 'withdrawn' AND title LIKE :q "
                                                 "ESCAPE '!' ORDER BY id DESC LIMIT :lim",
                          soci::use(site, "site"), soci::use(pattern, "q"), soci::use(lim, "lim"), soci::into(id),
                          soci::into(title), soci::into(state), soci::into(when));
    st.execute();
    while (st.fetch()) out.push_back({id, title, state, when});
    return out;
  });
}

std::optional<LinkCandidate> IncidentRepository::event_of_site(std::int64_t site_id, std::int64_t event_id) {
  return guarded("读取活动失败", [&]() -> std::optional<LinkCandidate> {
    Lease lease(db_);
    long long site = site_id, id = event_id;
    LinkCandidate c;
    lease.sql() << "SELECT title, state, starts_at FROM events WHERE id = :id AND site_id = :site", soci::use(id, "id"),
        soci::use(site, "site"), soci::into(c.title), soci::into(c.state), soci::into(c.when);
    if (!lease.sql().got_data()) return std::nullopt;
    c.id = event_id;
    return c;
  });
}

domain::IncidentSettings IncidentRepository::settings(std::int64_t site_id) {
  return guarded("读取回应关切设置失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string clocks, minutes, email;
    int pub = 0;
    lease.sql() << "SELECT clocks, notice_minutes, public_clock, notify_email FROM incident_settings "
                   "WHERE site_id = :site",
        soci::use(site, "site"), soci::into(clocks), soci::into(minutes), soci::into(pub), soci::into(email);
    domain::IncidentSettings s;
    if (!lease.sql().got_data()) return s;
    std::string error;
    // Stored by save_settings from parsed values; a row that no longer parses keeps the defaults.
    if (auto r = domain::parse_clock_rules(clocks, error)) s.rules = *r;
    if (auto m = domain::parse_notice_minutes(minutes, error)) s.notice_minutes = *m;
    s.public_clock = pub != 0;
    s.notify_email = email;
    return s;
  });
}

void IncidentRepository::save_settings(std::int64_t site_id, const domain::IncidentSettings& s) {
  guarded("保存回应关切设置失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = site_id;
    std::string clocks = domain::format_clock_rules(s.rules), minutes = domain::format_notice_minutes(s.notice_minutes);
    int pub = s.public_clock ? 1 : 0;
    lease.sql() << "INSERT INTO incident_settings (site_id, clocks, notice_minutes, public_clock, notify_email) "
                   "VALUES (:site, :clocks, :minutes, :pub, :email) ON CONFLICT (site_id) DO UPDATE SET "
                   "clocks = excluded.clocks, notice_minutes = excluded.notice_minutes, "
                   "public_clock = excluded.public_clock, notify_email = excluded.notify_email",
        soci::use(site, "site"), soci::use(clocks, "clocks"), soci::use(minutes, "minutes"), soci::use(pub, "pub"),
        soci::use(s.notify_email, "email");
    tx.commit();
    changed(db_, site_id);
  });
}

bool IncidentRepository::mark_notice(std::int64_t incident_id, const std::string& key, Instant at) {
  return guarded("记录提醒失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = incident_id;
    std::string when = domain::to_utc_iso(at);
    soci::statement st = (lease.sql().prepare << "INSERT INTO incident_notices (incident_id, notice_key, written_at) "
                                                 "VALUES (:id, :k, :at) ON CONFLICT (incident_id, notice_key) DO NOTHING",
                          soci::use(id, "id"), soci::use(key, "k"), soci::use(when, "at"));
    st.execute(true);
    const bool inserted = st.get_affected_rows() > 0;
    tx.commit();
    return inserted;
  });
}

std::string IncidentRepository::department_email(std::int64_t site_id, std::int64_t department_id) {
  return guarded("读取部门联系人失败", [&] {
    Lease lease(db_);
    long long site = site_id, dep = department_id;
    std::string email;
    lease.sql() << "SELECT staff_email FROM letter_contacts WHERE site_id = :site AND department_id = :dep",
        soci::use(site, "site"), soci::use(dep, "dep"), soci::into(email);
    return lease.sql().got_data() ? email : std::string();
  });
}

std::vector<PublicResponse> IncidentRepository::public_responses(std::int64_t site_id, int limit) {
  return guarded("读取回应关切失败", [&] {
    Lease lease(db_);
    std::vector<PublicResponse> out;
    long long site = site_id, inc = 0, target = 0;
    std::string inc_title, level, known, title, at, url;
    auto push = [&](bool document, bool event) {
      PublicResponse p;
      p.incident_id = inc;
      p.incident_title = inc_title;
      p.level = domain::incident_level_from(level).value_or(domain::IncidentLevel::PublicOpinion);
      p.known_at = domain::parse_utc_iso(known).value_or(Instant{});
      if (document) p.document_id = target;
      if (event) p.event_id = target;
      p.title = title;
      p.url = url;
      auto t = domain::parse_utc_iso(at);
      if (!t) return;  // not yet published or started
      p.at = *t;
      out.push_back(std::move(p));
    };
    {
      soci::statement st = (lease.sql().prepare
                                << "SELECT i.id, i.title, i.level, i.known_at, d.id, d.title, d.first_published_at "
                                   "FROM incident_links l JOIN incidents i ON i.id = l.incident_id "
                                   "JOIN documents d ON d.id = l.document_id "
                                   "WHERE i.site_id = :site AND d.state = 'published'",
                            soci::use(site, "site"), soci::into(inc), soci::into(inc_title), soci::into(level),
                            soci::into(known), soci::into(target), soci::into(title), soci::into(at));
      st.execute();
      url.clear();
      while (st.fetch()) push(true, false);
    }
    {
      soci::statement st = (lease.sql().prepare
                                << "SELECT i.id, i.title, i.level, i.known_at, e.id, e.title, e.starts_at "
                                   "FROM incident_links l JOIN incidents i ON i.id = l.incident_id "
                                   "JOIN events e ON e.id = l.event_id "
                                   "WHERE i.site_id = :site AND e.state IN ('live', 'ended')",
                            soci::use(site, "site"), soci::into(inc), soci::into(inc_title), soci::into(level),
                            soci::into(known), soci::into(target), soci::into(title), soci::into(at));
      st.execute();
      while (st.fetch()) push(false, true);
    }
    {
      soci::statement st = (lease.sql().prepare
                                << "SELECT i.id, i.title, i.level, i.known_at, r.what, r.responded_at, r.url "
                                   "FROM incident_responses r JOIN incidents i ON i.id = r.incident_id "
                                   "WHERE i.site_id = :site",
                            soci::use(site, "site"), soci::into(inc), soci::into(inc_title), soci::into(level),
                            soci::into(known), soci::into(title), soci::into(at), soci::into(url));
      st.execute();
      while (st.fetch()) push(false, false);
    }
    std::stable_sort(out.begin(), out.end(), [](const PublicResponse& a, const PublicResponse& b) { return a.at > b.at; });
    if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
    return out;
  });
}

}  // namespace zwgk::store
