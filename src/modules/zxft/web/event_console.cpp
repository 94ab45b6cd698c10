// 在线访谈 / 新闻发布会 console pages: see event_console.hpp. Handlers parse, call one use
// case (modules/zxft/service/event_service.hpp), render.
#include "modules/zxft/web/event_console.hpp"

#include <algorithm>
#include <memory>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "ingest/file_type.hpp"
#include "modules/zxft/service/event_service.hpp"
#include "modules/zxft/store/event_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/personal_data_key.hpp"
#include "web/console/page_helpers.hpp"
#include "web/formatting.hpp"

namespace zwgk::web::console {

namespace {

constexpr int kGuestRows = 6;

struct Env {
  explicit Env(const std::string& secret) : key(store::PersonalDataKey::derive_from(secret)) {}
  store::PersonalDataKey key;
};
using EnvPtr = std::shared_ptr<const Env>;

std::string event_url(std::int64_t id) { return "/console/events/" + std::to_string(id) + "/"; }

std::string public_url(const ConsoleRequest& c, std::int64_t id) {
  return c.app.options().base_url + c.site.path_prefix + "/zxft/" + std::to_string(id) + "/";
}

modules::zxft::EventService service(const ConsoleRequest& c, const Env& env) {
  const auto& clock = c.app.options().clock;
  return modules::zxft::EventService(c.db, env.key, domain::or_system_clock(clock));
}

long long now_of(const ConsoleRequest& c) {
  const auto& clock = c.app.options().clock;
  return clock ? clock() : domain::system_unix_seconds();
}

// "2026-12-02T15:00" (China time) for a datetime-local field.
std::string local_value(std::int64_t unix_seconds) {
  return unix_seconds > 0 ? domain::format_china_local_input(domain::instant_of_unix(unix_seconds)) : std::string();
}
std::string display(std::int64_t unix_seconds) { return domain::format_china_minute_of_unix(unix_seconds, "—"); }

std::int64_t time_field(const ConsoleRequest& c, const std::string& name) {
  const auto v = field(c, name);
  if (v.empty()) return 0;
  auto t = domain::parse_china_minute(v);
  if (!t) throw domain::Invalid({"时间“" + v + "”无法识别，请按“2026-12-02T15:00”的格式填写"});
  return t->time_since_epoch().count();
}

std::optional<std::int64_t> optional_id(const ConsoleRequest& c, const std::string& name) {
  const auto v = field(c, name);
  if (v.empty()) return std::nullopt;
  auto id = parse_positive_integer(v);
  if (!id) throw domain::Invalid({"“" + v + "”不是有效的编号"});
  return id;
}

domain::EventDraft draft_from(const ConsoleRequest& c) {
  domain::EventDraft d;
  auto kind = domain::event_kind_from(field(c, "kind"));
  if (!kind) throw domain::Invalid({"请选择活动类型：在线访谈、新闻发布会或政策吹风会"});
  d.kind = *kind;
  d.title = field(c, "title");
  d.summary = field(c, "summary");
  d.place = field(c, "place");
  d.department_id = optional_id(c, "department_id");
  d.starts_at = time_field(c, "starts_at");
  d.ends_at = time_field(c, "ends_at");
  for (int i = 1; i <= kGuestRows; ++i) {
    const auto n = std::to_string(i);
    domain::EventGuest g;
    g.name = field(c, "guest_name_" + n);
    g.post = field(c, "guest_post_" + n);
    g.department_id = optional_id(c, "guest_department_" + n);
    g.principal = c.form.value("guest_principal_" + n) == "1";
    if (g.name.empty() && g.post.empty() && !g.principal) continue;
    d.guests.push_back(std::move(g));
  }
  for (const auto& v : c.form.all("policy")) {
    auto id = parse_positive_integer(v);
    if (!id) throw domain::Invalid({"“" + v + "”不是有效的文件编号"});
    d.policy_ids.push_back(*id);
  }
  return d;
}

// The form's view: kinds, departments, guest rows, the site's policies to choose from.
View form_view(const ConsoleRequest& c, const domain::EventDraft& d) {
  View v{View::type::object};
  std::vector<std::pair<std::string, std::string>> kinds;
  for (auto k : domain::all_event_kinds()) kinds.emplace_back(domain::to_code(k), domain::to_label(k));
  v.set("kinds", select_options(kinds, domain::to_code(d.kind)));
  std::vector<std::pair<std::string, std::string>> deps;
  for (const auto& dep : store::DepartmentRepository(c.db).by_site(c.site.id))
    deps.emplace_back(std::to_string(dep.id), dep.name);
  v.set("departments", select_options(deps, d.department_id ? std::to_string(*d.department_id) : ""));
  v.set("title", d.title);
  v.set("summary", d.summary);
  v.set("place", d.place);
  v.set("starts_at", local_value(d.starts_at));
  v.set("ends_at", local_value(d.ends_at));
  View guests{View::type::list};
  for (int i = 0; i < kGuestRows; ++i) {
    View g{View::type::object};
    const domain::EventGuest empty;
    const auto& src = i < static_cast<int>(d.guests.size()) ? d.guests[i] : empty;
    g.set("n", std::to_string(i + 1));
    g.set("name", src.name);
    g.set("post", src.post);
    g.set("principal", src.principal);
    g.set("departments", select_options(deps, src.department_id ? std::to_string(*src.department_id) : ""));
    guests.push_back(g);
  }
  v.set("guests", guests);
  View policies{View::type::list};
  store::DocumentQuery q;
  q.site_id = c.site.id;
  q.kind = domain::DocumentKind::Document;
  q.today = c.app.today();
  q.per_page = 200;
  auto listed = store::DocumentRepository(c.db).list(q).items;
  // A chosen policy beyond the newest 200 stays selectable.
  for (auto id : d.policy_ids)
    if (std::none_of(listed.begin(), listed.end(), [&](const auto& x) { return x.id == id; }))
      if (auto doc = store::DocumentRepository(c.db).by_id(id)) listed.push_back(*doc);
  for (const auto& doc : listed) {
    View o{View::type::object};
    o.set("id", std::to_string(doc.id));
    o.set("title", doc.doc_number.empty() ? doc.title : doc.title + "（" + doc.doc_number + "）");
    o.set("selected", std::find(d.policy_ids.begin(), d.policy_ids.end(), doc.id) != d.policy_ids.end());
    policies.push_back(o);
  }
  v.set("policies", policies);
  return v;
}

View row_view(const store::StoredEvent& e) {
  View r{View::type::object};
  r.set("url", event_url(e.id));
  r.set("title", e.draft.title);
  r.set("kind", domain::to_label(e.draft.kind));
  r.set("state", domain::to_label(e.state));
  r.set("starts", display(e.draft.starts_at));
  return r;
}

// ---- list ----

http::Response list_page(ConsoleRequest& c, const Env& env) {
  store::EventRepository repo(c.db, env.key);
  View rows{View::type::list};
  for (const auto& e : repo.list(c.site.id, false)) rows.push_back(row_view(e));
  View v{View::type::object};
  v.set("rows", rows);
  v.set("has_rows", !rows.is_empty_list());
  v.set("can_manage", may(c, "zxft.manage"));
  int year = domain::china_date_of_unix(now_of(c)).year();
  if (auto y = parse_positive_integer(c.form.value("year")); y && *y >= 2000 && *y <= 2100) year = static_cast<int>(*y);
  v.set("year", std::to_string(year));
  View counts{View::type::list};
  int missing = 0;
  for (const auto& p : service(c, env).principal_counts(c.site.id, year)) {
    View r{View::type::object};
    r.set("department", p.department);
    r.set("count", std::to_string(p.count));
    r.set("none", p.count == 0);
    if (p.count == 0) ++missing;
    counts.push_back(r);
  }
  v.set("counts", counts);
  v.set("missing", std::to_string(missing));
  return c.page("访谈发布", "zxft/console_events", v);
}

// ---- one event ----

store::StoredEvent own_event(ConsoleRequest& c, const Env& env) {
  auto id = id_param(c);
  auto e = id ? store::EventRepository(c.db, env.key).find(*id) : std::nullopt;
  if (!e || e->site_id != c.site.id) throw domain::NotFound("本网站没有这场活动。");
  return std::move(*e);
}

http::Response event_page(ConsoleRequest& c, const Env& env) {
  auto e = own_event(c, env);
  store::EventRepository repo(c.db, env.key);
  View v = form_view(c, e.draft);
  v.set("id", std::to_string(e.id));
  v.set("url", event_url(e.id));
  v.set("public_url", public_url(c, e.id));
  v.set("heading", e.draft.title);
  v.set("kind_label", domain::to_label(e.draft.kind));
  v.set("state", domain::to_label(e.state));
  v.set("starts", display(e.draft.starts_at));
  v.set("announced_at", display(e.announced_at));
  v.set("short_notice", e.short_notice);
  v.set("warning", domain::short_notice_warning(now_of(c), e.draft.starts_at).value_or(""));
  const bool manage = may(c, "zxft.manage"), live = may(c, "zxft.live");
  v.set("can_manage", manage);
  v.set("can_live", live);
  v.set("can_announce", manage && !domain::step_refusal(e.state, domain::EventStep::Announce));
  v.set("can_open", (manage || live) && !domain::step_refusal(e.state, domain::EventStep::Open));
  v.set("can_close", (manage || live) && !domain::step_refusal(e.state, domain::EventStep::Close));
  v.set("can_cancel", manage && !domain::step_refusal(e.state, domain::EventStep::Cancel));
  v.set("can_enter", live && (e.state == domain::EventState::Live || e.state == domain::EventState::Ended));
  v.set("ended", e.state == domain::EventState::Ended);
  v.set("questions_open", e.questions_open);
  View entries{View::type::list};
  for (const auto& x : repo.entries(e.id)) {
    View r{View::type::object};
    r.set("id", std::to_string(x.id));
    r.set("speaker", x.speaker);
    r.set("text", x.text);
    r.set("question", x.question_text);
    r.set("time", display(x.created_at));
    r.set("has_image", x.image.has_value());
    entries.push_back(r);
  }
  v.set("entries", entries);
  View pending{View::type::list}, others{View::type::list}, answerable{View::type::list};
  for (const auto& q : repo.questions(e.id)) {
    View r{View::type::object};
    r.set("id", std::to_string(q.id));
    r.set("nickname", q.nickname.empty() ? std::string("网友") : q.nickname);
    r.set("text", q.text);
    r.set("state", domain::to_label(q.state));
    r.set("answer", q.answer);
    r.set("time", display(q.created_at));
    r.set("rejected", q.state == domain::QuestionState::Rejected);
    r.set("asker_url", event_url(e.id) + "questions/" + std::to_string(q.id) + "/asker");
    (q.state == domain::QuestionState::Pending ? pending : others).push_back(r);
    if (q.state == domain::QuestionState::Pending || q.state == domain::QuestionState::Published) {
      View o{View::type::object};
      o.set("id", std::to_string(q.id));
      o.set("label", shorten(q.text, 40));
      answerable.push_back(o);
    }
  }
  v.set("pending", pending);
  v.set("has_pending", !pending.is_empty_list());
  v.set("other_questions", others);
  v.set("has_answerable", !answerable.is_empty_list());
  v.set("answerable", answerable);
  v.set("can_view_asker", may(c, "zxft.view_asker"));
  View photos{View::type::list};
  for (const auto& p : repo.photos(e.id)) {
    View r{View::type::object};
    r.set("caption", p.caption.empty() ? p.file.file_name : p.caption);
    photos.push_back(r);
  }
  v.set("photos", photos);
  v.set("video", e.video ? View(e.video->file_name) : View(false));
  View interps{View::type::list};
  store::DocumentRepository docs(c.db);
  bool missing_interpretation = false;
  for (const auto& p : e.policies) {
    auto doc = docs.by_id(p.document_id);
    View r{View::type::object};
    r.set("policy", doc ? doc->title : std::to_string(p.document_id));
    r.set("interpretation", p.interpretation_document_id
                                ? View("/console/documents/" + std::to_string(*p.interpretation_document_id) + "/")
                                : View(false));
    if (!p.interpretation_document_id) missing_interpretation = true;
    interps.push_back(r);
  }
  v.set("interpretations", interps);
  v.set("has_policies", !interps.is_empty_list());
  // 谁起草、谁解读: the department's editor drafts it (publishing.create_draft).
  v.set("can_interpret", e.state == domain::EventState::Ended && missing_interpretation &&
                             may(c, "publishing.create_draft", {c.site.id, e.draft.department_id ? e.draft.department_id : c.user.department_id}));
  return c.page(e.draft.title, "zxft/console_event", v);
}

modules::zxft::FileInput upload(const ConsoleRequest& c, const std::string& field_name) {
  for (const auto& f : c.form.files)
    if (f.field == field_name) return {f.file_name, f.data, ingest::sniff_media_type(f.data)};
  throw domain::Invalid({"请选择要上传的文件"});
}

}  // namespace

void register_event_console_pages(ConsoleApp& app, http::Router& router, const std::string& secret) {
  auto env = std::make_shared<const Env>(secret);
  const Access readers = Access::to("zxft.view");
  const Access managers = Access::to("zxft.manage");
  app.add_navigation("访谈发布", "/console/events/", readers, 57);
  app.get(router, "/console/events/", readers, [env](ConsoleRequest& c) { return list_page(c, *env); });
  app.get(router, "/console/events/new", managers, [](ConsoleRequest& c) {
    domain::EventDraft d;
    View v = form_view(c, d);
    v.set("action", std::string("/console/events/new"));
    return c.page("新建活动", "zxft/console_event_new", v);
  });
  app.post(router, "/console/events/new", managers, [env](ConsoleRequest& c) {
    const auto id = service(c, *env).create(caller_of(c), draft_from(c));
    return c.see_other(event_url(id));
  });
  app.get(router, "/console/events/{id}/", readers, [env](ConsoleRequest& c) { return event_page(c, *env); });
  app.post(router, "/console/events/{id}/edit", managers, [env](ConsoleRequest& c) {
    auto e = own_event(c, *env);
    service(c, *env).update(caller_of(c), e.id, draft_from(c));
    return c.see_other(event_url(e.id));
  });
  app.post(router, "/console/events/{id}/step", readers, [env](ConsoleRequest& c) {
    auto e = own_event(c, *env);
    auto step = domain::event_step_from(c.form.value("step"));
    if (!step) throw domain::Invalid({"请选择要执行的操作"});
    service(c, *env).step(caller_of(c), e.id, *step, field(c, "short_notice"));
    return c.see_other(event_url(e.id));
  });
  app.post(router, "/console/events/{id}/entries", readers, [env](ConsoleRequest& c) {
    auto e = own_event(c, *env);
    domain::EntryInput in{field(c, "speaker"), field(c, "text"), optional_id(c, "question_id")};
    std::optional<modules::zxft::FileInput> image;
    for (const auto& f : c.form.files)
      if (f.field == "image") image = modules::zxft::FileInput{f.file_name, f.data, ingest::sniff_media_type(f.data)};
    service(c, *env).add_entry(caller_of(c), e.id, in, image);
    return c.see_other(event_url(e.id) + "#live");
  });
  app.post(router, "/console/events/{id}/entries/{entry}/delete", readers, [env](ConsoleRequest& c) {
    auto e = own_event(c, *env);
    auto entry = id_param(c, "entry");
    if (!entry) throw domain::NotFound("没有这条直播内容。");
    service(c, *env).delete_entry(caller_of(c), e.id, *entry);
    return c.see_other(event_url(e.id) + "#live");
  });
  app.post(router, "/console/events/{id}/questions/{q}", readers, [env](ConsoleRequest& c) {
    auto e = own_event(c, *env);
    auto q = id_param(c, "q");
    if (!q) throw domain::NotFound("本场活动没有这条提问。");
    const auto action = c.form.value("action");
    const auto to = action == "publish" ? domain::QuestionState::Published
                    : action == "reject" ? domain::QuestionState::Rejected
                    : action == "answer" ? domain::QuestionState::Answered
                                         : domain::QuestionState::Pending;
    service(c, *env).moderate_question(caller_of(c), e.id, *q, to, field(c, "answer"));
    return c.see_other(event_url(e.id) + "#questions");
  });
  app.get(router, "/console/events/{id}/questions/{q}/asker", readers, [env](ConsoleRequest& c) {
    auto e = own_event(c, *env);
    auto q = id_param(c, "q");
    if (!q) throw domain::NotFound("本场活动没有这条提问。");
    const auto contact = service(c, *env).asker_contact(caller_of(c), e.id, *q);
    View v{View::type::object};
    v.set("name", contact.name);
    v.set("phone", contact.phone);
    v.set("back", event_url(e.id) + "#questions");
    return c.page("提问人联系方式", "zxft/console_asker", v);
  });
  app.post(router, "/console/events/{id}/questions_open", readers, [env](ConsoleRequest& c) {
    auto e = own_event(c, *env);
    service(c, *env).set_questions_open(caller_of(c), e.id, c.form.value("open") == "1");
    return c.see_other(event_url(e.id) + "#questions");
  });
  app.post(router, "/console/events/{id}/photos", managers, [env](ConsoleRequest& c) {
    auto e = own_event(c, *env);
    service(c, *env).add_photo(caller_of(c), e.id, upload(c, "photo"), field(c, "caption"));
    return c.see_other(event_url(e.id) + "#media");
  });
  app.post(router, "/console/events/{id}/video", managers, [env](ConsoleRequest& c) {
    auto e = own_event(c, *env);
    service(c, *env).set_video(caller_of(c), e.id, upload(c, "video"));
    return c.see_other(event_url(e.id) + "#media");
  });
  app.post(router, "/console/events/{id}/interpretations", readers, [env](ConsoleRequest& c) {
    auto e = own_event(c, *env);
    const auto made = service(c, *env).draft_interpretations(caller_of(c), actor_of(c), e.id, public_url(c, e.id));
    return c.see_other("/console/documents/" + std::to_string(made.front()) + "/");
  });

  // 我的工作: what needs the office now.
  app.add_work_section([&app, env](ConsoleRequest& c) -> std::string {
    if (!may(c, "zxft.view")) return {};
    store::EventRepository repo(c.db, env->key);
    const auto now = now_of(c);
    View soon{View::type::list};
    int pending = 0;
    for (const auto& e : repo.list(c.site.id, false)) {
      if (e.state == domain::EventState::Cancelled) continue;
      const bool upcoming = e.draft.starts_at >= now && e.draft.starts_at - now <= 7 * 24 * 3600;
      if (upcoming || e.state == domain::EventState::Live) {
        View r = row_view(e);
        r.set("draft", e.state == domain::EventState::Draft);
        soon.push_back(r);
      }
      if (e.state == domain::EventState::Announced || e.state == domain::EventState::Live)
        for (const auto& q : repo.questions(e.id))
          if (q.state == domain::QuestionState::Pending) ++pending;
    }
    const int year = domain::china_date_of_unix(now).year();
    View missing{View::type::list};
    for (const auto& p : service(c, *env).principal_counts(c.site.id, year))
      if (p.count == 0) missing.push_back(View(p.department));
    if (soon.is_empty_list() && pending == 0 && missing.is_empty_list()) return {};
    View v{View::type::object};
    v.set("soon", soon);
    v.set("has_soon", !soon.is_empty_list());
    v.set("pending", std::to_string(pending));
    v.set("has_pending", pending > 0);
    v.set("missing", missing);
    v.set("has_missing", !missing.is_empty_list());
    v.set("year", std::to_string(year));
    return app.templates().render("zxft/console_my_work", v);
  });
}

}  // namespace zwgk::web::console
