// See list_service.hpp.
#include "modules/qd/service/list_service.hpp"

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "domain/utf8.hpp"
#include "modules/qd/domain/list_rows.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/department_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::qd {

namespace {

constexpr const char* kNotFound = "本网站没有这份清单。";
constexpr std::size_t kTitleMaxChars = 200;

void require(const domain::Caller& caller, const char* action, const domain::Target& t) {
  if (auto r = domain::permission_refusal(caller.account, action, t)) throw domain::Forbidden(*r);
}

void note(const domain::Caller& caller, const std::string& action, std::int64_t id, const std::string& detail = {}) {
  if (caller.audit) caller.audit({action, "list", std::to_string(id), detail});
}

}  // namespace

domain::Date ListService::today() const { return domain::china_date_of_unix(clock_()); }

std::vector<domain::ListType> ListService::types(std::int64_t site_id) {
  auto out = domain::shipped_list_types();
  for (auto& t : store::ListRepository(db_).site_types(site_id)) out.push_back(std::move(t));
  return out;
}

domain::ListType ListService::type_of(const store::StoredList& l) {
  for (auto& t : types(l.site_id))
    if (t.code == l.type_code) return t;
  throw domain::Conflict("清单类型“" + l.type_code + "”已不存在");
}

void ListService::define_type(const domain::Caller& caller, const std::string& text) {
  const auto site = caller.account.site_id;
  store::UnitOfWork unit(db_);
  require(caller, "qd.types", {site, std::nullopt});
  auto parsed = domain::parse_list_type(text);
  if (!parsed.problems.empty()) throw domain::Invalid(std::move(parsed.problems));
  for (const auto& t : types(site))
    if (t.code == parsed.type.code || t.name == parsed.type.name)
      throw domain::Conflict("已有清单类型“" + t.name + "”（" + t.code + "）");
  store::ListRepository(db_).add_type(site, parsed.type, clock_());
  if (caller.audit) caller.audit({"qd.define_type", "list_type", parsed.type.code, ""});
  unit.commit();
}

store::StoredList ListService::permitted(const domain::Caller& caller, std::int64_t list_id, const char* action) {
  auto l = store::ListRepository(db_).find(list_id);
  if (!l || l->site_id != caller.account.site_id) throw domain::NotFound(kNotFound);
  require(caller, action, {l->site_id, l->department_id});
  return *l;
}

std::int64_t ListService::create(const domain::Caller& caller, const NewList& in) {
  const auto site = caller.account.site_id;
  store::UnitOfWork unit(db_);
  std::vector<std::string> problems;
  bool known_type = false;
  for (const auto& t : types(site)) known_type = known_type || t.code == in.type_code;
  if (!known_type) problems.push_back("请选择清单类型");
  const auto title = domain::trim_cell(in.title);
  if (title.empty()) problems.push_back("请填写清单名称");
  else if (domain::count_characters(title) > kTitleMaxChars) problems.push_back("清单名称不能超过200字");
  auto dep = store::DepartmentRepository(db_).by_id(in.department_id);
  if (!dep || dep->site_id != site) problems.push_back("请选择本网站的部门");
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  require(caller, "qd.edit", {site, in.department_id});
  store::StoredList l;
  l.site_id = site;
  l.type_code = in.type_code;
  l.title = title;
  l.department_id = in.department_id;
  const auto id = store::ListRepository(db_).create(l, clock_());
  note(caller, "qd.create", id, "type=" + in.type_code);
  unit.commit();
  return id;
}

std::size_t ListService::upload(const domain::Caller& caller, std::int64_t list_id, const std::vector<domain::SheetRow>& rows) {
  store::UnitOfWork unit(db_);
  const auto l = permitted(caller, list_id, "qd.edit");
  store::ListRepository repo(db_);
  if (auto w = repo.working(list_id);
      w && (w->state == store::ListVersionState::Submitted || w->state == store::ListVersionState::Approved))
    throw domain::Conflict("这份清单的新版本已" + store::to_label(w->state) + "，退回后才能重新上传");
  const auto type = type_of(l);
  const auto departments = store::DepartmentRepository(db_).by_site(l.site_id);
  const domain::DepartmentNames lookup = [&departments](const std::string& name) -> std::optional<std::string> {
    for (const auto& d : departments)
      if (d.name == name || (!d.short_name.empty() && d.short_name == name)) return d.name;
    return std::nullopt;
  };
  auto plan = domain::plan_list_import(type, rows, lookup);
  if (!plan.problems.empty()) throw domain::Invalid(std::move(plan.problems));
  repo.save_working(l, plan.items, caller.name, clock_());
  note(caller, "qd.upload", list_id, "items=" + std::to_string(plan.items.size()));
  unit.commit();
  return plan.items.size();
}

void ListService::submit(const domain::Caller& caller, std::int64_t list_id) {
  store::UnitOfWork unit(db_);
  const auto l = permitted(caller, list_id, "qd.edit");
  store::ListRepository repo(db_);
  auto w = repo.working(list_id);
  if (!w || (w->state != store::ListVersionState::Draft && w->state != store::ListVersionState::Returned))
    throw domain::Conflict("没有待提交的清单版本，请先上传");
  domain::PrivacyScanOptions options;
  options.today = today();
  // 《条例》第十五条: personal data in a cell blocks the version before anyone reviews it.
  if (auto problems = domain::list_privacy_problems(type_of(l), w->items, options); !problems.empty())
    throw domain::Invalid(std::move(problems), "privacy");
  repo.set_state(l, w->id, store::ListVersionState::Submitted, "", caller.name, clock_());
  note(caller, "qd.submit", list_id);
  unit.commit();
}

void ListService::review(const domain::Caller& caller, std::int64_t list_id, bool pass, const std::string& reason) {
  store::UnitOfWork unit(db_);
  const auto l = permitted(caller, list_id, "qd.review");
  store::ListRepository repo(db_);
  auto w = repo.working(list_id);
  if (!w || w->state != store::ListVersionState::Submitted) throw domain::Conflict("没有待审核的清单版本");
  const auto why = domain::trim_cell(reason);
  if (!pass && why.empty()) throw domain::Invalid({"退回时请写明理由"});
  repo.set_state(l, w->id, pass ? store::ListVersionState::Approved : store::ListVersionState::Returned, why, caller.name,
                 clock_());
  note(caller, pass ? "qd.approve" : "qd.return", list_id);
  unit.commit();
}

int ListService::publish(const domain::Caller& caller, std::int64_t list_id, const std::string& effective_on) {
  store::UnitOfWork unit(db_);
  const auto l = permitted(caller, list_id, "qd.publish");
  store::ListRepository repo(db_);
  auto w = repo.working(list_id);
  if (!w || w->state != store::ListVersionState::Approved) throw domain::Conflict("清单版本尚未通过保密审查，不能发布");
  const auto effective = domain::parse_sheet_date(effective_on);
  if (!effective) throw domain::Invalid({"施行日期“" + effective_on + "”无法识别，请按“2026-03-01”的格式填写"});
  const auto published = repo.published(list_id);
  const auto before = published.empty() ? std::vector<domain::ListItem>{} : published.back().items;
  const auto changes = domain::compare_versions(type_of(l), before, w->items);
  const int number = published.empty() ? 1 : *published.back().number + 1;
  repo.publish(l, w->id, number, *effective, published.empty() ? "首次发布，共" + std::to_string(w->items.size()) + "项" : changes.summary(),
               caller.name, clock_());
  note(caller, "qd.publish", list_id, "version=" + std::to_string(number));
  unit.commit();
  return number;
}

ListView ListService::public_view(std::int64_t site_id, std::int64_t list_id, std::optional<domain::Date> on) {
  auto l = store::ListRepository(db_).find(list_id);
  if (!l || l->site_id != site_id) throw domain::NotFound(kNotFound);
  ListView v;
  v.list = *l;
  v.versions = store::ListRepository(db_).published(list_id);
  if (v.versions.empty()) throw domain::NotFound(kNotFound);
  v.type = type_of(*l);
  v.on = on.value_or(today());
  std::vector<domain::VersionDate> dates;
  for (const auto& x : v.versions) dates.push_back({*x.number, *x.effective_on});
  if (auto n = domain::version_in_force(dates, v.on)) {
    v.shown = static_cast<std::size_t>(*n - 1);
    v.in_force = true;
  } else {
    v.shown = 0;  // not yet in force on that date: show the first, and say so
  }
  const auto& shown = v.versions[*v.shown];
  const auto before = *v.shown == 0 ? std::vector<domain::ListItem>{} : v.versions[*v.shown - 1].items;
  v.changes = domain::compare_versions(v.type, before, shown.items);
  if (l->type_code == "random_inspection") {
    store::ListRepository repo(db_);
    for (const auto& r : repo.of_site(site_id))
      if (r.type_code == "random_inspection_results" && !repo.published(r.id).empty()) {
        v.results_list_id = r.id;
        break;
      }
  }
  return v;
}

std::vector<ListView> ListService::published_lists(std::int64_t site_id) {
  std::vector<ListView> out;
  for (const auto& l : store::ListRepository(db_).of_site(site_id)) {
    try {
      out.push_back(public_view(site_id, l.id));
    } catch (const domain::NotFound&) {
      // never published
    }
  }
  return out;
}

ListSearch ListService::search(std::int64_t site_id, const std::string& text, std::size_t limit) {
  ListSearch out;
  if (text.empty()) return out;
  for (const auto& v : published_lists(site_id)) {
    const auto& l = v.list;
    bool matched = false;
    for (const auto& item : v.versions[*v.shown].items) {
      if (!domain::item_current(v.type, item, v.on)) continue;
      bool hit = false;
      for (const auto& cell : item) hit = hit || cell.find(text) != std::string::npos;
      if (!hit) continue;
      matched = true;
      ++out.total;
      if (out.hits.size() >= limit) continue;
      std::string cells;
      for (const auto& cell : item)
        if (!cell.empty()) cells += (cells.empty() ? "" : " · ") + cell;
      out.hits.push_back({l, domain::item_key_text(v.type, item), cells});
    }
    if (matched) out.lists.push_back(l.id);
  }
  return out;
}

std::optional<store::ListVersion> ListService::working(const domain::Caller& caller, std::int64_t list_id) {
  permitted(caller, list_id, "qd.view");
  return store::ListRepository(db_).working(list_id);
}

std::optional<FeedbackMailbox> ListService::feedback_mailbox(std::int64_t site_id, std::int64_t department_id) {
  const auto boxes = store::MailboxRepository(db_).mailboxes(site_id);
  const domain::Mailbox* chosen = nullptr;
  for (const auto& m : boxes)
    if (m.kind == domain::MailboxKind::Department && m.department_id == department_id) chosen = &m;
  for (const auto& m : boxes)
    if (!chosen && m.kind == domain::MailboxKind::Consultation) chosen = &m;
  for (const auto& m : boxes)
    if (!chosen && m.kind != domain::MailboxKind::ErrorReport) chosen = &m;
  if (!chosen) return std::nullopt;
  return FeedbackMailbox{chosen->code, chosen->name};
}

}  // namespace zwgk::modules::qd
