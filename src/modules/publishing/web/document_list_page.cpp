// 文件列表 /console/documents/: the documents in the workflow, filtered by stage,
// department and due state (Art. 26), scoped by role: editors and reviewers see their own
// department's, publishers, auditors and site administrators the whole site's.
#include <map>

#include "http/router.hpp"
#include "store/department_repository.hpp"
#include "modules/publishing/web/document_pages.hpp"
#include "modules/publishing/web/document_support.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

void register_document_list_page(ConsoleApp& app, http::Router& router) {
  app.add_navigation("文件", "/console/documents/", Access::to("publishing.view"));
  app.get(router, "/console/documents/", Access::to("publishing.view"), [&app](ConsoleRequest& c) {
    store::WorkQuery q;
    q.site_id = c.site.id;
    const bool scoped = department_scoped(c.user.role);
    const auto departments = store::DepartmentRepository(c.db).by_site(c.site.id);
    std::map<std::int64_t, std::string> department_names;
    for (const auto& d : departments) department_names[d.id] = d.name;
    if (scoped) {
      q.department_id = c.user.department_id.value_or(-1);
    } else if (auto dep = parse_positive_integer(field(c, "department_id"))) {
      q.department_id = *dep;
    }
    const std::string stage_code = field(c, "stage");
    if (auto st = domain::stage_from(stage_code)) q.stages = {*st};
    const std::string due = field(c, "due");  // soon | overdue

    const auto calendar = app.options().calendar->current();
    const auto& cal = *calendar;
    const auto today = app.today();
    View rows{View::type::list};
    for (const auto& item : store::WorkflowRepository(c.db).work_items(q)) {
      const auto deadline = domain::publication_deadline(item.created_on, today, cal);
      const bool open = item.stage != domain::Stage::Published && item.stage != domain::Stage::Withdrawn;
      if (due == "soon" && (!open || deadline.status != domain::PublicationDue::DueSoon)) continue;
      if (due == "overdue" && (!open || deadline.status != domain::PublicationDue::Overdue)) continue;
      View r{View::type::object};
      r.set("id", std::to_string(item.document_id));
      r.set("title", item.title.empty() ? std::string("（无标题）") : item.title);
      r.set("kind", domain::to_label(item.kind));
      r.set("department", item.department_id ? department_names[*item.department_id] : std::string());
      r.set("stage", domain::to_label(item.stage));
      r.set("stage_code", domain::to_code(item.stage));
      r.set("revision", std::to_string(item.latest_revision));
      r.set("created_on", item.created_on.iso());
      if (open) {
        r.set("due_on", deadline.due_on.iso());
        r.set("due_label", domain::to_label(deadline.status));
        if (deadline.status == domain::PublicationDue::Overdue) r.set("overdue", true);
        if (deadline.status == domain::PublicationDue::DueSoon) r.set("due_soon", true);
      }
      if (!item.scheduled_at.empty()) r.set("scheduled_at", utc_to_china_display(item.scheduled_at));
      rows.push_back(r);
    }
    View stages{View::type::list};
    for (auto s : {domain::Stage::Draft, domain::Stage::Submitted, domain::Stage::UnderReview, domain::Stage::Returned,
                   domain::Stage::Reviewed, domain::Stage::Approved, domain::Stage::Scheduled,
                   domain::Stage::Published, domain::Stage::Withdrawn}) {
      View o{View::type::object};
      o.set("code", domain::to_code(s));
      o.set("label", domain::to_label(s));
      if (domain::to_code(s) == stage_code) o.set("selected", true);
      stages.push_back(o);
    }
    View deps{View::type::list};
    if (!scoped)
      for (const auto& d : departments) {
        View o{View::type::object};
        o.set("id", std::to_string(d.id));
        o.set("name", d.name);
        if (q.department_id == d.id) o.set("selected", true);
        deps.push_back(o);
      }
    View v{View::type::object};
    v.set("rows", rows);
    v.set("empty", rows.is_empty_list());
    v.set("stages", stages);
    v.set("departments", deps);
    v.set("can_filter_department", !scoped);
    v.set("due_soon_selected", due == "soon");
    v.set("overdue_selected", due == "overdue");
    v.set("scope", std::string(scoped ? "本部门" : "本网站"));
    if (domain::permission_registry().allows_role(c.user.role, "publishing.create_draft")) v.set("can_create", true);
    return c.page("文件", "publishing/console_documents", v);
  });
}

}  // namespace zwgk::web::console
