// See event_repository.hpp.
#include "modules/zxft/store/event_repository.hpp"

#include <algorithm>

#include "domain/china_time.hpp"
#include "modules/zxft/domain/event_cache_tags.hpp"
#include "store/blob_store.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

constexpr const char* kEventColumns =
    "id, site_id, kind, title, summary, place, department_id, starts_at, ends_at, state, announced_at, opened_at, "
    "closed_at, short_notice, questions_open, video_sha256, video_name, video_type, updated_at";

std::vector<StoredEvent> load_events(Lease& lease, const std::string& where, Binds& b) {
  std::vector<StoredEvent> out;
  long long id = 0, site = 0, dep = 0;
  soci::indicator dep_ind = soci::i_ok, video_ind = soci::i_ok;
  int questions_open = 1;
  std::string kind, title, summary, place, starts, ends, state, announced, opened, closed, short_notice, video, vname,
      vtype, updated;
  soci::statement st(lease.sql());
  st.exchange(soci::into(id));
  st.exchange(soci::into(site));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(title));
  st.exchange(soci::into(summary));
  st.exchange(soci::into(place));
  st.exchange(soci::into(dep, dep_ind));
  st.exchange(soci::into(starts));
  st.exchange(soci::into(ends));
  st.exchange(soci::into(state));
  st.exchange(soci::into(announced));
  st.exchange(soci::into(opened));
  st.exchange(soci::into(closed));
  st.exchange(soci::into(short_notice));
  st.exchange(soci::into(questions_open));
  st.exchange(soci::into(video, video_ind));
  st.exchange(soci::into(vname));
  st.exchange(soci::into(vtype));
  st.exchange(soci::into(updated));
  b.apply(st);
  prepare_and_execute(st, std::string("SELECT ") + kEventColumns + " FROM events " + where);
  while (st.fetch()) {
    StoredEvent e;
    e.id = id;
    e.site_id = site;
    e.draft.kind = domain::event_kind_from(kind).value_or(domain::EventKind::OnlineInterview);
    e.draft.title = title;
    e.draft.summary = summary;
    e.draft.place = place;
    e.draft.department_id = id_from(dep, dep_ind);
    e.draft.starts_at = domain::unix_of_utc_iso(starts);
    e.draft.ends_at = domain::unix_of_utc_iso(ends);
    e.state = domain::event_state_from(state).value_or(domain::EventState::Draft);
    e.announced_at = domain::unix_of_utc_iso(announced);
    e.opened_at = domain::unix_of_utc_iso(opened);
    e.closed_at = domain::unix_of_utc_iso(closed);
    e.short_notice = short_notice;
    e.questions_open = questions_open != 0;
    if (video_ind != soci::i_null && !video.empty()) e.video = EventFile{video, vname, vtype};
    e.updated_at = domain::unix_of_utc_iso(updated);
    out.push_back(std::move(e));
  }
  return out;
}

void load_guests_and_policies(Lease& lease, StoredEvent& e) {
  {
    Binds b;
    long long dep = 0;
    soci::indicator dep_ind = soci::i_ok;
    int principal = 0;
    std::string name, post, dep_name;
    soci::statement st(lease.sql());
    st.exchange(soci::into(name));
    st.exchange(soci::into(post));
    st.exchange(soci::into(dep, dep_ind));
    st.exchange(soci::into(principal));
    st.exchange(soci::into(dep_name));
    const std::string where = b.add(static_cast<long long>(e.id));
    b.apply(st);
    prepare_and_execute(st, "SELECT g.name, g.post, g.department_id, g.principal, COALESCE(d.name, '') FROM "
                            "event_guests g LEFT JOIN departments d ON d.id = g.department_id WHERE g.event_id = " +
                                where + " ORDER BY g.position, g.id");
    while (st.fetch()) {
      domain::EventGuest g;
      g.name = name;
      g.post = post;
      g.department_id = id_from(dep, dep_ind);
      g.principal = principal != 0;
      g.department = dep_name;
      e.draft.guests.push_back(std::move(g));
    }
  }
  Binds b;
  long long doc = 0, interp = 0;
  soci::indicator interp_ind = soci::i_ok;
  soci::statement st(lease.sql());
  st.exchange(soci::into(doc));
  st.exchange(soci::into(interp, interp_ind));
  const std::string where = b.add(static_cast<long long>(e.id));
  b.apply(st);
  prepare_and_execute(st, "SELECT document_id, interpretation_document_id FROM event_policies WHERE event_id = " +
                              where + " ORDER BY document_id");
  while (st.fetch()) {
    EventPolicy p;
    p.document_id = static_cast<std::int64_t>(doc);
    p.interpretation_document_id = id_from(interp, interp_ind);
    e.draft.policy_ids.push_back(p.document_id);
    e.policies.push_back(p);
  }
}

void write_guests_and_policies(Lease& lease, std::int64_t event_id, const domain::EventDraft& d) {
  long long eid = event_id;
  lease.sql() << "DELETE FROM event_guests WHERE event_id = :e", soci::use(eid, "e");
  int position = 0;
  for (const auto& g : d.guests) {
    NullableId dep(g.department_id);
    int principal = g.principal ? 1 : 0;
    lease.sql() << "INSERT INTO event_guests (event_id, position, name, post, department_id, principal) VALUES "
                   "(:e, :pos, :name, :post, :dep, :pr)",
        soci::use(eid, "e"), soci::use(position, "pos"), soci::use(g.name, "name"), soci::use(g.post, "post"),
        soci::use(dep.value, dep.ind, "dep"), soci::use(principal, "pr");
    ++position;
  }
  // Policies no longer listed go; the others keep their 政策解读.
  std::vector<long long> existing;
  {
    Binds b;
    long long doc = 0;
    soci::statement st(lease.sql());
    st.exchange(soci::into(doc));
    const std::string where = b.add(eid);
    b.apply(st);
    prepare_and_execute(st, "SELECT document_id FROM event_policies WHERE event_id = " + where);
    while (st.fetch()) existing.push_back(doc);
  }
  for (auto old : existing)
    if (std::find(d.policy_ids.begin(), d.policy_ids.end(), old) == d.policy_ids.end())
      lease.sql() << "DELETE FROM event_policies WHERE event_id = :e AND document_id = :d", soci::use(eid, "e"),
          soci::use(old, "d");
  for (auto p : d.policy_ids) {
    long long doc = p;
    if (std::find(existing.begin(), existing.end(), doc) != existing.end()) continue;
    lease.sql() << "INSERT INTO event_policies (event_id, document_id) VALUES (:e, :d)", soci::use(eid, "e"),
        soci::use(doc, "d");
  }
}

std::optional<EventFile> file_of(const std::string& sha, soci::indicator ind, const std::string& name,
                                 const std::string& type) {
  if (ind == soci::i_null || sha.empty()) return std::nullopt;
  return EventFile{sha, name, type};
}

}  // namespace

void EventRepository::changed(const StoredEvent& e) {
  db_.notify_changed({domain::tag_event(e.id), domain::tag_events(e.site_id)});
}

std::int64_t EventRepository::create(std::int64_t site_id, const domain::EventDraft& d, std::int64_t now) {
  return guarded("保存活动失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = site_id, id = 0;
    NullableId dep(d.department_id);
    std::string kind = domain::to_code(d.kind), starts = domain::to_utc_iso_of_unix(d.starts_at), ends = domain::to_utc_iso_of_unix(d.ends_at),
                at = domain::to_utc_iso_of_unix(now), state = domain::to_code(domain::EventState::Draft);
    lease.sql() << "INSERT INTO events (site_id, kind, title, summary, place, department_id, starts_at, ends_at, state, "
                   "created_at, updated_at) VALUES (:site, :kind, :title, :summary, :place, :dep, :starts, :ends, "
                   ":state, :now, :now2) RETURNING id",
        soci::use(site, "site"), soci::use(kind, "kind"), soci::use(d.title, "title"), soci::use(d.summary, "summary"),
        soci::use(d.place, "place"), soci::use(dep.value, dep.ind, "dep"), soci::use(starts, "starts"),
        soci::use(ends, "ends"), soci::use(state, "state"), soci::use(at, "now"), soci::use(at, "now2"),
        soci::into(id);
    write_guests_and_policies(lease, id, d);
    tx.commit();
    db_.notify_changed({domain::tag_events(site_id)});
    return static_cast<std::int64_t>(id);
  });
}

void EventRepository::update(std::int64_t id, const domain::EventDraft& d, std::int64_t now) {
  guarded("保存活动失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long eid = id;
    NullableId dep(d.department_id);
    std::string kind = domain::to_code(d.kind), starts = domain::to_utc_iso_of_unix(d.starts_at), ends = domain::to_utc_iso_of_unix(d.ends_at),
                at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "UPDATE events SET kind = :kind, title = :title, summary = :summary, place = :place, department_id "
                   "= :dep, starts_at = :starts, ends_at = :ends, updated_at = :now WHERE id = :id",
        soci::use(kind, "kind"), soci::use(d.title, "title"), soci::use(d.summary, "summary"),
        soci::use(d.place, "place"), soci::use(dep.value, dep.ind, "dep"), soci::use(starts, "starts"),
        soci::use(ends, "ends"), soci::use(at, "now"), soci::use(eid, "id");
    write_guests_and_policies(lease, id, d);
    tx.commit();
  });
  if (auto e = find(id)) changed(*e);
}

std::optional<StoredEvent> EventRepository::find(std::int64_t id) {
  return guarded("读取活动失败", [&]() -> std::optional<StoredEvent> {
    Lease lease(db_);
    Binds b;
    auto v = load_events(lease, "WHERE id = " + b.add(static_cast<long long>(id)), b);
    if (v.empty()) return std::nullopt;
    load_guests_and_policies(lease, v.front());
    return std::move(v.front());
  });
}

std::vector<StoredEvent> EventRepository::list(std::int64_t site_id, bool public_only) {
  return guarded("读取活动失败", [&] {
    Lease lease(db_);
    Binds b;
    auto v = load_events(lease,
                         "WHERE site_id = " + b.add(static_cast<long long>(site_id)) +
                             (public_only ? " AND state IN ('announced', 'live', 'ended')" : "") +
                             " ORDER BY starts_at DESC, id DESC",
                         b);
    for (auto& e : v) load_guests_and_policies(lease, e);
    return v;
  });
}

void EventRepository::set_state(const StoredEvent& e, domain::EventState state, std::int64_t now,
                                const std::string& short_notice) {
  guarded("保存活动状态失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = e.id;
    std::string code = domain::to_code(state), at = domain::to_utc_iso_of_unix(now);
    const char* column = state == domain::EventState::Announced ? "announced_at"
                         : state == domain::EventState::Live    ? "opened_at"
                         : state == domain::EventState::Ended   ? "closed_at"
                                                                : "updated_at";
    lease.sql() << std::string("UPDATE events SET state = :state, ") + column +
                       " = :at, short_notice = CASE WHEN :sn = '' THEN short_notice ELSE :sn2 END, updated_at = :now "
                       "WHERE id = :id",
        soci::use(code, "state"), soci::use(at, "at"), soci::use(short_notice, "sn"), soci::use(short_notice, "sn2"),
        soci::use(at, "now"), soci::use(id, "id");
    tx.commit();
  });
  changed(e);
}

void EventRepository::set_questions_open(const StoredEvent& e, bool open, std::int64_t now) {
  guarded("保存活动失败", [&] {
    Lease lease(db_);
    long long id = e.id;
    int v = open ? 1 : 0;
    std::string at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "UPDATE events SET questions_open = :v, updated_at = :now WHERE id = :id", soci::use(v, "v"),
        soci::use(at, "now"), soci::use(id, "id");
  });
  changed(e);
}

std::int64_t EventRepository::add_entry(const StoredEvent& e, const domain::EntryInput& in,
                                        const std::optional<EventFile>& image, std::string_view image_bytes,
                                        const std::string& created_by, std::int64_t now) {
  const auto id = guarded("保存直播内容失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long eid = e.id, out = 0;
    NullableId q(in.question_id);
    NullableText sha, name, type;
    if (image) {
      sha = NullableText(std::optional<std::string>(BlobStore::put(lease, image_bytes, image->media_type)));
      name.value = image->file_name;
      type.value = image->media_type;
    }
    std::string at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "INSERT INTO event_entries (event_id, speaker, text, question_id, image_sha256, image_name, "
                   "image_type, created_by, created_at) VALUES (:e, :sp, :tx, :q, :sha, :nm, :ty, :by, :at) RETURNING id",
        soci::use(eid, "e"), soci::use(in.speaker, "sp"), soci::use(in.text, "tx"), soci::use(q.value, q.ind, "q"),
        soci::use(sha.value, sha.ind, "sha"), soci::use(name.value, "nm"), soci::use(type.value, "ty"),
        soci::use(created_by, "by"), soci::use(at, "at"), soci::into(out);
    tx.commit();
    return static_cast<std::int64_t>(out);
  });
  changed(e);
  return id;
}

void EventRepository::delete_entry(const StoredEvent& e, std::int64_t entry_id) {
  guarded("删除直播内容失败", [&] {
    Lease lease(db_);
    long long eid = e.id, id = entry_id;
    lease.sql() << "DELETE FROM event_entries WHERE id = :id AND event_id = :e", soci::use(id, "id"), soci::use(eid, "e");
  });
  changed(e);
}

std::vector<EventEntry> EventRepository::entries(std::int64_t event_id, std::int64_t after_id) {
  return guarded("读取直播内容失败", [&] {
    std::vector<EventEntry> out;
    Lease lease(db_);
    Binds b;
    long long id = 0, qid = 0;
    soci::indicator q_ind = soci::i_ok, img_ind = soci::i_ok;
    std::string speaker, text, qtext, qnick, img, img_name, img_type, at;
    soci::statement st(lease.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(speaker));
    st.exchange(soci::into(text));
    st.exchange(soci::into(qid, q_ind));
    st.exchange(soci::into(qtext));
    st.exchange(soci::into(qnick));
    st.exchange(soci::into(img, img_ind));
    st.exchange(soci::into(img_name));
    st.exchange(soci::into(img_type));
    st.exchange(soci::into(at));
    const std::string e = b.add(static_cast<long long>(event_id)), after = b.add(static_cast<long long>(after_id));
    b.apply(st);
    prepare_and_execute(st, "SELECT n.id, n.speaker, n.text, n.question_id, COALESCE(q.text, ''), "
                            "COALESCE(q.nickname, ''), n.image_sha256, n.image_name, n.image_type, n.created_at "
                            "FROM event_entries n LEFT JOIN event_questions q ON q.id = n.question_id "
                            "WHERE n.event_id = " + e + " AND n.id > " + after + " ORDER BY n.id");
    while (st.fetch()) {
      EventEntry x;
      x.id = static_cast<std::int64_t>(id);
      x.speaker = speaker;
      x.text = text;
      x.question_id = id_from(qid, q_ind);
      x.question_text = qtext;
      x.question_nickname = qnick;
      x.image = file_of(img, img_ind, img_name, img_type);
      x.created_at = domain::unix_of_utc_iso(at);
      out.push_back(std::move(x));
    }
    return out;
  });
}

std::int64_t EventRepository::add_question(const StoredEvent& e, const domain::QuestionInput& q, std::int64_t now) {
  const auto id = guarded("保存提问失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long eid = e.id, out = 0;
    std::string sealed = key_.seal(q.name + "\n" + q.phone), digest = key_.digest(q.phone), at = domain::to_utc_iso_of_unix(now),
                state = domain::to_code(domain::QuestionState::Pending);
    lease.sql() << "INSERT INTO event_questions (event_id, nickname, sealed_contact, phone_digest, text, state, "
                   "created_at) VALUES (:e, :nick, :sealed, :digest, :text, :state, :at) RETURNING id",
        soci::use(eid, "e"), soci::use(q.nickname, "nick"), soci::use(sealed, "sealed"), soci::use(digest, "digest"),
        soci::use(q.text, "text"), soci::use(state, "state"), soci::use(at, "at"), soci::into(out);
    tx.commit();
    return static_cast<std::int64_t>(out);
  });
  // A pending question is on no public page: nothing to invalidate.
  return id;
}

int EventRepository::questions_by_phone(std::int64_t event_id, const std::string& phone) {
  return guarded("读取提问失败", [&] {
    Lease lease(db_);
    long long eid = event_id, n = 0;
    std::string digest = key_.digest(phone);
    lease.sql() << "SELECT count(*) FROM event_questions WHERE event_id = :e AND phone_digest = :d", soci::use(eid, "e"),
        soci::use(digest, "d"), soci::into(n);
    return static_cast<int>(n);
  });
}

namespace {

std::vector<EventQuestion> load_questions(Lease& lease, const std::string& column, long long value) {
  std::vector<EventQuestion> out;
  Binds b;
  long long id = 0, eid = 0;
  std::string nickname, text, state, answer, by, at;
  soci::statement st(lease.sql());
  st.exchange(soci::into(id));
  st.exchange(soci::into(eid));
  st.exchange(soci::into(nickname));
  st.exchange(soci::into(text));
  st.exchange(soci::into(state));
  st.exchange(soci::into(answer));
  st.exchange(soci::into(by));
  st.exchange(soci::into(at));
  const std::string v = b.add(value);
  b.apply(st);
  prepare_and_execute(st, "SELECT id, event_id, nickname, text, state, answer, answered_by, created_at FROM "
                          "event_questions WHERE " + column + " = " + v + " ORDER BY id");
  while (st.fetch()) {
    EventQuestion q;
    q.id = static_cast<std::int64_t>(id);
    q.event_id = static_cast<std::int64_t>(eid);
    q.nickname = nickname;
    q.text = text;
    q.state = domain::question_state_from(state).value_or(domain::QuestionState::Pending);
    q.answer = answer;
    q.answered_by = by;
    q.created_at = domain::unix_of_utc_iso(at);
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace

std::vector<EventQuestion> EventRepository::questions(std::int64_t event_id) {
  return guarded("读取提问失败", [&] {
    Lease lease(db_);
    return load_questions(lease, "event_id", event_id);
  });
}

std::optional<EventQuestion> EventRepository::question(std::int64_t question_id) {
  return guarded("读取提问失败", [&]() -> std::optional<EventQuestion> {
    Lease lease(db_);
    auto v = load_questions(lease, "id", question_id);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

void EventRepository::set_question(const StoredEvent& e, std::int64_t question_id, domain::QuestionState state,
                                   const std::string& answer, const std::string& answered_by, std::int64_t now) {
  guarded("保存提问失败", [&] {
    Lease lease(db_);
    long long id = question_id, eid = e.id;
    std::string code = domain::to_code(state), at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "UPDATE event_questions SET state = :s, answer = :a, answered_by = :by, moderated_at = :at WHERE id "
                   "= :id AND event_id = :e",
        soci::use(code, "s"), soci::use(answer, "a"), soci::use(answered_by, "by"), soci::use(at, "at"),
        soci::use(id, "id"), soci::use(eid, "e");
  });
  changed(e);
}

std::optional<AskerContact> EventRepository::asker_contact(std::int64_t question_id) {
  return guarded("读取提问人失败", [&]() -> std::optional<AskerContact> {
    Lease lease(db_);
    long long id = question_id;
    std::string sealed;
    soci::indicator ind = soci::i_ok;
    lease.sql() << "SELECT sealed_contact FROM event_questions WHERE id = :id", soci::use(id, "id"),
        soci::into(sealed, ind);
    if (!lease.sql().got_data() || sealed.empty()) return std::nullopt;
    auto plain = key_.open(sealed);
    if (!plain) return std::nullopt;
    const auto nl = plain->find('\n');
    return AskerContact{plain->substr(0, nl), nl == std::string::npos ? std::string() : plain->substr(nl + 1)};
  });
}

std::int64_t EventRepository::add_photo(const StoredEvent& e, std::string_view bytes, const std::string& file_name,
                                        const std::string& media_type, const std::string& caption, std::int64_t now) {
  const auto id = guarded("保存图片失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long eid = e.id, out = 0;
    std::string sha = BlobStore::put(lease, bytes, media_type), at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "INSERT INTO event_photos (event_id, blob_sha256, file_name, media_type, caption, created_at) VALUES "
                   "(:e, :sha, :fn, :mt, :cap, :at) RETURNING id",
        soci::use(eid, "e"), soci::use(sha, "sha"), soci::use(file_name, "fn"), soci::use(media_type, "mt"),
        soci::use(caption, "cap"), soci::use(at, "at"), soci::into(out);
    tx.commit();
    return static_cast<std::int64_t>(out);
  });
  changed(e);
  return id;
}

std::vector<EventPhoto> EventRepository::photos(std::int64_t event_id) {
  return guarded("读取图片失败", [&] {
    std::vector<EventPhoto> out;
    Lease lease(db_);
    Binds b;
    long long id = 0;
    std::string sha, name, type, caption;
    soci::statement st(lease.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(sha));
    st.exchange(soci::into(name));
    st.exchange(soci::into(type));
    st.exchange(soci::into(caption));
    const std::string e = b.add(static_cast<long long>(event_id));
    b.apply(st);
    prepare_and_execute(st, "SELECT id, blob_sha256, file_name, media_type, caption FROM event_photos WHERE event_id = " +
                                e + " ORDER BY id");
    while (st.fetch()) out.push_back({static_cast<std::int64_t>(id), {sha, name, type}, caption});
    return out;
  });
}

void EventRepository::set_video(const StoredEvent& e, std::string_view bytes, const std::string& file_name,
                                const std::string& media_type, std::int64_t now) {
  guarded("保存视频失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long eid = e.id;
    std::string sha = BlobStore::put(lease, bytes, media_type), at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "UPDATE events SET video_sha256 = :sha, video_name = :fn, video_type = :mt, updated_at = :at WHERE "
                   "id = :e",
        soci::use(sha, "sha"), soci::use(file_name, "fn"), soci::use(media_type, "mt"), soci::use(at, "at"),
        soci::use(eid, "e");
    tx.commit();
  });
  changed(e);
}

void EventRepository::set_interpretation(const StoredEvent& e, std::int64_t policy_id, std::int64_t interpretation_id) {
  guarded("保存政策解读失败", [&] {
    Lease lease(db_);
    long long eid = e.id, p = policy_id, i = interpretation_id;
    lease.sql() << "UPDATE event_policies SET interpretation_document_id = :i WHERE event_id = :e AND document_id = :p",
        soci::use(i, "i"), soci::use(eid, "e"), soci::use(p, "p");
  });
  changed(e);
}

std::optional<std::int64_t> EventRepository::event_of_interpretation(std::int64_t document_id) {
  return guarded("读取活动失败", [&]() -> std::optional<std::int64_t> {
    Lease lease(db_);
    long long d = document_id, id = 0;
    lease.sql() << "SELECT event_id FROM event_policies WHERE interpretation_document_id = :d", soci::use(d, "d"),
        soci::into(id);
    if (!lease.sql().got_data()) return std::nullopt;
    return static_cast<std::int64_t>(id);
  });
}

std::vector<domain::PrincipalAppearance> EventRepository::principal_appearances(std::int64_t site_id) {
  return guarded("读取活动失败", [&] {
    std::vector<domain::PrincipalAppearance> out;
    Lease lease(db_);
    Binds b;
    long long dep = 0, eid = 0;
    std::string starts;
    soci::statement st(lease.sql());
    st.exchange(soci::into(dep));
    st.exchange(soci::into(starts));
    st.exchange(soci::into(eid));
    const std::string site = b.add(static_cast<long long>(site_id));
    b.apply(st);
    prepare_and_execute(st, "SELECT DISTINCT g.department_id, e.starts_at, e.id FROM event_guests g JOIN events e ON "
                            "e.id = g.event_id WHERE e.site_id = " + site + " AND e.state = 'ended' AND g.principal = 1 "
                            "AND g.department_id IS NOT NULL");
    while (st.fetch()) out.push_back({static_cast<std::int64_t>(dep), domain::unix_of_utc_iso(starts)});
    return out;
  });
}

}  // namespace zwgk::store
