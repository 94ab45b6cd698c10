#pragma once
// Small helpers shared by the console pages of the kernel and of the modules.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/account.hpp"
#include "store/audit_log.hpp"
#include "web/console/console.hpp"
#include "web/query_params.hpp"

namespace zwgk::web::console {

// Route parameter {id} as a positive integer.
inline std::optional<std::int64_t> id_param(const ConsoleRequest& c, const std::string& name = "id") {
  return parse_positive_integer(c.http.param(name));
}

// Management writes: site administrators only, on their own site.
inline const Access& admin_only() {
  static const Access a = Access::only({domain::Role::SiteAdmin});
  return a;
}
// Management pages may be read by the site administrator and the auditor (只读).
inline const Access& admin_or_auditor() {
  static const Access a = Access::only({domain::Role::SiteAdmin, domain::Role::Auditor});
  return a;
}

inline bool can_manage(const ConsoleRequest& c) { return c.user.role == domain::Role::SiteAdmin; }

// Trimmed form field.
inline std::string field(const ConsoleRequest& c, const std::string& name) {
  std::string v = c.form.value(name);
  const auto b = v.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = v.find_last_not_of(" \t\r\n");
  return v.substr(b, e - b + 1);
}

// The audit actor of a console request (account, user name, client address).
store::Actor actor_of(const ConsoleRequest& c);

// "2025-05-06T09:30" (datetime-local, China Standard Time) -> "2025-05-06T01:30:00Z".
std::optional<std::string> china_local_to_utc(const std::string& local);
// "2025-05-06T01:30:00Z" -> "2025-05-06 09:30" (China Standard Time) for display.
std::string utc_to_china_display(const std::string& utc);

// Shortened display value (at most `max_chars` characters, "…" appended when cut).
std::string shorten(const std::string& text, std::size_t max_chars);

}  // namespace zwgk::web::console
