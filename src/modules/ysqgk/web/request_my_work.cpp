// 我的工作 (the console home, web/console/my_work_page.cpp), the 依申请公开 part: the open
// applications the signed-in user may see (ysqgk.view on each: a department editor those
// assigned to their department, the office and the readers of the site all of it), in four
// lists with their counts — 待分办 (for whoever assigns: ysqgk.handle), 已逾期 with the working
// days past the due day, 即将到期 (kDueSoonWorkingDays working days or fewer left), and the
// 答复意见稿 to write (the assigned department: ysqgk.draft_reply) or to approve (the office).
// What counts as which is modules/ysqgk/domain/request_work.hpp; the due date is derived on the
// current calendar (Art. 33, domain::due_date).
#include <algorithm>

#include "domain/permission_registry.hpp"
#include "modules/ysqgk/domain/request_work.hpp"
#include "modules/ysqgk/store/reply_draft_repository.hpp"
#include "modules/ysqgk/web/request_console_common.hpp"

namespace zwgk::web::console {

namespace {

constexpr std::size_t kListed = 10;  // items shown per list; the counts give them all
constexpr std::size_t kSummaryChars = 30;

struct WorkItem {
  const store::StoredRequest* stored = nullptr;
  domain::ReplyDeadline deadline;
  domain::DueStatus status = domain::DueStatus::OnTime;
};

View item_view(const WorkItem& w, const domain::WorkingDayCalendar& cal, domain::Date today) {
  const auto& r = w.stored->request;
  View v{View::type::object};
  v.set("tracking_number", r.tracking_number);
  v.set("url", request_url(r.tracking_number));
  v.set("summary", shorten(r.description, kSummaryChars));
  v.set("department", r.department.empty() ? std::string("未分办") : r.department);
  v.set("received_on", r.received_on.iso());
  v.set("due_on", w.deadline.due_on.iso());
  v.set("due_words", domain::due_words(w.status, w.deadline.due_on, today, cal));
  // Not "overdue" / "due_soon": those name the section's lists, and mustache looks names up
  // the context stack.
  if (w.status == domain::DueStatus::Overdue) v.set("late", true);
  if (w.status == domain::DueStatus::DueSoon) v.set("soon", true);
  return v;
}

// One list of the section: its count, its first kListed items and how many more there are.
View list_view(std::vector<WorkItem> items, const domain::WorkingDayCalendar& cal, domain::Date today) {
  std::stable_sort(items.begin(), items.end(),
                   [](const WorkItem& a, const WorkItem& b) { return a.deadline.due_on < b.deadline.due_on; });
  View v{View::type::object};
  v.set("count", std::to_string(items.size()));
  View rows{View::type::list};
  for (std::size_t i = 0; i < items.size() && i < kListed; ++i) rows.push_back(item_view(items[i], cal, today));
  if (!items.empty()) {
    v.set("items", rows);
    v.set("has_items", true);
  }
  if (items.size() > kListed) v.set("more", std::to_string(items.size() - kListed));
  return v;
}

}  // namespace

void register_request_work_section(ConsoleApp& app, EnvPtr env) {
  app.add_work_section([&app, env](ConsoleRequest& c) -> std::string {
    const auto& registry = domain::permission_registry();
    // Whether the role reads applications at all (a department editor's ysqgk.view is for
    // its own department's: asking about the site as a whole would refuse it); each
    // application is checked on its own below.
    if (!registry.allows_role(c.user.role, "ysqgk.view")) return {};
    const bool assigns = registry.allows_role(c.user.role, "ysqgk.handle");
    const bool drafts_role = registry.allows_role(c.user.role, "ysqgk.draft_reply");
    const bool department_scope =
        registry.scope_of(c.user.role, "ysqgk.view") == domain::PermissionScope::OwnDepartment;
    const auto calendar = env->calendar();
    const auto& cal = *calendar;
    const auto today = c.app.today();
    const auto open = env->repo(c.db).open_of_site(c.site.id);
    const auto drafted = store::ReplyDraftRepository(c.db).drafted_of_site(c.site.id);

    std::vector<WorkItem> unassigned, overdue, due_soon, drafts;
    for (const auto& s : open) {
      const auto& r = s.request;
      const domain::Target target{s.site_id, r.department_id};
      if (!domain::may(c.user, "ysqgk.view", target)) continue;
      const WorkItem w{&s, domain::due_date(r, cal, today), domain::classify_due(r, cal, today)};
      const bool office = domain::may(c.user, "ysqgk.handle", target);
      const bool has_draft = drafted.contains(s.id);
      if (office && domain::awaits_assignment(r)) unassigned.push_back(w);
      if (w.status == domain::DueStatus::Overdue) overdue.push_back(w);
      if (w.status == domain::DueStatus::DueSoon) due_soon.push_back(w);
      // The office approves the departments' drafts; a department writes its own.
      if (office ? domain::draft_awaits_reply(r, has_draft)
                 : domain::may(c.user, "ysqgk.draft_reply", target) && domain::awaits_draft(r, has_draft))
        drafts.push_back(w);
    }
    View v{View::type::object};
    v.set("scope", std::string(department_scope ? "分办给本部门的" : "本网站的"));
    if (assigns) v.set("unassigned", list_view(std::move(unassigned), cal, today));
    v.set("overdue", list_view(std::move(overdue), cal, today));
    v.set("due_soon", list_view(std::move(due_soon), cal, today));
    if (assigns || drafts_role) {
      View d = list_view(std::move(drafts), cal, today);
      d.set("label", std::string(assigns ? "答复意见稿待审定" : "待起草答复意见"));
      d.set("hint", std::string(assigns ? "承办部门已起草答复意见稿，请审核后登记答复（第三十六条）。"
                                        : "已分办给本部门、尚未起草答复意见稿的申请。"));
      v.set("drafts", d);
    }
    v.set("due_days", std::to_string(domain::kDueSoonWorkingDays));
    return app.templates().render("ysqgk/console_my_work", v);
  });
}

}  // namespace zwgk::web::console
