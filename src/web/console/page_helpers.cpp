// Helpers shared by the console pages (page_helpers.hpp).
#include "web/console/page_helpers.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "domain/china_time.hpp"
#include "domain/date.hpp"

namespace zwgk::web::console {

store::Actor actor_of(const ConsoleRequest& c) { return store::Actor{c.user.id, c.user.username, c.http.remote_address}; }

domain::Caller caller_of(const ConsoleRequest& c) {
  domain::Caller who;
  who.account = c.user;
  who.name = c.user.display_name.empty() ? c.user.username : c.user.display_name;
  who.audit = [&c](const domain::AuditNote& n) { c.audit(n.action, n.object_type, n.object_id, n.detail); };
  return who;
}

std::optional<std::string> china_local_to_utc(const std::string& local) {
  const auto t = domain::parse_china_minute(local);
  if (!t) return std::nullopt;
  return domain::to_utc_iso(*t);
}

std::string utc_to_china_display(const std::string& utc) {
  if (utc.size() < 16 || utc[10] != 'T') return utc;
  auto date = domain::Date::parse(utc.substr(0, 10));
  if (!date) return utc;
  int h = std::atoi(utc.substr(11, 2).c_str()), m = std::atoi(utc.substr(14, 2).c_str());
  const auto local =
      domain::china_time(std::chrono::sys_seconds(date->days()) + std::chrono::hours(h) + std::chrono::minutes(m));
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(local.time.hours().count()),
                static_cast<int>(local.time.minutes().count()));
  return local.date.iso() + buf;
}

std::string shorten(const std::string& text, std::size_t max_chars) {
  std::size_t chars = 0, i = 0;
  while (i < text.size()) {
    if (chars == max_chars) return text.substr(0, i) + "…";
    const unsigned char c = static_cast<unsigned char>(text[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++chars;
  }
  return text;
}

View select_options(const std::vector<std::pair<std::string, std::string>>& code_label, const std::string& chosen) {
  View out{View::type::list};
  for (const auto& [code, label] : code_label) {
    View o{View::type::object};
    o.set("code", code);
    o.set("label", label);
    o.set("selected", code == chosen);
    out.push_back(o);
  }
  return out;
}

}  // namespace zwgk::web::console
