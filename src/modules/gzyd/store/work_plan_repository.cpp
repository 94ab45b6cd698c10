// See work_plan_repository.hpp.
#include "modules/gzyd/store/work_plan_repository.hpp"

#include "domain/errors.hpp"
#include "domain/text_lines.hpp"
#include "store/blob_store.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

domain::Date date_of(const std::string& s) { return domain::Date::parse(s).value_or(domain::Date{}); }

constexpr const char* kPlanColumns =
    "id, site_id, year, title, published_on, source_text, warnings, published, created_at, created_by";

std::vector<StoredPlan> load_plans(Lease& lease, const std::string& tail, Binds& b) {
  std::vector<StoredPlan> out;
  soci::statement st(lease.sql());
  long long id = 0, site = 0;
  int year = 0, published = 0;
  std::string title, on, text, warnings, at, by;
  st.exchange(soci::into(id));
  st.exchange(soci::into(site));
  st.exchange(soci::into(year));
  st.exchange(soci::into(title));
  st.exchange(soci::into(on));
  st.exchange(soci::into(text));
  st.exchange(soci::into(warnings));
  st.exchange(soci::into(published));
  st.exchange(soci::into(at));
  st.exchange(soci::into(by));
  b.apply(st);
  prepare_and_execute(st, std::string("SELECT ") + kPlanColumns + " FROM work_plans " + tail);
  while (st.fetch())
    out.push_back({id, site, year, title, date_of(on), text, domain::non_empty_lines(warnings), published != 0, at, by});
  return out;
}

constexpr const char* kTaskColumns = "t.id, t.plan_id, t.position, t.code, t.section, t.title, t.text, t.due_on";

std::vector<StoredTask> load_tasks(Lease& lease, const std::string& tail, Binds& b) {
  std::vector<StoredTask> out;
  soci::statement st(lease.sql());
  long long id = 0, plan = 0;
  int position = 0;
  std::string code, section, title, text, due;
  st.exchange(soci::into(id));
  st.exchange(soci::into(plan));
  st.exchange(soci::into(position));
  st.exchange(soci::into(code));
  st.exchange(soci::into(section));
  st.exchange(soci::into(title));
  st.exchange(soci::into(text));
  st.exchange(soci::into(due));
  b.apply(st);
  prepare_and_execute(st, std::string("SELECT ") + kTaskColumns + " FROM work_tasks t " + tail);
  while (st.fetch()) out.push_back({id, plan, position, code, section, title, text, date_of(due)});
  return out;
}

constexpr const char* kUnitColumns =
    "u.id, u.task_id, u.mention, u.role, u.requirement, u.department_id, u.unit_site_id, u.unit_name, u.state, "
    "u.report, u.links, u.review_note, u.reported_at, u.reported_by, u.reviewed_at, u.reviewed_by, "
    "u.overdue_notified_on";

std::vector<StoredTaskUnit> load_units(Lease& lease, const std::string& tail, Binds& b) {
  std::vector<StoredTaskUnit> out;
  soci::statement st(lease.sql());
  long long id = 0, task = 0, dept = 0, site = 0;
  soci::indicator dept_ind = soci::i_null, site_ind = soci::i_null;
  std::string mention, role, requirement, name, state, report, links, note, rat, rby, vat, vby, notified;
  st.exchange(soci::into(id));
  st.exchange(soci::into(task));
  st.exchange(soci::into(mention));
  st.exchange(soci::into(role));
  st.exchange(soci::into(requirement));
  st.exchange(soci::into(dept, dept_ind));
  st.exchange(soci::into(site, site_ind));
  st.exchange(soci::into(name));
  st.exchange(soci::into(state));
  st.exchange(soci::into(report));
  st.exchange(soci::into(links));
  st.exchange(soci::into(note));
  st.exchange(soci::into(rat));
  st.exchange(soci::into(rby));
  st.exchange(soci::into(vat));
  st.exchange(soci::into(vby));
  st.exchange(soci::into(notified));
  b.apply(st);
  prepare_and_execute(st, std::string("SELECT ") + kUnitColumns + " FROM work_task_units u JOIN work_tasks t ON t.id = "
                                                                  "u.task_id " + tail);
  while (st.fetch()) {
    StoredTaskUnit u;
    u.id = id;
    u.task_id = task;
    u.mention = mention;
    u.role = role;
    u.requirement = requirement;
    u.department_id = id_from(dept, dept_ind);
    u.unit_site_id = id_from(site, site_ind);
    u.unit_name = name;
    u.state = domain::task_unit_state_from(state).value_or(domain::TaskUnitState::Pending);
    u.report = report;
    u.links = domain::non_empty_lines(links);
    u.review_note = note;
    u.reported_at = rat;
    u.reported_by = rby;
    u.reviewed_at = vat;
    u.reviewed_by = vby;
    u.overdue_notified_on = notified;
    out.push_back(std::move(u));
  }
  return out;
}

template <class T>
std::optional<T> first(std::vector<T> v) {
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

}  // namespace

std::optional<StoredPlan> WorkPlanRepository::plan(std::int64_t site_id, int year) {
  return guarded("读取工作要点失败", [&] {
    Lease lease(db_);
    Binds b;
    return first(load_plans(lease,
                            "WHERE site_id = " + b.add(static_cast<long long>(site_id)) +
                                " AND year = " + b.add(static_cast<long long>(year)),
                            b));
  });
}

std::optional<StoredPlan> WorkPlanRepository::plan_by_id(std::int64_t id) {
  return guarded("读取工作要点失败", [&] {
    Lease lease(db_);
    Binds b;
    return first(load_plans(lease, "WHERE id = " + b.add(static_cast<long long>(id)), b));
  });
}

std::vector<StoredPlan> WorkPlanRepository::plans(std::int64_t site_id) {
  return guarded("读取工作要点失败", [&] {
    Lease lease(db_);
    Binds b;
    return load_plans(lease, "WHERE site_id = " + b.add(static_cast<long long>(site_id)) + " ORDER BY year DESC", b);
  });
}

void WorkPlanRepository::insert_plan(StoredPlan& p) {
  guarded("保存工作要点失败", [&] {
    Lease lease(db_);
    long long site = p.site_id, id = 0;
    int year = p.year, published = p.published ? 1 : 0;
    std::string title = p.title, on = p.published_on.iso(), text = p.source_text, warnings = domain::joined_lines(p.warnings),
                at = p.created_at, by = p.created_by;
    try {
      lease.sql() << "INSERT INTO work_plans (site_id, year, title, published_on, source_text, warnings, published, "
                     "created_at, created_by) VALUES (:s, :y, :t, :o, :x, :w, :p, :a, :b) RETURNING id",
          soci::use(site, "s"), soci::use(year, "y"), soci::use(title, "t"), soci::use(on, "o"), soci::use(text, "x"),
          soci::use(warnings, "w"), soci::use(published, "p"), soci::use(at, "a"), soci::use(by, "b"), soci::into(id);
    } catch (const soci::soci_error& e) {
      if (is_unique_violation(e)) throw domain::Conflict("本网站已有" + std::to_string(p.year) + "年的工作要点");
      throw;
    }
    p.id = id;
  });
}

void WorkPlanRepository::insert_task(StoredTask& t) {
  guarded("保存工作要点任务失败", [&] {
    Lease lease(db_);
    long long plan = t.plan_id, id = 0;
    int position = t.position;
    std::string code = t.code, section = t.section, title = t.title, text = t.text, due = t.due_on.iso();
    lease.sql() << "INSERT INTO work_tasks (plan_id, position, code, section, title, text, due_on) VALUES (:p, :n, "
                   ":c, :s, :t, :x, :d) RETURNING id",
        soci::use(plan, "p"), soci::use(position, "n"), soci::use(code, "c"), soci::use(section, "s"),
        soci::use(title, "t"), soci::use(text, "x"), soci::use(due, "d"), soci::into(id);
    t.id = id;
  });
}

void WorkPlanRepository::insert_unit(StoredTaskUnit& u) {
  guarded("保存责任单位失败", [&] {
    Lease lease(db_);
    long long task = u.task_id, id = 0;
    NullableId dept(u.department_id), site(u.unit_site_id);
    std::string mention = u.mention, role = u.role, requirement = u.requirement, name = u.unit_name;
    lease.sql() << "INSERT INTO work_task_units (task_id, mention, role, requirement, department_id, unit_site_id, "
                   "unit_name) VALUES (:t, :m, :r, :q, :d, :s, :n) RETURNING id",
        soci::use(task, "t"), soci::use(mention, "m"), soci::use(role, "r"), soci::use(requirement, "q"),
        soci::use(dept.value, dept.ind, "d"), soci::use(site.value, site.ind, "s"), soci::use(name, "n"),
        soci::into(id);
    u.id = id;
  });
}

std::vector<StoredTask> WorkPlanRepository::tasks(std::int64_t plan_id) {
  return guarded("读取工作要点任务失败", [&] {
    Lease lease(db_);
    Binds b;
    return load_tasks(lease, "WHERE t.plan_id = " + b.add(static_cast<long long>(plan_id)) + " ORDER BY t.position", b);
  });
}

std::optional<StoredTask> WorkPlanRepository::task(std::int64_t id) {
  return guarded("读取工作要点任务失败", [&] {
    Lease lease(db_);
    Binds b;
    return first(load_tasks(lease, "WHERE t.id = " + b.add(static_cast<long long>(id)), b));
  });
}

void WorkPlanRepository::set_due(std::int64_t task_id, domain::Date due_on) {
  guarded("保存任务期限失败", [&] {
    Lease lease(db_);
    long long id = task_id;
    std::string due = due_on.iso();
    lease.sql() << "UPDATE work_tasks SET due_on = :d WHERE id = :i", soci::use(due, "d"), soci::use(id, "i");
  });
}

std::vector<StoredTaskUnit> WorkPlanRepository::units(std::int64_t plan_id) {
  return guarded("读取责任单位失败", [&] {
    Lease lease(db_);
    Binds b;
    return load_units(lease,
                      "WHERE t.plan_id = " + b.add(static_cast<long long>(plan_id)) + " ORDER BY t.position, u.id", b);
  });
}

std::optional<StoredTaskUnit> WorkPlanRepository::unit(std::int64_t id) {
  return guarded("读取责任单位失败", [&] {
    Lease lease(db_);
    Binds b;
    return first(load_units(lease, "WHERE u.id = " + b.add(static_cast<long long>(id)), b));
  });
}

std::optional<StoredPlan> WorkPlanRepository::plan_of_unit(std::int64_t unit_id) {
  return guarded("读取工作要点失败", [&] {
    Lease lease(db_);
    Binds b;
    return first(load_plans(lease,
                            "WHERE id = (SELECT t.plan_id FROM work_tasks t JOIN work_task_units u ON u.task_id = t.id "
                            "WHERE u.id = " + b.add(static_cast<long long>(unit_id)) + ")",
                            b));
  });
}

void WorkPlanRepository::save_unit(const StoredTaskUnit& u) {
  guarded("保存落实情况失败", [&] {
    Lease lease(db_);
    long long id = u.id;
    NullableId dept(u.department_id), site(u.unit_site_id);
    std::string name = u.unit_name, state = domain::to_code(u.state), report = u.report, links = domain::joined_lines(u.links),
                note = u.review_note, rat = u.reported_at, rby = u.reported_by, vat = u.reviewed_at,
                vby = u.reviewed_by, notified = u.overdue_notified_on, role = u.role;
    lease.sql() << "UPDATE work_task_units SET role = :ro, department_id = :d, unit_site_id = :s, unit_name = :n, "
                   "state = :st, report = :r, links = :l, review_note = :v, reported_at = :ra, reported_by = :rb, "
                   "reviewed_at = :va, reviewed_by = :vb, overdue_notified_on = :o WHERE id = :i",
        soci::use(role, "ro"), soci::use(dept.value, dept.ind, "d"), soci::use(site.value, site.ind, "s"),
        soci::use(name, "n"), soci::use(state, "st"), soci::use(report, "r"), soci::use(links, "l"),
        soci::use(note, "v"), soci::use(rat, "ra"), soci::use(rby, "rb"), soci::use(vat, "va"), soci::use(vby, "vb"),
        soci::use(notified, "o"), soci::use(id, "i");
  });
}

int WorkPlanRepository::map_mention(std::int64_t plan_id, const std::string& mention,
                                    std::optional<std::int64_t> department_id, std::optional<std::int64_t> unit_site_id,
                                    const std::string& unit_name) {
  return guarded("对应责任单位失败", [&] {
    Lease lease(db_);
    long long plan = plan_id;
    NullableId dept(department_id), site(unit_site_id);
    std::string m = mention, name = unit_name;
    soci::statement st = (lease.sql().prepare << "UPDATE work_task_units SET department_id = :d, unit_site_id = :s, "
                                                 "unit_name = :n WHERE mention = :m AND task_id IN (SELECT id FROM "
                                                 "work_tasks WHERE plan_id = :p)",
                          soci::use(dept.value, dept.ind, "d"), soci::use(site.value, site.ind, "s"),
                          soci::use(name, "n"), soci::use(m, "m"), soci::use(plan, "p"));
    st.execute(true);
    return static_cast<int>(st.get_affected_rows());
  });
}

std::int64_t WorkPlanRepository::add_file(std::int64_t unit_id, std::string_view data, const std::string& file_name,
                                          const std::string& media_type, const std::string& at) {
  return guarded("保存落实情况附件失败", [&] {
    Lease lease(db_);
    std::string sha = BlobStore::put(lease, data, media_type), name = file_name, type = media_type, when = at;
    long long unit = unit_id, size = static_cast<long long>(data.size()), id = 0;
    lease.sql() << "INSERT INTO work_unit_files (unit_id, sha256, file_name, media_type, size, created_at) VALUES "
                   "(:u, :s, :n, :t, :z, :a) RETURNING id",
        soci::use(unit, "u"), soci::use(sha, "s"), soci::use(name, "n"), soci::use(type, "t"), soci::use(size, "z"),
        soci::use(when, "a"), soci::into(id);
    return static_cast<std::int64_t>(id);
  });
}

namespace {

std::vector<StoredUnitFile> load_files(Lease& lease, const std::string& tail, Binds& b) {
  std::vector<StoredUnitFile> out;
  soci::statement st(lease.sql());
  long long id = 0, unit = 0, size = 0;
  std::string sha, name, type;
  st.exchange(soci::into(id));
  st.exchange(soci::into(unit));
  st.exchange(soci::into(sha));
  st.exchange(soci::into(name));
  st.exchange(soci::into(type));
  st.exchange(soci::into(size));
  b.apply(st);
  prepare_and_execute(st, "SELECT f.id, f.unit_id, f.sha256, f.file_name, f.media_type, f.size FROM work_unit_files f " + tail);
  while (st.fetch()) out.push_back({id, unit, sha, name, type, size});
  return out;
}

}  // namespace

std::vector<StoredUnitFile> WorkPlanRepository::files_of_plan(std::int64_t plan_id) {
  return guarded("读取落实情况附件失败", [&] {
    Lease lease(db_);
    Binds b;
    return load_files(lease,
                      "JOIN work_task_units u ON u.id = f.unit_id JOIN work_tasks t ON t.id = u.task_id WHERE t.plan_id = " +
                          b.add(static_cast<long long>(plan_id)) + " ORDER BY f.unit_id, f.id",
                      b);
  });
}

std::optional<StoredUnitFile> WorkPlanRepository::file(std::int64_t id) {
  return guarded("读取落实情况附件失败", [&] {
    Lease lease(db_);
    Binds b;
    return first(load_files(lease, "WHERE f.id = " + b.add(static_cast<long long>(id)), b));
  });
}

std::map<std::string, std::int64_t> WorkPlanRepository::aliases(std::int64_t site_id) {
  return guarded("读取单位别名失败", [&] {
    Lease lease(db_);
    std::map<std::string, std::int64_t> out;
    long long site = site_id, dept = 0;
    std::string mention;
    soci::statement st = (lease.sql().prepare << "SELECT mention, department_id FROM work_unit_aliases WHERE site_id = :s",
                          soci::use(site, "s"), soci::into(mention), soci::into(dept));
    st.execute();
    while (st.fetch()) out[mention] = dept;
    return out;
  });
}

void WorkPlanRepository::save_alias(std::int64_t site_id, const std::string& mention, std::int64_t department_id) {
  guarded("保存单位别名失败", [&] {
    Lease lease(db_);
    long long site = site_id, dept = department_id;
    std::string m = mention;
    lease.sql() << "INSERT INTO work_unit_aliases (site_id, mention, department_id) VALUES (:s, :m, :d) ON CONFLICT "
                   "(site_id, mention) DO UPDATE SET department_id = excluded.department_id",
        soci::use(site, "s"), soci::use(m, "m"), soci::use(dept, "d");
  });
}

}  // namespace zwgk::store
