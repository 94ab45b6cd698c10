#pragma once
// 发布流程 in the database: drafts and revisions, 保密审查, approval, publishing (now or
// scheduled), amendments, withdrawal, 失效/废止, the privacy guard and the 政策解读 rule.
// Every call checks the role (domain/permissions.hpp) and the stage (domain/workflow.hpp),
// applies the change and writes its audit entry in ONE transaction; a refused call changes
// nothing. The console (web) calls these; `actor` carries the request's address.
//
// Errors:
//   WorkflowRefused  kind Forbidden (role/scope, HTTP 403), WrongStage (409) or Blocked
//                    (privacy findings, missing interpretation: 409); what() is Chinese.
//   RevisionConflict the caller saw an older revision (save, publish, schedule, mask): 409,
//                    with the field-level changes since the revision the caller saw.
//   domain::ValidationError  incomplete input (missing reason, opinion, ground, metadata): 400.
//   NotFound         no such document / revision.
//
// documents.state keeps what the public sees (draft/published/withdrawn); the workflow
// stage lives in document_workflow. For a document that was never published the documents
// row follows every save; once published, the row holds the published version and later
// saves (an amendment) live in revisions until the amendment is published (ADR 0009).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.hpp"
#include "domain/document.hpp"
#include "domain/errors.hpp"
#include "modules/publishing/domain/document_diff.hpp"
#include "modules/publishing/domain/workflow.hpp"
#include "store/actor.hpp"
#include "store/database.hpp"

namespace zwgk::store {

// One of the error family (domain/errors.hpp): Forbidden is domain::ErrorKind::Forbidden
// (403), WrongStage and Blocked are ErrorKind::Conflict (409). kind() here is the finer
// reason; DomainError::kind() (what web/error_mapping.hpp reads) the family's kind.
class WorkflowRefused : public domain::DomainError {
 public:
  enum class Kind { Forbidden, WrongStage, Blocked };
  WorkflowRefused(Kind kind, const std::string& message);
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// A domain::Conflict (409); what() ends with "请重新打开文件查看最新内容后再操作。".
class RevisionConflict : public domain::Conflict {
 public:
  RevisionConflict(int seen, int latest, std::vector<domain::FieldChange> changes);
  int seen() const { return seen_; }
  int latest() const { return latest_; }
  // What changed from the revision the caller saw to the latest one.
  const std::vector<domain::FieldChange>& changes() const { return changes_; }

 private:
  int seen_, latest_;
  std::vector<domain::FieldChange> changes_;
};

// An attachment's bytes arriving with a save, and the text extracted from them.
struct UploadedFile {
  std::string_view data;
  std::string media_type;
  std::string text;
};

struct WorkflowInfo {
  std::int64_t document_id = 0;
  domain::WorkflowStatus status;
  int latest_revision = 0;                       // 0: an imported record never saved through the workflow
  std::optional<int> published_revision;         // the revision the public page shows
  std::optional<domain::ReplyOutcome> ground;    // of a non-主动公开 decision
  domain::Date created_on;                       // Art. 26 clock start
  std::string scheduled_at;                      // ISO UTC, "" unless Scheduled
  std::string withdrawn_reason;
  std::optional<domain::InterpretationForm> interpretation_form;
  bool interpretation_exempted = false;
};

struct Revision {
  std::int64_t document_id = 0;
  int number = 0;                 // 1, 2, ... every save
  Actor author;                   // address not kept
  std::string created_at;
  domain::Document snapshot;      // full document as saved (id = document_id)
  std::optional<int> version;     // published version number (1, 2, ...) if it was published
  std::string published_at;
  bool major = true;              // major changes are announced on the public page
  std::string change_note;        // 修订说明
};

// A document a 政策解读 may explain, as the editor's search lists it.
struct PolicyHit {
  std::int64_t id = 0;
  std::string title;
  std::string doc_number;  // 文号, "" if none
  domain::DocumentState state = domain::DocumentState::Draft;
  std::optional<std::int64_t> department_id;
  std::optional<domain::Date> published_on;
};

struct PublishOptions {
  std::string change_note;  // required for an amendment (Action::Amend)
  bool major = true;        // minor (typo): recorded, not announced
};

struct DraftRef {
  std::int64_t id = 0;
  int revision = 0;
};

struct ScheduledOutcome {
  std::int64_t document_id = 0;
  bool published = false;
  std::string message;  // why not (Chinese), "" when published
};

struct WorkItem {
  std::int64_t document_id = 0;
  std::string title;
  domain::DocumentKind kind = domain::DocumentKind::Document;
  std::optional<std::int64_t> department_id;
  domain::Stage stage = domain::Stage::Draft;
  int latest_revision = 0;
  domain::Date created_on;
  std::string scheduled_at;
};

struct WorkQuery {
  std::int64_t site_id = 0;
  std::optional<std::int64_t> department_id;  // editors/reviewers: their own
  std::vector<domain::Stage> stages;          // empty = every stage but published/withdrawn
};

class WorkflowRepository {
 public:
  explicit WorkflowRepository(Database& db) : db_(db) {}

  // --- writing (each: permission + stage + audit, one transaction) ---------------------
  // A new draft (revision 1) in the editor's department. doc.id must be 0.
  // `today` is the day the Art. 26 period counts from: the caller's clock (the console's,
  // the command line's), never read here.
  DraftRef create_draft(const domain::Account& who, domain::Document doc, const Actor& actor, domain::Date today);
  // Saves revision expected_revision + 1. Body HTML is sanitised. `uploads` are the bytes of
  // attachments new in `doc` (listed there by sha256_hex of the bytes): they are stored in the
  // same transaction, so a refused save (conflict, permission) leaves no blob behind.
  int save(const domain::Account& who, domain::Document doc, int expected_revision, const Actor& actor,
           const std::vector<UploadedFile>& uploads = {});
  void set_interpretation_form(const domain::Account& who, std::int64_t id, domain::InterpretationForm form,
                               const Actor& actor);
  void submit(const domain::Account& who, std::int64_t id, const Actor& actor);
  void start_review(const domain::Account& who, std::int64_t id, const Actor& actor);
  void decide(const domain::Account& who, std::int64_t id, const domain::ReviewDecision& decision, const Actor& actor);
  void return_for_changes(const domain::Account& who, std::int64_t id, const std::string& reason, const Actor& actor);
  void approve(const domain::Account& who, std::int64_t id, const Actor& actor);
  // Publishes revision expected_revision (must be the latest) now, together with the
  // approved 政策解读 of the document. Publish or Amend depending on whether a version was
  // published before. Returns the public document.
  domain::Document publish(const domain::Account& who, std::int64_t id, int expected_revision,
                           const PublishOptions& options, const Actor& actor);
  // at_utc: "YYYY-MM-DDTHH:MM:SSZ". The gates are checked now and again at that time.
  void schedule(const domain::Account& who, std::int64_t id, int expected_revision, const std::string& at_utc,
                const PublishOptions& options, const Actor& actor);
  // Publishes every scheduled document due at now_utc (ISO) as the system; one that can no
  // longer be published goes back to 已批准 with an audit entry saying why. For `serve`.
  std::vector<ScheduledOutcome> publish_due(const std::string& now_utc);
  void withdraw(const domain::Account& who, std::int64_t id, const std::string& reason, const Actor& actor);
  // 失效 / 废止: sets 有效期 and/or 废止日期 (nullopt = unchanged) on the public document and
  // its latest revision.
  void mark_validity(const domain::Account& who, std::int64_t id, std::optional<domain::Date> expires_on,
                     std::optional<domain::Date> repealed_on, const Actor& actor);
  // Masks every finding in title, summary and body (a new revision). Returns its number.
  int mask_privacy(const domain::Account& who, std::int64_t id, int expected_revision, const Actor& actor);
  // Records that a finding is not personal data or may be published, with a reason.
  void override_privacy(const domain::Account& who, std::int64_t id, const domain::PrivacyFinding& finding,
                        const std::string& reason, const Actor& actor);
  void exempt_interpretation(const domain::Account& who, std::int64_t id, const std::string& reason,
                             const Actor& actor);
  void correct_change_note(const domain::Account& who, std::int64_t id, int version, const std::string& note,
                           const Actor& actor);

  // --- reading ---------------------------------------------------------------------------
  std::optional<WorkflowInfo> info(std::int64_t id);
  std::vector<Revision> revisions(std::int64_t id);                  // newest first
  std::optional<Revision> revision(std::int64_t id, int number);
  std::vector<Revision> published_versions(std::int64_t id);         // version ascending, minor ones too
  std::optional<Revision> published_version(std::int64_t id, int version);
  // The privacy guard on the latest revision (title, summary, body, attachment texts).
  std::vector<domain::GuardFinding> privacy_findings(std::int64_t id);
  std::vector<WorkItem> work_items(const WorkQuery& q);
  // Documents of kind 文件 (not 政策解读) of the site, not withdrawn, whose title or 文号
  // contains `text` (at most `limit`, newest 发文日期 first). Who may see which is the
  // caller's filter (service/policy_choice.hpp).
  std::vector<PolicyHit> find_policies(std::int64_t site_id, const std::string& text, int limit);
  // The privacy guard on a given document as it is (e.g. the public version, `zwgk scan`),
  // with the site's sensitive words, attachment texts and recorded overrides.
  std::vector<domain::GuardFinding> scan_document(const domain::Document& doc);

  // --- site settings and inputs ----------------------------------------------------------
  std::vector<std::string> interpretation_catalogues(std::int64_t site_id);  // default if none set
  void set_interpretation_catalogues(const domain::Account& who, std::int64_t site_id,
                                     const std::vector<std::string>& codes, const Actor& actor);
  std::vector<std::string> sensitive_words(std::int64_t site_id);
  void set_sensitive_words(const domain::Account& who, std::int64_t site_id, const std::vector<std::string>& words,
                           const Actor& actor);
  // Text extracted from an attachment (by content address), scanned before publishing.
  void set_attachment_text(const std::string& sha256, const std::string& text);

 private:
  Database& db_;
};

}  // namespace zwgk::store
