// 政民互动 persistence: see letter_repository.hpp.
#include "modules/zmhd/store/letter_repository.hpp"

#include <algorithm>
#include <map>

#include "modules/zmhd/domain/letter_cache_tags.hpp"
#include "store/blob_store.hpp"
#include "store/database_impl.hpp"
#include "store/query_code.hpp"

namespace zwgk::store {

namespace {

using domain::Date;

Date must_date(const std::string& s) {
  auto d = Date::parse(s);
  if (!d) throw StoreError("数据库中的日期无效: " + s);
  return *d;
}

std::optional<Date> opt_date(const std::string& s, soci::indicator ind) {
  if (ind == soci::i_null || s.empty()) return std::nullopt;
  return must_date(s);
}

// The columns of letters (alias l), no personal data.
constexpr const char* kLetterColumns =
    "l.id, l.site_id, l.number, l.query_code_salt, l.query_code_hash, l.mailbox_id, l.channel, l.external_id, "
    "l.source_system, l.category, l.title, l.content, l.page_url, l.error_kind, l.consent_publish, l.received_on, "
    "l.state, l.accepted_on, l.rejection, l.merged_into, l.department_id, l.department, l.co_departments, "
    "l.extension_days, l.extension_reason, l.extension_on, l.extension_approved, l.round, l.round_started, "
    "l.draft_reply, l.reply, l.replied_on, l.rating, "
    "(SELECT count(*) FROM letter_publications p WHERE p.letter_id = l.id)";

struct LetterRow {
  long long id = 0, site_id = 0, mailbox_id = 0, source_system = 0, dep_id = 0, published = 0;
  int consent = 0, ext_days = 0, ext_approved = 0, round = 1;
  std::string number, salt, hash, channel, external_id, category, title, content, page_url, error_kind, received_on,
      state, accepted_on, rejection, merged_into, department, co_departments, ext_reason, ext_on, round_started,
      draft_reply, reply, replied_on, rating;
  soci::indicator mailbox_ind = soci::i_ok, source_ind = soci::i_ok, accepted_ind = soci::i_ok, dep_ind = soci::i_ok,
                  ext_on_ind = soci::i_ok, round_ind = soci::i_ok, replied_ind = soci::i_ok;

  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(site_id));
    st.exchange(soci::into(number));
    st.exchange(soci::into(salt));
    st.exchange(soci::into(hash));
    st.exchange(soci::into(mailbox_id, mailbox_ind));
    st.exchange(soci::into(channel));
    st.exchange(soci::into(external_id));
    st.exchange(soci::into(source_system, source_ind));
    st.exchange(soci::into(category));
    st.exchange(soci::into(title));
    st.exchange(soci::into(content));
    st.exchange(soci::into(page_url));
    st.exchange(soci::into(error_kind));
    st.exchange(soci::into(consent));
    st.exchange(soci::into(received_on));
    st.exchange(soci::into(state));
    st.exchange(soci::into(accepted_on, accepted_ind));
    st.exchange(soci::into(rejection));
    st.exchange(soci::into(merged_into));
    st.exchange(soci::into(dep_id, dep_ind));
    st.exchange(soci::into(department));
    st.exchange(soci::into(co_departments));
    st.exchange(soci::into(ext_days));
    st.exchange(soci::into(ext_reason));
    st.exchange(soci::into(ext_on, ext_on_ind));
    st.exchange(soci::into(ext_approved));
    st.exchange(soci::into(round));
    st.exchange(soci::into(round_started, round_ind));
    st.exchange(soci::into(draft_reply));
    st.exchange(soci::into(reply));
    st.exchange(soci::into(replied_on, replied_ind));
    st.exchange(soci::into(rating));
    st.exchange(soci::into(published));
  }

  StoredLetter value() const {
    StoredLetter s;
    s.id = id;
    s.site_id = site_id;
    s.mailbox_id = id_from(mailbox_id, mailbox_ind);
    s.title = title;
    s.content = content;
    s.page_url = page_url;
    s.error_kind = error_kind;
    s.external_id = external_id;
    s.source_system = id_from(source_system, source_ind);
    s.consent_publish = consent != 0;
    s.co_departments = co_departments;
    s.published = published != 0;
    auto& l = s.letter;
    l.number = number;
    l.category = domain::letter_category_from(category).value_or(domain::LetterCategory::Other);
    l.channel = domain::letter_channel_from(channel).value_or(domain::LetterChannel::Website);
    l.received_on = must_date(received_on);
    l.state = domain::letter_state_from(state).value_or(domain::LetterState::Received);
    l.accepted_on = opt_date(accepted_on, accepted_ind);
    l.rejection = domain::rejection_reason_from(rejection);
    l.merged_into = merged_into;
    l.department = department;
    l.department_id = id_from(dep_id, dep_ind);
    if (ext_days > 0) {
      if (auto on = opt_date(ext_on, ext_on_ind)) l.extension = domain::LetterExtension{ext_days, ext_reason, *on, ext_approved != 0};
    }
    l.round = round;
    l.round_started = opt_date(round_started, round_ind);
    l.draft_reply = draft_reply;
    l.reply = reply;
    l.replied_on = opt_date(replied_on, replied_ind);
    l.rating = domain::satisfaction_from(rating);
    return s;
  }
};

constexpr const char* kEventColumns =
    "e.letter_id, e.kind, e.happened_on, e.actor, e.department_id, e.department, e.reason, e.text, e.working_days";

struct EventRow {
  long long letter_id = 0, dep_id = 0;
  int working_days = 0;
  std::string kind, on, actor, department, reason, text;
  soci::indicator dep_ind = soci::i_ok;
  void into(soci::statement& st) {
    st.exchange(soci::into(letter_id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(on));
    st.exchange(soci::into(actor));
    st.exchange(soci::into(dep_id, dep_ind));
    st.exchange(soci::into(department));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(text));
    st.exchange(soci::into(working_days));
  }
  // The event's own fields are stored in the generic columns: reason holds the rejection
  // code, the merge target, the extension or return reason, the rating or the 督办 note.
  domain::LetterEvent value() const {
    domain::LetterEvent e{domain::letter_event_kind_from(kind).value_or(domain::LetterEventKind::Supervise),
                          must_date(on), actor};
    e.department = department;
    e.department_id = id_from(dep_id, dep_ind);
    e.text = text;
    e.working_days = working_days;
    switch (e.kind) {
      case domain::LetterEventKind::Reject: e.rejection = domain::rejection_reason_from(reason); break;
      case domain::LetterEventKind::Merge: e.merged_into = reason; break;
      case domain::LetterEventKind::Rate: e.satisfaction = domain::satisfaction_from(reason); break;
      default: e.reason = reason;
    }
    return e;
  }
};

std::string event_reason(const domain::LetterEvent& e) {
  switch (e.kind) {
    case domain::LetterEventKind::Reject: return e.rejection ? domain::to_code(*e.rejection) : "";
    case domain::LetterEventKind::Merge: return e.merged_into;
    case domain::LetterEventKind::Rate: return e.satisfaction ? domain::to_code(*e.satisfaction) : "";
    default: return e.reason;
  }
}

// Letters matching `where` (over alias l), with their history.
std::vector<StoredLetter> load(Lease& lease, const std::string& where, Binds& binds,
                               std::vector<std::pair<std::string, std::string>>* hashes = nullptr,
                               const std::string& order = " ORDER BY l.id", bool with_history = true) {
  std::vector<StoredLetter> out;
  std::map<long long, std::size_t> index;
  {
    soci::statement st(lease.sql());
    LetterRow row;
    row.into(st);
    binds.apply(st);
    prepare_and_execute(st, std::string("SELECT ") + kLetterColumns + " FROM letters l " + where + order);
    while (st.fetch()) {
      index[row.id] = out.size();
      out.push_back(row.value());
      if (hashes) hashes->push_back({row.salt, row.hash});
    }
  }
  if (out.empty() || !with_history) return out;
  std::string ids;
  for (const auto& [id, _] : index) ids += (ids.empty() ? "" : ",") + std::to_string(id);
  soci::statement st(lease.sql());
  EventRow row;
  row.into(st);
  prepare_and_execute(st, std::string("SELECT ") + kEventColumns + " FROM letter_events e WHERE e.letter_id IN (" + ids +
                              ") ORDER BY e.letter_id, e.seq");
  while (st.fetch()) out[index[row.letter_id]].letter.history.push_back(row.value());
  return out;
}

std::optional<StoredLetter> load_one(Lease& lease, const std::string& number,
                                     std::pair<std::string, std::string>* hash = nullptr) {
  Binds b;
  std::vector<std::pair<std::string, std::string>> hashes;
  auto rows = load(lease, "WHERE l.number = " + b.add(number), b, &hashes);
  if (rows.empty()) return std::nullopt;
  if (hash) *hash = hashes.front();
  return std::move(rows.front());
}

constexpr const char* kPublicationColumns =
    "l.number, p.site_id, p.mailbox_id, p.category, p.title, p.question, p.answer, p.department, p.accepted_on, "
    "p.replied_on, p.published_on, p.published_by";

struct PublicationRow {
  long long site_id = 0, mailbox_id = 0;
  soci::indicator mailbox_ind = soci::i_ok;
  std::string number, category, title, question, answer, department, accepted_on, replied_on, published_on,
      published_by;
  void into(soci::statement& st) {
    st.exchange(soci::into(number));
    st.exchange(soci::into(site_id));
    st.exchange(soci::into(mailbox_id, mailbox_ind));
    st.exchange(soci::into(category));
    st.exchange(soci::into(title));
    st.exchange(soci::into(question));
    st.exchange(soci::into(answer));
    st.exchange(soci::into(department));
    st.exchange(soci::into(accepted_on));
    st.exchange(soci::into(replied_on));
    st.exchange(soci::into(published_on));
    st.exchange(soci::into(published_by));
  }
  LetterPublication value() const {
    LetterPublication p;
    p.number = number;
    p.site_id = site_id;
    p.mailbox_id = id_from(mailbox_id, mailbox_ind);
    p.category = domain::letter_category_from(category).value_or(domain::LetterCategory::Other);
    p.title = title;
    p.question = question;
    p.answer = answer;
    p.department = department;
    p.accepted_on = must_date(accepted_on);
    p.replied_on = must_date(replied_on);
    p.published_on = must_date(published_on);
    p.published_by = published_by;
    return p;
  }
};

// A LIKE pattern matching `text` literally.
std::string like_pattern(const std::string& text) {
  std::string p = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

}  // namespace

RegisteredLetter LetterRepository::insert(std::int64_t site_id, std::optional<std::int64_t> mailbox_id,
                                          const domain::LetterSubmission& s, const domain::Letter& letter,
                                          std::optional<std::int64_t> source_system) {
  RegisteredLetter out;
  const QueryCode code = new_query_code();
  out.query_code = code.code;
  guarded("登记来信失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    auto& sql = lease.sql();
    int year = letter.received_on.year();
    long long serial = 0;
    sql << "INSERT INTO letter_counters (year, last_value) VALUES (:y, 1) "
           "ON CONFLICT (year) DO UPDATE SET last_value = letter_counters.last_value + 1 RETURNING last_value",
        soci::use(year, "y"), soci::into(serial);
    out.number = domain::format_letter_number(year, serial);
    long long site = site_id, id = 0;
    NullableId mailbox(mailbox_id), source(source_system);
    int consent = s.consent_publish ? 1 : 0;
    std::string channel = domain::to_code(letter.channel), category = domain::to_code(letter.category),
                received = letter.received_on.iso(), state = domain::to_code(letter.state), now = now_utc_iso();
    sql << "INSERT INTO letters (site_id, number, query_code_salt, query_code_hash, mailbox_id, channel, external_id, "
           "source_system, category, title, content, page_url, error_kind, consent_publish, received_on, state, "
           "created_at, updated_at) VALUES (:site, :num, :salt, :hash, :mb, :ch, :ext, :src, :cat, :title, :content, "
           ":url, :ek, :consent, :received, :state, :now, :now2) RETURNING id",
        soci::use(site, "site"), soci::use(out.number, "num"), soci::use(code.salt, "salt"),
        soci::use(code.hash, "hash"), soci::use(mailbox.value, mailbox.ind, "mb"), soci::use(channel, "ch"),
        soci::use(s.external_id, "ext"), soci::use(source.value, source.ind, "src"), soci::use(category, "cat"),
        soci::use(s.title, "title"), soci::use(s.content, "content"), soci::use(s.page_url, "url"),
        soci::use(s.error_kind, "ek"), soci::use(consent, "consent"), soci::use(received, "received"),
        soci::use(state, "state"), soci::use(now, "now"), soci::use(now, "now2"), soci::into(id);
    out.id = id;
    auto seal = [&](const std::string& v) { return v.empty() ? std::string() : key_.seal(v); };
    std::string name = seal(s.writer.name), phone = seal(s.writer.phone), email = seal(s.writer.email);
    sql << "INSERT INTO letter_writers (letter_id, name_sealed, phone_sealed, email_sealed) VALUES (:id, :n, :p, :e)",
        soci::use(id, "id"), soci::use(name, "n"), soci::use(phone, "p"), soci::use(email, "e");
    tx.commit();
  });
  return out;
}

LetterAttachment LetterRepository::add_attachment(std::int64_t letter_id, const std::string& file_name,
                                                  std::string_view data, const std::string& media_type) {
  LetterAttachment a;
  a.file_name = file_name;
  a.media_type = media_type;
  guarded("保存来信附件失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    a.sha256 = BlobStore::put(lease, data, media_type);
    long long lid = letter_id, id = 0;
    std::string now = now_utc_iso();
    lease.sql() << "INSERT INTO letter_attachments (letter_id, blob_sha256, file_name, media_type, created_at) "
                   "VALUES (:lid, :sha, :fn, :mt, :now) RETURNING id",
        soci::use(lid, "lid"), soci::use(a.sha256, "sha"), soci::use(a.file_name, "fn"), soci::use(a.media_type, "mt"),
        soci::use(now, "now"), soci::into(id);
    a.id = id;
    tx.commit();
  });
  return a;
}

std::optional<StoredLetter> LetterRepository::find(const std::string& number) {
  return guarded("读取来信失败", [&] {
    Lease lease(db_);
    return load_one(lease, number);
  });
}

std::optional<StoredLetter> LetterRepository::find_public(const std::string& number, const std::string& code) {
  return guarded("读取来信失败", [&]() -> std::optional<StoredLetter> {
    Lease lease(db_);
    std::pair<std::string, std::string> hash;
    auto found = load_one(lease, number, &hash);
    if (!query_code_matches(hash.first, hash.second, code, found.has_value())) return std::nullopt;
    return found;
  });
}

std::optional<StoredLetter> LetterRepository::find_external(std::int64_t source_system, const std::string& external_id) {
  return guarded("读取来信失败", [&]() -> std::optional<StoredLetter> {
    Lease lease(db_);
    Binds b;
    auto rows = load(lease,
                     "WHERE l.source_system = " + b.add(static_cast<long long>(source_system)) +
                         " AND l.external_id = " + b.add(external_id),
                     b);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  });
}

std::optional<domain::LetterWriter> LetterRepository::writer(std::int64_t letter_id) {
  return guarded("读取来信人信息失败", [&]() -> std::optional<domain::LetterWriter> {
    Lease lease(db_);
    long long id = letter_id;
    std::string n, p, e;
    lease.sql() << "SELECT name_sealed, phone_sealed, email_sealed FROM letter_writers WHERE letter_id = :id",
        soci::use(id, "id"), soci::into(n), soci::into(p), soci::into(e);
    if (!lease.sql().got_data()) return std::nullopt;
    auto open = [&](const std::string& v) {
      return v.empty() ? std::string() : key_.open(v).value_or("（无法解密：安装密钥已更换）");
    };
    return domain::LetterWriter{open(n), open(p), open(e)};
  });
}

std::optional<StoredLetter> LetterRepository::lock(const std::string& number) {
  return guarded("读取来信失败", [&] {
    Lease lease(db_);
    if (!lease.sqlite()) {
      std::string n = number;
      long long locked = 0;
      lease.sql() << "SELECT id FROM letters WHERE number = :n FOR UPDATE", soci::use(n, "n"), soci::into(locked);
    }
    return load_one(lease, number);
  });
}

void LetterRepository::append_event(std::int64_t letter_id, int seq, const domain::LetterEvent& e,
                                    const StoredLetter& after) {
  guarded("保存办理步骤失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    auto& sql = lease.sql();
    long long id = letter_id;
    {
      std::string kind = domain::to_code(e.kind), on = e.on.iso(), reason = event_reason(e), now = now_utc_iso();
      NullableId dep(e.department_id);
      int days = e.working_days;
      sql << "INSERT INTO letter_events (letter_id, seq, kind, happened_on, actor, department_id, department, reason, "
             "text, working_days, recorded_at) VALUES (:id, :seq, :kind, :on, :actor, :dep_id, :dep, :reason, :text, "
             ":days, :now)",
          soci::use(id, "id"), soci::use(seq, "seq"), soci::use(kind, "kind"), soci::use(on, "on"),
          soci::use(e.actor, "actor"), soci::use(dep.value, dep.ind, "dep_id"), soci::use(e.department, "dep"),
          soci::use(reason, "reason"), soci::use(e.text, "text"), soci::use(days, "days"), soci::use(now, "now");
    }
    const auto& l = after.letter;
    std::string state = domain::to_code(l.state), rejection = l.rejection ? domain::to_code(*l.rejection) : "",
                rating = l.rating ? domain::to_code(*l.rating) : "", now = now_utc_iso(),
                ext_reason = l.extension ? l.extension->reason : "";
    NullableText accepted(l.accepted_on), round_started(l.round_started), replied(l.replied_on),
        ext_on(l.extension ? std::optional<Date>(l.extension->requested_on) : std::nullopt);
    NullableId dep(l.department_id);
    int ext_days = l.extension ? l.extension->working_days : 0, ext_approved = l.extension && l.extension->approved,
        round = l.round;
    sql << "UPDATE letters SET state = :state, accepted_on = :acc, rejection = :rej, merged_into = :merged, "
           "department_id = :dep_id, department = :dep, co_departments = :co, extension_days = :ed, "
           "extension_reason = :er, extension_on = :eo, extension_approved = :ea, round = :round, "
           "round_started = :rs, draft_reply = :draft, reply = :reply, replied_on = :replied, rating = :rating, "
           "updated_at = :now WHERE id = :id",
        soci::use(state, "state"), soci::use(accepted.value, accepted.ind, "acc"), soci::use(rejection, "rej"),
        soci::use(l.merged_into, "merged"), soci::use(dep.value, dep.ind, "dep_id"), soci::use(l.department, "dep"),
        soci::use(after.co_departments, "co"), soci::use(ext_days, "ed"), soci::use(ext_reason, "er"),
        soci::use(ext_on.value, ext_on.ind, "eo"), soci::use(ext_approved, "ea"), soci::use(round, "round"),
        soci::use(round_started.value, round_started.ind, "rs"), soci::use(l.draft_reply, "draft"),
        soci::use(l.reply, "reply"), soci::use(replied.value, replied.ind, "replied"), soci::use(rating, "rating"),
        soci::use(now, "now"), soci::use(id, "id");
    tx.commit();
  });
}

std::vector<LetterAttachment> LetterRepository::attachments(std::int64_t letter_id) {
  return guarded("读取来信附件失败", [&] {
    Lease lease(db_);
    std::vector<LetterAttachment> out;
    LetterAttachment a;
    long long id = 0, lid = letter_id;
    soci::statement st = (lease.sql().prepare << "SELECT id, file_name, media_type, blob_sha256 FROM letter_attachments "
                                                 "WHERE letter_id = :lid ORDER BY id",
                          soci::use(lid, "lid"), soci::into(id), soci::into(a.file_name), soci::into(a.media_type),
                          soci::into(a.sha256));
    st.execute();
    while (st.fetch()) {
      a.id = id;
      out.push_back(a);
    }
    return out;
  });
}

std::optional<std::pair<LetterAttachment, std::string>> LetterRepository::attachment_bytes(std::int64_t letter_id,
                                                                                          std::int64_t attachment_id) {
  std::optional<LetterAttachment> found;
  for (auto& a : attachments(letter_id))
    if (a.id == attachment_id) found = a;
  if (!found) return std::nullopt;
  auto blob = BlobStore(db_).get(found->sha256);
  if (!blob) return std::nullopt;
  return std::make_pair(*found, std::move(blob->data));
}

LetterPage LetterRepository::list(const LetterListQuery& q) {
  return guarded("读取来信失败", [&] {
    LetterPage page;
    page.per_page = std::clamp(q.per_page, 1, 200);
    page.page = std::max(q.page, 1);
    Lease lease(db_);
    Binds b;
    std::string where = "WHERE l.site_id = " + b.add(static_cast<long long>(q.site_id));
    if (q.state) where += " AND l.state = " + b.add(domain::to_code(*q.state));
    if (q.department_id) where += " AND l.department_id = " + b.add(static_cast<long long>(*q.department_id));
    if (q.open_only) {
      where += " AND l.state NOT IN (";
      bool first = true;
      for (auto s : {domain::LetterState::Rejected, domain::LetterState::Merged, domain::LetterState::Closed}) {
        where += (first ? "" : ", ") + b.add(domain::to_code(s));
        first = false;
      }
      where += ")";
    }
    {
      long long n = 0;
      soci::statement st(lease.sql());
      st.exchange(soci::into(n));
      b.apply(st);
      prepare_and_execute(st, "SELECT count(*) FROM letters l " + where);
      st.fetch();
      page.total = n;
    }
    const long long offset = static_cast<long long>(page.page - 1) * page.per_page;
    page.items = load(lease, where, b, nullptr,
                      " ORDER BY l.received_on DESC, l.id DESC LIMIT " + std::to_string(page.per_page) + " OFFSET " +
                          std::to_string(offset));
    return page;
  });
}

std::vector<StoredLetter> LetterRepository::for_statistics(std::int64_t site_id, Date from, Date to) {
  return guarded("读取来信统计失败", [&] {
    Lease lease(db_);
    Binds b;
    const std::string site = b.add(static_cast<long long>(site_id));
    const std::string f1 = b.add(from.iso()), t1 = b.add(to.iso()), f2 = b.add(from.iso()), t2 = b.add(to.iso());
    return load(lease,
                "WHERE l.site_id = " + site + " AND ((l.received_on BETWEEN " + f1 + " AND " + t1 +
                    ") OR (l.replied_on BETWEEN " + f2 + " AND " + t2 + "))",
                b, nullptr, " ORDER BY l.id", /*with_history=*/false);
  });
}

std::vector<StoredLetter> LetterRepository::open_letters(std::int64_t site_id) {
  return guarded("读取待办来信失败", [&] {
    Lease lease(db_);
    Binds b;
    std::string where = "WHERE l.state IN (";
    bool first = true;
    for (auto s : {domain::LetterState::Received, domain::LetterState::Accepted, domain::LetterState::Assigned,
                   domain::LetterState::ReplyPending, domain::LetterState::Replied}) {
      where += (first ? "" : ", ") + b.add(domain::to_code(s));
      first = false;
    }
    where += ")";
    if (site_id != 0) where += " AND l.site_id = " + b.add(static_cast<long long>(site_id));
    return load(lease, where, b);
  });
}

bool LetterRepository::mark_reminder(std::int64_t letter_id, const std::string& reminder, Date on) {
  return guarded("记录提醒失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = letter_id;
    std::string day = on.iso();
    soci::statement st = (lease.sql().prepare << "INSERT INTO letter_reminders (letter_id, reminder, written_on) "
                                                 "VALUES (:id, :r, :on) ON CONFLICT (letter_id, reminder) DO NOTHING",
                          soci::use(id, "id"), soci::use(reminder, "r"), soci::use(day, "on"));
    st.execute(true);
    const bool inserted = st.get_affected_rows() > 0;
    tx.commit();
    return inserted;
  });
}

void LetterRepository::publish(std::int64_t letter_id, const LetterPublication& p) {
  guarded("发布来信失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = letter_id, site = p.site_id;
    NullableId mailbox(p.mailbox_id);
    std::string category = domain::to_code(p.category), accepted = p.accepted_on.iso(), replied = p.replied_on.iso(),
                published = p.published_on.iso();
    lease.sql() << "DELETE FROM letter_publications WHERE letter_id = :id", soci::use(id, "id");
    lease.sql() << "INSERT INTO letter_publications (letter_id, site_id, mailbox_id, category, title, question, answer, "
                   "department, accepted_on, replied_on, published_on, published_by) VALUES (:id, :site, :mb, :cat, "
                   ":title, :q, :a, :dep, :acc, :rep, :pub, :by)",
        soci::use(id, "id"), soci::use(site, "site"), soci::use(mailbox.value, mailbox.ind, "mb"),
        soci::use(category, "cat"), soci::use(p.title, "title"), soci::use(p.question, "q"), soci::use(p.answer, "a"),
        soci::use(p.department, "dep"), soci::use(accepted, "acc"), soci::use(replied, "rep"),
        soci::use(published, "pub"), soci::use(p.published_by, "by");
    tx.commit();
  });
  db_.notify_changed({domain::tag_letters(p.site_id)});
}

void LetterRepository::unpublish(std::int64_t letter_id, std::int64_t site_id) {
  guarded("撤下来信失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = letter_id;
    lease.sql() << "DELETE FROM letter_publications WHERE letter_id = :id", soci::use(id, "id");
    tx.commit();
  });
  db_.notify_changed({domain::tag_letters(site_id)});
}

PublicationPage LetterRepository::publications(const PublicationQuery& q) {
  return guarded("读取信件选登失败", [&] {
    PublicationPage page;
    page.per_page = std::clamp(q.per_page, 1, 100);
    page.page = std::max(q.page, 1);
    Lease lease(db_);
    Binds b;
    std::string where = "WHERE p.site_id = " + b.add(static_cast<long long>(q.site_id));
    if (q.mailbox_id) where += " AND p.mailbox_id = " + b.add(static_cast<long long>(*q.mailbox_id));
    if (!q.text.empty()) {
      const std::string pat = like_pattern(q.text);
      where += " AND (p.title LIKE " + b.add(pat) + " ESCAPE '\\' OR p.question LIKE " + b.add(pat) +
               " ESCAPE '\\' OR p.answer LIKE " + b.add(pat) + " ESCAPE '\\')";
    }
    const std::string from = " FROM letter_publications p JOIN letters l ON l.id = p.letter_id ";
    {
      long long n = 0;
      soci::statement st(lease.sql());
      st.exchange(soci::into(n));
      b.apply(st);
      prepare_and_execute(st, "SELECT count(*)" + from + where);
      st.fetch();
      page.total = n;
    }
    soci::statement st(lease.sql());
    PublicationRow row;
    row.into(st);
    b.apply(st);
    const long long offset = static_cast<long long>(page.page - 1) * page.per_page;
    prepare_and_execute(st, std::string("SELECT ") + kPublicationColumns + from + where +
                                " ORDER BY p.replied_on DESC, p.letter_id DESC LIMIT " + std::to_string(page.per_page) +
                                " OFFSET " + std::to_string(offset));
    while (st.fetch()) page.items.push_back(row.value());
    return page;
  });
}

std::optional<LetterPublication> LetterRepository::publication(const std::string& number) {
  return guarded("读取信件选登失败", [&]() -> std::optional<LetterPublication> {
    Lease lease(db_);
    Binds b;
    soci::statement st(lease.sql());
    PublicationRow row;
    row.into(st);
    const std::string num = b.add(number);
    b.apply(st);
    prepare_and_execute(st, std::string("SELECT ") + kPublicationColumns +
                                " FROM letter_publications p JOIN letters l ON l.id = p.letter_id WHERE l.number = " +
                                num);
    if (!st.fetch()) return std::nullopt;
    return row.value();
  });
}

}  // namespace zwgk::store
