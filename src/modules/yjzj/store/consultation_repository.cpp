// See consultation_repository.hpp.
#include "modules/yjzj/store/consultation_repository.hpp"

#include "domain/china_time.hpp"
#include "modules/yjzj/domain/consultation_cache_tags.hpp"
#include "store/blob_store.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

std::string date_text(const std::optional<domain::Date>& d) { return d ? d->iso() : std::string(); }

const char* record_code(ConsultationRecord r) {
  switch (r) {
    case ConsultationRecord::Draft: return "draft";
    case ConsultationRecord::Published: return "published";
    case ConsultationRecord::Closed: return "closed";
    case ConsultationRecord::Feedback: return "feedback";
  }
  return "draft";
}

ConsultationRecord record_from(const std::string& s) {
  if (s == "published") return ConsultationRecord::Published;
  if (s == "closed") return ConsultationRecord::Closed;
  if (s == "feedback") return ConsultationRecord::Feedback;
  return ConsultationRecord::Draft;
}

constexpr const char* kColumns =
    "c.id, c.site_id, c.kind, c.title, c.department_id, COALESCE(d.name, ''), c.explanation, c.body_html, "
    "c.how_to_send, c.market_entities, c.starts_on, c.ends_on, c.short_period_reason, c.state, c.published_at, "
    "c.closed_at, c.feedback_received, c.feedback_adopted, c.feedback_partly, c.feedback_not_adopted, "
    "c.feedback_text, c.feedback_at, c.updated_at, "
    "(SELECT count(*) FROM consultation_opinions o WHERE o.consultation_id = c.id), "
    "(SELECT count(*) FROM consultation_opinions o WHERE o.consultation_id = c.id AND o.state = 'pending'), "
    "(SELECT count(*) FROM consultation_opinions o WHERE o.consultation_id = c.id AND o.state = 'published')";

std::vector<StoredConsultation> load(Lease& lease, const std::string& where, Binds& b) {
  std::vector<StoredConsultation> out;
  long long id = 0, site = 0, dep = 0, opinions = 0, pending = 0, published = 0;
  soci::indicator dep_ind = soci::i_ok;
  int market = 0, received = 0, adopted = 0, partly = 0, not_adopted = 0;
  std::string kind, title, dep_name, explanation, body, how, starts, ends, reason, state, published_at, closed_at,
      feedback_text, feedback_at, updated;
  soci::statement st(lease.sql());
  st.exchange(soci::into(id));
  st.exchange(soci::into(site));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(title));
  st.exchange(soci::into(dep, dep_ind));
  st.exchange(soci::into(dep_name));
  st.exchange(soci::into(explanation));
  st.exchange(soci::into(body));
  st.exchange(soci::into(how));
  st.exchange(soci::into(market));
  st.exchange(soci::into(starts));
  st.exchange(soci::into(ends));
  st.exchange(soci::into(reason));
  st.exchange(soci::into(state));
  st.exchange(soci::into(published_at));
  st.exchange(soci::into(closed_at));
  st.exchange(soci::into(received));
  st.exchange(soci::into(adopted));
  st.exchange(soci::into(partly));
  st.exchange(soci::into(not_adopted));
  st.exchange(soci::into(feedback_text));
  st.exchange(soci::into(feedback_at));
  st.exchange(soci::into(updated));
  st.exchange(soci::into(opinions));
  st.exchange(soci::into(pending));
  st.exchange(soci::into(published));
  b.apply(st);
  prepare_and_execute(st, std::string("SELECT ") + kColumns +
                              " FROM consultations c LEFT JOIN departments d ON d.id = c.department_id " + where);
  while (st.fetch()) {
    StoredConsultation c;
    c.id = id;
    c.site_id = site;
    c.draft.kind = domain::consultation_kind_from(kind).value_or(domain::ConsultationKind::Other);
    c.draft.title = title;
    c.draft.department_id = id_from(dep, dep_ind);
    c.department = dep_name;
    c.draft.explanation = explanation;
    c.draft.body_html = body;
    c.draft.how_to_send = how;
    c.draft.market_entities = market != 0;
    c.draft.starts_on = domain::Date::parse(starts);
    c.draft.ends_on = domain::Date::parse(ends);
    c.draft.short_period_reason = reason;
    c.record = record_from(state);
    c.published_at = domain::unix_of_utc_iso(published_at);
    c.closed_at = domain::unix_of_utc_iso(closed_at);
    c.feedback = {received, adopted, partly, not_adopted, feedback_text};
    c.feedback_at = domain::unix_of_utc_iso(feedback_at);
    c.updated_at = domain::unix_of_utc_iso(updated);
    c.opinions = static_cast<int>(opinions);
    c.pending_opinions = static_cast<int>(pending);
    c.published_opinions = static_cast<int>(published);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<StoredOpinion> load_opinions(Lease& lease, const std::string& column, long long value) {
  std::vector<StoredOpinion> out;
  Binds b;
  long long id = 0, cid = 0;
  std::string anchor, label, text, state, at;
  soci::statement st(lease.sql());
  st.exchange(soci::into(id));
  st.exchange(soci::into(cid));
  st.exchange(soci::into(anchor));
  st.exchange(soci::into(label));
  st.exchange(soci::into(text));
  st.exchange(soci::into(state));
  st.exchange(soci::into(at));
  const std::string v = b.add(value);
  b.apply(st);
  prepare_and_execute(st, "SELECT id, consultation_id, anchor, anchor_label, text, state, created_at FROM "
                          "consultation_opinions WHERE " + column + " = " + v + " ORDER BY id");
  while (st.fetch()) {
    StoredOpinion o;
    o.id = id;
    o.consultation_id = cid;
    o.anchor = anchor;
    o.anchor_label = label;
    o.text = text;
    o.state = domain::opinion_state_from(state).value_or(domain::OpinionState::Pending);
    o.created_at = domain::unix_of_utc_iso(at);
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < s.size()) {
    auto nl = s.find('\n', at);
    if (nl == std::string::npos) nl = s.size();
    out.push_back(s.substr(at, nl - at));
    at = nl + 1;
  }
  return out;
}

}  // namespace

std::string phone_digits(std::string_view phone) {
  std::string out;
  for (char ch : phone)
    if (ch >= '0' && ch <= '9') out += ch;
  return out;
}

domain::ConsultationPhase StoredConsultation::phase(domain::Date today) const {
  const auto start = draft.starts_on.value_or(today), end = draft.ends_on.value_or(today);
  return domain::phase_of(record != ConsultationRecord::Draft, record == ConsultationRecord::Feedback, start, end, today);
}

void ConsultationRepository::changed(const StoredConsultation& c) {
  db_.notify_changed({domain::tag_consultation(c.id), domain::tag_consultations(c.site_id)});
}

std::int64_t ConsultationRepository::create(std::int64_t site_id, const domain::ConsultationDraft& d, std::int64_t now) {
  const auto id = guarded("保存意见征集失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = site_id, out = 0;
    NullableId dep(d.department_id);
    int market = d.market_entities ? 1 : 0;
    std::string kind = domain::to_code(d.kind), starts = date_text(d.starts_on), ends = date_text(d.ends_on),
                at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "INSERT INTO consultations (site_id, kind, title, department_id, explanation, body_html, how_to_send, "
                   "market_entities, starts_on, ends_on, short_period_reason, state, created_at, updated_at) VALUES "
                   "(:site, :kind, :title, :dep, :ex, :body, :how, :market, :starts, :ends, :reason, 'draft', :now, "
                   ":now2) RETURNING id",
        soci::use(site, "site"), soci::use(kind, "kind"), soci::use(d.title, "title"),
        soci::use(dep.value, dep.ind, "dep"), soci::use(d.explanation, "ex"), soci::use(d.body_html, "body"),
        soci::use(d.how_to_send, "how"), soci::use(market, "market"), soci::use(starts, "starts"),
        soci::use(ends, "ends"), soci::use(d.short_period_reason, "reason"), soci::use(at, "now"),
        soci::use(at, "now2"), soci::into(out);
    tx.commit();
    return static_cast<std::int64_t>(out);
  });
  db_.notify_changed({domain::tag_consultations(site_id)});
  return id;
}

void ConsultationRepository::update(const StoredConsultation& c, const domain::ConsultationDraft& d, std::int64_t now) {
  guarded("保存意见征集失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = c.id;
    NullableId dep(d.department_id);
    int market = d.market_entities ? 1 : 0;
    std::string kind = domain::to_code(d.kind), starts = date_text(d.starts_on), ends = date_text(d.ends_on),
                at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "UPDATE consultations SET kind = :kind, title = :title, department_id = :dep, explanation = :ex, "
                   "body_html = :body, how_to_send = :how, market_entities = :market, starts_on = :starts, ends_on = "
                   ":ends, short_period_reason = :reason, updated_at = :now WHERE id = :id",
        soci::use(kind, "kind"), soci::use(d.title, "title"), soci::use(dep.value, dep.ind, "dep"),
        soci::use(d.explanation, "ex"), soci::use(d.body_html, "body"), soci::use(d.how_to_send, "how"),
        soci::use(market, "market"), soci::use(starts, "starts"), soci::use(ends, "ends"),
        soci::use(d.short_period_reason, "reason"), soci::use(at, "now"), soci::use(id, "id");
    tx.commit();
  });
  changed(c);
}

std::optional<StoredConsultation> ConsultationRepository::find(std::int64_t id) {
  return guarded("读取意见征集失败", [&]() -> std::optional<StoredConsultation> {
    Lease lease(db_);
    Binds b;
    auto v = load(lease, "WHERE c.id = " + b.add(static_cast<long long>(id)), b);
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
  });
}

std::vector<StoredConsultation> ConsultationRepository::list(std::int64_t site_id, bool public_only) {
  return guarded("读取意见征集失败", [&] {
    Lease lease(db_);
    Binds b;
    return load(lease,
                "WHERE c.site_id = " + b.add(static_cast<long long>(site_id)) +
                    (public_only ? " AND c.state <> 'draft'" : "") + " ORDER BY c.ends_on DESC, c.id DESC",
                b);
  });
}

void ConsultationRepository::set_record(const StoredConsultation& c, ConsultationRecord to, std::int64_t now) {
  guarded("保存意见征集状态失败", [&] {
    Lease lease(db_);
    long long id = c.id;
    std::string code = record_code(to), at = domain::to_utc_iso_of_unix(now);
    const char* column = to == ConsultationRecord::Published ? "published_at"
                         : to == ConsultationRecord::Closed  ? "closed_at"
                                                             : "updated_at";
    lease.sql() << std::string("UPDATE consultations SET state = :s, ") + column + " = :at, updated_at = :now WHERE id = :id",
        soci::use(code, "s"), soci::use(at, "at"), soci::use(at, "now"), soci::use(id, "id");
  });
  changed(c);
}

std::vector<StoredConsultation> ConsultationRepository::ended_unclosed(domain::Date today) {
  return guarded("读取意见征集失败", [&] {
    Lease lease(db_);
    Binds b;
    return load(lease, "WHERE c.state = 'published' AND c.ends_on < " + b.add(today.iso()) + " ORDER BY c.id", b);
  });
}

void ConsultationRepository::set_feedback(const StoredConsultation& c, const domain::ConsultationFeedback& f,
                                          std::int64_t now) {
  guarded("保存意见反馈失败", [&] {
    Lease lease(db_);
    long long id = c.id;
    int received = f.received, adopted = f.adopted, partly = f.partly_adopted, not_adopted = f.not_adopted;
    std::string at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "UPDATE consultations SET state = 'feedback', feedback_received = :r, feedback_adopted = :a, "
                   "feedback_partly = :p, feedback_not_adopted = :n, feedback_text = :t, feedback_at = CASE WHEN "
                   "feedback_at = '' THEN :at ELSE feedback_at END, updated_at = :now WHERE id = :id",
        soci::use(received, "r"), soci::use(adopted, "a"), soci::use(partly, "p"), soci::use(not_adopted, "n"),
        soci::use(f.text, "t"), soci::use(at, "at"), soci::use(at, "now"), soci::use(id, "id");
  });
  changed(c);
}

std::int64_t ConsultationRepository::add_attachment(const StoredConsultation& c, std::string_view bytes,
                                                    const std::string& file_name, const std::string& media_type,
                                                    std::int64_t now) {
  const auto id = guarded("保存附件失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long cid = c.id, out = 0;
    std::string sha = BlobStore::put(lease, bytes, media_type), at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "INSERT INTO consultation_attachments (consultation_id, blob_sha256, file_name, media_type, "
                   "created_at) VALUES (:c, :sha, :fn, :mt, :at) RETURNING id",
        soci::use(cid, "c"), soci::use(sha, "sha"), soci::use(file_name, "fn"), soci::use(media_type, "mt"),
        soci::use(at, "at"), soci::into(out);
    tx.commit();
    return static_cast<std::int64_t>(out);
  });
  changed(c);
  return id;
}

void ConsultationRepository::delete_attachment(const StoredConsultation& c, std::int64_t attachment_id) {
  guarded("删除附件失败", [&] {
    Lease lease(db_);
    long long cid = c.id, id = attachment_id;
    lease.sql() << "DELETE FROM consultation_attachments WHERE id = :id AND consultation_id = :c", soci::use(id, "id"),
        soci::use(cid, "c");
  });
  changed(c);
}

std::vector<ConsultationAttachment> ConsultationRepository::attachments(std::int64_t consultation_id) {
  return guarded("读取附件失败", [&] {
    std::vector<ConsultationAttachment> out;
    Lease lease(db_);
    Binds b;
    long long id = 0;
    std::string sha, name, type;
    soci::statement st(lease.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(sha));
    st.exchange(soci::into(name));
    st.exchange(soci::into(type));
    const std::string c = b.add(static_cast<long long>(consultation_id));
    b.apply(st);
    prepare_and_execute(st, "SELECT id, blob_sha256, file_name, media_type FROM consultation_attachments WHERE "
                            "consultation_id = " + c + " ORDER BY id");
    while (st.fetch()) out.push_back({static_cast<std::int64_t>(id), sha, name, type});
    return out;
  });
}

std::int64_t ConsultationRepository::add_opinion(const StoredConsultation& c, const domain::OpinionInput& o,
                                                 const std::string& anchor_label, std::int64_t now) {
  const auto id = guarded("保存意见失败", [&] {
    Lease lease(db_);
    long long cid = c.id, out = 0;
    std::string sealed = key_.seal(o.name + "\n" + o.phone), digest = key_.digest(phone_digits(o.phone)),
                at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "INSERT INTO consultation_opinions (consultation_id, anchor, anchor_label, text, sealed_contact, "
                   "phone_digest, state, created_at) VALUES (:c, :an, :al, :tx, :sc, :pd, 'pending', :at) RETURNING id",
        soci::use(cid, "c"), soci::use(o.anchor, "an"), soci::use(anchor_label, "al"), soci::use(o.text, "tx"),
        soci::use(sealed, "sc"), soci::use(digest, "pd"), soci::use(at, "at"), soci::into(out);
    return static_cast<std::int64_t>(out);
  });
  changed(c);
  return id;
}

int ConsultationRepository::opinions_by_phone(std::int64_t consultation_id, const std::string& phone) {
  return guarded("读取意见失败", [&] {
    Lease lease(db_);
    long long cid = consultation_id, n = 0;
    const std::string digest = key_.digest(phone_digits(phone));
    lease.sql() << "SELECT count(*) FROM consultation_opinions WHERE consultation_id = :c AND phone_digest = :d",
        soci::use(cid, "c"), soci::use(digest, "d"), soci::into(n);
    return static_cast<int>(n);
  });
}

std::vector<StoredOpinion> ConsultationRepository::opinions(std::int64_t consultation_id) {
  return guarded("读取意见失败", [&] {
    Lease lease(db_);
    return load_opinions(lease, "consultation_id", consultation_id);
  });
}

std::optional<StoredOpinion> ConsultationRepository::opinion(std::int64_t opinion_id) {
  return guarded("读取意见失败", [&]() -> std::optional<StoredOpinion> {
    Lease lease(db_);
    auto v = load_opinions(lease, "id", opinion_id);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

void ConsultationRepository::set_opinion_state(const StoredConsultation& c, std::int64_t opinion_id,
                                               domain::OpinionState to, std::int64_t now) {
  guarded("保存意见失败", [&] {
    Lease lease(db_);
    long long id = opinion_id, cid = c.id;
    std::string code = domain::to_code(to), at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "UPDATE consultation_opinions SET state = :s, moderated_at = :at WHERE id = :id AND consultation_id "
                   "= :c",
        soci::use(code, "s"), soci::use(at, "at"), soci::use(id, "id"), soci::use(cid, "c");
  });
  changed(c);
}

std::optional<WriterContact> ConsultationRepository::writer_contact(std::int64_t opinion_id) {
  return guarded("读取意见人失败", [&]() -> std::optional<WriterContact> {
    Lease lease(db_);
    long long id = opinion_id;
    std::string sealed;
    soci::indicator ind = soci::i_ok;
    lease.sql() << "SELECT sealed_contact FROM consultation_opinions WHERE id = :id", soci::use(id, "id"),
        soci::into(sealed, ind);
    if (!lease.sql().got_data() || sealed.empty()) return std::nullopt;
    auto plain = key_.open(sealed);
    if (!plain) return std::nullopt;
    const auto nl = plain->find('\n');
    return WriterContact{plain->substr(0, nl), nl == std::string::npos ? std::string() : plain->substr(nl + 1)};
  });
}

void ConsultationRepository::set_questions(const StoredConsultation& c, const std::vector<domain::SurveyQuestion>& qs) {
  guarded("保存调查问卷失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long cid = c.id;
    lease.sql() << "DELETE FROM consultation_questions WHERE consultation_id = :c", soci::use(cid, "c");
    int position = 0;
    for (const auto& q : qs) {
      std::string kind = domain::to_code(q.kind), options;
      for (const auto& o : q.options) options += o + "\n";
      lease.sql() << "INSERT INTO consultation_questions (consultation_id, position, kind, text, options) VALUES (:c, "
                     ":pos, :k, :t, :o)",
          soci::use(cid, "c"), soci::use(position, "pos"), soci::use(kind, "k"), soci::use(q.text, "t"),
          soci::use(options, "o");
      ++position;
    }
    tx.commit();
  });
  changed(c);
}

std::vector<domain::SurveyQuestion> ConsultationRepository::questions(std::int64_t consultation_id) {
  return guarded("读取调查问卷失败", [&] {
    std::vector<domain::SurveyQuestion> out;
    Lease lease(db_);
    Binds b;
    long long id = 0;
    std::string kind, text, options;
    soci::statement st(lease.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(text));
    st.exchange(soci::into(options));
    const std::string c = b.add(static_cast<long long>(consultation_id));
    b.apply(st);
    prepare_and_execute(st, "SELECT id, kind, text, options FROM consultation_questions WHERE consultation_id = " + c +
                                " ORDER BY position, id");
    while (st.fetch()) {
      domain::SurveyQuestion q;
      q.id = id;
      q.kind = domain::survey_question_kind_from(kind).value_or(domain::SurveyQuestionKind::Text);
      q.text = text;
      q.options = split_lines(options);
      out.push_back(std::move(q));
    }
    return out;
  });
}

int ConsultationRepository::response_count(std::int64_t consultation_id) {
  return guarded("读取调查问卷失败", [&] {
    Lease lease(db_);
    long long cid = consultation_id, n = 0;
    lease.sql() << "SELECT count(*) FROM consultation_responses WHERE consultation_id = :c", soci::use(cid, "c"),
        soci::into(n);
    return static_cast<int>(n);
  });
}

std::int64_t ConsultationRepository::add_response(const StoredConsultation& c, const std::vector<domain::SurveyAnswer>& answers,
                                                  std::int64_t now) {
  const auto id = guarded("保存问卷回答失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long cid = c.id, rid = 0;
    std::string at = domain::to_utc_iso_of_unix(now);
    lease.sql() << "INSERT INTO consultation_responses (consultation_id, created_at) VALUES (:c, :at) RETURNING id",
        soci::use(cid, "c"), soci::use(at, "at"), soci::into(rid);
    for (const auto& a : answers) {
      long long qid = a.question_id;
      if (!a.choices.empty()) {
        for (int choice : a.choices) {
          std::string empty;
          lease.sql() << "INSERT INTO consultation_answers (response_id, question_id, choice, text) VALUES (:r, :q, "
                         ":ch, :t)",
              soci::use(rid, "r"), soci::use(qid, "q"), soci::use(choice, "ch"), soci::use(empty, "t");
        }
      } else if (a.text.find_first_not_of(" \t\r\n") != std::string::npos) {
        int none = -1;
        lease.sql() << "INSERT INTO consultation_answers (response_id, question_id, choice, text) VALUES (:r, :q, :ch, "
                       ":t)",
            soci::use(rid, "r"), soci::use(qid, "q"), soci::use(none, "ch"), soci::use(a.text, "t");
      }
    }
    tx.commit();
    return static_cast<std::int64_t>(rid);
  });
  changed(c);
  return id;
}

std::vector<std::vector<domain::SurveyAnswer>> ConsultationRepository::responses(std::int64_t consultation_id) {
  return guarded("读取问卷回答失败", [&] {
    std::vector<std::vector<domain::SurveyAnswer>> out;
    Lease lease(db_);
    Binds b;
    long long rid = 0, qid = 0, last_rid = -1;
    int choice = -1;
    std::string text;
    soci::statement st(lease.sql());
    st.exchange(soci::into(rid));
    st.exchange(soci::into(qid));
    st.exchange(soci::into(choice));
    st.exchange(soci::into(text));
    const std::string c = b.add(static_cast<long long>(consultation_id));
    b.apply(st);
    prepare_and_execute(st, "SELECT a.response_id, a.question_id, a.choice, a.text FROM consultation_answers a JOIN "
                            "consultation_responses r ON r.id = a.response_id WHERE r.consultation_id = " + c +
                                " ORDER BY a.response_id, a.question_id");
    while (st.fetch()) {
      if (rid != last_rid) {
        out.emplace_back();
        last_rid = rid;
      }
      auto& r = out.back();
      if (r.empty() || r.back().question_id != qid) r.push_back({static_cast<std::int64_t>(qid), {}, {}});
      if (choice >= 0) r.back().choices.push_back(choice);
      else r.back().text = text;
    }
    return out;
  });
}

domain::ConsultationSettings ConsultationRepository::settings(std::int64_t site_id) {
  return guarded("读取意见征集设置失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string periods;
    int feedback = 20, per_phone = 5;
    lease.sql() << "SELECT periods, feedback_working_days, opinions_per_phone FROM consultation_settings WHERE site_id "
                   "= :site",
        soci::use(site, "site"), soci::into(periods), soci::into(feedback), soci::into(per_phone);
    auto s = domain::default_consultation_settings();
    if (!lease.sql().got_data()) return s;
    domain::parse_periods(periods, s);  // a malformed row keeps the defaults it does not name
    s.feedback_working_days = feedback;
    s.opinions_per_phone = per_phone;
    return s;
  });
}

void ConsultationRepository::save_settings(std::int64_t site_id, const domain::ConsultationSettings& s) {
  guarded("保存意见征集设置失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string periods = domain::format_periods(s);
    int feedback = s.feedback_working_days, per_phone = s.opinions_per_phone;
    lease.sql() << "INSERT INTO consultation_settings (site_id, periods, feedback_working_days, opinions_per_phone) "
                   "VALUES (:site, :p, :f, :n) ON CONFLICT (site_id) DO UPDATE SET periods = excluded.periods, "
                   "feedback_working_days = excluded.feedback_working_days, opinions_per_phone = "
                   "excluded.opinions_per_phone",
        soci::use(site, "site"), soci::use(periods, "p"), soci::use(feedback, "f"), soci::use(per_phone, "n");
  });
  db_.notify_changed({domain::tag_consultations(site_id)});
}

}  // namespace zwgk::store
