// Workflow rows, revisions, checks and the privacy guard's inputs (workflow_rows.hpp).
#include "modules/publishing/store/workflow_rows.hpp"

#include <algorithm>
#include <set>

#include "domain/errors.hpp"
#include "store/document_rows.hpp"
#include "store/document_snapshot.hpp"

namespace zwgk::store::workflow_rows {

namespace {

const char* kInfoColumns =
    "SELECT stage, latest_revision, published_revision, decision, decision_ground, created_on, scheduled_at, "
    "withdrawn_reason, interpretation_form FROM document_workflow WHERE document_id = :id";

domain::Date date_part(const std::string& iso) {
  if (auto d = domain::Date::parse(iso.substr(0, 10))) return *d;
  return domain::Date::today();
}

bool exempted(Lease& lease, std::int64_t id) {
  long long doc = id;
  int n = 0;
  lease.sql() << "SELECT count(*) FROM interpretation_exemptions WHERE document_id = :id", soci::use(doc, "id"),
      soci::into(n);
  return n > 0;
}

WorkflowInfo synthesised(const domain::Document& doc) {
  WorkflowInfo info;
  info.document_id = doc.id;
  info.status.public_state = doc.state;
  info.status.has_published_version = doc.state != domain::DocumentState::Draft;
  info.status.stage = doc.state == domain::DocumentState::Published   ? domain::Stage::Published
                      : doc.state == domain::DocumentState::Withdrawn ? domain::Stage::Withdrawn
                                                                      : domain::Stage::Draft;
  if (doc.state != domain::DocumentState::Draft) info.status.decision = doc.disclosure;
  info.created_on = date_part(doc.created_at);
  return info;
}

std::optional<WorkflowInfo> load_row(Lease& lease, const domain::Document& doc) {
  long long id = doc.id, latest = 0, published = 0;
  std::string stage, decision, ground, created_on, scheduled_at, reason, form;
  soci::indicator pub_ind = soci::i_null, dec_ind = soci::i_null;
  lease.sql() << kInfoColumns, soci::use(id, "id"), soci::into(stage), soci::into(latest),
      soci::into(published, pub_ind), soci::into(decision, dec_ind), soci::into(ground), soci::into(created_on),
      soci::into(scheduled_at), soci::into(reason), soci::into(form);
  if (!lease.sql().got_data()) return std::nullopt;
  WorkflowInfo info;
  info.document_id = doc.id;
  info.status.stage = domain::stage_from(stage).value_or(domain::Stage::Draft);
  info.status.public_state = doc.state;
  info.status.has_published_version = pub_ind == soci::i_ok;
  if (dec_ind == soci::i_ok) info.status.decision = domain::disclosure_form_from(decision);
  info.latest_revision = static_cast<int>(latest);
  if (pub_ind == soci::i_ok) info.published_revision = static_cast<int>(published);
  info.ground = ground_from(ground);
  info.created_on = date_part(created_on);
  info.scheduled_at = scheduled_at;
  info.withdrawn_reason = reason;
  info.interpretation_form = domain::interpretation_form_from(form);
  info.interpretation_exempted = exempted(lease, doc.id);
  return info;
}

struct InfoParams {
  long long id;
  std::string stage;
  long long latest;
  long long published;
  soci::indicator pub_ind;
  std::string decision;
  soci::indicator dec_ind;
  std::string ground, created_on, scheduled_at, reason, form, now;
  explicit InfoParams(const WorkflowInfo& i)
      : id(i.document_id),
        stage(domain::to_code(i.status.stage)),
        latest(i.latest_revision),
        published(i.published_revision.value_or(0)),
        pub_ind(i.published_revision ? soci::i_ok : soci::i_null),
        decision(i.status.decision ? domain::to_code(*i.status.decision) : std::string()),
        dec_ind(i.status.decision ? soci::i_ok : soci::i_null),
        ground(ground_code(i.ground)),
        created_on(i.created_on.iso()),
        scheduled_at(i.scheduled_at),
        reason(i.withdrawn_reason),
        form(i.interpretation_form ? domain::to_code(*i.interpretation_form) : std::string()),
        now(now_utc_iso()) {}
};

}  // namespace

std::string ground_code(const std::optional<domain::ReplyOutcome>& g) { return g ? domain::to_code(*g) : std::string(); }

std::optional<domain::ReplyOutcome> ground_from(const std::string& code) {
  for (auto g : domain::nondisclosure_grounds())
    if (domain::to_code(g) == code) return g;
  return std::nullopt;
}

void insert_info(Lease& lease, const WorkflowInfo& i) {
  InfoParams p(i);
  lease.sql() << "INSERT INTO document_workflow (document_id, stage, latest_revision, published_revision, decision, "
                 "decision_ground, created_on, scheduled_at, withdrawn_reason, interpretation_form, updated_at) "
                 "VALUES (:id, :stage, :latest, :published, :decision, :ground, :created_on, :scheduled_at, :reason, "
                 ":form, :now)",
      soci::use(p.id, "id"), soci::use(p.stage, "stage"), soci::use(p.latest, "latest"),
      soci::use(p.published, p.pub_ind, "published"), soci::use(p.decision, p.dec_ind, "decision"),
      soci::use(p.ground, "ground"), soci::use(p.created_on, "created_on"), soci::use(p.scheduled_at, "scheduled_at"),
      soci::use(p.reason, "reason"), soci::use(p.form, "form"), soci::use(p.now, "now");
}

void store_info(Lease& lease, const WorkflowInfo& i) {
  InfoParams p(i);
  lease.sql() << "UPDATE document_workflow SET stage = :stage, latest_revision = :latest, published_revision = :published, "
                 "decision = :decision, decision_ground = :ground, scheduled_at = :scheduled_at, "
                 "withdrawn_reason = :reason, interpretation_form = :form, updated_at = :now WHERE document_id = :id",
      soci::use(p.stage, "stage"), soci::use(p.latest, "latest"), soci::use(p.published, p.pub_ind, "published"),
      soci::use(p.decision, p.dec_ind, "decision"), soci::use(p.ground, "ground"),
      soci::use(p.scheduled_at, "scheduled_at"), soci::use(p.reason, "reason"), soci::use(p.form, "form"),
      soci::use(p.now, "now"), soci::use(p.id, "id");
}

void insert_revision(Lease& lease, const domain::Document& snapshot, int number, const Actor& author) {
  long long doc = snapshot.id, aid = author.account_id;
  int n = number;
  std::string text = snapshot_text(snapshot), now = now_utc_iso(), user = author.username;
  lease.sql() << "INSERT INTO document_revisions (document_id, number, author_id, author_username, created_at, snapshot) "
                 "VALUES (:doc, :n, :aid, :user, :now, :snap)",
      soci::use(doc, "doc"), soci::use(n, "n"), soci::use(aid, "aid"), soci::use(user, "user"),
      soci::use(now, "now"), soci::use(text, "snap");
  // The blobs this revision lists, as rows (migration 0011): what makes a published past
  // version's files public and keeps a draft's files from the blob sweep.
  std::set<std::string> hashes;
  for (const auto& a : snapshot.attachments)
    if (!a.sha256.empty()) hashes.insert(a.sha256);
  for (std::string sha : hashes)
    lease.sql() << "INSERT INTO revision_attachments (document_id, revision, sha256) VALUES (:doc, :n, :sha)",
        soci::use(doc, "doc"), soci::use(n, "n"), soci::use(sha, "sha");
}

std::optional<Revision> load_revision(Lease& lease, std::int64_t id, int number) {
  long long doc = id, aid = 0, version = 0;
  int n = number, major = 1;
  std::string user, created, snap, published_at, note;
  soci::indicator vind = soci::i_null;
  lease.sql() << "SELECT author_id, author_username, created_at, snapshot, version, published_at, major, change_note "
                 "FROM document_revisions WHERE document_id = :doc AND number = :n",
      soci::use(doc, "doc"), soci::use(n, "n"), soci::into(aid), soci::into(user), soci::into(created),
      soci::into(snap), soci::into(version, vind), soci::into(published_at), soci::into(major), soci::into(note);
  if (!lease.sql().got_data()) return std::nullopt;
  Revision r;
  r.document_id = id;
  r.number = number;
  r.author = Actor{aid, user, ""};
  r.created_at = created;
  r.snapshot = document_from_snapshot(snap);
  r.snapshot.id = id;
  if (vind == soci::i_ok) r.version = static_cast<int>(version);
  r.published_at = published_at;
  r.major = major != 0;
  r.change_note = note;
  return r;
}

Locked lock(Lease& lease, std::int64_t id) {
  auto doc = load_document(lease, id, /*lock=*/true);
  if (!doc) throw NotFound("文件不存在: " + std::to_string(id));
  if (auto info = load_row(lease, *doc)) return {std::move(*doc), std::move(*info)};
  // A record from before the workflow: its current row becomes revision 1.
  WorkflowInfo info = synthesised(*doc);
  info.latest_revision = 1;
  if (info.status.has_published_version) info.published_revision = 1;
  insert_info(lease, info);
  insert_revision(lease, *doc, 1, Actor{0, "system", ""});
  if (info.status.has_published_version) {
    long long d = id;
    std::string at = doc->first_published_at;
    lease.sql() << "UPDATE document_revisions SET version = 1, published_at = :at, change_note = '' "
                   "WHERE document_id = :d AND number = 1",
        soci::use(at, "at"), soci::use(d, "d");
  }
  info.interpretation_exempted = exempted(lease, id);
  return {std::move(*doc), std::move(info)};
}

std::optional<WorkflowInfo> read_info(Lease& lease, const domain::Document& doc) {
  if (auto info = load_row(lease, doc)) return info;
  return synthesised(doc);
}

domain::Document latest_snapshot(Lease& lease, const Locked& l) {
  if (l.info.latest_revision > 0)
    if (auto r = load_revision(lease, l.doc.id, l.info.latest_revision)) return r->snapshot;
  return l.doc;
}

domain::Target target_of(const domain::Document& doc) { return domain::Target{doc.site_id, doc.department_id}; }

void check(const domain::Account& who, domain::Action action, const domain::Document& doc,
           const domain::WorkflowStatus& status) {
  if (auto r = domain::permission_refusal(who, action, target_of(doc)))
    throw WorkflowRefused(WorkflowRefused::Kind::Forbidden, *r);
  if (auto r = domain::stage_refusal(status, action)) throw WorkflowRefused(WorkflowRefused::Kind::WrongStage, *r);
}

void require_text(const std::string& text, const char* message) {
  if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }))
    throw domain::ValidationError({message});
}

domain::PrivacyScanOptions scan_options(Lease& lease, std::int64_t site_id) {
  domain::PrivacyScanOptions o;
  long long site = site_id;
  std::string word;
  soci::statement st = (lease.sql().prepare << "SELECT word FROM site_sensitive_words WHERE site_id = :s ORDER BY word",
                        soci::use(site, "s"), soci::into(word));
  st.execute();
  while (st.fetch()) o.sensitive_words.push_back(word);
  return o;
}

std::string fingerprint(const domain::PrivacyFinding& f) { return sha256_hex(domain::to_code(f.kind) + ":" + f.text); }

std::vector<domain::GuardFinding> guard(Lease& lease, std::int64_t document_id, const domain::Document& doc) {
  std::vector<domain::PrivacyText> attachment_texts;
  for (const auto& a : doc.attachments) {
    std::string text, sha = a.sha256;
    lease.sql() << "SELECT text FROM attachment_texts WHERE sha256 = :s", soci::use(sha, "s"), soci::into(text);
    if (lease.sql().got_data() && !text.empty()) attachment_texts.push_back({"attachment:" + a.file_name, text});
  }
  std::vector<std::string> overridden;
  {
    long long id = document_id;
    std::string fp;
    soci::statement st = (lease.sql().prepare << "SELECT fingerprint FROM privacy_overrides WHERE document_id = :id",
                          soci::use(id, "id"), soci::into(fp));
    st.execute();
    while (st.fetch()) overridden.push_back(fp);
  }
  return domain::guard_findings(domain::privacy_texts(doc, attachment_texts), scan_options(lease, doc.site_id),
                                [&](const domain::PrivacyFinding& f) {
                                  return std::find(overridden.begin(), overridden.end(), fingerprint(f)) !=
                                         overridden.end();
                                });
}

void audit(Lease& lease, const Actor& actor, const std::string& action, std::int64_t document_id,
           nlohmann::json changes) {
  // The entry belongs to the document's site (whose auditors may read it).
  long long id = document_id, site = 0;
  lease.sql() << "SELECT site_id FROM documents WHERE id = :id", soci::use(id, "id"), soci::into(site);
  append_audit(lease,
               AuditEntryInput{actor, action, "document", std::to_string(document_id), std::move(changes), site});
}

}  // namespace zwgk::store::workflow_rows
