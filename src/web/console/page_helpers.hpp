#pragma once
// Small helpers shared by the console pages of the kernel and of the modules.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/account.hpp"
#include "domain/caller.hpp"
#include "domain/permission_registry.hpp"
#include "store/actor.hpp"
#include "web/console/console.hpp"
#include "web/query_params.hpp"

namespace zwgk::web::console {

// Route parameter {id} as a positive integer.
inline std::optional<std::int64_t> id_param(const ConsoleRequest& c, const std::string& name = "id") {
  return parse_positive_integer(c.http.param(name));
}

// The permission registry's answer for the signed-in user (domain/permission_registry.hpp):
// on their own site (management actions, "may this user change the site's users?") or on
// an object (a document, an application: its site and department).
inline bool may(const ConsoleRequest& c, std::string_view action) {
  return domain::may(c.user, action, domain::Target{c.site.id, std::nullopt});
}
inline bool may(const ConsoleRequest& c, std::string_view action, const domain::Target& target) {
  return domain::may(c.user, action, target);
}

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
// The signed-in user as a service function's caller: the account, the display name (else
// the user name) and c.audit() as the audit sink (the entry joins the POST's transaction).
domain::Caller caller_of(const ConsoleRequest& c);

// "2025-05-06T09:30" (datetime-local, China Standard Time) -> "2025-05-06T01:30:00Z".
std::optional<std::string> china_local_to_utc(const std::string& local);
// "2025-05-06T01:30:00Z" -> "2025-05-06 09:30" (China Standard Time) for display.
std::string utc_to_china_display(const std::string& utc);

// The options of a <select>: each {code, label, selected} (selected when code == chosen).
View select_options(const std::vector<std::pair<std::string, std::string>>& code_label, const std::string& chosen = {});

// Shortened display value (at most `max_chars` characters, "…" appended when cut).
std::string shorten(const std::string& text, std::size_t max_chars);

}  // namespace zwgk::web::console
