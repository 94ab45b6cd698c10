// 政民互动 console pages: see letter_console.hpp. Handlers parse, call one use case
// (modules/zmhd/service/letter_service.hpp), render.
#include "modules/zmhd/web/letter_console.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "modules/zmhd/domain/letter_statistics.hpp"
#include "modules/zmhd/domain/reply_quality.hpp"
#include "modules/zmhd/service/letter_service.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/blob_store.hpp"
#include "store/department_repository.hpp"
#include "store/personal_data_key.hpp"
#include "web/attachment_download.hpp"
#include "web/console/page_helpers.hpp"
#include "web/formatting.hpp"
#include "web/list_views.hpp"
#include "web/query_params.hpp"

namespace zwgk::web::console {

namespace {

using domain::LetterEventKind;
using domain::LetterState;

struct Env {
  explicit Env(LetterConsoleOptions o)
      : options(std::move(o)), key(store::PersonalDataKey::derive_from(options.secret)) {}
  LetterConsoleOptions options;
  store::PersonalDataKey key;
  std::shared_ptr<const domain::WorkingDayCalendar> calendar() const {
    return options.calendar ? options.calendar->current() : std::make_shared<const domain::WorkingDayCalendar>();
  }
};
using EnvPtr = std::shared_ptr<const Env>;

std::string letter_url(const std::string& number) { return "/console/letters/" + number + "/"; }

std::optional<std::string> number_param(const ConsoleRequest& c) {
  return domain::normalise_letter_number(c.http.param("number"));
}

// A letter of the user's site the user may view, else NotFound (another site's letter is
// absent, not refused).
store::StoredLetter own_letter(ConsoleRequest& c, const Env& env) {
  auto number = number_param(c);
  auto found = number ? store::LetterRepository(c.db, env.key).find(*number) : std::nullopt;
  if (!found || found->site_id != c.site.id) throw domain::NotFound("本网站没有这件来信。");
  if (!may(c, "zmhd.view", {found->site_id, found->letter.department_id}))
    throw domain::Forbidden("只能查看转办给本部门的来信");
  return std::move(*found);
}

modules::zmhd::LetterService service(ConsoleRequest& c, const Env& env,
                                     const std::shared_ptr<const domain::WorkingDayCalendar>& cal) {
  return modules::zmhd::LetterService(c.db, env.key, *cal, c.app.today(),
                                      {c.app.options().base_url, c.app.options().base_url});
}

View kv(const std::string& label, const std::string& value) {
  View r{View::type::object};
  r.set("label", label);
  r.set("value", value.empty() ? std::string("—") : value);
  return r;
}

// One row of a dashboard list.
View row_view(const store::StoredLetter& s, const std::optional<domain::Date>& due, bool red) {
  View r{View::type::object};
  r.set("number", s.letter.number);
  r.set("url", letter_url(s.letter.number));
  r.set("title", shorten(s.title, 40));
  r.set("category", domain::to_label(s.letter.category));
  r.set("state", domain::to_label(s.letter.state));
  r.set("department", s.letter.department.empty() ? std::string("未转办") : s.letter.department);
  r.set("received_on", s.letter.received_on.iso());
  r.set("due_on", due ? due->iso() : std::string("—"));
  r.set("red", red);
  return r;
}

// ---- 工作台 and list ----

http::Response letters_page(ConsoleRequest& c, const Env& env) {
  const auto cal = env.calendar();
  const auto today = c.app.today();
  const auto settings = store::MailboxRepository(c.db).settings(c.site.id);
  store::LetterRepository repo(c.db, env.key);
  View to_screen{View::type::list}, due_soon{View::type::list}, overdue{View::type::list}, too_long{View::type::list},
      awaiting_rating{View::type::list}, pending_review{View::type::list};
  std::map<std::string, std::pair<int, int>> by_department;  // open, overdue
  for (const auto& s : repo.open_letters(c.site.id)) {
    if (!may(c, "zmhd.view", {s.site_id, s.letter.department_id})) continue;
    const auto& l = s.letter;
    const auto w = domain::letter_work(l, *cal, settings.deadlines, today);
    const auto row = row_view(s, w.due_on, w.too_long);
    if (w.to_screen) to_screen.push_back(row);
    if (w.pending_review) pending_review.push_back(row);
    if (w.awaiting_rating) {
      awaiting_rating.push_back(row);
      continue;
    }
    if (w.too_long) too_long.push_back(row);
    if (w.overdue) overdue.push_back(row);
    if (w.due_soon) due_soon.push_back(row);
    if (l.state != LetterState::Received) {
      auto& d = by_department[l.department.empty() ? std::string("未转办") : l.department];
      ++d.first;
      if (w.overdue) ++d.second;
    }
  }
  View v{View::type::object};
  auto set_list = [&](const char* name, View list) {
    v.set(std::string("has_") + name, !list.is_empty_list());
    v.set(name, std::move(list));
  };
  set_list("to_screen", to_screen);
  set_list("due_soon", due_soon);
  set_list("overdue", overdue);
  set_list("too_long", too_long);
  set_list("awaiting_rating", awaiting_rating);
  set_list("pending_review", pending_review);
  View deps{View::type::list};
  for (const auto& [name, counts] : by_department) {
    View d{View::type::object};
    d.set("name", name);
    d.set("open", std::to_string(counts.first));
    d.set("overdue", std::to_string(counts.second));
    deps.push_back(d);
  }
  set_list("departments", deps);
  v.set("can_screen", may(c, "zmhd.screen"));
  v.set("can_manage", may(c, "zmhd.manage"));
  // This year's figures, computed as the public 受理反馈统计 computes them.
  {
    const auto year = domain::StatisticsPeriod::of_year(today.year());
    std::vector<domain::Letter> letters;
    for (auto& s : repo.for_statistics(c.site.id, year.first(), year.last())) letters.push_back(std::move(s.letter));
    const auto t = domain::compute_letter_statistics(letters, year, today, *cal, settings.deadlines).total;
    View st{View::type::object};
    st.set("year", std::to_string(today.year()));
    st.set("received", std::to_string(t.received));
    st.set("accepted", std::to_string(t.accepted));
    st.set("answered", std::to_string(t.answered));
    st.set("on_time_rate", t.on_time_rate().text());
    st.set("satisfaction_rate", t.satisfaction_rate().text());
    st.set("overdue", std::to_string(t.overdue));
    st.set("public_url", c.site.path_prefix + "/zmhd/stats/");
    v.set("stats", st);
  }
  // The list, newest first.
  store::LetterListQuery q;
  q.site_id = c.site.id;
  q.page = std::max(1, static_cast<int>(parse_positive_integer(c.form.value("page")).value_or(1)));
  if (auto st = domain::letter_state_from(c.form.value("state"))) q.state = st;
  if (!may(c, "zmhd.view", {c.site.id, std::nullopt})) q.department_id = c.user.department_id.value_or(-1);
  const auto page = repo.list(q);
  View rows{View::type::list};
  for (const auto& s : page.items) {
    const auto due = domain::letter_due_on(s.letter, *cal, settings.deadlines);
    rows.push_back(row_view(s, due, domain::unanswered_too_long(s.letter, today)));
  }
  set_list("rows", rows);
  View states{View::type::list};
  for (auto st : {LetterState::Received, LetterState::Accepted, LetterState::Assigned, LetterState::ReplyPending,
                  LetterState::Replied, LetterState::Closed, LetterState::Rejected, LetterState::Merged}) {
    View o{View::type::object};
    o.set("code", domain::to_code(st));
    o.set("label", domain::to_label(st));
    o.set("selected", q.state && *q.state == st);
    states.push_back(o);
  }
  v.set("states", states);
  QueryPairs filters;
  if (q.state) filters.push_back({"state", domain::to_code(*q.state)});
  v.set("pagination", pagination_view(page.total, page.page, page.per_page, "/console/letters/", filters));
  return c.page("政民互动", "zmhd/console_letters", v);
}

// ---- one letter ----

std::string event_details(const domain::LetterEvent& e) {
  switch (e.kind) {
    case LetterEventKind::Reject: return e.rejection ? domain::to_label(*e.rejection) : "";
    case LetterEventKind::Merge: return "合并到 " + e.merged_into;
    case LetterEventKind::Assign: return e.department;
    case LetterEventKind::DraftReply: return shorten(e.text, 60);
    case LetterEventKind::RequestExtension: return std::to_string(e.working_days) + "个工作日：" + e.reason;
    case LetterEventKind::Rate: return e.satisfaction ? domain::to_label(*e.satisfaction) : "";
    default: return e.reason;
  }
}

http::Response letter_page(ConsoleRequest& c, const Env& env) {
  auto s = own_letter(c, env);
  const auto& l = s.letter;
  const auto cal = env.calendar();
  const auto today = c.app.today();
  store::MailboxRepository boxes(c.db);
  const auto settings = boxes.settings(c.site.id);
  const domain::Target target{s.site_id, l.department_id};
  View v{View::type::object};
  v.set("number", l.number);
  v.set("title", s.title);
  View facts{View::type::list};
  std::string mailbox;
  if (s.mailbox_id)
    if (auto m = boxes.mailbox_by_id(*s.mailbox_id)) mailbox = m->name;
  facts.push_back(kv("信箱", mailbox));
  facts.push_back(kv("来源", domain::to_label(l.channel) + (s.external_id.empty() ? "" : "（工单号 " + s.external_id + "）")));
  facts.push_back(kv("类别", domain::to_label(l.category)));
  facts.push_back(kv("状态", domain::to_label(l.state) + (l.round == 2 ? "（二次办理）" : "")));
  facts.push_back(kv("收信日期", l.received_on.iso()));
  facts.push_back(kv("受理日期", l.accepted_on ? l.accepted_on->iso() : ""));
  facts.push_back(kv("承办部门", l.department));
  if (!s.co_departments.empty()) facts.push_back(kv("协办部门", s.co_departments));
  facts.push_back(kv("同意公开", s.consent_publish ? "是" : "否"));
  if (!s.page_url.empty()) facts.push_back(kv("出错页面", s.page_url));
  if (!s.error_kind.empty()) facts.push_back(kv("错误类型", s.error_kind));
  const auto due = domain::letter_due_on(l, *cal, settings.deadlines);
  const bool answered = l.state == LetterState::Replied || l.state == LetterState::Closed;
  if (due && !answered)
    facts.push_back(kv("办理期限", due->iso() + (today > *due ? "（已超期）" : "") +
                                       (l.extension ? (l.extension->approved ? "（已延期）" : "（延期待批准）") : "")));
  if (l.replied_on) facts.push_back(kv("答复日期", l.replied_on->iso()));
  const auto eff = domain::effective_rating(l, *cal, settings.deadlines, today);
  if (eff.rating) facts.push_back(kv("评价", eff.by_default ? "默认满意" : domain::to_label(*eff.rating)));
  v.set("facts", facts);
  v.set("red", domain::unanswered_too_long(l, today));
  v.set("content", s.content);
  // The writer: sealed; opened for zmhd.view_writer and audited.
  if (may(c, "zmhd.view_writer", target)) {
    if (auto w = store::LetterRepository(c.db, env.key).writer(s.id)) {
      c.audit("zmhd.view_writer", "letter", l.number);
      View wv{View::type::list};
      wv.push_back(kv("姓名", w->name));
      wv.push_back(kv("手机号码", w->phone));
      wv.push_back(kv("电子邮箱", w->email));
      v.set("writer", wv);
      v.set("has_writer", true);
    }
  }
  View files{View::type::list};
  for (const auto& a : store::LetterRepository(c.db, env.key).attachments(s.id)) {
    View f{View::type::object};
    f.set("name", a.file_name);
    f.set("url", letter_url(l.number) + "attachments/" + std::to_string(a.id));
    files.push_back(f);
  }
  v.set("has_files", !files.is_empty_list());
  v.set("files", files);
  View history{View::type::list};
  for (const auto& e : l.history) {
    View h{View::type::object};
    h.set("on", e.on.iso());
    h.set("label", domain::to_label(e.kind));
    h.set("actor", e.actor);
    h.set("details", event_details(e));
    history.push_back(h);
  }
  v.set("has_history", !history.is_empty_list());
  v.set("history", history);
  v.set("draft", l.draft_reply.empty() ? View(false) : View(l.draft_reply));
  View flags{View::type::list};
  if (!l.draft_reply.empty())
    for (const auto& p : domain::reply_quality_problems(l.draft_reply, settings.phrases())) flags.push_back(View(p));
  v.set("has_flags", !flags.is_empty_list());
  v.set("flags", flags);
  v.set("reply", l.reply.empty() ? View(false) : View(l.reply));
  // The forms the state and the user's role allow.
  const bool screen = may(c, "zmhd.screen", target);
  const bool reply = may(c, "zmhd.reply", target);
  v.set("action", letter_url(l.number) + "step");
  v.set("can_screen", screen && l.state == LetterState::Received);
  v.set("can_assign", screen && (l.state == LetterState::Accepted || l.state == LetterState::Assigned));
  v.set("can_draft", reply && l.state == LetterState::Assigned);
  v.set("can_extend", reply && !l.extension && l.round == 1 &&
                          (l.state == LetterState::Assigned || l.state == LetterState::ReplyPending));
  v.set("can_approve_extension", screen && l.extension && !l.extension->approved);
  v.set("extension", l.extension ? View(std::to_string(l.extension->working_days) + "个工作日：" + l.extension->reason)
                                 : View(false));
  v.set("max_extension", std::to_string(settings.deadlines.days_for(l.category)));
  v.set("can_review", screen && l.state == LetterState::ReplyPending);
  v.set("can_supervise", screen && (l.state == LetterState::Accepted || l.state == LetterState::Assigned ||
                                    l.state == LetterState::ReplyPending));
  v.set("can_publish", screen && s.consent_publish && !s.published && answered);
  v.set("can_unpublish", screen && s.published);
  v.set("publish_url", letter_url(l.number) + "publish");
  v.set("unpublish_url", letter_url(l.number) + "unpublish");
  v.set("published", s.published);
  std::vector<std::pair<std::string, std::string>> reasons;
  for (auto r : {domain::RejectionReason::NoSubstance, domain::RejectionReason::Petition,
                 domain::RejectionReason::LitigationRelated, domain::RejectionReason::Unlawful})
    reasons.push_back({domain::to_code(r), domain::to_label(r)});
  v.set("reasons", select_options(reasons));
  std::vector<std::pair<std::string, std::string>> deps;
  for (const auto& d : store::DepartmentRepository(c.db).by_site(c.site.id)) deps.push_back({std::to_string(d.id), d.name});
  v.set("departments", select_options(deps));
  View templates{View::type::list};
  for (const auto& t : boxes.reply_templates(c.site.id, l.department_id)) {
    View tv{View::type::object};
    tv.set("title", t.title);
    tv.set("body", t.body);
    templates.push_back(tv);
  }
  v.set("has_templates", !templates.is_empty_list());
  v.set("templates", templates);
  v.set("draft_text", l.draft_reply);
  return c.page("来信 " + l.number, "zmhd/console_letter", v);
}

modules::zmhd::StepInput step_from_form(ConsoleRequest& c) {
  const std::string kind = field(c, "kind");
  auto k = domain::letter_event_kind_from(kind);
  if (!k || *k == LetterEventKind::Rate) throw domain::Invalid({"未知的办理步骤"});
  modules::zmhd::StepInput in;
  in.event = domain::LetterEvent{*k, c.app.today(), ""};
  auto& e = in.event;
  switch (*k) {
    case LetterEventKind::Reject: {
      e.rejection = domain::rejection_reason_from(field(c, "reason"));
      break;
    }
    case LetterEventKind::Merge: e.merged_into = field(c, "merged_into"); break;
    case LetterEventKind::Assign: {
      const std::string id = field(c, "department_id");
      if (!id.empty()) {
        auto n = parse_positive_integer(id);
        if (!n) throw domain::Invalid({"本网站没有这个部门（编号 " + id + "）"});
        e.department_id = *n;
      } else {
        e.department = field(c, "department");
      }
      in.co_departments = field(c, "co_departments");
      break;
    }
    case LetterEventKind::DraftReply: e.text = field(c, "text"); break;
    case LetterEventKind::RequestExtension: {
      const std::string days = field(c, "working_days");
      auto n = parse_positive_integer(days);
      if (!n || *n > 60) throw domain::Invalid({"延长的工作日数应为正整数"});
      e.working_days = static_cast<int>(*n);
      e.reason = field(c, "reason");
      break;
    }
    case LetterEventKind::ReturnReply:
    case LetterEventKind::Supervise: e.reason = field(c, "reason"); break;
    default: break;
  }
  return in;
}

}  // namespace

void register_letter_console_pages(ConsoleApp& app, http::Router& router, LetterConsoleOptions options) {
  auto env = std::make_shared<const Env>(std::move(options));
  register_letter_settings_page(app, router);  // before /console/letters/{number}/
  const Access readers = Access::to("zmhd.view");
  app.add_navigation("政民互动", "/console/letters/", readers, 56);
  // 我的工作: the letters the user may see (zmhd.view on each: a department those transferred
  // to it), counted as the 工作台 counts them (domain::letter_work).
  app.add_work_section([&app, env](ConsoleRequest& c) -> std::string {
    const auto& registry = domain::permission_registry();
    if (!registry.allows_role(c.user.role, "zmhd.view")) return {};
    const auto cal = env->calendar();
    const auto today = c.app.today();
    const auto settings = store::MailboxRepository(c.db).settings(c.site.id);
    int to_screen = 0, overdue = 0, due_soon = 0, pending_review = 0, too_long = 0;
    View overdue_items{View::type::list};
    for (const auto& s : store::LetterRepository(c.db, env->key).open_letters(c.site.id)) {
      if (!may(c, "zmhd.view", {s.site_id, s.letter.department_id})) continue;
      const auto w = domain::letter_work(s.letter, *cal, settings.deadlines, today);
      to_screen += w.to_screen;
      pending_review += w.pending_review;
      due_soon += w.due_soon;
      too_long += w.too_long;
      if (w.overdue) {
        ++overdue;
        if (overdue <= 10) overdue_items.push_back(row_view(s, w.due_on, w.too_long));
      }
    }
    View v{View::type::object};
    v.set("scope", std::string(registry.scope_of(c.user.role, "zmhd.view") == domain::PermissionScope::OwnDepartment
                                   ? "转办给本部门的"
                                   : "本网站的"));
    v.set("to_screen", std::to_string(to_screen));
    v.set("overdue", std::to_string(overdue));
    v.set("due_soon", std::to_string(due_soon));
    v.set("pending_review", std::to_string(pending_review));
    v.set("too_long", std::to_string(too_long));
    v.set("has_too_long", too_long > 0);
    v.set("has_overdue_items", !overdue_items.is_empty_list());
    v.set("overdue_items", overdue_items);
    return app.templates().render("zmhd/console_my_work", v);
  });
  app.get(router, "/console/letters/", readers, [env](ConsoleRequest& c) { return letters_page(c, *env); });
  app.get(router, "/console/letters/{number}/", readers, [env](ConsoleRequest& c) { return letter_page(c, *env); });
  app.post(router, "/console/letters/{number}/step", readers, [env](ConsoleRequest& c) {
    auto number = number_param(c);
    if (!number) throw domain::NotFound("本网站没有这件来信。");
    const auto cal = env->calendar();
    service(c, *env, cal).apply(caller_of(c), *number, step_from_form(c));
    return c.see_other(letter_url(*number));
  });
  app.post(router, "/console/letters/{number}/publish", readers, [env](ConsoleRequest& c) {
    auto number = number_param(c);
    if (!number) throw domain::NotFound("本网站没有这件来信。");
    const auto cal = env->calendar();
    service(c, *env, cal).publish(caller_of(c), *number);
    return c.see_other(letter_url(*number));
  });
  app.post(router, "/console/letters/{number}/unpublish", readers, [env](ConsoleRequest& c) {
    auto number = number_param(c);
    if (!number) throw domain::NotFound("本网站没有这件来信。");
    const auto cal = env->calendar();
    service(c, *env, cal).unpublish(caller_of(c), *number);
    return c.see_other(letter_url(*number));
  });
  app.get(router, "/console/letters/{number}/attachments/{id}", readers, [env](ConsoleRequest& c) {
    auto s = own_letter(c, *env);
    auto id = id_param(c);
    auto found = id ? store::LetterRepository(c.db, env->key).attachment_bytes(s.id, *id) : std::nullopt;
    if (!found) throw domain::NotFound("没有这个附件。");
    http::Response r = attachment_response(store::Blob{found->first.sha256, found->first.media_type, std::move(found->second)},
                                           found->first.file_name);
    r.set_header("Content-Disposition", content_disposition("attachment", found->first.file_name));
    return r;
  });
}

}  // namespace zwgk::web::console
