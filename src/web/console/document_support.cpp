// Shared helpers of the console's document pages (see document_support.hpp).
#include "web/console/document_support.hpp"

#include "web/urls.hpp"

#include <chrono>
#include <cstdio>

#include <cctype>
#include <cstdlib>
#include "domain/china_time.hpp"
#include "ingest/ingest_error.hpp"
#include "store/document_repository.hpp"

namespace zwgk::web::console {

store::Actor actor_of(const ConsoleRequest& c) { return store::Actor{c.user.id, c.user.username, c.http.remote_address}; }

bool department_scoped(domain::Role role) {
  return role == domain::Role::DepartmentEditor || role == domain::Role::DepartmentReviewer;
}

std::string console_attachment_url(std::int64_t document_id, const domain::Attachment& a) {
  return "/console/documents/" + std::to_string(document_id) + attachment_url(a.sha256, a.file_name);
}

std::optional<Loaded> load_visible(ConsoleRequest& c, std::int64_t id) {
  store::WorkflowRepository wf(c.db);
  auto row = store::DocumentRepository(c.db).by_id(id);
  if (!row || row->site_id != c.site.id) return std::nullopt;
  Loaded l;
  l.doc = *row;
  if (auto info = wf.info(id)) {
    l.info = *info;
    if (info->latest_revision > 0)
      if (auto rev = wf.revision(id, info->latest_revision)) l.doc = rev->snapshot;
  } else {
    l.info.document_id = id;
    l.info.status.public_state = row->state;
    l.info.status.stage = row->state == domain::DocumentState::Published   ? domain::Stage::Published
                          : row->state == domain::DocumentState::Withdrawn ? domain::Stage::Withdrawn
                                                                           : domain::Stage::Draft;
    l.info.status.has_published_version = row->state != domain::DocumentState::Draft;
  }
  if (domain::permission_refusal(c.user, domain::Action::View, domain::Target{row->site_id, row->department_id}))
    return std::nullopt;
  return l;
}

bool may(const ConsoleRequest& c, domain::Action action, const Loaded& l) {
  return !domain::transition_refusal(c.user, action, domain::Target{l.doc.site_id, l.doc.department_id},
                                     l.info.status);
}

http::Response run_action(ConsoleRequest& c, const std::function<http::Response()>& action) {
  try {
    return action();
  } catch (const store::WorkflowRefused& e) {
    const int status = e.kind() == store::WorkflowRefused::Kind::Forbidden ? 403 : 409;
    return c.refuse(std::string(e.what()) + "（操作未执行）", status);
  } catch (const store::RevisionConflict& e) {
    return c.refuse(std::string(e.what()) + " 请重新打开文件查看最新内容后再操作。（操作未执行）", 409);
  } catch (const ingest::IngestError& e) {
    return c.refuse(std::string(e.what()) + "（操作未执行）", 400);
  }
}

std::optional<std::string> china_local_to_utc(const std::string& local) {
  // YYYY-MM-DDTHH:MM[:SS]
  if (local.size() < 16 || local[10] != 'T' || local[13] != ':') return std::nullopt;
  auto date = domain::Date::parse(local.substr(0, 10));
  if (!date) return std::nullopt;
  int h = 0, m = 0, s = 0;
  auto digits = [&](std::size_t pos, int& out, int max) {
    if (pos + 2 > local.size() || !std::isdigit(static_cast<unsigned char>(local[pos])) ||
        !std::isdigit(static_cast<unsigned char>(local[pos + 1])))
      return false;
    out = (local[pos] - '0') * 10 + (local[pos + 1] - '0');
    return out <= max;
  };
  if (!digits(11, h, 23) || !digits(14, m, 59)) return std::nullopt;
  if (local.size() > 16) {
    if (local.size() != 19 || local[16] != ':' || !digits(17, s, 59)) return std::nullopt;
  }
  auto tp = domain::china_midnight(*date) + std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
  auto day = std::chrono::floor<std::chrono::days>(tp);
  auto rest = tp - day;
  const auto hh = std::chrono::duration_cast<std::chrono::hours>(rest);
  const auto mm = std::chrono::duration_cast<std::chrono::minutes>(rest - hh);
  const auto ss = std::chrono::duration_cast<std::chrono::seconds>(rest - hh - mm);
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(hh.count()), static_cast<int>(mm.count()),
                static_cast<int>(ss.count()));
  return domain::Date::from_sys_days(day).iso() + buf;
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

}  // namespace zwgk::web::console
