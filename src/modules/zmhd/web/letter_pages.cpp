// 政民互动 public pages: see letter_pages.hpp.
#include "modules/zmhd/web/letter_pages.hpp"

#include <spdlog/spdlog.h>

#include <ctime>

#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "domain/tracking_number.hpp"
#include "http/form.hpp"
#include "ingest/file_type.hpp"
#include "modules/zmhd/domain/letter_cache_tags.hpp"
#include "modules/zmhd/service/letter_service.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "modules/zmhd/web/letter_views.hpp"
#include "store/form_nonces.hpp"
#include "web/form_token.hpp"
#include "web/formatting.hpp"
#include "web/layout_view.hpp"
#include "web/list_views.hpp"
#include "web/page_error.hpp"
#include "web/query_params.hpp"
#include "domain/utf8.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

constexpr const char* kLetterFormCookie = "zmhd_form";
// The public server admits bodies up to 1 MB (http/server.hpp body_limit): the form says so.
constexpr std::size_t kMaxLetterAttachmentBytes = 1024 * 1024;
// The mailbox code of the 我为政府网站找错 link in every page's footer (module.cpp).
constexpr const char* kFooterErrorCode = "error";
constexpr const char* kNotFound = "未查询到该来信：信件编号或查询码不正确，请核对后重新输入。";

std::string base_url(const domain::Site& s) { return s.path_prefix + "/zmhd/"; }

http::Response private_page(http::Response r) {
  r.cache_tags.clear();
  r.set_header("Cache-Control", "no-store");
  return r;
}

PageMeta meta_for(PageContext& ctx, const std::string& title, const std::string& crumb, bool noindex = false) {
  PageMeta meta;
  meta.title = title;
  meta.nav = "zmhd";
  meta.nav_exact = false;
  meta.noindex = noindex;
  meta.breadcrumb = {{"政民互动", crumb.empty() ? "" : base_url(ctx.site)}};
  if (!crumb.empty()) meta.breadcrumb.push_back({crumb, ""});
  return meta;
}

View list_of(const std::vector<std::string>& items) {
  View out{View::type::list};
  for (const auto& s : items) out.push_back(View(s));
  return out;
}

// ---- P/zmhd/ ----

http::Response index_page(PageContext& ctx) {
  const auto& site = ctx.site;
  PageMeta meta = meta_for(ctx, "政民互动", "");
  add_column_meta(meta, "政民互动", "领导信箱、咨询投诉、我为政府网站找错、信件选登和受理反馈统计", "政民互动,领导信箱,咨询投诉", "互动交流");
  View v = layout_view(ctx, meta);
  View boxes{View::type::list};
  for (const auto& m : store::MailboxRepository(ctx.env.db).mailboxes(site.id)) {
    View b{View::type::object};
    b.set("name", m.name);
    b.set("kind", domain::to_label(m.kind));
    b.set("intro", m.intro.empty() ? View(false) : View(m.intro));
    b.set("url", base_url(site) + "write/" + m.code + "/");
    boxes.push_back(b);
  }
  v.set("mailboxes", boxes);
  v.set("has_mailboxes", !boxes.is_empty_list());
  if (!site.phone.empty()) v.set("phone", site.phone);  // "" would be truthy in the template
  v.set("status_url", base_url(site) + "status/");
  v.set("letters_url", base_url(site) + "letters/");
  v.set("stats_url", base_url(site) + "stats/");
  auto resp = render_page(ctx, "zmhd/index", v);
  resp.cache_tags = {domain::tag_site(site.id), domain::tag_letters(site.id)};
  return resp;
}

// ---- the form ----

const std::vector<const char*> kTextFields = {"category", "title", "content", "name", "phone", "email", "page_url",
                                              "error_kind"};

http::Response form_page(PageContext& ctx, const domain::Mailbox& m, const http::Form& values,
                         const std::vector<std::string>& problems, int status) {
  const auto& site = ctx.site;
  const bool error_report = m.kind == domain::MailboxKind::ErrorReport;
  View v = layout_view(ctx, meta_for(ctx, m.name, m.name, !problems.empty()));
  View fields{View::type::object};
  for (const char* f : kTextFields) fields.set(f, values.value(f));
  if (error_report && values.value("page_url").empty()) {
    // ?url= from the 我为政府网站找错 link in every page's footer.
    if (auto url = single_param(ctx.req, "url"); url && url->size() <= 2000) fields.set("page_url", *url);
  }
  if (problems.empty() && values.value("title").empty()) {
    // ?title= from a page's 反馈意见 link (a 清单's 反馈意见箱): the subject, which the writer may change.
    if (auto t = single_param(ctx.req, "title"); t && domain::count_characters(*t) <= 60) fields.set("title", *t);
  }
  v.set("f", fields);
  v.set("mailbox", m.name);
  v.set("intro", m.intro.empty() ? View(false) : View(m.intro));
  v.set("error_report", error_report);
  View cats{View::type::list};
  std::string chosen = values.value("category");
  if (chosen.empty() && problems.empty()) chosen = single_param(ctx.req, "category").value_or("");
  for (auto c : m.categories) {
    View o{View::type::object};
    o.set("code", domain::to_code(c));
    o.set("label", domain::to_label(c));
    o.set("selected", chosen == domain::to_code(c) || (chosen.empty() && m.categories.size() == 1));
    cats.push_back(o);
  }
  v.set("categories", cats);
  View kinds{View::type::list};
  for (const auto& k : domain::error_report_kinds()) {
    View o{View::type::object};
    o.set("label", k);
    o.set("selected", values.value("error_kind") == k);
    kinds.push_back(o);
  }
  v.set("error_kinds", kinds);
  v.set("consent", values.value("consent_publish") == "1");
  v.set("errors", list_of(problems));
  v.set("has_errors", !problems.empty());
  v.set("max_attachments", std::to_string(domain::kLetterAttachmentsMax));
  const auto issued = issue_form_token(ctx.env.options.secret, ctx.env.options.now_unix());
  v.set("form_token", issued.token);
  v.set("question", issued.question);
  v.set("action", base_url(site) + "write/" + m.code + "/");
  auto resp = private_page(render_page(ctx, "zmhd/write", v, status));
  http::CookieOptions co;
  co.path = site.path_prefix.empty() ? "/" : site.path_prefix + "/";
  co.max_age_seconds = kFormTokenLifetimeSeconds;
  resp.add_header("Set-Cookie", http::set_cookie_value(kLetterFormCookie, issued.nonce, co));
  return resp;
}

domain::LetterSubmission submission_from_form(const http::Form& f) {
  domain::LetterSubmission s;
  s.category = domain::letter_category_from(f.value("category"));
  s.title = f.value("title");
  s.content = f.value("content");
  s.writer = {f.value("name"), f.value("phone"), f.value("email")};
  s.consent_publish = f.value("consent_publish") == "1";
  s.page_url = f.value("page_url");
  s.error_kind = f.value("error_kind");
  return s;
}

modules::zmhd::NoticeLinks notice_links(PageContext& ctx) {
  return {ctx.env.base_url, ctx.env.base_url};
}

http::Response submit_letter(PageContext& ctx, const domain::Mailbox& m) {
  auto form = http::parse_form(ctx.req);
  if (!form) throw bad_request("提交的表单无法识别，请返回重新填写。");
  const auto check = check_form_token(ctx.env.options.secret, ctx.env.options.now_unix(), form->value("form_token"),
                                      http::cookie(ctx.req, kLetterFormCookie), form->value("challenge_answer"),
                                      form->value(kHoneypotField));
  std::vector<std::string> problems;
  if (!check.ok) problems.push_back(check.refusal);
  std::vector<modules::zmhd::AttachmentInput> files;
  for (const auto& f : form->files) {
    if (f.field != "attachment") continue;
    auto checked = ingest::check_attachment(f.file_name, f.data, kMaxLetterAttachmentBytes);
    if (checked.refusal) {
      problems.push_back("附件“" + f.file_name + "”：" + *checked.refusal);
      continue;
    }
    files.push_back({f.file_name, f.data, checked.media_type});
  }
  auto input = submission_from_form(*form);
  input.attachments = files.size();
  for (auto& p : domain::letter_submission_problems(input, m)) problems.push_back(std::move(p));
  if (!problems.empty()) return form_page(ctx, m, *form, problems, 400);
  if (!store::consume_form_nonce(ctx.env.db, check.nonce))
    return form_page(ctx, m, *form, {"该表单已经提交过，请勿重复提交；如需再次来信，请回答新的验证问题后提交"}, 400);
  const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
  const auto calendar = ctx.env.options.calendar->current();
  const auto today = ctx.env.options.today();
  modules::zmhd::SubmittedLetter out;
  try {
    out = modules::zmhd::LetterService(ctx.env.db, key, *calendar, today, notice_links(ctx))
              .submit(ctx.site.id, m.code, std::move(input), files);
  } catch (const domain::Invalid& e) {
    return form_page(ctx, m, *form, e.problems(), 400);
  }
  spdlog::info("zmhd: letter received request_id={} number={}", ctx.req.request_id, out.number);
  View v = layout_view(ctx, meta_for(ctx, "来信已提交", m.name, true));
  v.set("mailbox", m.name);
  v.set("number", out.number);
  v.set("query_code", out.query_code);
  v.set("received_on", domain::chinese_date_with_weekday(out.letter.received_on));
  v.set("status_url", base_url(ctx.site) + "status/?number=" + out.number);
  v.set("masked", list_of(out.masked_on_publication));
  v.set("has_masked", !out.masked_on_publication.empty());
  v.set("has_email", !form->value("email").empty());
  auto resp = private_page(render_page(ctx, "zmhd/receipt", v));
  http::CookieOptions co;
  co.path = ctx.site.path_prefix.empty() ? "/" : ctx.site.path_prefix + "/";
  co.max_age_seconds = 0;
  resp.add_header("Set-Cookie", http::set_cookie_value(kLetterFormCookie, "", co));
  return resp;
}

// ---- status and rating ----

std::optional<store::StoredLetter> lookup(PageContext& ctx, const http::Form& f) {
  auto number = domain::normalise_letter_number(f.value("number"));
  auto code = domain::normalise_query_code(f.value("query_code"));
  if (!number || !code) return std::nullopt;
  const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
  auto found = store::LetterRepository(ctx.env.db, key).find_public(*number, *code);
  if (found && found->site_id != ctx.site.id) return std::nullopt;
  return found;
}

http::Response status_page(PageContext& ctx, bool posted, const std::string& flash = {}) {
  View v = layout_view(ctx, meta_for(ctx, "来信办理进度查询", "办理进度查询", posted));
  v.set("action", base_url(ctx.site) + "status/");
  v.set("rate_action", base_url(ctx.site) + "rate/");
  v.set("message", false);
  v.set("flash", flash.empty() ? View(false) : View(flash));
  v.set("letter", false);
  v.set("number", single_param(ctx.req, "number").value_or(""));
  int status = 200;
  if (posted) {
    auto form = http::parse_form(ctx.req);
    if (!form) throw bad_request("提交的表单无法识别，请返回重新填写。");
    v.set("number", form->value("number"));
    auto found = lookup(ctx, *form);
    if (!found) {
      v.set("message", kNotFound);
      status = 404;
    } else {
      const auto calendar = ctx.env.options.calendar->current();
      const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
      const auto settings = store::MailboxRepository(ctx.env.db).settings(found->site_id);
      std::optional<store::StoredLetter> main;
      if (!found->letter.merged_into.empty()) main = store::LetterRepository(ctx.env.db, key).find(found->letter.merged_into);
      View lv = letter_status_view(*found, main ? &*main : nullptr, *calendar, settings, ctx.env.options.today());
      lv.set("query_code", form->value("query_code"));
      v.set("letter", lv);
    }
  }
  return private_page(render_page(ctx, "zmhd/status", v, status));
}

http::Response rate_letter(PageContext& ctx) {
  auto form = http::parse_form(ctx.req);
  if (!form) throw bad_request("提交的表单无法识别，请返回重新填写。");
  auto number = domain::normalise_letter_number(form->value("number"));
  auto code = domain::normalise_query_code(form->value("query_code"));
  if (!number || !code) throw not_found(kNotFound);
  auto rating = domain::satisfaction_from(form->value("rating"));
  if (!rating) throw bad_request("请选择满意、基本满意或不满意。");
  const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
  const auto calendar = ctx.env.options.calendar->current();
  auto after = modules::zmhd::LetterService(ctx.env.db, key, *calendar, ctx.env.options.today(), notice_links(ctx))
                   .rate(ctx.site.id, *number, *code, *rating);
  const std::string flash = after.letter.state == domain::LetterState::Assigned
                                ? "已收到您的评价（不满意），来信已交承办部门重新办理（二次办理）。"
                                : "已收到您的评价，感谢您的监督。";
  // Show the status again (the body already carries the number and the code).
  return status_page(ctx, true, flash);
}

// ---- 信件选登 ----

http::Response publications_page(PageContext& ctx) {
  const auto& site = ctx.site;
  store::PublicationQuery q;
  q.site_id = site.id;
  q.page = page_param(ctx.req);
  q.text = single_param(ctx.req, "q").value_or("");
  if (q.text.size() > 200) throw bad_request("搜索词过长，请控制在60字以内。");
  QueryPairs filters;
  if (!q.text.empty()) filters.push_back({"q", q.text});
  const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
  const auto page = store::LetterRepository(ctx.env.db, key).publications(q);
  PageMeta meta = meta_for(ctx, "信件选登", "信件选登");
  add_column_meta(meta, "信件选登", "公开的来信及答复", "信件选登,领导信箱,来信答复", "互动交流");
  View v = layout_view(ctx, meta);
  View items{View::type::list};
  for (const auto& p : page.items) items.push_back(publication_view(p, base_url(site)));
  v.set("items", items);
  v.set("has_items", !items.is_empty_list());
  v.set("total", std::to_string(page.total));
  v.set("q", q.text);
  v.set("action", base_url(site) + "letters/");
  v.set("pagination", pagination_view(page.total, page.page, page.per_page, base_url(site) + "letters/", filters));
  auto resp = render_page(ctx, "zmhd/letters", v);
  resp.cache_tags = {domain::tag_site(site.id), domain::tag_letters(site.id)};
  return resp;
}

http::Response publication_page(PageContext& ctx, std::string_view raw_number) {
  auto number = domain::normalise_letter_number(raw_number);
  if (!number) throw not_found("您访问的来信不存在或未公开。");
  const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
  auto p = store::LetterRepository(ctx.env.db, key).publication(*number);
  if (!p || p->site_id != ctx.site.id) throw not_found("您访问的来信不存在或未公开。");
  PageMeta meta = meta_for(ctx, p->title, "信件选登");
  meta.breadcrumb.back().url = base_url(ctx.site) + "letters/";
  meta.breadcrumb.push_back({p->title, ""});
  View v = layout_view(ctx, meta);
  v.set("p", publication_view(*p, base_url(ctx.site)));
  v.set("letters_url", base_url(ctx.site) + "letters/");
  auto resp = render_page(ctx, "zmhd/letter", v);
  resp.cache_tags = {domain::tag_site(ctx.site.id), domain::tag_letters(ctx.site.id)};
  return resp;
}

}  // namespace

std::optional<SearchSourceResult> letter_search(PageContext& ctx, const std::string& query) {
  std::string text = query;
  const auto b = text.find_first_not_of(" \t\r\n");
  if (b == std::string::npos || text.size() > 200) return std::nullopt;
  store::PublicationQuery q;
  q.site_id = ctx.site.id;
  q.text = text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1);
  q.per_page = 3;
  const auto key = store::PersonalDataKey::derive_from(std::string(32, '\0'));  // publications hold no personal data
  const auto page = store::LetterRepository(ctx.env.db, key).publications(q);
  SearchSourceResult out;
  out.label = "信件选登";
  out.total = page.total;
  out.more_url = base_url(ctx.site) + "letters/?q=" + url_encode_component(q.text);
  out.cache_tags = {domain::tag_letters(ctx.site.id)};
  for (const auto& p : page.items)
    out.hits.push_back({p.title, base_url(ctx.site) + "letters/" + p.number + "/", utf8_truncate(p.question, 80),
                        p.replied_on.iso()});
  return out;
}

std::optional<http::Response> letter_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  const bool post = ctx.req.method == http::Method::Post;
  const std::string base = base_url(ctx.site);
  if (seg.size() == 1) return http::Response::redirect(base, 301);
  if (seg.size() == 2 && seg[1].empty() && !post) return index_page(ctx);
  if (seg.size() == 4 && seg[1] == "write" && seg[3].empty()) {
    store::MailboxRepository boxes(ctx.env.db);
    auto m = boxes.mailbox(ctx.site.id, std::string(seg[2]));
    if ((!m || !m->enabled) && seg[2] == kFooterErrorCode) {
      // Every page's footer links here: the site's 找错 mailbox whatever its code, else the
      // mailboxes it has (or how to call), never a dead link.
      for (const auto& b : boxes.mailboxes(ctx.site.id))
        if (b.kind == domain::MailboxKind::ErrorReport) m = b;
      if (!m || !m->enabled) return index_page(ctx);
    }
    if (!m || !m->enabled) throw not_found("本网站没有这个信箱。");
    return post ? submit_letter(ctx, *m) : form_page(ctx, *m, http::Form{}, {}, 200);
  }
  if (seg.size() == 3 && seg[2].empty()) {
    if (seg[1] == "status") return status_page(ctx, post);
    if (seg[1] == "rate" && post) return rate_letter(ctx);
    if (seg[1] == "letters" && !post) return publications_page(ctx);
  }
  if (seg.size() == 4 && seg[1] == "letters" && seg[3].empty() && !post) return publication_page(ctx, seg[2]);
  if (auto r = letter_statistics_page(ctx, seg)) return r;
  if (seg.size() == 2 && !post && (seg[1] == "status" || seg[1] == "letters"))
    return http::Response::redirect(base + std::string(seg[1]) + "/", 301);
  if (seg.size() == 3 && !post && seg[1] == "write") return http::Response::redirect(base + "write/" + std::string(seg[2]) + "/", 301);
  return std::nullopt;
}

}  // namespace zwgk::web
