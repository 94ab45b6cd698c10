#pragma once
// Who did it, as an audit entry records it (store/audit_log.hpp). A header of its own so that
// the repositories and pages that only name the actor do not pull in the audit log's JSON.
#include <cstdint>
#include <string>

namespace zwgk::store {

// The system (scheduled publishing) is {0, "system", ""}; an online applicant {0, "public", ""}.
struct Actor {
  std::int64_t account_id = 0;
  std::string username;
  std::string address;  // client IP address; "" for the command line
};

}  // namespace zwgk::store
