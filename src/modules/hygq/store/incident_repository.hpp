#pragma once
// 回应关切 rows (migrations/*/0018_incidents.sql): incidents, what answered them (links to
// documents and to 0015's events, responses recorded by hand), the site's settings and the
// notices already written. Rows <-> domain values, nothing else; every write names the
// cache tag it invalidates (incidents:<site>). Writes join the transaction open on this
// thread (store::UnitOfWork).
//
// Events are another module's (src/modules/zxft/); this repository reads only
// events(id, site_id, kind, title, starts_at, state) with its own SQL.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/hygq/domain/incident.hpp"
#include "store/database.hpp"

namespace zwgk::store {

// One linked document or event as the record page and the public column show it.
struct IncidentLink {
  std::int64_t id = 0;
  std::int64_t incident_id = 0;
  std::optional<std::int64_t> document_id;
  std::optional<std::int64_t> event_id;
  std::string title;
  std::string state;        // documents.state / events.state
  std::string event_kind;   // events.kind
  std::optional<domain::Instant> at;  // first_published_at (published) / starts_at
  // What it meets: a published document 权威发布 and 舆情回应; a press_conference that is
  // live or ended 新闻发布会. Nothing otherwise (a draft, a cancelled event).
  std::vector<domain::ClockKind> meets() const;
};

struct IncidentResponse {
  std::int64_t id = 0;
  std::int64_t incident_id = 0;
  domain::ClockKind clock = domain::ClockKind::Response;
  domain::Instant at{};
  std::string what;
  std::string url;
  std::string created_by;
};

// A document or event a link picker offers.
struct LinkCandidate {
  std::int64_t id = 0;
  std::string title;
  std::string state;
  std::string when;  // UTC text or ""
};

// One line of the public column: a response (document, event or a recorded one) with its
// incident.
struct PublicResponse {
  std::int64_t incident_id = 0;
  std::string incident_title;
  domain::IncidentLevel level = domain::IncidentLevel::PublicOpinion;
  domain::Instant known_at{};
  std::optional<std::int64_t> document_id;
  std::optional<std::int64_t> event_id;
  std::string title;
  std::string url;  // recorded responses only
  domain::Instant at{};
};

class IncidentRepository {
 public:
  explicit IncidentRepository(Database& db) : db_(db) {}

  std::int64_t insert(const domain::Incident& incident, const std::string& created_by);
  void update(const domain::Incident& incident);
  std::optional<domain::Incident> find(std::int64_t id);
  // find() under a row lock (PostgreSQL FOR UPDATE; SQLite's writer lock is the batch's).
  std::optional<domain::Incident> lock(std::int64_t id);
  // The site's incidents, newest known first.
  std::vector<domain::Incident> of_site(std::int64_t site_id, int limit = 200);
  // Every site's incidents known at or after `since` (the notice job).
  std::vector<domain::Incident> known_since(domain::Instant since);

  std::vector<IncidentLink> links(std::int64_t incident_id);
  // false when already linked.
  bool link_document(std::int64_t incident_id, std::int64_t document_id, const std::string& by);
  bool link_event(std::int64_t incident_id, std::int64_t event_id, const std::string& by);
  // false when no such link of this incident.
  bool unlink(std::int64_t incident_id, std::int64_t link_id);

  std::vector<IncidentResponse> responses(std::int64_t incident_id);
  std::int64_t add_response(const IncidentResponse& r);

  // What meets the incident's clocks: its links' and its recorded responses'.
  std::vector<domain::Fulfilment> fulfilments(std::int64_t incident_id);

  // The site's documents (by id, or titles containing `query`) and events (by id).
  std::optional<LinkCandidate> document_of_site(std::int64_t site_id, std::int64_t document_id);
  std::vector<LinkCandidate> documents_titled(std::int64_t site_id, const std::string& query, int limit = 10);
  std::optional<LinkCandidate> event_of_site(std::int64_t site_id, std::int64_t event_id);

  domain::IncidentSettings settings(std::int64_t site_id);
  void save_settings(std::int64_t site_id, const domain::IncidentSettings& s);

  // Inserts (incident, key) unless written before: true the first time.
  bool mark_notice(std::int64_t incident_id, const std::string& key, domain::Instant at);
  // The department's notice address: its 政民互动 承办人 (letter_contacts.staff_email), the
  // one staff address per department the platform keeps; "" when none.
  std::string department_email(std::int64_t site_id, std::int64_t department_id);

  // The public column: published documents, live or ended press events and recorded
  // responses linked to the site's incidents, newest first.
  std::vector<PublicResponse> public_responses(std::int64_t site_id, int limit = 100);

 private:
  Database& db_;
};

}  // namespace zwgk::store
