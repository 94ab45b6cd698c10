// See incident_service.hpp.
#include "modules/hygq/service/incident_service.hpp"

#include <algorithm>
#include <map>

#include "domain/contact_formats.hpp"
#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "modules/hygq/domain/incident_notices.hpp"
#include "store/department_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/site_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::hygq {

namespace {

constexpr const char* kObject = "incident";

void check(const domain::Caller& caller, const char* action, const domain::Target& target) {
  if (auto r = domain::permission_refusal(caller.account, action, target)) throw domain::Forbidden(*r);
}

void audit(const domain::Caller& caller, const std::string& action, std::int64_t id, const std::string& detail) {
  if (caller.audit) caller.audit({action, kObject, std::to_string(id), detail});
}

// The department in charge must be one of the site's (DepartmentRepository::of_site).
void resolve_department(store::Database& db, std::int64_t site_id, domain::Incident& i) {
  auto dep = store::DepartmentRepository(db).of_site(site_id, i.department_id, "");
  i.department_id = dep ? std::optional<std::int64_t>(dep->id) : std::nullopt;
  i.department = dep ? dep->name : std::string();
}

}  // namespace

domain::Incident IncidentService::permitted(const domain::Caller& caller, std::int64_t id, const char* action) {
  auto found = store::IncidentRepository(db_).lock(id);
  // Another site's incident is absent, not refused.
  if (!found || found->site_id != caller.account.site_id) throw domain::NotFound("本网站没有这个事件。");
  check(caller, action, {found->site_id, found->department_id});
  return std::move(*found);
}

std::int64_t IncidentService::record(const domain::Caller& caller, const domain::IncidentInput& input) {
  store::UnitOfWork unit(db_);
  const auto site = caller.account.site_id;
  check(caller, "hygq.record", {site, std::nullopt});
  domain::Incident i;
  i.site_id = site;
  if (auto problems = domain::incident_input_problems(input, now(), i); !problems.empty())
    throw domain::Invalid(std::move(problems));
  resolve_department(db_, site, i);
  const auto id = store::IncidentRepository(db_).insert(i, caller.name);
  audit(caller, "hygq.record", id, "level=" + domain::to_code(i.level));
  unit.commit();
  return id;
}

void IncidentService::edit(const domain::Caller& caller, std::int64_t id, const domain::IncidentInput& input) {
  store::UnitOfWork unit(db_);
  auto i = permitted(caller, id, "hygq.record");
  if (auto problems = domain::incident_input_problems(input, now(), i); !problems.empty())
    throw domain::Invalid(std::move(problems));
  resolve_department(db_, i.site_id, i);
  store::IncidentRepository(db_).update(i);
  audit(caller, "hygq.edit", id, "level=" + domain::to_code(i.level));
  unit.commit();
}

void IncidentService::link_document(const domain::Caller& caller, std::int64_t id, std::int64_t document_id) {
  store::UnitOfWork unit(db_);
  auto i = permitted(caller, id, "hygq.respond");
  store::IncidentRepository repo(db_);
  if (!repo.document_of_site(i.site_id, document_id))
    throw domain::Invalid({"本网站没有编号为 " + std::to_string(document_id) + " 的文件"});
  if (!repo.link_document(id, document_id, caller.name)) throw domain::Conflict("这份文件已经关联到本事件");
  audit(caller, "hygq.link", id, "document_id=" + std::to_string(document_id));
  unit.commit();
}

void IncidentService::link_event(const domain::Caller& caller, std::int64_t id, std::int64_t event_id) {
  store::UnitOfWork unit(db_);
  auto i = permitted(caller, id, "hygq.respond");
  store::IncidentRepository repo(db_);
  if (!repo.event_of_site(i.site_id, event_id))
    throw domain::Invalid({"本网站没有编号为 " + std::to_string(event_id) + " 的新闻发布会或访谈"});
  if (!repo.link_event(id, event_id, caller.name)) throw domain::Conflict("这场活动已经关联到本事件");
  audit(caller, "hygq.link", id, "event_id=" + std::to_string(event_id));
  unit.commit();
}

void IncidentService::unlink(const domain::Caller& caller, std::int64_t id, std::int64_t link_id) {
  store::UnitOfWork unit(db_);
  permitted(caller, id, "hygq.respond");
  if (!store::IncidentRepository(db_).unlink(id, link_id)) throw domain::NotFound("没有这条关联。");
  audit(caller, "hygq.unlink", id, "link_id=" + std::to_string(link_id));
  unit.commit();
}

std::int64_t IncidentService::record_response(const domain::Caller& caller, std::int64_t id,
                                              const domain::ResponseInput& input) {
  store::UnitOfWork unit(db_);
  auto i = permitted(caller, id, "hygq.respond");
  domain::RecordedResponse r;
  if (auto problems = domain::response_input_problems(input, i, now(), r); !problems.empty())
    throw domain::Invalid(std::move(problems));
  store::IncidentResponse row;
  row.incident_id = id;
  row.clock = r.clock;
  row.at = r.at;
  row.what = r.what;
  row.url = r.url;
  row.created_by = caller.name;
  const auto rid = store::IncidentRepository(db_).add_response(row);
  audit(caller, "hygq.respond", id, "clock=" + domain::to_code(r.clock));
  unit.commit();
  return rid;
}

domain::IncidentSettings IncidentService::save_settings(const domain::Caller& caller, const SettingsInput& in) {
  store::UnitOfWork unit(db_);
  const auto site = caller.account.site_id;
  check(caller, "hygq.manage", {site, std::nullopt});
  std::vector<std::string> problems;
  domain::IncidentSettings s;
  std::string error;
  if (auto rules = domain::parse_clock_rules(in.clocks, error))
    s.rules = *rules;
  else
    problems.push_back(error);
  if (auto minutes = domain::parse_notice_minutes(in.notice_minutes, error))
    s.notice_minutes = *minutes;
  else
    problems.push_back(error);
  s.public_clock = in.public_clock;
  s.notify_email = in.notify_email;
  if (!s.notify_email.empty() && !domain::is_valid_email_address(s.notify_email))
    problems.push_back("通知邮箱格式不正确：" + s.notify_email);
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  store::IncidentRepository(db_).save_settings(site, s);
  audit(caller, "hygq.manage", site, "clocks=" + domain::format_clock_rules(s.rules));
  unit.commit();
  return s;
}

std::vector<domain::ClockStatus> IncidentService::clocks(const domain::Incident& incident,
                                                         const domain::IncidentSettings& settings) {
  return domain::incident_clocks(incident, settings.rules, store::IncidentRepository(db_).fulfilments(incident.id),
                                 now());
}

int IncidentService::send_notices() {
  const auto at = now();
  store::IncidentRepository repo(db_);
  std::map<std::int64_t, domain::IncidentSettings> settings_of;  // one read per site
  std::map<std::int64_t, std::string> site_names;
  int written = 0;
  // A clock lasts at most kMaxClockHours; a day more leaves room for its miss notice.
  const auto since = at - std::chrono::hours(domain::kMaxClockHours + 24);
  for (const auto& incident : repo.known_since(since)) {
    auto known = settings_of.find(incident.site_id);
    if (known == settings_of.end()) known = settings_of.emplace(incident.site_id, repo.settings(incident.site_id)).first;
    const auto& settings = known->second;
    const auto notices = domain::due_notices(clocks(incident, settings), settings.notice_minutes);
    if (notices.empty()) continue;
    std::vector<std::string> to;
    if (incident.department_id) to.push_back(repo.department_email(incident.site_id, *incident.department_id));
    to.push_back(settings.notify_email);
    to.erase(std::remove_if(to.begin(), to.end(), [](const std::string& a) { return a.empty(); }), to.end());
    std::sort(to.begin(), to.end());
    to.erase(std::unique(to.begin(), to.end()), to.end());
    if (to.empty()) continue;  // nobody to tell: kept for when an address is set
    if (!site_names.count(incident.site_id)) {
      auto site = store::SiteRepository(db_).by_id(incident.site_id);
      site_names[incident.site_id] = site ? site->name : std::string();
    }
    const std::string url =
        console_base_.empty() ? std::string() : console_base_ + "/console/incidents/" + std::to_string(incident.id) + "/";
    for (const auto& n : notices) {
      store::UnitOfWork unit(db_);
      // Written once per incident and key, on whichever node gets there first.
      if (!repo.mark_notice(incident.id, n.once_key, at)) continue;
      const auto text = domain::incident_notice(n, incident, site_names[incident.site_id], url);
      for (const auto& address : to)
        written += store::OutboxRepository(db_, key_).enqueue(
                       {incident.site_id, domain::to_code(n.kind), kObject, std::to_string(incident.id), address,
                        text.subject, text.body},
                       store::outbox_time(clock_())) != 0;
      unit.commit();
    }
  }
  return written;
}

}  // namespace zwgk::modules::hygq
