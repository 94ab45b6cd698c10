// 依申请公开 persistence: see disclosure_request_repository.hpp.
#include "modules/ysqgk/store/disclosure_request_repository.hpp"

#include <sodium.h>

#include <algorithm>

#include "modules/ysqgk/domain/request_codes.hpp"
#include "domain/tracking_number.hpp"
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

// The public columns of disclosure_requests (no personal data).
constexpr const char* kRequestColumns =
    "r.id, r.site_id, r.tracking_number, r.channel, r.received_on, r.applicant_kind, r.organisation_kind, "
    "r.description, r.doc_number, r.medium, r.delivery, r.query_code_salt, r.query_code_hash";

struct RequestRow {
  long long id = 0, site_id = 0;
  std::string tracking, channel, received_on, applicant_kind, org_kind, description, doc_number, medium, delivery, salt,
      hash;
  soci::indicator doc_ind = soci::i_ok;
  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(site_id));
    st.exchange(soci::into(tracking));
    st.exchange(soci::into(channel));
    st.exchange(soci::into(received_on));
    st.exchange(soci::into(applicant_kind));
    st.exchange(soci::into(org_kind));
    st.exchange(soci::into(description));
    st.exchange(soci::into(doc_number, doc_ind));
    st.exchange(soci::into(medium));
    st.exchange(soci::into(delivery));
    st.exchange(soci::into(salt));
    st.exchange(soci::into(hash));
  }
  StoredRequest value() const {
    StoredRequest s;
    s.id = id;
    s.site_id = site_id;
    auto& r = s.request;
    r.tracking_number = tracking;
    r.channel = domain::request_channel_from(channel).value_or(domain::RequestChannel::Online);
    r.received_on = must_date(received_on);
    r.applicant.kind = domain::applicant_kind_from(applicant_kind).value_or(domain::ApplicantKind::NaturalPerson);
    r.applicant.organisation.kind = domain::organisation_kind_from(org_kind).value_or(domain::OrganisationKind::Other);
    r.description = description;
    r.doc_number = doc_ind == soci::i_null ? "" : doc_number;
    r.medium = domain::medium_wanted_from(medium).value_or(domain::MediumWanted::Electronic);
    r.delivery = domain::delivery_method_from(delivery).value_or(domain::DeliveryMethod::Online);
    return s;
  }
};

constexpr const char* kEventColumns =
    "e.request_id, e.kind, e.happened_on, e.actor, e.correction_due_on, e.department, e.third_party, "
    "e.extension_working_days, e.approver, e.applicant_notified, e.outcome, e.legal_basis, e.note, e.department_id";

struct EventRow {
  long long request_id = 0;
  int ext = 0, notified = 0;
  std::string kind, on, actor, due, department, third_party, approver, outcome, legal_basis, note;
  soci::indicator due_ind = soci::i_null, dep_ind = soci::i_null;
  long long department_id = 0;
  void into(soci::statement& st) {
    st.exchange(soci::into(request_id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(on));
    st.exchange(soci::into(actor));
    st.exchange(soci::into(due, due_ind));
    st.exchange(soci::into(department));
    st.exchange(soci::into(third_party));
    st.exchange(soci::into(ext));
    st.exchange(soci::into(approver));
    st.exchange(soci::into(notified));
    st.exchange(soci::into(outcome));
    st.exchange(soci::into(legal_basis));
    st.exchange(soci::into(note));
    st.exchange(soci::into(department_id, dep_ind));
  }
  domain::RequestEvent value() const {
    auto k = domain::request_event_kind_from(kind);
    if (!k) throw StoreError("数据库中的办理步骤无效: " + kind);
    domain::RequestEvent e{*k, must_date(on), actor};
    if (due_ind == soci::i_ok) e.correction_due_on = must_date(due);
    e.department = department;
    if (dep_ind == soci::i_ok) e.department_id = department_id;
    e.third_party = third_party;
    e.extension_working_days = ext;
    e.approver = approver;
    e.applicant_notified = notified != 0;
    if (!outcome.empty()) e.outcome = domain::reply_outcome_from_code(outcome);
    e.legal_basis = legal_basis;
    e.note = note;
    return e;
  }
};

// Requests matching `where` (over alias r), with their events replayed.
std::vector<StoredRequest> load(Lease& lease, const std::string& where, Binds& binds,
                                std::vector<std::pair<std::string, std::string>>* hashes = nullptr,
                                const std::string& order = " ORDER BY r.id") {
  std::vector<StoredRequest> out;
  std::map<long long, std::size_t> index;
  {
    soci::statement st(lease.sql());
    RequestRow row;
    row.into(st);
    binds.apply(st);
    prepare_and_execute(st, std::string("SELECT ") + kRequestColumns + " FROM disclosure_requests r " + where + order);
    while (st.fetch()) {
      index[row.id] = out.size();
      out.push_back(row.value());
      if (hashes) hashes->push_back({row.salt, row.hash});
    }
  }
  if (out.empty()) return out;
  std::string ids;
  for (const auto& [id, _] : index) ids += (ids.empty() ? "" : ",") + std::to_string(id);
  std::map<long long, std::vector<domain::RequestEvent>> events;
  {
    soci::statement st(lease.sql());
    EventRow row;
    row.into(st);
    prepare_and_execute(st, std::string("SELECT ") + kEventColumns + " FROM request_events e WHERE e.request_id IN (" +
                                ids + ") ORDER BY e.request_id, e.seq");
    while (st.fetch()) events[row.request_id].push_back(row.value());
  }
  for (auto& [id, list] : events) domain::replay_events(out[index[id]].request, list);
  return out;
}

std::optional<StoredRequest> load_one(Lease& lease, const std::string& tracking,
                                      std::pair<std::string, std::string>* hash = nullptr) {
  Binds b;
  std::vector<std::pair<std::string, std::string>> hashes;
  auto rows = load(lease, "WHERE r.tracking_number = " + b.add(tracking), b, &hashes);
  if (rows.empty()) return std::nullopt;
  if (hash) *hash = hashes.front();
  return std::move(rows.front());
}

void insert_event(soci::session& sql, long long request_id, int seq, const domain::RequestEvent& e) {
  std::string kind = domain::to_code(e.kind), on = e.on.iso(), now = now_utc_iso();
  NullableText due(e.correction_due_on);
  int ext = e.extension_working_days, notified = e.applicant_notified ? 1 : 0;
  std::string outcome = e.outcome ? domain::to_code(*e.outcome) : "";
  long long dep_id = e.department_id.value_or(0);
  soci::indicator dep_ind = e.department_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO request_events (request_id, seq, kind, happened_on, actor, correction_due_on, department, "
         "third_party, extension_working_days, approver, applicant_notified, outcome, legal_basis, note, recorded_at, "
         "department_id) VALUES (:rid, :seq, :kind, :on, :actor, :due, :dep, :tp, :ext, :appr, :notified, :outcome, "
         ":basis, :note, :now, :dep_id)",
      soci::use(request_id, "rid"), soci::use(seq, "seq"), soci::use(kind, "kind"), soci::use(on, "on"),
      soci::use(e.actor, "actor"), soci::use(due.value, due.ind, "due"), soci::use(e.department, "dep"),
      soci::use(e.third_party, "tp"), soci::use(ext, "ext"), soci::use(e.approver, "appr"),
      soci::use(notified, "notified"), soci::use(outcome, "outcome"), soci::use(e.legal_basis, "basis"),
      soci::use(e.note, "note"), soci::use(now, "now"), soci::use(dep_id, dep_ind, "dep_id");
}

std::string tail4(const std::string& s) { return s.size() <= 4 ? s : s.substr(s.size() - 4); }

}  // namespace

RegisteredRequest DisclosureRequestRepository::insert(std::int64_t site_id, const domain::DisclosureRequest& r) {
  RegisteredRequest out;
  const QueryCode code = new_query_code();
  out.query_code = code.code;
  const std::string& salt = code.salt;
  const std::string& hash = code.hash;
  guarded("登记政府信息公开申请失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    auto& sql = lease.sql();
    int year = r.received_on.year();
    long long serial = 0;
    sql << "INSERT INTO request_counters (year, last_value) VALUES (:y, 1) "
           "ON CONFLICT (year) DO UPDATE SET last_value = request_counters.last_value + 1 RETURNING last_value",
        soci::use(year, "y"), soci::into(serial);
    out.tracking_number = domain::format_tracking_number(year, serial);
    long long site = site_id, id = 0;
    std::string channel = domain::to_code(r.channel), received = r.received_on.iso(),
                akind = domain::to_code(r.applicant.kind),
                okind = r.applicant.kind == domain::ApplicantKind::Organisation
                            ? domain::to_code(r.applicant.organisation.kind)
                            : "",
                medium = domain::to_code(r.medium), delivery = domain::to_code(r.delivery),
                state = domain::to_code(domain::RequestState::Received), now = now_utc_iso();
    sql << "INSERT INTO disclosure_requests (site_id, tracking_number, query_code_salt, query_code_hash, channel, "
           "received_on, applicant_kind, organisation_kind, description, doc_number, medium, delivery, state, "
           "created_at, updated_at) VALUES (:site, :tn, :salt, :hash, :channel, :received, :akind, :okind, :descr, "
           ":docno, :medium, :delivery, :state, :now, :now2) RETURNING id",
        soci::use(site, "site"), soci::use(out.tracking_number, "tn"), soci::use(salt, "salt"),
        soci::use(hash, "hash"), soci::use(channel, "channel"), soci::use(received, "received"),
        soci::use(akind, "akind"), soci::use(okind, "okind"), soci::use(r.description, "descr"),
        soci::use(r.doc_number, "docno"), soci::use(medium, "medium"), soci::use(delivery, "delivery"),
        soci::use(state, "state"), soci::use(now, "now"), soci::use(now, "now2"), soci::into(id);
    out.id = id;
    const auto& a = r.applicant;
    const bool person = a.kind == domain::ApplicantKind::NaturalPerson;
    std::string name = person ? a.person.name : a.organisation.name;
    std::string id_type = person ? domain::to_code(a.person.id_type) : "";
    std::string sealed = person ? key_.seal(a.person.id_number) : "";
    std::string tail = person ? tail4(a.person.id_number) : "";
    std::string work_unit = person ? a.person.work_unit : "";
    std::string credit = person ? "" : a.organisation.credit_code;
    std::string legal_rep = person ? "" : a.organisation.legal_representative;
    std::string contact = person ? "" : a.organisation.contact_person;
    std::string phone = person ? a.person.phone : a.organisation.contact_phone;
    std::string email = person ? a.person.email : a.organisation.contact_email;
    std::string address = person ? a.person.address : a.organisation.address;
    std::string postcode = person ? a.person.postcode : a.organisation.postcode;
    sql << "INSERT INTO request_applicants (request_id, name, id_type, id_number_sealed, id_number_tail, work_unit, "
           "credit_code, legal_representative, contact_person, phone, email, address, postcode) VALUES (:rid, :name, "
           ":idt, :sealed, :tail, :wu, :cc, :lr, :cp, :phone, :email, :addr, :pc)",
        soci::use(id, "rid"), soci::use(name, "name"), soci::use(id_type, "idt"), soci::use(sealed, "sealed"),
        soci::use(tail, "tail"), soci::use(work_unit, "wu"), soci::use(credit, "cc"), soci::use(legal_rep, "lr"),
        soci::use(contact, "cp"), soci::use(phone, "phone"), soci::use(email, "email"), soci::use(address, "addr"),
        soci::use(postcode, "pc");
    tx.commit();
  });
  return out;
}

std::optional<StoredRequest> DisclosureRequestRepository::find(const std::string& tracking) {
  return guarded("读取政府信息公开申请失败", [&] {
    Lease lease(db_);
    return load_one(lease, tracking);
  });
}

std::optional<StoredRequest> DisclosureRequestRepository::find_public(const std::string& tracking,
                                                                      const std::string& code) {
  return guarded("读取政府信息公开申请失败", [&]() -> std::optional<StoredRequest> {
    Lease lease(db_);
    std::pair<std::string, std::string> hash;
    auto found = load_one(lease, tracking, &hash);
    // Hashed even for an unknown number, so both answers take the same work.
    if (!query_code_matches(hash.first, hash.second, code, found.has_value())) return std::nullopt;
    return found;
  });
}

std::optional<StoredRequest> DisclosureRequestRepository::find_with_applicant(const std::string& tracking) {
  return guarded("读取政府信息公开申请失败", [&]() -> std::optional<StoredRequest> {
    Lease lease(db_);
    auto found = load_one(lease, tracking);
    if (!found) return std::nullopt;
    long long id = found->id;
    std::string name, idt, sealed, wu, cc, lr, cp, phone, email, addr, pc;
    lease.sql() << "SELECT name, id_type, id_number_sealed, work_unit, credit_code, legal_representative, "
                   "contact_person, phone, email, address, postcode FROM request_applicants WHERE request_id = :id",
        soci::use(id, "id"), soci::into(name), soci::into(idt), soci::into(sealed), soci::into(wu), soci::into(cc),
        soci::into(lr), soci::into(cp), soci::into(phone), soci::into(email), soci::into(addr), soci::into(pc);
    auto& a = found->request.applicant;
    if (a.kind == domain::ApplicantKind::NaturalPerson) {
      a.person = {name, domain::id_type_from(idt).value_or(domain::IdType::Other),
                  key_.open(sealed).value_or("（无法解密：安装密钥已更换）"), wu, addr, pc, phone, email};
    } else {
      a.organisation.name = name;
      a.organisation.credit_code = cc;
      a.organisation.legal_representative = lr;
      a.organisation.contact_person = cp;
      a.organisation.contact_phone = phone;
      a.organisation.contact_email = email;
      a.organisation.address = addr;
      a.organisation.postcode = pc;
    }
    return found;
  });
}

std::optional<StoredRequest> DisclosureRequestRepository::lock(const std::string& tracking) {
  return guarded("读取政府信息公开申请失败", [&] {
    Lease lease(db_);
    if (!lease.sqlite()) {
      std::string tn = tracking;
      long long locked = 0;
      lease.sql() << "SELECT id FROM disclosure_requests WHERE tracking_number = :tn FOR UPDATE", soci::use(tn, "tn"),
          soci::into(locked);
    }
    return load_one(lease, tracking);
  });
}

void DisclosureRequestRepository::append_event(std::int64_t request_id, int seq, const domain::RequestEvent& e,
                                               const domain::DisclosureRequest& r,
                                               const std::optional<ReplyLetter>& letter) {
  guarded("保存办理步骤失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    auto& sql = lease.sql();
    long long id = request_id;
    insert_event(sql, id, seq, e);
    std::string state = domain::to_code(r.state), outcome = r.outcome ? domain::to_code(*r.outcome) : "",
                now = now_utc_iso();
    NullableText closed(r.closed_on);
    long long dep_id = r.department_id.value_or(0);
    soci::indicator dep_ind = r.department_id ? soci::i_ok : soci::i_null;
    sql << "UPDATE disclosure_requests SET state = :state, department = :dep, department_id = :dep_id, "
           "outcome = :outcome, closed_on = :closed, updated_at = :now WHERE id = :id",
        soci::use(state, "state"), soci::use(r.department, "dep"), soci::use(dep_id, dep_ind, "dep_id"),
        soci::use(outcome, "outcome"), soci::use(closed.value, closed.ind, "closed"), soci::use(now, "now"),
        soci::use(id, "id");
    if (letter) {
      ReplyLetter l = *letter;
      sql << "INSERT INTO request_reply_letters (request_id, file_name, media_type, body, created_at) "
             "VALUES (:id, :fn, :mt, :body, :now)",
          soci::use(id, "id"), soci::use(l.file_name, "fn"), soci::use(l.media_type, "mt"), soci::use(l.body, "body"),
          soci::use(now, "now");
    }
    tx.commit();
  });
}

std::string DisclosureRequestRepository::replace_query_code(std::int64_t request_id) {
  const QueryCode code = new_query_code();
  guarded("更新查询码失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = request_id;
    std::string salt = code.salt, hash = code.hash, now = now_utc_iso();
    lease.sql() << "UPDATE disclosure_requests SET query_code_salt = :salt, query_code_hash = :hash, "
                   "updated_at = :now WHERE id = :id",
        soci::use(salt, "salt"), soci::use(hash, "hash"), soci::use(now, "now"), soci::use(id, "id");
    tx.commit();
  });
  return code.code;
}

std::optional<ReplyLetter> DisclosureRequestRepository::reply_letter(const std::string& tracking) {
  return guarded("读取答复书失败", [&]() -> std::optional<ReplyLetter> {
    Lease lease(db_);
    ReplyLetter l;
    std::string tn = tracking;
    lease.sql() << "SELECT l.file_name, l.media_type, l.body FROM request_reply_letters l JOIN disclosure_requests r "
                   "ON r.id = l.request_id WHERE r.tracking_number = :tn",
        soci::use(tn, "tn"), soci::into(l.file_name), soci::into(l.media_type), soci::into(l.body);
    if (!lease.sql().got_data()) return std::nullopt;
    return l;
  });
}

DisclosedFile DisclosureRequestRepository::insert_disclosed_file(std::int64_t request_id, const std::string& file_name,
                                                                 std::string_view data, const std::string& media_type) {
  DisclosedFile f;
  f.file_name = file_name;
  f.download_token = random_hex(24);
  guarded("保存公开的文件失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    f.sha256 = BlobStore::put(lease, data, media_type);  // with its row (blob_store.hpp invariant 1)
    long long rid = request_id, id = 0;
    std::string now = now_utc_iso();
    lease.sql() << "INSERT INTO request_files (request_id, blob_sha256, file_name, download_token, created_at) "
                   "VALUES (:rid, :sha, :fn, :tok, :now) RETURNING id",
        soci::use(rid, "rid"), soci::use(f.sha256, "sha"), soci::use(f.file_name, "fn"),
        soci::use(f.download_token, "tok"), soci::use(now, "now"), soci::into(id);
    f.id = id;
    tx.commit();
  });
  return f;
}

std::vector<DisclosedFile> DisclosureRequestRepository::disclosed_files(const std::string& tracking) {
  return guarded("读取公开的文件失败", [&] {
    Lease lease(db_);
    std::vector<DisclosedFile> out;
    DisclosedFile f;
    long long id = 0;
    std::string tn = tracking;
    soci::statement st = (lease.sql().prepare << "SELECT f.id, f.file_name, f.blob_sha256, f.download_token FROM "
                                                 "request_files f JOIN disclosure_requests r ON r.id = f.request_id "
                                                 "WHERE r.tracking_number = :tn ORDER BY f.id",
                          soci::use(tn, "tn"), soci::into(id), soci::into(f.file_name), soci::into(f.sha256),
                          soci::into(f.download_token));
    st.execute();
    while (st.fetch()) {
      f.id = id;
      out.push_back(f);
    }
    return out;
  });
}

std::optional<DisclosedFile> DisclosureRequestRepository::file_by_token(const std::string& token) {
  return guarded("读取公开的文件失败", [&]() -> std::optional<DisclosedFile> {
    Lease lease(db_);
    DisclosedFile f;
    long long id = 0;
    std::string t = token;
    lease.sql() << "SELECT id, file_name, blob_sha256, download_token FROM request_files WHERE download_token = :t",
        soci::use(t, "t"), soci::into(id), soci::into(f.file_name), soci::into(f.sha256), soci::into(f.download_token);
    if (!lease.sql().got_data()) return std::nullopt;
    f.id = id;
    return f;
  });
}

namespace {

constexpr const char* kReviewSelect =
    "SELECT v.id, r.tracking_number, v.kind, v.filed_on, v.outcome, v.decided_on, v.note FROM request_reviews v "
    "JOIN disclosure_requests r ON r.id = v.request_id ";

std::vector<domain::RequestReview> load_reviews(Lease& lease, const std::string& where, Binds& b) {
  std::vector<domain::RequestReview> out;
  soci::statement st(lease.sql());
  long long id = 0;
  std::string tn, kind, filed, outcome, decided, note;
  soci::indicator decided_ind = soci::i_null;
  st.exchange(soci::into(id));
  st.exchange(soci::into(tn));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(filed));
  st.exchange(soci::into(outcome));
  st.exchange(soci::into(decided, decided_ind));
  st.exchange(soci::into(note));
  b.apply(st);
  prepare_and_execute(st, kReviewSelect + where + " ORDER BY v.id");
  while (st.fetch()) {
    domain::RequestReview v;
    v.id = id;
    v.tracking_number = tn;
    v.kind = domain::review_kind_from(kind).value_or(domain::ReviewKind::Reconsideration);
    v.filed_on = must_date(filed);
    v.outcome = domain::review_outcome_from(outcome).value_or(domain::ReviewOutcome::Pending);
    if (decided_ind == soci::i_ok) v.decided_on = must_date(decided);
    v.note = note;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

domain::RequestReview DisclosureRequestRepository::insert_review(std::int64_t request_id,
                                                                 domain::RequestReview review) {
  guarded("保存行政复议、行政诉讼记录失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long rid = request_id, id = 0;
    std::string kind = domain::to_code(review.kind), filed = review.filed_on.iso(),
                outcome = domain::to_code(review.outcome), now = now_utc_iso();
    NullableText decided(review.decided_on);
    lease.sql() << "INSERT INTO request_reviews (request_id, kind, filed_on, outcome, decided_on, note, created_at) "
                   "VALUES (:rid, :kind, :filed, :outcome, :decided, :note, :now) RETURNING id",
        soci::use(rid, "rid"), soci::use(kind, "kind"), soci::use(filed, "filed"), soci::use(outcome, "outcome"),
        soci::use(decided.value, decided.ind, "decided"), soci::use(review.note, "note"), soci::use(now, "now"),
        soci::into(id);
    review.id = id;
    tx.commit();
  });
  return review;
}

void DisclosureRequestRepository::update_review(std::int64_t review_id, domain::ReviewOutcome outcome,
                                                std::optional<Date> decided_on) {
  guarded("保存行政复议、行政诉讼记录失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = review_id;
    std::string oc = domain::to_code(outcome);
    NullableText decided(decided_on);
    lease.sql() << "UPDATE request_reviews SET outcome = :oc, decided_on = :d WHERE id = :id", soci::use(oc, "oc"),
        soci::use(decided.value, decided.ind, "d"), soci::use(id, "id");
    tx.commit();
  });
}

std::vector<domain::RequestReview> DisclosureRequestRepository::reviews(const std::string& tracking) {
  return guarded("读取行政复议、行政诉讼记录失败", [&] {
    Lease lease(db_);
    Binds b;
    return load_reviews(lease, "WHERE r.tracking_number = " + b.add(tracking), b);
  });
}

RequestPage DisclosureRequestRepository::list(const RequestListQuery& query) {
  return guarded("读取政府信息公开申请失败", [&] {
    RequestPage page;
    page.per_page = std::clamp(query.per_page, 1, 200);
    page.page = std::max(query.page, 1);
    Lease lease(db_);
    Binds b;
    std::string where = "WHERE r.site_id = " + b.add(static_cast<long long>(query.site_id));
    if (query.state) where += " AND r.state = " + b.add(domain::to_code(*query.state));
    if (query.department_id) where += " AND r.department_id = " + b.add(static_cast<long long>(*query.department_id));
    {
      long long n = 0;
      soci::statement st(lease.sql());
      st.exchange(soci::into(n));
      b.apply(st);
      prepare_and_execute(st, "SELECT count(*) FROM disclosure_requests r " + where);
      st.fetch();
      page.total = n;
    }
    const long long offset = static_cast<long long>(page.page - 1) * page.per_page;
    page.items = load(lease, where, b, nullptr,
                      " ORDER BY r.received_on DESC, r.id DESC LIMIT " + std::to_string(page.per_page) + " OFFSET " +
                          std::to_string(offset));
    return page;
  });
}

std::vector<StoredRequest> DisclosureRequestRepository::list(std::int64_t site_id,
                                                             std::optional<domain::RequestState> state, int limit) {
  RequestListQuery q;
  q.site_id = site_id;
  q.state = state;
  q.per_page = std::max(limit, 1);
  return list(q).items;
}

std::vector<StoredRequest> DisclosureRequestRepository::open_of_site(std::int64_t site_id) {
  return guarded("读取待办申请失败", [&] {
    Lease lease(db_);
    Binds b;
    std::string states;
    for (auto st : domain::open_states()) states += (states.empty() ? "" : ", ") + b.add(domain::to_code(st));
    const std::string where =
        "WHERE r.state IN (" + states + ") AND r.site_id = " + b.add(static_cast<long long>(site_id));
    return load(lease, where, b, nullptr, " ORDER BY r.received_on, r.id");
  });
}

std::map<std::int64_t, std::string> DisclosureRequestRepository::applicant_names(
    const std::vector<std::int64_t>& request_ids) {
  std::map<std::int64_t, std::string> out;
  if (request_ids.empty()) return out;
  return guarded("读取申请人失败", [&] {
    Lease lease(db_);
    std::string ids;
    for (auto id : request_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);  // integers only
    long long id = 0;
    std::string name;
    soci::statement st(lease.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(name));
    prepare_and_execute(st, "SELECT request_id, name FROM request_applicants WHERE request_id IN (" + ids + ")");
    while (st.fetch()) out[id] = name;
    return out;
  });
}

std::vector<OpenRequest> DisclosureRequestRepository::open_requests(std::int64_t site_id,
                                                                    const domain::WorkingDayCalendar& cal, Date today) {
  auto rows = guarded("读取待办申请失败", [&] {
    Lease lease(db_);
    Binds b;
    std::string states;
    for (auto st : domain::open_states()) states += (states.empty() ? "" : ", ") + b.add(domain::to_code(st));
    std::string where = "WHERE r.state IN (" + states + ")";
    if (site_id != 0) where += " AND r.site_id = " + b.add(static_cast<long long>(site_id));
    return load(lease, where, b);
  });
  std::vector<OpenRequest> out;
  for (const auto& s : rows) {
    OpenRequest o;
    o.tracking_number = s.request.tracking_number;
    o.site_id = s.site_id;
    o.department = s.request.department;
    o.department_id = s.request.department_id;
    o.state = s.request.state;
    o.received_on = s.request.received_on;
    o.deadline = domain::due_date(s.request, cal, today);
    o.status = domain::classify_due(s.request, cal, today);
    out.push_back(std::move(o));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.deadline.due_on < b.deadline.due_on; });
  return out;
}

RequestDashboard DisclosureRequestRepository::dashboard(std::int64_t site_id, const domain::WorkingDayCalendar& cal,
                                                        Date today) {
  RequestDashboard d;
  for (auto& o : open_requests(site_id, cal, today)) {
    d.by_department[o.department].push_back(o);
    switch (o.status) {
      case domain::DueStatus::DueSoon: d.due_soon.push_back(std::move(o)); break;
      case domain::DueStatus::Overdue: d.overdue.push_back(std::move(o)); break;
      case domain::DueStatus::Paused: d.paused.push_back(std::move(o)); break;
      default: d.on_time.push_back(std::move(o)); break;
    }
  }
  return d;
}

domain::SectionThree DisclosureRequestRepository::section_three(std::int64_t site_id, int year,
                                                                std::optional<std::int64_t> department_id) {
  auto tallies = guarded("统计政府信息公开申请失败", [&] {
    Lease lease(db_);
    Binds b;
    std::string where = "WHERE received_on <= " + b.add(std::to_string(year) + "-12-31") +
                        " AND (closed_on IS NULL OR closed_on >= " + b.add(std::to_string(year) + "-01-01") + ")";
    if (site_id != 0) where += " AND site_id = " + b.add(static_cast<long long>(site_id));
    if (department_id) where += " AND department_id = " + b.add(static_cast<long long>(*department_id));
    std::vector<domain::RequestTally> out;
    soci::statement st(lease.sql());
    std::string akind, okind, received, closed, outcome;
    soci::indicator closed_ind = soci::i_null;
    st.exchange(soci::into(akind));
    st.exchange(soci::into(okind));
    st.exchange(soci::into(received));
    st.exchange(soci::into(closed, closed_ind));
    st.exchange(soci::into(outcome));
    b.apply(st);
    prepare_and_execute(st, "SELECT applicant_kind, organisation_kind, received_on, closed_on, outcome FROM "
                            "disclosure_requests " + where);
    while (st.fetch()) {
      domain::RequestTally t;
      t.applicant = domain::applicant_kind_from(akind).value_or(domain::ApplicantKind::NaturalPerson);
      t.organisation = domain::organisation_kind_from(okind).value_or(domain::OrganisationKind::Other);
      t.received_on = must_date(received);
      if (closed_ind == soci::i_ok) t.closed_on = must_date(closed);
      if (!outcome.empty()) t.outcome = domain::reply_outcome_from_code(outcome);
      out.push_back(t);
    }
    return out;
  });
  return domain::count_section_three(tallies, year);
}

domain::SectionFour DisclosureRequestRepository::section_four(std::int64_t site_id, int year,
                                                              std::optional<std::int64_t> department_id) {
  auto rows = guarded("统计行政复议、行政诉讼失败", [&] {
    Lease lease(db_);
    Binds b;
    std::string where = "WHERE v.filed_on >= " + b.add(std::to_string(year) + "-01-01") +
                        " AND v.filed_on <= " + b.add(std::to_string(year) + "-12-31");
    if (site_id != 0) where += " AND r.site_id = " + b.add(static_cast<long long>(site_id));
    if (department_id) where += " AND r.department_id = " + b.add(static_cast<long long>(*department_id));
    return load_reviews(lease, where, b);
  });
  return domain::count_section_four(rows, year);
}

}  // namespace zwgk::store
