// 意见征集 public pages: see consultation_pages.hpp.
#include "modules/yjzj/web/consultation_pages.hpp"

#include <spdlog/spdlog.h>

#include <ctime>

#include "domain/cache_tags.hpp"
#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "http/form.hpp"
#include "modules/yjzj/domain/consultation_cache_tags.hpp"
#include "modules/yjzj/domain/opinion.hpp"
#include "modules/yjzj/service/consultation_service.hpp"
#include "modules/yjzj/web/consultation_views.hpp"
#include "store/blob_store.hpp"
#include "store/form_nonces.hpp"
#include "web/attachment_download.hpp"
#include "web/form_token.hpp"
#include "web/formatting.hpp"
#include "web/layout_view.hpp"
#include "web/page_error.hpp"
#include "web/query_params.hpp"

namespace zwgk::web {

namespace {

constexpr const char* kOpinionFormCookie = "yjzj_form";
constexpr const char* kSurveyFormCookie = "yjzj_survey";

std::string base_url(const domain::Site& s) { return s.path_prefix + "/yjzj/"; }
std::string page_url(const domain::Site& s, std::int64_t id) { return base_url(s) + std::to_string(id) + "/"; }

struct Services {
  store::PersonalDataKey key;
  std::shared_ptr<const domain::WorkingDayCalendar> calendar;
  modules::yjzj::ConsultationService service;
  explicit Services(PageContext& ctx)
      : key(store::PersonalDataKey::derive_from(ctx.env.options.secret)),
        calendar(ctx.env.options.calendar ? ctx.env.options.calendar->current()
                                          : std::make_shared<const domain::WorkingDayCalendar>()),
        service(ctx.env.db, key, *calendar,
                domain::or_system_clock(ctx.env.options.clock)) {}
};

// The phase moves at China midnight: a cached page lasts until then at most (the page cache
// tells the time by the site's clock: PageCache::set_clock).
long long next_midnight(PageContext& ctx) {
  return domain::china_midnight_after(ctx.env.options.today()).time_since_epoch().count();
}

PageMeta meta_for(PageContext& ctx, const std::string& title, bool inner, bool noindex = false) {
  PageMeta meta;
  meta.title = title;
  meta.nav = "yjzj";
  meta.nav_exact = !inner;
  meta.noindex = noindex;
  meta.breadcrumb = {{"意见征集", inner ? base_url(ctx.site) : ""}};
  if (inner) meta.breadcrumb.push_back({title, ""});
  // Every page of the column carries its tags; a consultation page adds its own after them.
  add_column_meta(meta, "意见征集", "规章草案、重大行政决策和行政规范性文件公开征求意见，以及意见采纳情况反馈",
                  "意见征集,征求意见,意见反馈", "互动交流");
  return meta;
}

std::string tab_of(domain::ConsultationPhase p) {
  switch (p) {
    case domain::ConsultationPhase::Upcoming:
    case domain::ConsultationPhase::Open: return "open";
    case domain::ConsultationPhase::AwaitingFeedback: return "ended";
    case domain::ConsultationPhase::FeedbackPublished: return "answered";
    case domain::ConsultationPhase::Draft: return "";
  }
  return "";
}

// ---- P/yjzj/ ----

http::Response index_page(PageContext& ctx) {
  std::string tab = single_param(ctx.req, "tab").value_or("open");
  if (tab != "open" && tab != "ended" && tab != "answered" && tab != "statements")
    throw bad_request("参数 tab 应为 open、ended、answered 或 statements");
  PageMeta meta = meta_for(ctx, "意见征集", false);
  View v = layout_view(ctx, meta);
  Services s(ctx);
  std::map<std::string, int> counts;
  View rows{View::type::list};
  for (const auto& l : s.service.public_list(ctx.site.id)) {
    const auto& c = l.consultation;
    const auto phase = l.phase;
    const auto t = tab_of(phase);
    ++counts[t];
    if (t != tab) continue;
    View r{View::type::object};
    r.set("url", page_url(ctx.site, c.id));
    r.set("title", c.draft.title);
    r.set("kind", domain::to_label(c.draft.kind));
    r.set("phase", domain::to_label(phase));
    r.set("phase_code", domain::to_code(phase));
    r.set("department", c.department);
    r.set("starts", c.draft.starts_on->iso());
    r.set("ends", c.draft.ends_on->iso());
    r.set("opinions", std::to_string(c.published_opinions));
    r.set("answered", phase == domain::ConsultationPhase::FeedbackPublished);
    r.set("received", std::to_string(c.feedback.received));
    r.set("adopted", std::to_string(c.feedback.adopted + c.feedback.partly_adopted));
    r.set("feedback_due", l.feedback_due ? View(l.feedback_due->iso()) : View(false));
    rows.push_back(r);
  }
  // 情况说明: the units that had nothing to consult on in a period (domain/README §10).
  View statements{View::type::list};
  for (const auto& st : s.service.statements(ctx.site.id)) {
    ++counts["statements"];
    if (tab != "statements") continue;
    View r{View::type::object};
    r.set("unit", st.unit.empty() ? ctx.site.name : st.unit);
    r.set("period", domain::to_label(st.period));
    r.set("text", st.text);
    r.set("date", domain::china_date_of_unix(st.published_at).iso());
    statements.push_back(r);
  }
  View tabs{View::type::list};
  for (const auto& [code, label] : std::vector<std::pair<std::string, std::string>>{
           {"open", "征集中"}, {"ended", "已结束待反馈"}, {"answered", "已反馈"}, {"statements", "情况说明"}}) {
    View t{View::type::object};
    t.set("url", base_url(ctx.site) + (code == "open" ? std::string() : "?tab=" + code));
    t.set("label", label);
    t.set("count", std::to_string(counts[code]));
    t.set("current", code == tab);
    tabs.push_back(t);
  }
  v.set("tabs", tabs);
  v.set("rows", rows);
  v.set("has_rows", !rows.is_empty_list());
  v.set("statements_tab", tab == "statements");
  v.set("statements", statements);
  v.set("has_statements", !statements.is_empty_list());
  auto resp = render_page(ctx, "yjzj/index", v);
  resp.cache_tags = {domain::tag_site(ctx.site.id), domain::tag_consultations(ctx.site.id)};
  resp.cache_expires_at = next_midnight(ctx);
  return resp;
}

// ---- P/yjzj/{id}/ ----

std::int64_t id_of(std::string_view text) {
  auto id = parse_positive_integer(std::string(text));
  if (!id) throw not_found("本网站没有这项意见征集。");
  return *id;
}

http::Response page(PageContext& ctx, std::int64_t id) {
  Services s(ctx);
  const auto v0 = s.service.public_view(ctx.site.id, id);
  const auto& c = v0.consultation;
  const auto& site = ctx.site;
  PageMeta meta = meta_for(ctx, c.draft.title, true);
  meta.canonical = page_url(site, c.id);
  meta.meta.push_back({"ArticleTitle", c.draft.title});
  meta.meta.push_back({"PubDate", c.published_at > 0 ? domain::format_china_minute_of_unix(c.published_at) : c.draft.starts_on->iso() + " 00:00"});
  meta.meta.push_back({"ContentSource", c.department.empty() ? site.name : c.department});
  meta.meta.push_back({"Keywords", "意见征集," + domain::to_label(c.draft.kind)});
  meta.meta.push_back({"Description", c.draft.title + "公开征求意见"});
  View v = layout_view(ctx, meta);
  const auto phase = v0.phase;
  v.set("title", c.draft.title);
  v.set("kind", domain::to_label(c.draft.kind));
  v.set("phase", domain::to_label(phase));
  v.set("phase_code", domain::to_code(phase));
  v.set("department", c.department);
  v.set("period", period_line(c, v0.period));
  v.set("ends", c.draft.ends_on->iso());
  v.set("minimum", domain::to_text(v0.period.minimum));
  v.set("short_reason", v0.period.too_short && !c.draft.short_period_reason.empty() ? View(c.draft.short_period_reason)
                                                                                  : View(false));
  v.set("explanation", c.draft.explanation.empty() ? View(false) : View(domain::text_to_html(c.draft.explanation)));
  v.set("how_to_send", c.draft.how_to_send.empty() ? View(false) : View(c.draft.how_to_send));
  v.set("body_html", v0.draft.html);
  const bool open = phase == domain::ConsultationPhase::Open;
  v.set("open", open);
  v.set("upcoming", phase == domain::ConsultationPhase::Upcoming);
  v.set("opinion_url", page_url(site, c.id) + "opinion");
  // 逐条意见: each article, its published opinions' count, a link to comment on it.
  std::map<std::string, int> per_anchor;
  for (const auto& o : v0.published_opinions) ++per_anchor[o.anchor];
  View articles{View::type::list};
  for (const auto& a : v0.draft.articles) {
    View r{View::type::object};
    r.set("anchor", a.anchor);
    r.set("label", a.label);
    r.set("excerpt", a.excerpt);
    r.set("count", std::to_string(per_anchor[a.anchor]));
    r.set("has_count", per_anchor[a.anchor] > 0);
    r.set("comment_url", page_url(site, c.id) + "opinion?anchor=" + a.anchor);
    articles.push_back(r);
  }
  v.set("articles", articles);
  v.set("has_articles", !articles.is_empty_list());
  // Published opinions, by article in the draft's order, the general ones first.
  View groups{View::type::list};
  auto group = [&](const std::string& anchor, const std::string& label) {
    View items{View::type::list};
    for (const auto& o : v0.published_opinions) {
      if (o.anchor != anchor) continue;
      View r{View::type::object};
      r.set("id", std::to_string(o.id));
      r.set("text", o.text);
      r.set("date", domain::china_date_of_unix(o.created_at).iso());
      items.push_back(r);
    }
    if (items.is_empty_list()) return;
    View g{View::type::object};
    g.set("heading", domain::opinion_heading(label));
    g.set("anchor", anchor);
    g.set("group_id", anchor.empty() ? std::string("opinions-general") : "opinions-" + anchor);
    g.set("items", items);
    groups.push_back(g);
  };
  group("", "");
  for (const auto& a : v0.draft.articles) group(a.anchor, a.label);
  v.set("opinion_groups", groups);
  v.set("published_count", std::to_string(v0.published_opinions.size()));
  v.set("has_opinions", !groups.is_empty_list());
  View files{View::type::list};
  for (const auto& a : v0.attachments) {
    View r{View::type::object};
    r.set("name", a.file_name);
    r.set("url", page_url(site, c.id) + "attachments/" + std::to_string(a.id));
    files.push_back(r);
  }
  v.set("attachments", files);
  v.set("has_attachments", !files.is_empty_list());
  v.set("has_survey", !v0.questions.empty());
  v.set("survey_url", page_url(site, c.id) + "survey");
  View results{View::type::list};
  for (const auto& t : v0.results) {
    View r{View::type::object};
    r.set("question", t.question.text);
    r.set("kind", domain::to_label(t.question.kind));
    r.set("responses", std::to_string(t.responses));
    r.set("chart", t.question.kind == domain::SurveyQuestionKind::Text ? View(false) : View(survey_chart(t)));
    results.push_back(r);
  }
  v.set("results", results);
  v.set("has_results", !results.is_empty_list());
  v.set("respondents", std::to_string(v0.respondents));
  const bool answered = phase == domain::ConsultationPhase::FeedbackPublished;
  v.set("answered", answered);
  v.set("awaiting", phase == domain::ConsultationPhase::AwaitingFeedback);
  v.set("feedback_due", v0.feedback_due.iso());
  if (answered) {
    View f{View::type::object};
    f.set("received", std::to_string(c.feedback.received));
    f.set("adopted", std::to_string(c.feedback.adopted));
    f.set("partly", std::to_string(c.feedback.partly_adopted));
    f.set("not_adopted", std::to_string(c.feedback.not_adopted));
    f.set("text_html", domain::text_to_html(c.feedback.text));
    f.set("date", c.feedback_at > 0 ? domain::china_date_of_unix(c.feedback_at).iso() : std::string());
    v.set("feedback", f);
  }
  auto resp = render_page(ctx, "yjzj/consultation", v);
  resp.cache_tags = {domain::tag_site(site.id), domain::tag_consultation(c.id)};
  resp.cache_expires_at = next_midnight(ctx);
  return resp;
}

// ---- the forms (their own pages, never cached) ----

struct FormState {
  http::Form values;
  std::vector<std::string> problems;
  bool sent = false;
};

http::Response form_page(PageContext& ctx, const modules::yjzj::ConsultationView& cv, const char* template_name,
                         const char* heading, const char* cookie, const FormState& form, View v, int status) {
  const auto& site = ctx.site;
  const auto& c = cv.consultation;
  const auto issued = issue_form_token(ctx.env.options.secret, ctx.env.options.now_unix());
  v.set("form_token", issued.token);
  v.set("question", issued.question);
  v.set("title", c.draft.title);
  v.set("page_url", page_url(site, c.id));
  v.set("ends", c.draft.ends_on->iso());
  v.set("open", cv.phase == domain::ConsultationPhase::Open && !form.sent);
  v.set("closed_note", cv.phase == domain::ConsultationPhase::Upcoming ? std::string("本次意见征集尚未开始。")
                                                                      : std::string("本次意见征集已结束。"));
  v.set("sent", form.sent);
  View errors{View::type::list};
  for (const auto& p : form.problems) errors.push_back(View(p));
  v.set("errors", errors);
  v.set("has_errors", !form.problems.empty());
  PageMeta meta = meta_for(ctx, heading, true, true);
  meta.breadcrumb = {{"意见征集", base_url(site)}, {c.draft.title, page_url(site, c.id)}, {heading, ""}};
  View page = layout_view(ctx, meta);
  page.set("form", v);
  auto resp = render_page(ctx, template_name, page, status);
  resp.cache_tags.clear();
  resp.set_header("Cache-Control", "no-store");
  http::CookieOptions co;
  co.path = site.path_prefix.empty() ? "/" : site.path_prefix + "/";
  co.max_age_seconds = form.sent ? 0 : kFormTokenLifetimeSeconds;
  resp.add_header("Set-Cookie", http::set_cookie_value(cookie, form.sent ? "" : issued.nonce, co));
  return resp;
}

http::Response opinion_page(PageContext& ctx, const modules::yjzj::ConsultationView& cv, const FormState& form,
                            int status = 200) {
  View v{View::type::object};
  const std::string chosen = form.values.value("anchor").empty() ? single_param(ctx.req, "anchor").value_or("")
                                                                 : form.values.value("anchor");
  View anchors{View::type::list};
  {
    View general{View::type::object};
    general.set("value", std::string());
    general.set("label", std::string("总体意见（对征求意见稿整体）"));
    general.set("selected", chosen.empty());
    anchors.push_back(general);
  }
  for (const auto& a : cv.draft.articles) {
    View o{View::type::object};
    o.set("value", a.anchor);
    o.set("label", a.label + "　" + a.excerpt);
    o.set("selected", a.anchor == chosen);
    anchors.push_back(o);
  }
  v.set("anchors", anchors);
  View f{View::type::object};
  for (const char* k : {"name", "phone", "text"}) f.set(k, form.values.value(k));
  v.set("f", f);
  v.set("action", page_url(ctx.site, cv.consultation.id) + "opinion");
  v.set("per_phone", std::to_string(Services(ctx).service.settings(ctx.site.id).opinions_per_phone));
  return form_page(ctx, cv, "yjzj/opinion", "我要提意见", kOpinionFormCookie, form, v, status);
}

// Common checks of a public form: parseable, a valid token, its nonce not used before.
std::optional<std::string> form_refusal(PageContext& ctx, const http::Form& form, const char* cookie, bool consume) {
  const auto check = check_form_token(ctx.env.options.secret, ctx.env.options.now_unix(), form.value("form_token"),
                                      http::cookie(ctx.req, cookie), form.value("challenge_answer"),
                                      form.value(kHoneypotField));
  if (!check.ok) return check.refusal;
  if (consume && !store::consume_form_nonce(ctx.env.db, check.nonce)) return "该表单已经提交过，请勿重复提交";
  return std::nullopt;
}

http::Response submit_opinion(PageContext& ctx, const modules::yjzj::ConsultationView& cv) {
  auto form = http::parse_form(ctx.req);
  if (!form) throw bad_request("提交的表单无法识别，请返回重新填写。");
  FormState out{*form, {}, false};
  domain::OpinionInput in{form->value("anchor"), form->value("name"), form->value("phone"), form->value("text")};
  if (auto r = form_refusal(ctx, *form, kOpinionFormCookie, false)) out.problems.push_back(*r);
  for (auto& p : domain::opinion_problems(in, cv.phase, cv.draft.articles)) out.problems.push_back(std::move(p));
  if (!out.problems.empty()) return opinion_page(ctx, cv, out, 400);
  if (auto r = form_refusal(ctx, *form, kOpinionFormCookie, true)) {
    out.problems.push_back(*r);
    return opinion_page(ctx, cv, out, 400);
  }
  try {
    Services(ctx).service.submit_opinion(ctx.site.id, cv.consultation.id, in);
  } catch (const domain::Invalid& err) {
    out.problems = err.problems();
    return opinion_page(ctx, cv, out, 400);
  }
  spdlog::info("yjzj: opinion received request_id={} consultation={}", ctx.req.request_id, cv.consultation.id);
  FormState sent;
  sent.sent = true;
  return opinion_page(ctx, cv, sent);
}

http::Response survey_page(PageContext& ctx, const modules::yjzj::ConsultationView& cv, const FormState& form,
                           int status = 200) {
  View v{View::type::object};
  View questions{View::type::list};
  int n = 0;
  for (const auto& q : cv.questions) {
    ++n;
    View qv{View::type::object};
    const std::string name = "q" + std::to_string(q.id);
    qv.set("n", std::to_string(n));
    qv.set("name", name);
    qv.set("text", q.text);
    qv.set("kind", domain::to_label(q.kind));
    qv.set("single", q.kind == domain::SurveyQuestionKind::Single);
    qv.set("multiple", q.kind == domain::SurveyQuestionKind::Multiple);
    qv.set("free", q.kind == domain::SurveyQuestionKind::Text);
    qv.set("value", form.values.value(name));
    const auto chosen = form.values.all(name);
    View options{View::type::list};
    for (std::size_t i = 0; i < q.options.size(); ++i) {
      View o{View::type::object};
      o.set("value", std::to_string(i));
      o.set("label", q.options[i]);
      o.set("checked", std::find(chosen.begin(), chosen.end(), std::to_string(i)) != chosen.end());
      options.push_back(o);
    }
    qv.set("options", options);
    questions.push_back(qv);
  }
  v.set("questions", questions);
  v.set("action", page_url(ctx.site, cv.consultation.id) + "survey");
  return form_page(ctx, cv, "yjzj/survey", "调查问卷", kSurveyFormCookie, form, v, status);
}

http::Response submit_survey(PageContext& ctx, const modules::yjzj::ConsultationView& cv) {
  auto form = http::parse_form(ctx.req);
  if (!form) throw bad_request("提交的表单无法识别，请返回重新填写。");
  FormState out{*form, {}, false};
  std::vector<domain::SurveyAnswer> answers;
  for (const auto& q : cv.questions) {
    domain::SurveyAnswer a;
    a.question_id = q.id;
    const std::string name = "q" + std::to_string(q.id);
    if (q.kind == domain::SurveyQuestionKind::Text) {
      a.text = form->value(name);
    } else {
      for (const auto& x : form->all(name)) {
        auto i = parse_positive_integer(x);
        a.choices.push_back(x == "0" ? 0 : i ? static_cast<int>(std::min<std::int64_t>(*i, 1000)) : -1);
      }
    }
    answers.push_back(std::move(a));
  }
  if (auto r = form_refusal(ctx, *form, kSurveyFormCookie, false)) out.problems.push_back(*r);
  for (auto& p : domain::survey_answer_problems(cv.questions, answers)) out.problems.push_back(std::move(p));
  if (!out.problems.empty()) return survey_page(ctx, cv, out, 400);
  if (auto r = form_refusal(ctx, *form, kSurveyFormCookie, true)) {
    out.problems.push_back(*r);
    return survey_page(ctx, cv, out, 400);
  }
  try {
    Services(ctx).service.submit_survey(ctx.site.id, cv.consultation.id, answers);
  } catch (const domain::Invalid& err) {
    out.problems = err.problems();
    return survey_page(ctx, cv, out, 400);
  }
  FormState sent;
  sent.sent = true;
  return survey_page(ctx, cv, sent);
}

http::Response attachment(PageContext& ctx, const modules::yjzj::ConsultationView& cv, std::string_view id_text) {
  auto aid = parse_positive_integer(std::string(id_text));
  for (const auto& a : cv.attachments)
    if (aid && a.id == *aid) {
      auto blob = store::BlobStore(ctx.env.db).get(a.sha256);
      if (!blob) break;
      auto resp = attachment_response(std::move(*blob), a.file_name);
      resp.cache_tags = {domain::tag_consultation(cv.consultation.id)};
      return resp;
    }
  throw not_found("附件不存在或已被删除。");
}

}  // namespace

std::optional<http::Response> consultation_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  const bool post = ctx.req.method == http::Method::Post;
  if (seg.size() == 1) return http::Response::redirect(base_url(ctx.site), 301);
  if (seg.size() == 2 && seg[1].empty() && !post) return index_page(ctx);
  if (seg.size() == 2 && !post) return http::Response::redirect(base_url(ctx.site) + std::string(seg[1]) + "/", 301);
  if (seg.size() < 3) return std::nullopt;
  const auto id = id_of(seg[1]);
  if (seg.size() == 3 && seg[2].empty() && !post) return page(ctx, id);
  const auto cv = Services(ctx).service.public_view(ctx.site.id, id);
  if (seg.size() == 3 && seg[2] == "opinion") return post ? submit_opinion(ctx, cv) : opinion_page(ctx, cv, {});
  if (seg.size() == 3 && seg[2] == "survey") {
    if (cv.questions.empty()) throw not_found("本次征集没有调查问卷。");
    return post ? submit_survey(ctx, cv) : survey_page(ctx, cv, {});
  }
  if (seg.size() == 4 && seg[2] == "attachments" && !post) return attachment(ctx, cv, seg[3]);
  return std::nullopt;
}

}  // namespace zwgk::web
