// 我的工作 (the console home, web/console/my_work_page.cpp), the documents' part: what waits
// for the signed-in user, with counts from the workflow, each linking
// to the filtered document list. Editors and reviewers count their department's documents,
// the others the site's. 即将到期 / 已逾期 follow domain::publication_deadline (Art. 26: 20
// working days from creation, on the holiday calendar) for documents not yet published.
#include "modules/publishing/domain/workflow.hpp"
#include "domain/permission_registry.hpp"
#include "http/router.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "web/console/console_pages.hpp"

namespace zwgk::web::console {

namespace {

// The stages in which a document waits for this role, by what the permission registry
// grants it: who approves waits on reviewed and approved documents; who reviews on
// submitted ones and those under review.
bool approves(domain::Role role) { return domain::permission_registry().allows_role(role, "publishing.approve"); }
std::vector<domain::Stage> waiting_for(domain::Role role) {
  if (approves(role)) return {domain::Stage::Reviewed, domain::Stage::Approved};
  if (domain::permission_registry().allows_role(role, "publishing.start_review"))
    return {domain::Stage::Submitted, domain::Stage::UnderReview};
  return {};
}

}  // namespace

void register_my_work_section(ConsoleApp& app) {
  app.add_work_section([&app](ConsoleRequest& c) -> std::string {
    const auto calendar = app.options().calendar->current();
    const auto& cal = *calendar;
    const auto today = app.today();
    const bool department_scope = domain::permission_registry().scope_of(c.user.role, "publishing.view") ==
                                  domain::PermissionScope::OwnDepartment;
    store::WorkQuery q;
    q.site_id = c.site.id;
    if (department_scope) q.department_id = c.user.department_id.value_or(-1);
    const auto waiting = waiting_for(c.user.role);
    int drafts = 0, mine = 0, scheduled = 0, due_soon = 0, overdue = 0;
    for (const auto& item : store::WorkflowRepository(c.db).work_items(q)) {  // unpublished ones
      if (item.stage == domain::Stage::Draft || item.stage == domain::Stage::Returned) ++drafts;
      if (std::find(waiting.begin(), waiting.end(), item.stage) != waiting.end()) ++mine;
      if (item.stage == domain::Stage::Scheduled) ++scheduled;
      const auto d = domain::publication_deadline(item.created_on, today, cal);
      if (d.status == domain::PublicationDue::DueSoon) ++due_soon;
      if (d.status == domain::PublicationDue::Overdue) ++overdue;
    }
    View v{View::type::object};
    v.set("scope", std::string(department_scope ? "本部门" : "本网站"));
    v.set("drafts", std::to_string(drafts));
    v.set("scheduled", std::to_string(scheduled));
    v.set("due_soon", std::to_string(due_soon));
    v.set("overdue", std::to_string(overdue));
    if (!waiting.empty()) {
      v.set("waiting", std::to_string(mine));
      v.set("waiting_label", std::string(approves(c.user.role) ? "待我批准发布" : "待我审查"));
      v.set("waiting_stage", domain::to_code(waiting.front() == domain::Stage::Submitted ? domain::Stage::Submitted
                                                                                         : domain::Stage::Approved));
    }
    v.set("due_days", std::to_string(domain::kDueSoonWorkingDays));
    return app.templates().render("publishing/console_my_work", v);
  });
}

}  // namespace zwgk::web::console
