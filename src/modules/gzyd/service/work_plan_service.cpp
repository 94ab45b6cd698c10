// 工作要点 and 任务督办's use cases: see work_plan_service.hpp.
#include "modules/gzyd/service/work_plan_service.hpp"

#include <algorithm>
#include <set>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "modules/gzyd/domain/task_progress.hpp"
#include "modules/gzyd/domain/work_plan_parser.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/blob_store.hpp"
#include "store/department_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/site_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::gzyd {

namespace {

// Whom a unit's report is for in the permission registry: its department, or its county's site.
domain::Target unit_target(const store::StoredPlan& plan, const store::StoredTaskUnit& u) {
  return {u.unit_site_id.value_or(plan.site_id), u.department_id};
}

// The candidates a 要点's units are matched against: the site's departments with the names the
// office mapped by hand, and every other site of the installation as a county government.
// Sites get negative ids so that they never meet a department's.
std::vector<domain::UnitCandidate> candidates(store::Database& db, std::int64_t site_id) {
  std::vector<domain::UnitCandidate> out;
  const auto aliases = store::WorkPlanRepository(db).aliases(site_id);
  for (const auto& d : store::DepartmentRepository(db).by_site(site_id)) {
    domain::UnitCandidate c{d.id, d.name, d.short_name, {}, false};
    for (const auto& [mention, id] : aliases)
      if (id == d.id) c.aliases.push_back(mention);
    out.push_back(std::move(c));
  }
  for (const auto& s : store::SiteRepository(db).all())
    if (s.id != site_id) out.push_back({-s.id, s.name, "", {}, true});
  return out;
}

std::string role_label(domain::UnitRole r) { return std::string(domain::to_label(r)); }

std::string now_iso(const std::function<long long()>& clock) { return domain::to_utc_iso_of_unix(clock()); }

// A department's 承办人 and 负责人 addresses, as 政民互动's settings keep them (the office sets
// them once for every 督办).
std::pair<std::string, std::string> department_contact(store::Database& db, std::int64_t site_id,
                                                       std::int64_t department_id) {
  const auto c = store::MailboxRepository(db).contact(site_id, department_id);
  return {c.staff_email, c.head_email};
}

}  // namespace

WorkPlanService::WorkPlanService(store::Database& db, const store::PersonalDataKey& key,
                                 const domain::WorkingDayCalendar& calendar, std::function<long long()> clock)
    : db_(db), key_(key), calendar_(calendar), clock_(std::move(clock)) {}

ImportSummary WorkPlanService::import_plan(const domain::Caller& caller, std::int64_t site_id, const PlanImport& in) {
  domain::require_permission(caller.account, "gzyd.manage", {site_id, std::nullopt});
  if (in.year < 2008 || in.year > 9999) throw domain::Invalid({"年份不正确"});
  const auto parsed = domain::parse_work_plan(in.text);
  int numbered = 0;
  for (const auto& s : parsed.sections) numbered += static_cast<int>(s.tasks.size());
  if (numbered == 0)
    throw domain::Invalid({"没有识别出任务：要点的各部分应以“一、”“二、”开头，各项任务以“（一）”“（二）”开头"});
  const auto cands = candidates(db_, site_id);
  std::map<std::int64_t, std::string> names;
  for (const auto& c : cands) names[c.id] = c.name;
  std::map<std::string, domain::UnitMatch> matches;
  for (const auto& m : domain::match_units(domain::distinct_unit_mentions(parsed), cands)) matches[m.mention] = m;

  store::UnitOfWork unit(db_);
  store::WorkPlanRepository repo(db_);
  store::StoredPlan plan;
  plan.site_id = site_id;
  plan.year = in.year;
  plan.title = parsed.title.empty() ? std::to_string(in.year) + "年政务公开工作要点" : parsed.title;
  plan.published_on = in.published_on;
  plan.source_text = in.text;
  plan.warnings = parsed.warnings;
  plan.created_at = now_iso(clock_);
  plan.created_by = caller.name;
  repo.insert_plan(plan);

  auto add_units = [&](std::int64_t task_id, const std::string& mention, const std::string& role,
                       const std::string& requirement) {
    const auto& m = matches[mention];
    store::StoredTaskUnit u;
    u.task_id = task_id;
    u.mention = mention;
    u.role = role;
    u.requirement = requirement;
    if (m.ids.empty()) {
      repo.insert_unit(u);  // 待对应: the office maps it by hand
      return;
    }
    for (auto id : m.ids) {  // 各县市区政府: one row for each county
      u.id = 0;
      u.unit_name = names[id];
      u.department_id.reset();
      u.unit_site_id.reset();
      if (id < 0) u.unit_site_id = -id;
      else u.department_id = id;
      repo.insert_unit(u);
    }
  };
  // First each unit's 工作方案 (结尾段: within 20 working days of the 要点).
  int position = 0;
  store::StoredTask programme{0, plan.id, position++, domain::kProgrammeTaskCode, "", "制定并公开本单位政务公开工作方案",
                              "各责任单位在工作要点公布后" + std::to_string(domain::kProgrammeWorkingDays) +
                                  "个工作日内，结合实际制定本单位工作方案并在政府网站公开。",
                              domain::programme_due_on(in.published_on, calendar_).date};
  repo.insert_task(programme);
  for (const auto& mention : domain::distinct_unit_mentions(parsed)) add_units(programme.id, mention, "负责", "");
  // Then the tasks, due 12月20日 (落实情况).
  ImportSummary summary;
  for (const auto& s : parsed.sections)
    for (const auto& t : s.tasks) {
      store::StoredTask task{0, plan.id, position++, t.code, s.number + "、" + s.title, t.title, t.text,
                             domain::progress_due_on(in.year)};
      repo.insert_task(task);
      ++summary.tasks;
      std::set<std::string> seen;  // a unit named in two clauses of a task reports once
      for (const auto& a : t.assignments)
        for (const auto& u : a.units) {
          ++summary.mentions;
          if (seen.insert(u.name).second) add_units(task.id, u.name, role_label(u.role), a.text);
        }
    }
  for (const auto& [mention, m] : matches) {
    ++summary.distinct_units;
    if (m.how == domain::UnitMatch::How::Unmatched) summary.unmatched.push_back(m);
    else ++summary.matched[m.how];
  }
  summary.plan_id = plan.id;
  summary.warnings = parsed.warnings;
  caller.audit({"gzyd.import", "work_plan", std::to_string(plan.id),
                "year=" + std::to_string(in.year) + " tasks=" + std::to_string(summary.tasks) +
                    " unmatched=" + std::to_string(summary.unmatched.size())});
  unit.commit();
  return summary;
}

int WorkPlanService::map_unit(const domain::Caller& caller, std::int64_t plan_id, const std::string& mention,
                              std::int64_t department_id) {
  store::WorkPlanRepository repo(db_);
  const auto plan = repo.plan_by_id(plan_id);
  if (!plan) throw domain::NotFound("没有这份工作要点");
  domain::require_permission(caller.account, "gzyd.manage", {plan->site_id, std::nullopt});
  const auto d = store::DepartmentRepository(db_).by_id(department_id);
  if (!d || d->site_id != plan->site_id) throw domain::Invalid({"本网站没有这个部门"});
  store::UnitOfWork unit(db_);
  const int n = repo.map_mention(plan_id, mention, d->id, std::nullopt, d->name);
  if (n == 0) throw domain::Invalid({"要点中没有“" + mention + "”"});
  repo.save_alias(plan->site_id, mention, d->id);
  caller.audit({"gzyd.map_unit", "work_plan", std::to_string(plan_id), mention + "=" + std::to_string(d->id)});
  unit.commit();
  return n;
}

void WorkPlanService::set_due(const domain::Caller& caller, std::int64_t task_id, domain::Date due_on) {
  store::WorkPlanRepository repo(db_);
  const auto task = repo.task(task_id);
  if (!task) throw domain::NotFound("没有这项任务");
  const auto plan = repo.plan_by_id(task->plan_id);
  domain::require_permission(caller.account, "gzyd.manage", {plan->site_id, std::nullopt});
  store::UnitOfWork unit(db_);
  repo.set_due(task_id, due_on);
  caller.audit({"gzyd.set_due", "work_task", std::to_string(task_id), due_on.iso()});
  unit.commit();
}

void WorkPlanService::report(const domain::Caller& caller, std::int64_t unit_id, const std::string& text,
                             const std::vector<std::string>& links, const std::vector<ProgressFile>& files) {
  store::WorkPlanRepository repo(db_);
  auto u = repo.unit(unit_id);
  const auto plan = u ? repo.plan_of_unit(unit_id) : std::nullopt;
  if (!u || !plan) throw domain::NotFound("没有这项任务");
  if (!u->matched()) throw domain::Conflict("这个责任单位尚未对应到部门");
  domain::require_permission(caller.account, "gzyd.report", unit_target(*plan, *u));
  if (u->state == domain::TaskUnitState::Approved) throw domain::Conflict("落实情况已通过，不能再修改");
  if (const auto p = domain::progress_problem(text); !p.empty()) throw domain::Invalid({p});
  if (links.size() > 20) throw domain::Invalid({"链接最多 20 个"});
  static const std::vector<std::string> allowed = {
      "application/pdf", "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/ofd", "image/png", "image/jpeg"};
  std::size_t already = 0;
  for (const auto& f : repo.files_of_plan(plan->id)) already += f.unit_id == unit_id;
  if (already + files.size() > kMaxProgressFiles)
    throw domain::Invalid({"每项任务最多附 " + std::to_string(kMaxProgressFiles) + " 个文件"});
  for (const auto& f : files) {
    if (f.data.empty()) throw domain::Invalid({"附件“" + f.file_name + "”是空文件"});
    if (std::find(allowed.begin(), allowed.end(), f.media_type) == allowed.end())
      throw domain::Invalid({"附件“" + f.file_name + "”不是 PDF、Word、Excel、OFD 或图片文件"});
  }
  store::UnitOfWork unit(db_);
  for (const auto& f : files) repo.add_file(unit_id, f.data, f.file_name, f.media_type, now_iso(clock_));
  u->report = text;
  u->links = links;
  u->state = domain::TaskUnitState::Submitted;
  u->reported_at = now_iso(clock_);
  u->reported_by = caller.name;
  repo.save_unit(*u);
  caller.audit({"gzyd.report", "work_task_unit", std::to_string(unit_id),
                "task=" + std::to_string(u->task_id) + " files=" + std::to_string(files.size())});
  unit.commit();
}

void WorkPlanService::review(const domain::Caller& caller, std::int64_t unit_id, bool approve, const std::string& note) {
  store::WorkPlanRepository repo(db_);
  auto u = repo.unit(unit_id);
  const auto plan = u ? repo.plan_of_unit(unit_id) : std::nullopt;
  if (!u || !plan) throw domain::NotFound("没有这项任务");
  domain::require_permission(caller.account, "gzyd.manage", {plan->site_id, std::nullopt});
  if (u->state != domain::TaskUnitState::Submitted) throw domain::Conflict("只能审核已报送的落实情况");
  if (const auto p = domain::review_problem(approve, note); !p.empty()) throw domain::Invalid({p});
  store::UnitOfWork unit(db_);
  u->state = approve ? domain::TaskUnitState::Approved : domain::TaskUnitState::Returned;
  u->review_note = note;
  u->reviewed_at = now_iso(clock_);
  u->reviewed_by = caller.name;
  repo.save_unit(*u);
  caller.audit({approve ? "gzyd.approve" : "gzyd.return", "work_task_unit", std::to_string(unit_id), ""});
  unit.commit();
}

namespace {

PlanView view_of(store::WorkPlanRepository& repo, const store::StoredPlan& plan) {
  PlanView v;
  v.plan = plan;
  v.tasks = repo.tasks(plan.id);
  v.units = repo.units(plan.id);
  std::set<std::string> seen;
  for (const auto& u : v.units)
    if (!u.matched() && seen.insert(u.mention).second) v.unmatched.push_back(u.mention);
  for (auto& f : repo.files_of_plan(plan.id)) v.files[f.unit_id].push_back(std::move(f));
  return v;
}

}  // namespace

PlanView WorkPlanService::plan(const domain::Caller& caller, std::int64_t plan_id) {
  store::WorkPlanRepository repo(db_);
  const auto plan = repo.plan_by_id(plan_id);
  if (!plan) throw domain::NotFound("没有这份工作要点");
  domain::require_permission(caller.account, "gzyd.view", {plan->site_id, caller.account.department_id});
  return view_of(repo, *plan);
}

std::vector<store::StoredPlan> WorkPlanService::plans(std::int64_t site_id) {
  return store::WorkPlanRepository(db_).plans(site_id);
}

std::vector<std::pair<store::StoredTask, store::StoredTaskUnit>> WorkPlanService::my_units(
    const domain::Caller& caller) {
  std::vector<std::pair<store::StoredTask, store::StoredTaskUnit>> out;
  store::WorkPlanRepository repo(db_);
  std::vector<store::StoredPlan> all;
  for (const auto& s : store::SiteRepository(db_).all())  // a county's share is in the city's plan
    for (auto& p : repo.plans(s.id)) all.push_back(std::move(p));
  for (const auto& plan : all) {
    std::map<std::int64_t, store::StoredTask> tasks;
    for (auto& t : repo.tasks(plan.id)) tasks[t.id] = t;
    for (auto& u : repo.units(plan.id)) {
      if (!u.matched()) continue;
      // Mine: my department's, or (the office of a county) my site's 各县市区政府 share.
      const bool mine = u.department_id ? u.department_id == caller.account.department_id
                                        : u.unit_site_id == caller.account.site_id && !caller.account.department_id;
      if (mine && domain::permission_registry().may(caller.account, "gzyd.report", unit_target(plan, u)))
        out.emplace_back(tasks[u.task_id], std::move(u));
    }
  }
  return out;
}

std::vector<std::pair<store::StoredTask, store::StoredTaskUnit>> WorkPlanService::overdue(std::int64_t site_id,
                                                                                          domain::Date today) {
  std::vector<std::pair<store::StoredTask, store::StoredTaskUnit>> out;
  store::WorkPlanRepository repo(db_);
  for (const auto& plan : repo.plans(site_id)) {
    std::map<std::int64_t, store::StoredTask> tasks;
    for (auto& t : repo.tasks(plan.id)) tasks[t.id] = t;
    for (auto& u : repo.units(plan.id))
      if (u.matched() && domain::is_overdue(u.state, tasks[u.task_id].due_on, today))
        out.emplace_back(tasks[u.task_id], std::move(u));
  }
  return out;
}

int WorkPlanService::notify_overdue(std::int64_t site_id, domain::Date today, const std::string& base_url) {
  int sent = 0;
  const auto site = store::SiteRepository(db_).by_id(site_id);
  if (!site) return 0;
  for (auto& [task, u] : overdue(site_id, today)) {
    if (!u.overdue_notified_on.empty() || !u.department_id) continue;
    const auto contact = department_contact(db_, site_id, *u.department_id);
    std::vector<std::string> to;
    for (const auto* e : {&contact.first, &contact.second})
      if (!e->empty()) to.push_back(*e);
    if (to.empty()) continue;  // no address yet: the mail goes once one is set
    store::UnitOfWork unit(db_);
    store::OutboxRepository outbox(db_, key_);
    const std::string subject = "【督办】" + u.unit_name + "：" + (task.code == domain::kProgrammeTaskCode ? "工作方案" : "工作要点" + task.code) + "已逾期";
    const std::string body = u.unit_name + "：\n\n" + site->name + "政务公开工作要点中由贵单位" + u.role + "的任务“" +
                             task.title + "”应于" + task.due_on.iso() + "前报送落实情况，至今未报送，请尽快办理。\n\n" +
                             "报送入口：" + base_url + "/console/work-plans/\n\n" + site->name + "政务公开办公室\n";
    bool any = false;
    for (const auto& address : to)
      any |= outbox.enqueue({site_id, "gzyd.overdue", "work_task_unit", std::to_string(u.id), address, subject, body},
                            now_iso(clock_)) != 0;
    if (!any) continue;
    u.overdue_notified_on = today.iso();
    store::WorkPlanRepository(db_).save_unit(u);
    unit.commit();
    ++sent;
  }
  return sent;
}

namespace {

std::string bytes_of(store::Database& db, const store::StoredUnitFile& f) {
  auto blob = store::BlobStore(db).get(f.sha256);
  if (!blob) throw domain::NotFound("文件内容已不在");
  return std::move(blob->data);
}

}  // namespace

std::pair<store::StoredUnitFile, std::string> WorkPlanService::file(const domain::Caller& caller, std::int64_t file_id) {
  store::WorkPlanRepository repo(db_);
  const auto f = repo.file(file_id);
  const auto plan = f ? repo.plan_of_unit(f->unit_id) : std::nullopt;
  if (!f || !plan || domain::permission_registry().refusal(caller.account, "gzyd.view", {plan->site_id, caller.account.department_id}))
    throw domain::NotFound("没有这个文件，或您无权查看。");
  return {*f, bytes_of(db_, *f)};
}

std::optional<std::pair<store::StoredUnitFile, std::string>> WorkPlanService::public_file(std::int64_t site_id,
                                                                                        std::int64_t file_id) {
  store::WorkPlanRepository repo(db_);
  const auto f = repo.file(file_id);
  const auto plan = f ? repo.plan_of_unit(f->unit_id) : std::nullopt;
  const auto u = f ? repo.unit(f->unit_id) : std::nullopt;
  if (!f || !plan || !u || plan->site_id != site_id || !plan->published || u->state != domain::TaskUnitState::Approved)
    return std::nullopt;
  return std::make_pair(*f, bytes_of(db_, *f));
}

std::optional<PlanView> WorkPlanService::public_plan(std::int64_t site_id, int year) {
  store::WorkPlanRepository repo(db_);
  const auto plan = repo.plan(site_id, year);
  if (!plan || !plan->published) return std::nullopt;
  return view_of(repo, *plan);
}

}  // namespace zwgk::modules::gzyd
