// See work_plan_views.hpp.
#include "modules/gzyd/web/work_plan_views.hpp"

#include <map>

#include "modules/gzyd/domain/task_progress.hpp"

namespace zwgk::web {

View plan_sections_view(const modules::gzyd::PlanView& v, domain::Date today, bool public_page,
                        const std::string& file_url) {
  std::map<std::int64_t, std::vector<const store::StoredTaskUnit*>> by_task;
  for (const auto& u : v.units) by_task[u.task_id].push_back(&u);
  View sections{View::type::list};
  View current{View::type::object};
  View tasks{View::type::list};
  std::string section_name = "\x01";
  auto flush = [&] {
    if (section_name != "\x01") {
      current.set("tasks", tasks);
      sections.push_back(current);
    }
    current = View{View::type::object};
    tasks = View{View::type::list};
  };
  for (const auto& t : v.tasks) {
    const std::string name = t.section.empty() ? std::string("各单位工作方案") : t.section;
    if (name != section_name) {
      flush();
      section_name = name;
      current.set("name", name);
    }
    View task{View::type::object};
    task.set("id", std::to_string(t.id));
    task.set("code", t.code);
    task.set("title", t.title);
    task.set("text", t.text);
    task.set("due_on", t.due_on.iso());
    View units{View::type::list};
    for (const auto* u : by_task[t.id]) {
      View unit{View::type::object};
      unit.set("id", std::to_string(u->id));
      unit.set("name", u->matched() ? u->unit_name : u->mention);
      unit.set("mention", u->mention);
      unit.set("role", u->role);
      unit.set("state", domain::to_label(u->state));
      unit.set("state_code", domain::to_code(u->state));
      if (!u->matched()) unit.set("unmatched", true);
      if (u->matched() && domain::is_overdue(u->state, t.due_on, today)) unit.set("overdue", true);
      const bool show_report = !public_page || u->state == domain::TaskUnitState::Approved;
      if (show_report && !u->report.empty()) unit.set("report", u->report);
      View files{View::type::list};
      if (show_report)
        if (const auto it = v.files.find(u->id); it != v.files.end())
          for (const auto& f : it->second) {
            View file{View::type::object};
            file.set("name", f.file_name);
            file.set("url", file_url + std::to_string(f.id));
            files.push_back(file);
          }
      unit.set("files", files);
      unit.set("has_files", files.is_non_empty_list());
      if (!public_page) {
        if (!u->review_note.empty()) unit.set("review_note", u->review_note);
        if (u->state == domain::TaskUnitState::Submitted) unit.set("submitted", true);
        if (!u->reported_at.empty()) unit.set("reported_by", u->reported_by);
      }
      units.push_back(unit);
    }
    task.set("units", units);
    tasks.push_back(task);
  }
  flush();
  return sections;
}

}  // namespace zwgk::web
