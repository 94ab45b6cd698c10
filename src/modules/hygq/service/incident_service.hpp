#pragma once
// 回应关切, the use cases. Each public function is one: it takes the caller, its input and
// the clock the service was made with; in one transaction (store::UnitOfWork) it asks the
// permission registry (hygq.* on the incident: its site and its department in charge),
// validates through the domain (incident.hpp), writes the rows (store/incident_repository)
// and its audit entry (hygq.<verb>, the incident id, no summary text). A refusal is the
// error family (domain/errors.hpp): Invalid (Chinese, every problem), Forbidden, NotFound
// (also another site's incident), Conflict; then nothing is written.
//
// send_notices() is the periodic job's (module.cpp): the notices before a clock runs out
// and when it is missed (incident_notices.hpp), each written once to the outbox.
#include <cstdint>
#include <string>

#include "domain/caller.hpp"
#include "domain/clock.hpp"
#include "modules/hygq/domain/incident.hpp"
#include "modules/hygq/store/incident_repository.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::modules::hygq {

// What the settings form gives (text, checked by the domain's parsers).
struct SettingsInput {
  std::string clocks;          // "particularly_serious.release=5,..." (format_clock_rules)
  std::string notice_minutes;  // "60,15"
  bool public_clock = false;
  std::string notify_email;
};

class IncidentService {
 public:
  // `clock`: now (Unix seconds); `console_base`: absolute base of the links in notices.
  IncidentService(store::Database& db, const store::PersonalDataKey& key, domain::UnixClock clock,
                  std::string console_base = {})
      : db_(db), key_(key), clock_(std::move(clock)), console_base_(std::move(console_base)) {}

  // 登记 (hygq.record on the caller's site). Returns the new id.
  std::int64_t record(const domain::Caller& caller, const domain::IncidentInput& input);
  // 修改 (hygq.record).
  void edit(const domain::Caller& caller, std::int64_t id, const domain::IncidentInput& input);
  // 关联 a document or an event of the site (hygq.respond on the incident). Linking one
  // twice is a Conflict.
  void link_document(const domain::Caller& caller, std::int64_t id, std::int64_t document_id);
  void link_event(const domain::Caller& caller, std::int64_t id, std::int64_t event_id);
  void unlink(const domain::Caller& caller, std::int64_t id, std::int64_t link_id);
  // A response made elsewhere (hygq.respond).
  std::int64_t record_response(const domain::Caller& caller, std::int64_t id, const domain::ResponseInput& input);
  // The site's settings (hygq.manage).
  domain::IncidentSettings save_settings(const domain::Caller& caller, const SettingsInput& input);

  // The clocks of an incident now (a read: no permission asked; pages ask hygq.view).
  std::vector<domain::ClockStatus> clocks(const domain::Incident& incident, const domain::IncidentSettings& settings);

  // Every site's notices due now, each written once (per incident and key) to the outbox,
  // to the department's contact and the site's configured address. Returns how many
  // mails were written.
  int send_notices();

  domain::Instant now() const { return domain::instant_of_unix(clock_()); }

 private:
  domain::Incident permitted(const domain::Caller& caller, std::int64_t id, const char* action);

  store::Database& db_;
  const store::PersonalDataKey& key_;
  domain::UnixClock clock_;
  std::string console_base_;
};

}  // namespace zwgk::modules::hygq
