// Drafting, revisions, 保密审查 and approval, the privacy guard's masks and overrides,
// interpretation exemptions, change-note corrections and site settings.
// Publishing is in workflow_publish.cpp, reads in workflow_reads.cpp.
#include "modules/publishing/store/workflow_repository.hpp"

#include "store/search_index_sync.hpp"

#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "store/blob_store.hpp"
#include "store/document_rows.hpp"
#include "modules/publishing/store/workflow_rows.hpp"
#include "modules/publishing/store/workflow_run.hpp"

namespace zwgk::store {

using namespace workflow_rows;
using domain::Action;

namespace {

std::string conflict_message(int seen, int latest, const std::vector<domain::FieldChange>& changes) {
  std::string fields;
  for (const auto& c : changes) fields += (fields.empty() ? "" : "、") + c.label;
  return "保存冲突：您编辑的是第" + std::to_string(seen) + "版，文件已被他人保存为第" + std::to_string(latest) +
         "版" + (fields.empty() ? std::string() : "（改动：" + fields + "）") + "，请查看改动后重新编辑";
}

nlohmann::json changed_fields(const domain::Document& before, const domain::Document& after) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : domain::diff_documents(before, after)) out.push_back(c.field);
  return out;
}

// Refuses a save or publish based on an older revision.
void require_latest(Lease& lease, const Locked& l, int expected) {
  if (expected == l.info.latest_revision) return;
  std::vector<domain::FieldChange> changes;
  auto seen = load_revision(lease, l.doc.id, expected);
  auto latest = load_revision(lease, l.doc.id, l.info.latest_revision);
  if (seen && latest) changes = domain::diff_documents(seen->snapshot, latest->snapshot);
  throw RevisionConflict(expected, l.info.latest_revision, std::move(changes));
}

// A new revision of an existing document; the documents row follows while it was never public.
int save_revision(Lease& lease, Locked& l, domain::Document doc, const Actor& actor, const std::string& action,
                  Action transition, std::vector<std::string>& tags, nlohmann::json extra) {
  const domain::Document before = latest_snapshot(lease, l);
  doc.id = l.doc.id;
  doc.site_id = l.doc.site_id;
  doc.index_number = l.doc.index_number;
  doc.state = l.doc.state;
  doc.created_at = l.doc.created_at;
  doc.first_published_at = l.doc.first_published_at;
  doc.body_html = domain::sanitize_html(doc.body_html);
  if (doc.interprets_id && *doc.interprets_id == doc.id) throw domain::ValidationError({"政策解读不能解读它自己"});
  const int number = l.info.latest_revision + 1;
  if (l.doc.state == domain::DocumentState::Draft) write_document(lease, doc, tags);
  insert_revision(lease, doc, number, actor);
  l.info.latest_revision = number;
  l.info.status = domain::apply_transition(l.info.status, transition);
  store_info(lease, l.info);
  extra["revision"] = number;
  extra["fields"] = changed_fields(before, doc);
  audit(lease, actor, action, doc.id, std::move(extra));
  return number;
}

// A transition with no content change.
template <class F>
void step(Database& db, const char* what, const domain::Account& who, std::int64_t id, Action action,
          const Actor& actor, const std::string& audit_action, F&& before_commit) {
  in_transaction(db, what, [&](Lease& lease, std::vector<std::string>&) {
    auto l = lock(lease, id);
    check(who, action, l.doc, l.info.status);
    nlohmann::json changes = {{"from", domain::to_code(l.info.status.stage)}};
    before_commit(lease, l, changes);
    l.info.status = domain::apply_transition(l.info.status, action);
    store_info(lease, l.info);
    changes["to"] = domain::to_code(l.info.status.stage);
    audit(lease, actor, audit_action, id, std::move(changes));
    return 0;
  });
}

}  // namespace

WorkflowRefused::WorkflowRefused(Kind kind, const std::string& message)
    : domain::DomainError(kind == Kind::Forbidden ? domain::ErrorKind::Forbidden : domain::ErrorKind::Conflict,
                          kind == Kind::Forbidden ? "forbidden" : kind == Kind::WrongStage ? "wrong_stage" : "blocked",
                          message),
      kind_(kind) {}

RevisionConflict::RevisionConflict(int seen, int latest, std::vector<domain::FieldChange> changes)
    : domain::Conflict(conflict_message(seen, latest, changes) + " 请重新打开文件查看最新内容后再操作。",
                       "revision_conflict"),
      seen_(seen),
      latest_(latest),
      changes_(std::move(changes)) {}

DraftRef WorkflowRepository::create_draft(const domain::Account& who, domain::Document doc, const Actor& actor,
                                          domain::Date today) {
  if (doc.id != 0) throw domain::ValidationError({"新建草稿不能指定文件编号"});
  if (auto r = domain::permission_refusal(who, Action::CreateDraft, target_of(doc)))
    throw WorkflowRefused(WorkflowRefused::Kind::Forbidden, *r);
  return in_transaction(db_, "新建草稿失败", [&](Lease& lease, std::vector<std::string>& tags) {
    doc.body_html = domain::sanitize_html(doc.body_html);
    doc.index_number.clear();
    doc.first_published_at.clear();
    write_document(lease, doc, tags);
    WorkflowInfo info;
    info.document_id = doc.id;
    info.latest_revision = 1;
    info.created_on = today;
    insert_info(lease, info);
    insert_revision(lease, doc, 1, actor);
    audit(lease, actor, "publishing.create_draft", doc.id, {{"revision", 1}, {"title", doc.title}});
    return DraftRef{doc.id, 1};
  });
}

int WorkflowRepository::save(const domain::Account& who, domain::Document doc, int expected_revision,
                             const Actor& actor, const std::vector<UploadedFile>& uploads) {
  if (doc.id == 0) throw domain::ValidationError({"请先新建草稿"});
  return in_transaction(db_, "保存文件失败", [&](Lease& lease, std::vector<std::string>& tags) {
    auto l = lock(lease, doc.id);
    check(who, Action::Edit, l.doc, l.info.status);
    // Moving a document to another department needs the right to act there too.
    if (auto r = domain::permission_refusal(who, Action::Edit, domain::Target{l.doc.site_id, doc.department_id}))
      throw WorkflowRefused(WorkflowRefused::Kind::Forbidden, *r);
    require_latest(lease, l, expected_revision);
    for (const auto& u : uploads) {  // with the revision that lists them (blob_store.hpp invariant 1)
      const std::string sha = BlobStore::put(lease, u.data, u.media_type);
      store_attachment_text(lease, sha, u.text, tags);
    }
    return save_revision(lease, l, std::move(doc), actor, "publishing.edit", Action::Edit, tags, nlohmann::json::object());
  });
}

int WorkflowRepository::mask_privacy(const domain::Account& who, std::int64_t id, int expected_revision,
                                     const Actor& actor) {
  return in_transaction(db_, "遮盖个人信息失败", [&](Lease& lease, std::vector<std::string>& tags) {
    auto l = lock(lease, id);
    check(who, Action::MaskPrivacy, l.doc, l.info.status);
    require_latest(lease, l, expected_revision);
    const auto current = latest_snapshot(lease, l);
    nlohmann::json masked = nlohmann::json::array();
    for (const auto& g : guard(lease, id, current))
      if (g.field == "title" || g.field == "summary" || g.field == "body")
        masked.push_back({{"field", g.field}, {"kind", domain::to_code(g.finding.kind)}, {"masked", g.finding.masked}});
    if (masked.empty()) throw WorkflowRefused(WorkflowRefused::Kind::WrongStage, "标题和正文中没有需要遮盖的个人信息");
    auto doc = domain::mask_document(current, scan_options(lease, l.doc.site_id));
    return save_revision(lease, l, std::move(doc), actor, "publishing.mask_privacy", Action::MaskPrivacy, tags,
                         {{"masked", masked}});
  });
}

void WorkflowRepository::set_interpretation_form(const domain::Account& who, std::int64_t id,
                                                 domain::InterpretationForm form, const Actor& actor) {
  in_transaction(db_, "保存解读形式失败", [&](Lease& lease, std::vector<std::string>& tags) {
    auto l = lock(lease, id);
    if (auto r = domain::permission_refusal(who, Action::Edit, target_of(l.doc)))
      throw WorkflowRefused(WorkflowRefused::Kind::Forbidden, *r);
    if (l.doc.kind != domain::DocumentKind::Interpretation)
      throw domain::ValidationError({"只有政策解读才有解读形式"});
    l.info.interpretation_form = form;
    store_info(lease, l.info);
    audit(lease, actor, "publishing.set_interpretation_form", id, {{"form", domain::to_code(form)}});
    tags.push_back(domain::tag_document(id));
    return 0;
  });
}

void WorkflowRepository::submit(const domain::Account& who, std::int64_t id, const Actor& actor) {
  step(db_, "提交审查失败", who, id, Action::Submit, actor, "publishing.submit", [](Lease&, Locked&, nlohmann::json&) {});
}

void WorkflowRepository::start_review(const domain::Account& who, std::int64_t id, const Actor& actor) {
  step(db_, "开始保密审查失败", who, id, Action::StartReview, actor, "publishing.start_review",
       [](Lease&, Locked&, nlohmann::json&) {});
}

void WorkflowRepository::decide(const domain::Account& who, std::int64_t id, const domain::ReviewDecision& d,
                                const Actor& actor) {
  step(db_, "保存审查结论失败", who, id, Action::ReviewDecide, actor, "publishing.review_decide",
       [&](Lease& lease, Locked& l, nlohmann::json& changes) {
         const auto problems = domain::review_decision_problems(d);
         if (!problems.empty()) throw domain::ValidationError(problems);
         long long doc = id, rid = actor.account_id;
         int revision = l.info.latest_revision;
         std::string decision = domain::to_code(d.decision), ground = ground_code(d.ground), now = now_utc_iso(),
                     user = actor.username, opinion = d.opinion;
         lease.sql() << "INSERT INTO review_decisions (document_id, revision, reviewer_id, reviewer_username, decision, "
                        "ground, opinion, decided_at) VALUES (:doc, :rev, :rid, :user, :decision, :ground, :opinion, :now)",
             soci::use(doc, "doc"), soci::use(revision, "rev"), soci::use(rid, "rid"), soci::use(user, "user"),
             soci::use(decision, "decision"), soci::use(ground, "ground"), soci::use(opinion, "opinion"),
             soci::use(now, "now");
         l.info.status.decision = d.decision;
         l.info.ground = d.ground;
         changes["revision"] = revision;
         changes["decision"] = decision;
         if (d.ground) changes["ground"] = domain::to_label(*d.ground);
         changes["opinion"] = d.opinion;
       });
}

void WorkflowRepository::return_for_changes(const domain::Account& who, std::int64_t id, const std::string& reason,
                                            const Actor& actor) {
  step(db_, "退回修改失败", who, id, Action::ReturnForChanges, actor, "publishing.return_for_changes",
       [&](Lease&, Locked& l, nlohmann::json& changes) {
         require_text(reason, "请填写退回理由");
         l.info.ground.reset();
         l.info.scheduled_at.clear();
         changes["reason"] = reason;
       });
}

void WorkflowRepository::approve(const domain::Account& who, std::int64_t id, const Actor& actor) {
  step(db_, "批准发布失败", who, id, Action::Approve, actor, "publishing.approve", [](Lease&, Locked&, nlohmann::json&) {});
}

void WorkflowRepository::override_privacy(const domain::Account& who, std::int64_t id,
                                          const domain::PrivacyFinding& finding, const std::string& reason,
                                          const Actor& actor) {
  in_transaction(db_, "保存忽略理由失败", [&](Lease& lease, std::vector<std::string>&) {
    auto l = lock(lease, id);
    check(who, Action::OverridePrivacy, l.doc, l.info.status);
    require_text(reason, "请填写不遮盖该信息的理由");
    long long doc = id, aid = actor.account_id;
    std::string fp = fingerprint(finding), kind = domain::to_code(finding.kind), masked = finding.masked,
                now = now_utc_iso(), user = actor.username, why = reason;
    int n = 0;
    lease.sql() << "SELECT count(*) FROM privacy_overrides WHERE document_id = :doc AND fingerprint = :fp",
        soci::use(doc, "doc"), soci::use(fp, "fp"), soci::into(n);
    if (n == 0)
      lease.sql() << "INSERT INTO privacy_overrides (document_id, fingerprint, kind, masked, reason, actor_id, "
                     "actor_username, created_at) VALUES (:doc, :fp, :kind, :masked, :reason, :aid, :user, :now)",
          soci::use(doc, "doc"), soci::use(fp, "fp"), soci::use(kind, "kind"), soci::use(masked, "masked"),
          soci::use(why, "reason"), soci::use(aid, "aid"), soci::use(user, "user"), soci::use(now, "now");
    else
      lease.sql() << "UPDATE privacy_overrides SET reason = :reason, actor_id = :aid, actor_username = :user, "
                     "created_at = :now WHERE document_id = :doc AND fingerprint = :fp",
          soci::use(why, "reason"), soci::use(aid, "aid"), soci::use(user, "user"), soci::use(now, "now"),
          soci::use(doc, "doc"), soci::use(fp, "fp");
    audit(lease, actor, "publishing.override_privacy", id, {{"kind", kind}, {"masked", masked}, {"reason", reason}});
    return 0;
  });
}

void WorkflowRepository::exempt_interpretation(const domain::Account& who, std::int64_t id, const std::string& reason,
                                               const Actor& actor) {
  in_transaction(db_, "登记免于解读失败", [&](Lease& lease, std::vector<std::string>&) {
    auto l = lock(lease, id);
    check(who, Action::ExemptInterpretation, l.doc, l.info.status);
    require_text(reason, "请填写免于解读的理由");
    long long doc = id, aid = actor.account_id;
    std::string now = now_utc_iso(), user = actor.username, why = reason;
    lease.sql() << "DELETE FROM interpretation_exemptions WHERE document_id = :doc", soci::use(doc, "doc");
    lease.sql() << "INSERT INTO interpretation_exemptions (document_id, reason, actor_id, actor_username, created_at) "
                   "VALUES (:doc, :reason, :aid, :user, :now)",
        soci::use(doc, "doc"), soci::use(why, "reason"), soci::use(aid, "aid"), soci::use(user, "user"),
        soci::use(now, "now");
    audit(lease, actor, "publishing.exempt_interpretation", id, {{"reason", reason}});
    return 0;
  });
}

void WorkflowRepository::correct_change_note(const domain::Account& who, std::int64_t id, int version,
                                             const std::string& note, const Actor& actor) {
  in_transaction(db_, "更正修订说明失败", [&](Lease& lease, std::vector<std::string>& tags) {
    auto l = lock(lease, id);
    check(who, Action::CorrectChangeNote, l.doc, l.info.status);
    long long doc = id;
    int v = version;
    std::string old;
    lease.sql() << "SELECT change_note FROM document_revisions WHERE document_id = :doc AND version = :v",
        soci::use(doc, "doc"), soci::use(v, "v"), soci::into(old);
    if (!lease.sql().got_data()) throw NotFound("该文件没有第" + std::to_string(version) + "个发布版本");
    std::string text = note;
    lease.sql() << "UPDATE document_revisions SET change_note = :note WHERE document_id = :doc AND version = :v",
        soci::use(text, "note"), soci::use(doc, "doc"), soci::use(v, "v");
    audit(lease, actor, "publishing.correct_change_note", id, {{"version", version}, {"from", old}, {"to", note}});
    tags.push_back(domain::tag_document(id));
    return 0;
  });
}

std::vector<std::string> WorkflowRepository::interpretation_catalogues(std::int64_t site_id) {
  return guarded("读取政策解读设置失败", [&] {
    Lease lease(db_);
    std::vector<std::string> out;
    long long site = site_id;
    std::string code;
    soci::statement st = (lease.sql().prepare << "SELECT catalogue_code FROM interpretation_catalogues "
                                                 "WHERE site_id = :s ORDER BY catalogue_code",
                          soci::use(site, "s"), soci::into(code));
    st.execute();
    while (st.fetch()) out.push_back(code);
    return out.empty() ? domain::default_interpretation_catalogues() : out;
  });
}

namespace {
void replace_site_list(Database& db, const domain::Account& who, std::int64_t site_id, const char* table,
                       const char* column, const std::vector<std::string>& values, const Actor& actor,
                       const char* audit_action) {
  if (auto r = domain::permission_refusal(who, Action::ManageSites, domain::Target{site_id, std::nullopt}))
    throw WorkflowRefused(WorkflowRefused::Kind::Forbidden, *r);
  in_transaction(db, "保存网站设置失败", [&](Lease& lease, std::vector<std::string>&) {
    long long site = site_id;
    lease.sql() << std::string("DELETE FROM ") + table + " WHERE site_id = :s", soci::use(site, "s");
    std::vector<std::string> kept;
    for (const auto& v : values) {
      if (v.empty() || std::find(kept.begin(), kept.end(), v) != kept.end()) continue;
      kept.push_back(v);
      std::string value = v;
      lease.sql() << std::string("INSERT INTO ") + table + " (site_id, " + column + ") VALUES (:s, :v)",
          soci::use(site, "s"), soci::use(value, "v");
    }
    append_audit(lease, AuditEntryInput{actor, audit_action, "site", std::to_string(site_id), {{"count", kept.size()}},
                                        site_id});
    return 0;
  });
}
}  // namespace

void WorkflowRepository::set_interpretation_catalogues(const domain::Account& who, std::int64_t site_id,
                                                       const std::vector<std::string>& codes, const Actor& actor) {
  replace_site_list(db_, who, site_id, "interpretation_catalogues", "catalogue_code", codes, actor,
                    "publishing.set_interpretation_catalogues");
}

std::vector<std::string> WorkflowRepository::sensitive_words(std::int64_t site_id) {
  return guarded("读取敏感词失败", [&] {
    Lease lease(db_);
    return scan_options(lease, site_id).sensitive_words;
  });
}

void WorkflowRepository::set_sensitive_words(const domain::Account& who, std::int64_t site_id,
                                             const std::vector<std::string>& words, const Actor& actor) {
  replace_site_list(db_, who, site_id, "site_sensitive_words", "word", words, actor, "publishing.set_sensitive_words");
}

void WorkflowRepository::set_attachment_text(const std::string& sha256, const std::string& text) {
  in_transaction(db_, "保存附件文本失败", [&](Lease& lease, std::vector<std::string>& tags) {
    store_attachment_text(lease, sha256, text, tags);  // also reindexes the documents for search
    return 0;
  });
}

}  // namespace zwgk::store
