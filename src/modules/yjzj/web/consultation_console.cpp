// 意见征集 console pages: see consultation_console.hpp. Handlers parse, call one use case
// (modules/yjzj/service/consultation_service.hpp), render.
#include "modules/yjzj/web/consultation_console.hpp"

#include <memory>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/privacy_html.hpp"
#include "ingest/file_type.hpp"
#include "modules/yjzj/service/consultation_service.hpp"
#include "modules/yjzj/web/consultation_views.hpp"
#include "store/department_repository.hpp"
#include "web/console/page_helpers.hpp"
#include "web/formatting.hpp"

namespace zwgk::web::console {

namespace {

struct Env {
  Env(const std::string& secret, domain::CalendarSourcePtr c)
      : key(store::PersonalDataKey::derive_from(secret)), calendar(c ? std::move(c) : domain::fixed_calendar()) {}
  store::PersonalDataKey key;
  domain::CalendarSourcePtr calendar;
};
using EnvPtr = std::shared_ptr<const Env>;

// The service with the calendar of this request (kept alive by the holder).
struct Service {
  std::shared_ptr<const domain::WorkingDayCalendar> calendar;
  modules::yjzj::ConsultationService use;
  Service(const ConsoleRequest& c, const Env& env)
      : calendar(env.calendar->current()),
        use(c.db, env.key, *calendar,
            domain::or_system_clock(c.app.options().clock)) {}
};

std::string url_of(std::int64_t id) { return "/console/consultations/" + std::to_string(id) + "/"; }

std::string public_url(const ConsoleRequest& c, std::int64_t id) {
  return c.app.options().base_url + c.site.path_prefix + "/yjzj/" + std::to_string(id) + "/";
}

std::optional<domain::Date> date_field(const ConsoleRequest& c, const std::string& name, const char* label) {
  const auto v = field(c, name);
  if (v.empty()) return std::nullopt;
  auto d = domain::Date::parse(v);
  if (!d) throw domain::Invalid({std::string(label) + "“" + v + "”无法识别，请按“2026-12-01”的格式填写"});
  return d;
}

int count_field(const ConsoleRequest& c, const std::string& name, const char* label) {
  const auto v = field(c, name);
  if (v.empty()) return 0;
  if (v == "0") return 0;
  auto n = parse_positive_integer(v);
  if (!n || *n > 1000000) throw domain::Invalid({std::string(label) + "应为不小于0的整数"});
  return static_cast<int>(*n);
}

domain::ConsultationDraft draft_from(const ConsoleRequest& c) {
  domain::ConsultationDraft d;
  auto kind = domain::consultation_kind_from(field(c, "kind"));
  if (!kind) throw domain::Invalid({"请选择征集类型：重大行政决策、规章草案、行政规范性文件或其他"});
  d.kind = *kind;
  d.title = field(c, "title");
  if (auto id = parse_positive_integer(field(c, "department_id"))) d.department_id = *id;
  d.explanation = field(c, "explanation");
  d.body_html = c.form.value("body_html");
  // 自动遮盖: personal data in the draft masked before it is saved (privacy_html.hpp).
  if (c.form.value("mask_personal_data") == "1") d.body_html = domain::mask_html(d.body_html);
  d.how_to_send = field(c, "how_to_send");
  d.market_entities = c.form.value("market_entities") == "1";
  d.starts_on = date_field(c, "starts_on", "开始日期");
  d.ends_on = date_field(c, "ends_on", "截止日期");
  d.short_period_reason = field(c, "short_period_reason");
  return d;
}

View form_view(const ConsoleRequest& c, const domain::ConsultationDraft& d, const domain::ConsultationSettings& s) {
  View v{View::type::object};
  std::vector<std::pair<std::string, std::string>> kinds;
  for (auto k : domain::all_consultation_kinds())
    kinds.emplace_back(domain::to_code(k), domain::to_label(k) + "（不少于" + domain::to_text(domain::minimum_period(s, k, false)) + "）");
  v.set("kinds", select_options(kinds, domain::to_code(d.kind)));
  std::vector<std::pair<std::string, std::string>> deps;
  for (const auto& dep : store::DepartmentRepository(c.db).by_site(c.site.id)) {
    if (c.user.role == domain::Role::DepartmentEditor && c.user.department_id && dep.id != *c.user.department_id) continue;
    deps.emplace_back(std::to_string(dep.id), dep.name);
  }
  v.set("departments", select_options(deps, d.department_id ? std::to_string(*d.department_id) : ""));
  v.set("title", d.title);
  v.set("explanation", d.explanation);
  v.set("body_html", d.body_html);
  v.set("how_to_send", d.how_to_send);
  v.set("market_entities", d.market_entities);
  v.set("market_period", domain::to_text(s.market_entities));
  v.set("starts_on", d.starts_on ? d.starts_on->iso() : std::string());
  v.set("ends_on", d.ends_on ? d.ends_on->iso() : std::string());
  v.set("short_period_reason", d.short_period_reason);
  return v;
}

std::string display(std::int64_t unix_seconds) { return domain::format_china_minute_of_unix(unix_seconds, "—"); }

// ---- list ----

http::Response list_page(ConsoleRequest& c, const Env& env) {
  Service s(c, env);
  const auto today = s.use.today();
  const auto settings = s.use.settings(c.site.id);
  View rows{View::type::list};
  for (const auto& x : store::ConsultationRepository(c.db, env.key).list(c.site.id, false)) {
    if (!may(c, "yjzj.view", {x.site_id, x.draft.department_id})) continue;
    const auto phase = x.phase(today);
    View r{View::type::object};
    r.set("url", url_of(x.id));
    r.set("title", x.draft.title);
    r.set("kind", domain::to_label(x.draft.kind));
    r.set("department", x.department);
    r.set("phase", domain::to_label(phase));
    r.set("dates", x.draft.starts_on->iso() + " 至 " + x.draft.ends_on->iso());
    r.set("opinions", std::to_string(x.opinions));
    r.set("pending", std::to_string(x.pending_opinions));
    r.set("has_pending", x.pending_opinions > 0);
    const bool overdue = domain::feedback_overdue(phase, *x.draft.ends_on, today, settings, *s.calendar);
    r.set("overdue", overdue);
    r.set("feedback_due", phase == domain::ConsultationPhase::AwaitingFeedback
                              ? View(domain::feedback_due_on(*x.draft.ends_on, settings, *s.calendar).iso())
                              : View(false));
    rows.push_back(r);
  }
  View v{View::type::object};
  v.set("rows", rows);
  v.set("has_rows", !rows.is_empty_list());
  v.set("can_manage", may(c, "yjzj.manage"));
  v.set("can_settings", may(c, "yjzj.settings"));
  v.set("feedback_days", std::to_string(settings.feedback_working_days));
  return c.page("意见征集", "yjzj/console_consultations", v);
}

// ---- one ----

std::int64_t own_id(ConsoleRequest& c) {
  auto id = id_param(c);
  if (!id) throw domain::NotFound("本网站没有这项意见征集。");
  return *id;
}

http::Response consultation_page(ConsoleRequest& c, const Env& env) {
  Service s(c, env);
  const auto cv = s.use.staff_view(caller_of(c), own_id(c));
  const auto& x = cv.consultation;
  const auto settings = s.use.settings(c.site.id);
  View v = form_view(c, x.draft, settings);
  const domain::Target target{x.site_id, x.draft.department_id};
  const bool manage = may(c, "yjzj.manage", target), moderate = may(c, "yjzj.moderate", target);
  v.set("id", std::to_string(x.id));
  v.set("url", url_of(x.id));
  v.set("public_url", public_url(c, x.id));
  v.set("heading", x.draft.title);
  v.set("kind_label", domain::to_label(x.draft.kind));
  v.set("phase", domain::to_label(cv.phase));
  v.set("department", x.department);
  v.set("period", period_line(x, cv.period));
  v.set("minimum", domain::to_text(cv.period.minimum));
  v.set("too_short", cv.period.too_short);
  v.set("calendar_warning", cv.period.warning.message());
  v.set("published_at", display(x.published_at));
  v.set("can_manage", manage && x.record != store::ConsultationRecord::Feedback);
  v.set("can_publish", manage && x.record == store::ConsultationRecord::Draft);
  v.set("can_moderate", moderate);
  v.set("can_view_writer", may(c, "yjzj.view_writer", target));
  View files{View::type::list};
  for (const auto& a : cv.attachments) {
    View r{View::type::object};
    r.set("id", std::to_string(a.id));
    r.set("name", a.file_name);
    files.push_back(r);
  }
  v.set("attachments", files);
  View pending{View::type::list}, others{View::type::list};
  for (const auto& o : cv.published_opinions) {  // staff_view: every opinion
    View r{View::type::object};
    r.set("id", std::to_string(o.id));
    r.set("heading", domain::opinion_heading(o.anchor_label));
    r.set("text", o.text);
    r.set("state", domain::to_label(o.state));
    r.set("time", display(o.created_at));
    r.set("published", o.state == domain::OpinionState::Published);
    r.set("writer_url", url_of(x.id) + "opinions/" + std::to_string(o.id) + "/writer");
    (o.state == domain::OpinionState::Pending ? pending : others).push_back(r);
  }
  v.set("pending", pending);
  v.set("has_pending", !pending.is_empty_list());
  v.set("others", others);
  v.set("survey_text", domain::format_survey(cv.questions));
  v.set("respondents", std::to_string(cv.respondents));
  v.set("survey_locked", cv.respondents > 0);
  View results{View::type::list};
  for (const auto& t : cv.results) {
    View r{View::type::object};
    r.set("question", t.question.text);
    r.set("responses", std::to_string(t.responses));
    r.set("chart", t.question.kind == domain::SurveyQuestionKind::Text ? View(false) : View(survey_chart(t)));
    results.push_back(r);
  }
  v.set("results", results);
  const bool ended = cv.phase == domain::ConsultationPhase::AwaitingFeedback || cv.phase == domain::ConsultationPhase::FeedbackPublished;
  v.set("can_feedback", manage && ended);
  v.set("feedback_due", cv.feedback_due.iso());
  v.set("overdue", cv.feedback_overdue);
  v.set("answered", cv.phase == domain::ConsultationPhase::FeedbackPublished);
  View f{View::type::object};
  const bool has_feedback = cv.phase == domain::ConsultationPhase::FeedbackPublished;
  f.set("received", std::to_string(has_feedback ? x.feedback.received : x.opinions));
  f.set("adopted", std::to_string(x.feedback.adopted));
  f.set("partly", std::to_string(x.feedback.partly_adopted));
  f.set("not_adopted", std::to_string(x.feedback.not_adopted));
  f.set("text", x.feedback.text);
  v.set("feedback", f);
  v.set("online", std::to_string(x.opinions));
  return c.page(x.draft.title, "yjzj/console_consultation", v);
}

modules::yjzj::UploadedFile upload(const ConsoleRequest& c, const std::string& field_name) {
  for (const auto& f : c.form.files)
    if (f.field == field_name) return {f.file_name, f.data, ingest::sniff_media_type(f.data)};
  throw domain::Invalid({"请选择要上传的文件"});
}

http::Response settings_page(ConsoleRequest& c, const Env& env, const domain::ConsultationSettings& s) {
  View v{View::type::object};
  View kinds{View::type::list};
  for (auto k : domain::all_consultation_kinds()) {
    const auto p = domain::minimum_period(s, k, false);
    View r{View::type::object};
    r.set("code", domain::to_code(k));
    r.set("label", domain::to_label(k));
    r.set("count", std::to_string(p.count));
    r.set("working", p.working_days);
    kinds.push_back(r);
  }
  v.set("kinds", kinds);
  v.set("market_count", std::to_string(s.market_entities.count));
  v.set("market_working", s.market_entities.working_days);
  v.set("feedback_days", std::to_string(s.feedback_working_days));
  v.set("per_phone", std::to_string(s.opinions_per_phone));
  (void)env;
  return c.page("意见征集设置", "yjzj/console_settings", v);
}

domain::ConsultationSettings settings_from(const ConsoleRequest& c, domain::ConsultationSettings s) {
  for (auto k : domain::all_consultation_kinds()) {
    const auto code = domain::to_code(k);
    const int n = count_field(c, "period_" + code, "征求意见期限");
    s.periods[k] = {n, c.form.value("unit_" + code) == "w"};
  }
  s.market_entities = {count_field(c, "period_market_entities", "征求意见期限"), c.form.value("unit_market_entities") == "w"};
  s.feedback_working_days = count_field(c, "feedback_working_days", "意见反馈期限");
  s.opinions_per_phone = count_field(c, "opinions_per_phone", "每个联系电话可提交的意见条数");
  return s;
}

// ---- 情况说明 ----

http::Response statements_page(ConsoleRequest& c, const Env& env) {
  Service s(c, env);
  const auto today = s.use.today();
  View rows{View::type::list};
  for (const auto& st : s.use.statements(c.site.id)) {
    View r{View::type::object};
    r.set("unit", st.unit.empty() ? std::string("本机关") : st.unit);
    r.set("period", domain::to_label(st.period));
    r.set("text", st.text);
    r.set("published", display(st.published_at));
    r.set("by", st.published_by);
    r.set("withdraw_url", "/console/consultations/statements/" + std::to_string(st.id) + "/withdraw");
    r.set("can_withdraw", may(c, "yjzj.manage", {st.site_id, st.department_id}));
    rows.push_back(r);
  }
  View v{View::type::object};
  v.set("rows", rows);
  v.set("has_rows", !rows.is_empty_list());
  // The units the caller may speak for: the site's government itself and its departments.
  std::vector<std::pair<std::string, std::string>> units;
  if (may(c, "yjzj.manage", {c.site.id, std::nullopt})) units.emplace_back("", "本机关（" + c.site.name + "）");
  for (const auto& dep : store::DepartmentRepository(c.db).by_site(c.site.id))
    if (may(c, "yjzj.manage", {c.site.id, dep.id})) units.emplace_back(std::to_string(dep.id), dep.name);
  v.set("units", select_options(units, c.user.department_id ? std::to_string(*c.user.department_id) : ""));
  v.set("can_publish", !units.empty());
  // The period just ended is the usual one: the last quarter, in its year.
  const int q_now = (static_cast<int>(static_cast<unsigned>(today.ymd.month())) + 2) / 3;
  const int year = q_now == 1 ? today.year() - 1 : today.year();
  const int quarter = q_now == 1 ? 4 : q_now - 1;
  std::vector<std::pair<std::string, std::string>> years, quarters;
  for (int y = today.year(); y >= today.year() - 2; --y) years.emplace_back(std::to_string(y), std::to_string(y) + "年");
  for (int q = 0; q <= 4; ++q) quarters.emplace_back(std::to_string(q), domain::quarter_label(q));
  v.set("years", select_options(years, std::to_string(year)));
  v.set("quarters", select_options(quarters, std::to_string(quarter)));
  v.set("example", domain::default_statement_text("本单位", {year, quarter}));
  return c.page("意见征集情况说明", "yjzj/console_statements", v);
}

modules::yjzj::StatementInput statement_from(const ConsoleRequest& c) {
  modules::yjzj::StatementInput in;
  if (auto id = parse_positive_integer(field(c, "department_id"))) in.department_id = *id;
  const auto year = parse_positive_integer(field(c, "year"));
  const auto quarter = field(c, "quarter");
  if (!year || *year > 9999) throw domain::Invalid({"请选择年份"});
  if (quarter.size() != 1 || quarter[0] < '0' || quarter[0] > '4') throw domain::Invalid({"请选择期间：全年或第一至第四季度"});
  in.period = {static_cast<int>(*year), quarter[0] - '0'};
  in.text = c.form.value("text");
  return in;
}

}  // namespace

void register_consultation_console_pages(ConsoleApp& app, http::Router& router, const std::string& secret,
                                         domain::CalendarSourcePtr calendar) {
  auto env = std::make_shared<const Env>(secret, std::move(calendar));
  const Access readers = Access::to("yjzj.view");
  const Access managers = Access::to("yjzj.manage");
  app.add_navigation("意见征集", "/console/consultations/", readers, 56);
  app.get(router, "/console/consultations/", readers, [env](ConsoleRequest& c) { return list_page(c, *env); });
  app.get(router, "/console/consultations/new", managers, [env](ConsoleRequest& c) {
    Service s(c, *env);
    domain::ConsultationDraft d;
    if (c.user.department_id) d.department_id = c.user.department_id;
    View v = form_view(c, d, s.use.settings(c.site.id));
    return c.page("新建意见征集", "yjzj/console_consultation_new", v);
  });
  app.post(router, "/console/consultations/new", managers, [env](ConsoleRequest& c) {
    const auto id = Service(c, *env).use.create(caller_of(c), draft_from(c));
    return c.see_other(url_of(id));
  });
  app.get(router, "/console/consultations/settings", Access::to("yjzj.settings"), [env](ConsoleRequest& c) {
    return settings_page(c, *env, Service(c, *env).use.settings(c.site.id));
  });
  app.post(router, "/console/consultations/settings", Access::to("yjzj.settings"), [env](ConsoleRequest& c) {
    Service s(c, *env);
    s.use.save_settings(caller_of(c), settings_from(c, s.use.settings(c.site.id)));
    return c.see_other("/console/consultations/settings");
  });
  app.get(router, "/console/consultations/statements", readers, [env](ConsoleRequest& c) { return statements_page(c, *env); });
  app.post(router, "/console/consultations/statements", managers, [env](ConsoleRequest& c) {
    Service(c, *env).use.publish_statement(caller_of(c), statement_from(c));
    return c.see_other("/console/consultations/statements");
  });
  app.post(router, "/console/consultations/statements/{id}/withdraw", managers, [env](ConsoleRequest& c) {
    auto id = id_param(c);
    if (!id) throw domain::NotFound("本网站没有这条情况说明。");
    Service(c, *env).use.withdraw_statement(caller_of(c), *id);
    return c.see_other("/console/consultations/statements");
  });
  app.get(router, "/console/consultations/{id}/", readers, [env](ConsoleRequest& c) { return consultation_page(c, *env); });
  app.post(router, "/console/consultations/{id}/edit", managers, [env](ConsoleRequest& c) {
    const auto id = own_id(c);
    Service(c, *env).use.update(caller_of(c), id, draft_from(c));
    return c.see_other(url_of(id));
  });
  app.post(router, "/console/consultations/{id}/publish", managers, [env](ConsoleRequest& c) {
    const auto id = own_id(c);
    Service(c, *env).use.publish(caller_of(c), id);
    return c.see_other(url_of(id));
  });
  app.post(router, "/console/consultations/{id}/attachments", managers, [env](ConsoleRequest& c) {
    const auto id = own_id(c);
    Service(c, *env).use.add_attachment(caller_of(c), id, upload(c, "file"));
    return c.see_other(url_of(id) + "#attachments");
  });
  app.post(router, "/console/consultations/{id}/attachments/{a}/delete", managers, [env](ConsoleRequest& c) {
    const auto id = own_id(c);
    auto a = id_param(c, "a");
    if (!a) throw domain::NotFound("没有这个附件。");
    Service(c, *env).use.delete_attachment(caller_of(c), id, *a);
    return c.see_other(url_of(id) + "#attachments");
  });
  app.post(router, "/console/consultations/{id}/opinions/{o}", Access::to("yjzj.moderate"), [env](ConsoleRequest& c) {
    const auto id = own_id(c);
    auto o = id_param(c, "o");
    if (!o) throw domain::NotFound("本次征集没有这条意见。");
    const auto action = c.form.value("action");
    const auto to = action == "publish" ? domain::OpinionState::Published
                    : action == "reject" ? domain::OpinionState::Rejected
                                         : domain::OpinionState::Pending;
    Service(c, *env).use.moderate(caller_of(c), id, *o, to);
    return c.see_other(url_of(id) + "#opinions");
  });
  app.get(router, "/console/consultations/{id}/opinions/{o}/writer", Access::to("yjzj.view_writer"), [env](ConsoleRequest& c) {
    const auto id = own_id(c);
    auto o = id_param(c, "o");
    if (!o) throw domain::NotFound("本次征集没有这条意见。");
    const auto contact = Service(c, *env).use.writer_contact(caller_of(c), id, *o);
    View v{View::type::object};
    v.set("name", contact.name);
    v.set("phone", contact.phone);
    v.set("back", url_of(id) + "#opinions");
    return c.page("提出意见人联系方式", "yjzj/console_writer", v);
  });
  app.post(router, "/console/consultations/{id}/survey", managers, [env](ConsoleRequest& c) {
    const auto id = own_id(c);
    Service(c, *env).use.set_survey(caller_of(c), id, c.form.value("survey"));
    return c.see_other(url_of(id) + "#survey");
  });
  app.post(router, "/console/consultations/{id}/feedback", managers, [env](ConsoleRequest& c) {
    const auto id = own_id(c);
    domain::ConsultationFeedback f{count_field(c, "received", "收到意见条数"), count_field(c, "adopted", "采纳条数"),
                                   count_field(c, "partly_adopted", "部分采纳条数"),
                                   count_field(c, "not_adopted", "未采纳条数"), c.form.value("text")};
    Service(c, *env).use.publish_feedback(caller_of(c), id, f);
    return c.see_other(url_of(id) + "#feedback");
  });

  // 我的工作: opinions waiting, 反馈 due within 5 working days or overdue.
  app.add_work_section([&app, env](ConsoleRequest& c) -> std::string {
    if (!may(c, "yjzj.view")) return {};
    Service s(c, *env);
    const auto today = s.use.today();
    const auto settings = s.use.settings(c.site.id);
    View due{View::type::list};
    int pending = 0;
    for (const auto& x : store::ConsultationRepository(c.db, env->key).list(c.site.id, true)) {
      if (!may(c, "yjzj.view", {x.site_id, x.draft.department_id})) continue;
      pending += x.pending_opinions;
      const auto phase = x.phase(today);
      if (phase != domain::ConsultationPhase::AwaitingFeedback) continue;
      const auto by = domain::feedback_due_on(*x.draft.ends_on, settings, *s.calendar);
      const bool overdue = today > by;
      if (!overdue && s.calendar->working_days_between(today, by).days > 5) continue;
      View r{View::type::object};
      r.set("url", url_of(x.id));
      r.set("title", x.draft.title);
      r.set("due", by.iso());
      r.set("overdue", overdue);
      due.push_back(r);
    }
    if (due.is_empty_list() && pending == 0) return {};
    View v{View::type::object};
    v.set("due", due);
    v.set("has_due", !due.is_empty_list());
    v.set("pending", std::to_string(pending));
    v.set("has_pending", pending > 0);
    return app.templates().render("yjzj/console_my_work", v);
  });
}

}  // namespace zwgk::web::console
