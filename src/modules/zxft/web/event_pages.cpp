// 在线访谈 / 新闻发布会 public pages: see event_pages.hpp.
#include "modules/zxft/web/event_pages.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <ctime>

#include "domain/cache_tags.hpp"
#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "http/form.hpp"
#include "modules/zxft/domain/event_cache_tags.hpp"
#include "modules/zxft/service/event_service.hpp"
#include "modules/zxft/store/event_repository.hpp"
#include "store/blob_store.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/form_nonces.hpp"
#include "web/attachment_download.hpp"
#include "web/form_token.hpp"
#include "web/formatting.hpp"
#include "web/layout_view.hpp"
#include "web/page_error.hpp"
#include "web/query_params.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

constexpr const char* kQuestionFormCookie = "zxft_form";
constexpr const char* kNotFound = "本网站没有这场活动。";

std::string base_url(const domain::Site& s) { return s.path_prefix + "/zxft/"; }
std::string event_url(const domain::Site& s, std::int64_t id) { return base_url(s) + std::to_string(id) + "/"; }

std::string minute_text(std::int64_t unix_seconds) { return domain::format_china_minute_of_unix(unix_seconds); }
std::string clock_text(std::int64_t unix_seconds) { return minute_text(unix_seconds).substr(11); }

store::PersonalDataKey key_of(PageContext& ctx) { return store::PersonalDataKey::derive_from(ctx.env.options.secret); }

PageMeta meta_for(PageContext& ctx, const std::string& title, bool inner, bool noindex = false) {
  PageMeta meta;
  meta.title = title;
  meta.nav = "zxft";
  meta.nav_exact = !inner;
  meta.noindex = noindex;
  meta.breadcrumb = {{"访谈发布", inner ? base_url(ctx.site) : ""}};
  if (inner) meta.breadcrumb.push_back({title, ""});
  // Every page of the column carries its tags; an event page adds its own after them.
  add_column_meta(meta, "访谈发布", "在线访谈、新闻发布会和政策吹风会：预告、图文直播和文字实录",
                  "在线访谈,新闻发布会,政策吹风会,政策解读", "互动交流");
  return meta;
}

std::string guests_line(const store::StoredEvent& e) {
  std::string out;
  for (const auto& g : e.draft.guests) {
    if (!out.empty()) out += "、";
    out += g.post.empty() ? g.name : g.post + g.name;
  }
  return out;
}

View summary_view(PageContext& ctx, const store::StoredEvent& e) {
  View v{View::type::object};
  v.set("url", event_url(ctx.site, e.id));
  v.set("title", e.draft.title);
  v.set("kind", domain::to_label(e.draft.kind));
  v.set("state", domain::to_label(e.state));
  v.set("live", e.state == domain::EventState::Live);
  v.set("starts", minute_text(e.draft.starts_at));
  v.set("place", e.draft.place);
  v.set("guests", guests_line(e));
  return v;
}

// ---- P/zxft/ ----

http::Response index_page(PageContext& ctx) {
  PageMeta meta = meta_for(ctx, "访谈发布", false);
  View v = layout_view(ctx, meta);
  View live{View::type::list}, upcoming{View::type::list}, past{View::type::list};
  const auto events = modules::zxft::EventService(ctx.env.db, key_of(ctx)).public_events(ctx.site.id);
  for (auto it = events.rbegin(); it != events.rend(); ++it)  // upcoming: soonest first
    if (it->state == domain::EventState::Announced) upcoming.push_back(summary_view(ctx, *it));
  for (const auto& e : events) {
    if (e.state == domain::EventState::Live) live.push_back(summary_view(ctx, e));
    if (e.state == domain::EventState::Ended) past.push_back(summary_view(ctx, e));
  }
  v.set("has_live", !live.is_empty_list());
  v.set("has_upcoming", !upcoming.is_empty_list());
  v.set("has_past", !past.is_empty_list());
  v.set("live", live);
  v.set("upcoming", upcoming);
  v.set("past", past);
  auto resp = render_page(ctx, "zxft/index", v);
  resp.cache_tags = {domain::tag_site(ctx.site.id), domain::tag_events(ctx.site.id)};
  return resp;
}

// ---- P/zxft/{id}/ ----

std::optional<store::StoredEvent> public_event(PageContext& ctx, std::string_view id_text) {
  auto id = parse_positive_integer(std::string(id_text));
  if (!id) return std::nullopt;
  auto e = store::EventRepository(ctx.env.db, key_of(ctx)).find(*id);
  if (!e || e->site_id != ctx.site.id || !domain::is_public(e->state)) return std::nullopt;
  return e;
}

View entry_view(PageContext& ctx, const store::StoredEvent& e, const store::EventEntry& x) {
  View v{View::type::object};
  v.set("id", std::to_string(x.id));
  v.set("speaker", x.speaker);
  v.set("text", x.text);
  v.set("time", clock_text(x.created_at));
  v.set("question", x.question_text.empty() ? View(false) : View(x.question_text));
  v.set("nickname", x.question_nickname.empty() ? std::string("网友") : x.question_nickname);
  v.set("image", x.image ? View(event_url(ctx.site, e.id) + "images/" + std::to_string(x.id)) : View(false));
  return v;
}

struct QuestionForm {
  http::Form values;
  std::vector<std::string> problems;
  bool sent = false;
};

http::Response page(PageContext& ctx, const modules::zxft::PublicEvent& pub) {
  const auto& site = ctx.site;
  const auto& e = pub.event;
  const std::string& department = pub.department;
  PageMeta meta = meta_for(ctx, e.draft.title, true);
  meta.canonical = event_url(site, e.id);
  meta.meta.push_back({"ArticleTitle", e.draft.title});
  meta.meta.push_back({"PubDate", minute_text(e.announced_at > 0 ? e.announced_at : e.draft.starts_at)});
  meta.meta.push_back({"ContentSource", department.empty() ? site.name : department});
  meta.meta.push_back({"Keywords", domain::to_label(e.draft.kind) + ",政策解读"});
  View v = layout_view(ctx, meta);
  v.set("event", summary_view(ctx, e));
  v.set("summary", e.draft.summary);
  v.set("department", department);
  v.set("ends", clock_text(e.draft.ends_at));
  v.set("announced", e.state == domain::EventState::Announced);
  v.set("ended", e.state == domain::EventState::Ended);
  View guests{View::type::list};
  for (const auto& g : e.draft.guests) {
    View gv{View::type::object};
    gv.set("name", g.name);
    gv.set("post", g.post);
    gv.set("principal", g.principal);
    guests.push_back(gv);
  }
  v.set("guests_list", guests);
  v.set("has_guests", !guests.is_empty_list());
  std::vector<std::string> tags = {domain::tag_site(site.id), domain::tag_event(e.id)};
  for (auto id : pub.document_ids) tags.push_back(domain::tag_document(id));
  View policies{View::type::list};
  for (const auto& p : pub.policies) {
    View pv{View::type::object};
    pv.set("title", p.title);
    pv.set("url", document_url(site, p.id));
    pv.set("doc_number", p.doc_number);
    pv.set("interpretation", false);
    if (p.interpretation_id) {
      View iv{View::type::object};
      iv.set("title", p.interpretation_title);
      iv.set("url", document_url(site, *p.interpretation_id));
      pv.set("interpretation", iv);
    }
    policies.push_back(pv);
  }
  v.set("policies", policies);
  v.set("has_policies", !policies.is_empty_list());
  View entries{View::type::list};
  std::int64_t last = 0;
  for (const auto& x : pub.entries) {
    entries.push_back(entry_view(ctx, e, x));
    last = x.id;
  }
  v.set("entries", entries);
  v.set("has_entries", !entries.is_empty_list());
  v.set("last_entry", std::to_string(last));
  v.set("entries_url", event_url(site, e.id) + "entries.json");
  v.set("transcript_title", e.state == domain::EventState::Ended ? "文字实录" : "图文直播");
  // Questions staff published, with a written answer where one was given (an answer in
  // the transcript shows there).
  View questions{View::type::list};
  for (const auto& q : pub.questions) {  // published or answered only (PublicEvent)
    View qv{View::type::object};
    qv.set("nickname", q.nickname.empty() ? std::string("网友") : q.nickname);
    qv.set("text", q.text);
    qv.set("answer", q.answer.empty() ? View(false) : View(q.answer));
    qv.set("answered_by", q.answered_by);
    qv.set("state", domain::to_label(q.state));
    questions.push_back(qv);
  }
  v.set("questions", questions);
  v.set("has_questions", !questions.is_empty_list());
  View photos{View::type::list};
  for (const auto& p : pub.photos) {
    View pv{View::type::object};
    pv.set("url", event_url(site, e.id) + "photos/" + std::to_string(p.id));
    pv.set("caption", p.caption);
    photos.push_back(pv);
  }
  v.set("photos", photos);
  v.set("has_photos", !photos.is_empty_list());
  v.set("video", e.video ? View(event_url(site, e.id) + "video") : View(false));
  v.set("video_type", e.video ? e.video->media_type : std::string());
  const bool asking = (e.state == domain::EventState::Announced || e.state == domain::EventState::Live) && e.questions_open;
  v.set("asking", asking);
  v.set("ask_url", event_url(site, e.id) + "ask");
  auto resp = render_page(ctx, "zxft/event", v);
  resp.cache_tags = tags;
  return resp;
}

// P/zxft/{id}/ask: the question form (its own page, so the event page stays cached).
http::Response ask_page(PageContext& ctx, const store::StoredEvent& e, const QuestionForm& form, int status = 200) {
  const auto& site = ctx.site;
  PageMeta meta = meta_for(ctx, "我要提问", true, true);
  meta.breadcrumb = {{"访谈发布", base_url(site)}, {e.draft.title, event_url(site, e.id)}, {"我要提问", ""}};
  View v = layout_view(ctx, meta);
  v.set("event", summary_view(ctx, e));
  const bool asking = (e.state == domain::EventState::Announced || e.state == domain::EventState::Live) && e.questions_open;
  v.set("asking", asking && !form.sent);
  v.set("sent", form.sent);
  View errors{View::type::list};
  for (const auto& p : form.problems) errors.push_back(View(p));
  v.set("errors", errors);
  v.set("has_errors", !form.problems.empty());
  View f{View::type::object};
  for (const char* k : {"nickname", "name", "phone", "text"}) f.set(k, form.values.value(k));
  v.set("f", f);
  v.set("action", event_url(site, e.id) + "ask");
  v.set("per_phone", std::to_string(domain::kQuestionsPerPhone));
  const auto issued = issue_form_token(ctx.env.options.secret, ctx.env.options.now_unix());
  v.set("form_token", issued.token);
  v.set("question", issued.question);
  auto resp = render_page(ctx, "zxft/ask", v, status);
  resp.cache_tags.clear();
  resp.set_header("Cache-Control", "no-store");
  http::CookieOptions co;
  co.path = site.path_prefix.empty() ? "/" : site.path_prefix + "/";
  co.max_age_seconds = form.sent ? 0 : kFormTokenLifetimeSeconds;
  resp.add_header("Set-Cookie", http::set_cookie_value(kQuestionFormCookie, form.sent ? "" : issued.nonce, co));
  return resp;
}

http::Response ask(PageContext& ctx, const store::StoredEvent& e) {
  auto form = http::parse_form(ctx.req);
  if (!form) throw bad_request("提交的表单无法识别，请返回重新填写。");
  QuestionForm out{*form, {}, false};
  const auto check = check_form_token(ctx.env.options.secret, ctx.env.options.now_unix(), form->value("form_token"),
                                      http::cookie(ctx.req, kQuestionFormCookie), form->value("challenge_answer"),
                                      form->value(kHoneypotField));
  if (!check.ok) out.problems.push_back(check.refusal);
  domain::QuestionInput q{form->value("nickname"), form->value("name"), form->value("phone"), form->value("text")};
  for (auto& p : domain::question_problems(q, e.state, e.questions_open)) out.problems.push_back(std::move(p));
  if (!out.problems.empty()) return ask_page(ctx, e, out, 400);
  if (!store::consume_form_nonce(ctx.env.db, check.nonce)) {
    out.problems.push_back("该表单已经提交过，请勿重复提交");
    return ask_page(ctx, e, out, 400);
  }
  const auto key = key_of(ctx);
  try {
    modules::zxft::EventService(ctx.env.db, key, ctx.env.options.clock ? ctx.env.options.clock : domain::UnixClock(domain::system_unix_seconds))
        .submit_question(ctx.site.id, e.id, q);
  } catch (const domain::Invalid& err) {
    out.problems = err.problems();
    return ask_page(ctx, e, out, 400);
  }
  spdlog::info("zxft: question received request_id={} event={}", ctx.req.request_id, e.id);
  QuestionForm sent;
  sent.sent = true;
  return ask_page(ctx, e, sent);
}

http::Response entries_json(PageContext& ctx, const store::StoredEvent& e) {
  std::int64_t after = 0;
  if (auto a = single_param(ctx.req, "after"); a && !a->empty()) {
    auto n = parse_positive_integer(*a);
    if (!n && *a != "0") throw bad_request("参数 after 应为非负整数");
    after = n.value_or(0);
  }
  nlohmann::json out;
  out["state"] = domain::to_code(e.state);
  out["state_label"] = domain::to_label(e.state);
  auto& list = out["entries"] = nlohmann::json::array();
  for (const auto& x : store::EventRepository(ctx.env.db, key_of(ctx)).entries(e.id, after)) {
    nlohmann::json j;
    j["id"] = x.id;
    j["speaker"] = x.speaker;
    j["text"] = x.text;
    j["time"] = clock_text(x.created_at);
    j["question"] = x.question_text;
    j["nickname"] = x.question_text.empty() ? "" : (x.question_nickname.empty() ? std::string("网友") : x.question_nickname);
    j["image"] = x.image ? event_url(ctx.site, e.id) + "images/" + std::to_string(x.id) : std::string();
    list.push_back(std::move(j));
  }
  auto resp = http::Response::json(out.dump());
  resp.cache_tags = {domain::tag_event(e.id)};
  resp.set_header("Cache-Control", "no-cache");
  return resp;
}

http::Response file_response(PageContext& ctx, const store::StoredEvent& e, const store::EventFile& f) {
  auto blob = store::BlobStore(ctx.env.db).get(f.sha256);
  if (!blob) throw not_found("文件不存在或已被删除。");
  auto resp = attachment_response(std::move(*blob), f.file_name);
  resp.set_header("Content-Disposition", content_disposition("inline", f.file_name));
  resp.cache_tags = {domain::tag_event(e.id)};
  resp.set_header("Cache-Control", "public, no-cache");
  return resp;
}

}  // namespace

std::optional<http::Response> event_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  const bool post = ctx.req.method == http::Method::Post;
  if (seg.size() == 1) return http::Response::redirect(base_url(ctx.site), 301);
  if (seg.size() == 2 && seg[1].empty() && !post) return index_page(ctx);
  if (seg.size() < 3) return std::nullopt;
  auto e = public_event(ctx, seg[1]);
  if (!e) throw not_found(kNotFound);
  if (seg.size() == 3 && seg[2].empty() && !post) {
    auto pub = modules::zxft::EventService(ctx.env.db, key_of(ctx)).public_event(ctx.site.id, e->id);
    if (!pub) throw not_found(kNotFound);
    return page(ctx, *pub);
  }
  if (seg.size() == 3 && seg[2] == "ask") return post ? ask(ctx, *e) : ask_page(ctx, *e, {});
  if (seg.size() == 3 && seg[2] == "entries.json" && !post) return entries_json(ctx, *e);
  if (seg.size() == 3 && seg[2] == "video" && !post) {
    if (!e->video) throw not_found("本场活动没有视频。");
    return file_response(ctx, *e, *e->video);
  }
  if (seg.size() == 4 && (seg[2] == "photos" || seg[2] == "images") && !post) {
    auto id = parse_positive_integer(std::string(seg[3]));
    store::EventRepository repo(ctx.env.db, key_of(ctx));
    if (id && seg[2] == "photos")
      for (const auto& p : repo.photos(e->id))
        if (p.id == *id) return file_response(ctx, *e, p.file);
    if (id && seg[2] == "images")
      for (const auto& x : repo.entries(e->id))
        if (x.id == *id && x.image) return file_response(ctx, *e, *x.image);
    throw not_found("图片不存在或已被删除。");
  }
  if (seg.size() == 2 && !post) return http::Response::redirect(base_url(ctx.site) + std::string(seg[1]) + "/", 301);
  return std::nullopt;
}

}  // namespace zwgk::web
