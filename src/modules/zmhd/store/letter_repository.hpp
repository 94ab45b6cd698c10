#pragma once
// 政民互动: letters, their writers (sealed), events, attachments and 信件选登 publications over
// SQLite and PostgreSQL (migration 0013).
//
// Invariants:
//  - Rows only: what a letter needs, which event the state allows, the deadlines and the
//    reply-quality check are the domain's (modules/zmhd/domain/) and the service's
//    (modules/zmhd/service/letter_service.hpp). An event is read under lock() and written
//    with append_event() in the service's one transaction.
//  - The letter row is the case as it stands; letter_events is its history. Due dates are
//    never stored: callers derive them with domain::letter_due_on on their calendar.
//  - The writer's name, phone and e-mail live sealed in letter_writers only; no list, public
//    lookup or publication reads that table. writer() (staff, the notices) opens them.
//  - The 查询码 is shown once (RegisteredLetter) and stored as a salted hash.
//  - A publication is the masked copy made when the office published the letter: public
//    pages read only letter_publications.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/zmhd/domain/letter.hpp"
#include "modules/zmhd/domain/letter_submission.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::store {

struct StoredLetter {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::optional<std::int64_t> mailbox_id;
  std::string title;
  std::string content;
  std::string page_url;    // 找错
  std::string error_kind;  // 找错
  std::string external_id;                   // 12345 工单号
  std::optional<std::int64_t> source_system;  // integration_clients.id
  bool consent_publish = false;
  std::string co_departments;  // 协办, names, "、"-separated
  bool published = false;
  domain::Letter letter;  // with its history
};

struct RegisteredLetter {
  std::int64_t id = 0;
  std::string number;      // XJ-2026-000123
  std::string query_code;  // shown to the writer once; only its hash is kept
};

struct LetterAttachment {
  std::int64_t id = 0;
  std::string file_name;
  std::string media_type;
  std::string sha256;
};

// 信件选登: what the public sees.
struct LetterPublication {
  std::string number;
  std::int64_t site_id = 0;
  std::optional<std::int64_t> mailbox_id;
  domain::LetterCategory category = domain::LetterCategory::Consultation;
  std::string title;     // masked
  std::string question;  // masked
  std::string answer;    // masked
  std::string department;
  domain::Date accepted_on;
  domain::Date replied_on;
  domain::Date published_on;
  std::string published_by;
};

struct LetterListQuery {
  std::int64_t site_id = 0;
  std::optional<domain::LetterState> state;
  std::optional<std::int64_t> department_id;  // only letters assigned to it
  bool open_only = false;                      // not rejected, merged or closed
  int page = 1;
  int per_page = 50;  // 1..200
};
struct LetterPage {
  std::vector<StoredLetter> items;
  std::int64_t total = 0;
  int page = 1, per_page = 50;
};

struct PublicationQuery {
  std::int64_t site_id = 0;
  std::optional<std::int64_t> mailbox_id;
  std::string text;  // in title, question or answer (masked copies)
  int page = 1;
  int per_page = 20;  // 1..100
};
struct PublicationPage {
  std::vector<LetterPublication> items;
  std::int64_t total = 0;
  int page = 1, per_page = 20;
};

class LetterRepository {
 public:
  LetterRepository(Database& db, const PersonalDataKey& key) : db_(db), key_(key) {}

  // Stores a new letter (validated by the service) in state 已收到 with the next number of its
  // receipt year, a fresh query code, and the writer sealed.
  RegisteredLetter insert(std::int64_t site_id, std::optional<std::int64_t> mailbox_id,
                          const domain::LetterSubmission& submission, const domain::Letter& letter,
                          std::optional<std::int64_t> source_system = std::nullopt);
  LetterAttachment add_attachment(std::int64_t letter_id, const std::string& file_name, std::string_view data,
                                  const std::string& media_type);

  // Public-safe: no writer.
  std::optional<StoredLetter> find(const std::string& number);
  // The writer's status page: nullopt for an unknown number AND for a wrong code.
  std::optional<StoredLetter> find_public(const std::string& number, const std::string& query_code);
  // A 12345 工单 already pushed by that system.
  std::optional<StoredLetter> find_external(std::int64_t source_system, const std::string& external_id);
  // Staff and the notices only: the writer, opened.
  std::optional<domain::LetterWriter> writer(std::int64_t letter_id);

  // Inside a store::UnitOfWork: the letter, locked until the unit ends (PostgreSQL FOR
  // UPDATE; SQLite: the unit's BEGIN IMMEDIATE serialises writers).
  std::optional<StoredLetter> lock(const std::string& number);
  // Writes one applied event (number `seq` = the history's length before it) and the
  // letter's new state from `after`.
  void append_event(std::int64_t letter_id, int seq, const domain::LetterEvent& event, const StoredLetter& after);

  std::vector<LetterAttachment> attachments(std::int64_t letter_id);
  // The bytes of an attachment of that letter (staff only).
  std::optional<std::pair<LetterAttachment, std::string>> attachment_bytes(std::int64_t letter_id,
                                                                          std::int64_t attachment_id);

  // The console's list, newest received first, paged in SQL.
  LetterPage list(const LetterListQuery& query);
  // Every letter of a site received in [from, to] or answered in it (statistics; no writer).
  // The case as it stands, without its history (the figures never read it).
  std::vector<StoredLetter> for_statistics(std::int64_t site_id, domain::Date from, domain::Date to);
  // Every open letter of a site (site_id 0: every site), for the dashboard, 督办 and reminders;
  // without their history, like for_statistics.
  std::vector<StoredLetter> open_letters(std::int64_t site_id);

  // A reminder written once (letter_reminders): true the first time `reminder` is marked for
  // the letter, false when it was already (on this node or another). Joins the open unit.
  bool mark_reminder(std::int64_t letter_id, const std::string& reminder, domain::Date on);

  // 信件选登.
  void publish(std::int64_t letter_id, const LetterPublication& publication);
  void unpublish(std::int64_t letter_id, std::int64_t site_id);
  PublicationPage publications(const PublicationQuery& query);
  std::optional<LetterPublication> publication(const std::string& number);

 private:
  Database& db_;
  const PersonalDataKey& key_;
};

}  // namespace zwgk::store
