#pragma once
// Who takes the action a service function (a use case, src/modules/<name>/service/) carries
// out: the account the permission registry is asked about, the name the record's history
// shows, and where the use case's audit entry goes. The console builds one from the signed-in
// user (web::console::caller_of); the entry then joins the transaction the console opened
// around the POST, so the change and its entry commit together.
#include <cstdint>
#include <functional>
#include <string>

#include "domain/account.hpp"

namespace zwgk::domain {

// One audit entry as a use case states it; the sink adds the actor, the address and the site.
struct AuditNote {
  std::string action;       // module.action (ADR 0020): "ysqgk.reply"
  std::string object_type;  // "disclosure_request"
  std::string object_id;    // "YSQ-2026-000123"
  std::string detail;       // short, never personal data: "outcome=disclosed"
};

struct Caller {
  Account account;
  std::string name;  // display name, else user name: "who recorded it"
  // Writes the entry in the open transaction; throws when it cannot (the use case fails).
  std::function<void(const AuditNote&)> audit;
};

}  // namespace zwgk::domain
