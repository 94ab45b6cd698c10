// 依申请公开 public pages: see request_pages.hpp.
#include "modules/ysqgk/web/request_pages.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>

#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "modules/ysqgk/domain/reply_letter_wording.hpp"
#include "modules/ysqgk/domain/request_codes.hpp"
#include "modules/ysqgk/domain/request_notices.hpp"
#include "domain/tracking_number.hpp"
#include "http/form.hpp"
#include "store/blob_store.hpp"
#include "store/department_repository.hpp"
#include "modules/ysqgk/service/guide_service.hpp"
#include "modules/ysqgk/web/guide_pages.hpp"
#include "modules/ysqgk/service/disclosure_request_service.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/form_nonces.hpp"
#include "web/attachment_download.hpp"
#include "web/form_token.hpp"
#include "web/formatting.hpp"
#include "web/one_time_cookie.hpp"
#include "web/layout_view.hpp"
#include "web/page_error.hpp"
#include "web/query_params.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

View select_options(const std::vector<std::pair<std::string, std::string>>& list, const std::string& selected) {
  View out{View::type::list};
  for (const auto& [code, label] : list) {
    View o{View::type::object};
    o.set("code", code);
    o.set("label", label);
    o.set("selected", selected == code);
    out.push_back(o);
  }
  return out;
}

View id_type_options(const std::string& selected) {
  std::vector<std::pair<std::string, std::string>> ids;
  for (auto t : {domain::IdType::ResidentIdCard, domain::IdType::Passport, domain::IdType::HongKongMacaoPermit,
                 domain::IdType::TaiwanPermit, domain::IdType::ForeignPermanentResidentCard, domain::IdType::Other})
    ids.push_back({domain::to_code(t), domain::to_label(t)});
  return select_options(ids, selected);
}

View organisation_kind_options(const std::string& selected, bool with_placeholder) {
  std::vector<std::pair<std::string, std::string>> orgs;
  if (with_placeholder) orgs.push_back({"", "请选择"});
  for (auto k : domain::kOrganisationKinds) orgs.push_back({domain::to_code(k), domain::to_label(k)});
  return select_options(orgs, selected);
}

View medium_options(const std::string& selected) {
  std::vector<std::pair<std::string, std::string>> list;
  for (auto m : {domain::MediumWanted::Paper, domain::MediumWanted::Electronic})
    list.push_back({domain::to_code(m), domain::to_label(m)});
  return select_options(list, selected);
}

View delivery_options(const std::string& selected) {
  std::vector<std::pair<std::string, std::string>> list;
  for (auto d : {domain::DeliveryMethod::Post, domain::DeliveryMethod::Email, domain::DeliveryMethod::Collect,
                 domain::DeliveryMethod::Online})
    list.push_back({domain::to_code(d), domain::to_label(d)});
  return select_options(list, selected);
}

domain::Applicant applicant_from_form(const http::Form& f, std::vector<domain::FieldProblem>& problems) {
  domain::Applicant a;
  auto kind = domain::applicant_kind_from(f.value("applicant_kind"));
  if (!kind) problems.push_back({"applicant_kind", "请选择申请人类型（自然人或法人或其他组织）"});
  a.kind = kind.value_or(domain::ApplicantKind::NaturalPerson);
  if (a.kind == domain::ApplicantKind::NaturalPerson) {
    a.person.name = f.value("name");
    auto idt = domain::id_type_from(f.value("id_type"));
    if (!idt) problems.push_back({"id_type", "请选择证件类型"});
    a.person.id_type = idt.value_or(domain::IdType::Other);
    a.person.id_number = f.value("id_number");
    a.person.work_unit = f.value("work_unit");
    a.person.address = f.value("address");
    a.person.postcode = f.value("postcode");
    a.person.phone = f.value("phone");
    a.person.email = f.value("email");
  } else {
    auto ok = domain::organisation_kind_from(f.value("org_kind"));
    if (!ok) problems.push_back({"org_kind", "请选择法人或其他组织的类型"});
    auto& o = a.organisation;
    o.kind = ok.value_or(domain::OrganisationKind::Other);
    o.name = f.value("org_name");
    o.credit_code = f.value("credit_code");
    o.legal_representative = f.value("legal_representative");
    o.contact_person = f.value("contact_person");
    o.contact_phone = f.value("contact_phone");
    o.contact_email = f.value("contact_email");
    o.address = f.value("org_address");
    o.postcode = f.value("org_postcode");
  }
  return a;
}

namespace {

std::string ysqgk_url(const domain::Site& s) { return s.path_prefix + "/ysqgk/"; }

http::Response private_page(http::Response r) {
  r.cache_tags.clear();
  r.set_header("Cache-Control", "no-store");
  return r;
}

std::string site_cookie_path(const domain::Site& s) { return s.path_prefix.empty() ? "/" : s.path_prefix + "/"; }

long long now_seconds(const PageContext& ctx) {
  return domain::or_system_clock(ctx.env.options.clock)();
}

// The receipt handed from the POST to the receipt page (one_time_cookie.hpp).
constexpr const char* kReceiptCookie = "zwgk_ysqgk_receipt";
constexpr long kReceiptLifetimeSeconds = 600;

store::PersonalDataKey receipt_key(const PageContext& ctx) {
  return store::PersonalDataKey::derive_from(ctx.env.options.secret, store::PersonalDataKey::Purpose::OneTimeCookies);
}

std::string receipt_url(const domain::Site& s, const std::string& tracking_number) {
  return ysqgk_url(s) + "apply/receipt/?n=" + url_encode_component(tracking_number);
}

View guide_view(const domain::DisclosureGuide& g) {
  View v{View::type::object};
  v.set("body_name", g.body_name);
  v.set("office", g.office);
  auto opt = [](const std::string& s) { return s.empty() ? View(false) : View(s); };  // "" is truthy
  v.set("person_in_charge", opt(g.person_in_charge));
  v.set("address", opt(g.address));
  v.set("postcode", opt(g.postcode));
  v.set("phone", opt(g.phone));
  v.set("fax", opt(g.fax));
  v.set("email", opt(g.email));
  v.set("hours", opt(g.hours));
  return v;
}

// 二、申请方式 and the first step of 办理流程: only the ways the configured data allows
// (disclosure_guide.hpp: the guide names nothing it does not list).
View channels_view(const domain::DisclosureGuide& g) {
  const auto c = domain::application_channels(g);
  View v{View::type::object};
  v.set("letter", c.letter);
  v.set("in_person", c.in_person);
  v.set("fax", c.fax);
  std::string ways = "网上";
  if (c.letter) ways += "、信函";
  if (c.in_person) ways += "、当面";
  if (c.fax) ways += "、传真";
  v.set("summary", ways);
  v.set("offline", c.letter || c.in_person || c.fax);
  return v;
}

http::Response guide_page(PageContext& ctx, std::optional<domain::Department> dep) {
  const auto& site = ctx.site;
  const auto g = modules::ysqgk::GuideService(ctx.env.db).current(site, dep);
  PageMeta meta;
  meta.title = (dep ? dep->name : site.name) + "依申请公开指南";
  meta.nav = "ysqgk";
  meta.nav_exact = false;
  meta.breadcrumb = {{"信息公开", portal_url(site)}, {"依申请公开", dep ? ysqgk_url(site) : ""}};
  if (dep) meta.breadcrumb.push_back({dep->name, ""});
  add_column_meta(meta, "依申请公开", "依申请公开指南", "依申请公开,政府信息公开申请", "信息公开");
  View v = layout_view(ctx, meta);
  v.set("guide", guide_view(g));
  v.set("channels", channels_view(g));
  v.set("apply_url", ysqgk_url(site) + "apply/");
  v.set("status_url", ysqgk_url(site) + "status/");
  // The 申请表 carries the site's 受理机构 (a department's guide links the site's form).
  v.set("form_docx_url", ysqgk_url(site) + std::string(kApplicationFormFile) + ".docx");
  v.set("form_pdf_url", ysqgk_url(site) + std::string(kApplicationFormFile) + ".pdf");
  View deps{View::type::list};
  if (!dep)
    for (const auto& d : store::DepartmentRepository(ctx.env.db).by_site(site.id)) {
      View dv{View::type::object};
      dv.set("name", d.name);
      dv.set("url", ysqgk_url(site) + "department/" + std::to_string(d.id) + "/");
      deps.push_back(dv);
    }
  v.set("has_departments", !deps.is_empty_list());
  v.set("departments", deps);
  v.set("remedy", domain::remedy_notice());
  auto resp = render_page(ctx, "ysqgk/guide", v);
  resp.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id)};
  return resp;
}

// ---- the application form ----


const std::vector<const char*> kTextFields = {
    "applicant_kind", "name", "id_type", "id_number", "work_unit", "address", "postcode", "phone", "email",
    "org_kind", "org_name", "credit_code", "legal_representative", "contact_person", "contact_phone",
    "contact_email", "org_address", "org_postcode", "description", "doc_number", "medium", "delivery"};

// The problems in the form's order (kTextFields, the challenge last), so the summary reads
// like the form; a problem of the whole submission goes with the challenge question.
std::vector<domain::FieldProblem> in_form_order(std::vector<domain::FieldProblem> problems) {
  auto rank = [](const std::string& field) {
    for (std::size_t i = 0; i < kTextFields.size(); ++i)
      if (field == kTextFields[i]) return i;
    return kTextFields.size();
  };
  for (auto& p : problems)
    if (rank(p.field) == kTextFields.size()) p.field = "challenge_answer";
  std::stable_sort(problems.begin(), problems.end(),
                   [&](const auto& a, const auto& b) { return rank(a.field) < rank(b.field); });
  return problems;
}

http::Response form_page(PageContext& ctx, const http::Form& values, const std::vector<domain::FieldProblem>& unordered,
                         int status) {
  const auto& site = ctx.site;
  PageMeta meta;
  meta.title = "在线申请政府信息公开";
  meta.nav = "ysqgk";
  meta.nav_exact = false;
  const auto problems = in_form_order(unordered);
  meta.noindex = !problems.empty();
  meta.breadcrumb = {{"信息公开", portal_url(site)}, {"依申请公开", ysqgk_url(site)}, {"在线申请", ""}};
  View v = layout_view(ctx, meta);
  View fields{View::type::object};
  for (const char* f : kTextFields) fields.set(f, values.value(f));
  v.set("f", fields);
  // Only the chosen 申请人类型's block is on the page (and only its fields are read:
  // applicant_from_form); without a valid choice the first step offers the two types.
  const std::string kind = values.value("applicant_kind");
  const bool chosen = kind == "natural_person" || kind == "organisation";
  v.set("choose_kind", !chosen);
  v.set("is_person", kind == "natural_person");
  v.set("is_org", kind == "organisation");
  v.set("person_url", ysqgk_url(site) + "apply/?type=person");
  v.set("org_url", ysqgk_url(site) + "apply/?type=organization");
  v.set("change_kind_url", ysqgk_url(site) + "apply/");
  v.set("id_types", id_type_options(values.value("id_type")));
  v.set("org_kinds", organisation_kind_options(values.value("org_kind"), false));
  v.set("media", medium_options(values.value("medium").empty() ? "electronic" : values.value("medium")));
  v.set("deliveries", delivery_options(values.value("delivery").empty() ? "online" : values.value("delivery")));
  // The summary links each message to its field (id f-FIELD); the field carries
  // aria-invalid and its message (e.FIELD, the first problem of that field).
  View errs{View::type::list};
  View by_field{View::type::object};
  std::vector<std::string> marked;
  for (const auto& p : problems) {
    View item{View::type::object};
    item.set("field", p.field);
    item.set("message", p.message);
    errs.push_back(item);
    if (std::find(marked.begin(), marked.end(), p.field) == marked.end()) {
      by_field.set(p.field, p.message);
      marked.push_back(p.field);
    }
  }
  for (const char* f : kTextFields)
    if (std::find(marked.begin(), marked.end(), f) == marked.end()) by_field.set(f, false);
  if (std::find(marked.begin(), marked.end(), "challenge_answer") == marked.end()) by_field.set("challenge_answer", false);
  v.set("e", by_field);
  v.set("errors", errs);
  v.set("has_errors", !problems.empty());
  const long long now = ctx.env.options.now_unix();
  const auto issued = issue_form_token(ctx.env.options.secret, now);
  v.set("form_token", issued.token);
  v.set("question", issued.question);
  v.set("action", ysqgk_url(site) + "apply/");
  auto resp = private_page(render_page(ctx, "ysqgk/apply", v, status));
  http::CookieOptions co;
  co.path = site.path_prefix.empty() ? "/" : site.path_prefix + "/";
  co.max_age_seconds = kFormTokenLifetimeSeconds;
  resp.add_header("Set-Cookie", http::set_cookie_value(kFormCookie, issued.nonce, co));
  return resp;
}

// The form's values as a registration; what the form cannot express is appended to
// `problems` (the rules are the domain's: registration_problems).
domain::Registration registration_from_form(const http::Form& f, std::vector<domain::FieldProblem>& problems) {
  domain::Registration r;
  r.applicant = applicant_from_form(f, problems);
  r.description = f.value("description");
  r.doc_number = f.value("doc_number");
  r.medium = domain::medium_wanted_from(f.value("medium"));
  r.delivery = domain::delivery_method_from(f.value("delivery"));
  return r;
}

http::Response submit_application(PageContext& ctx) {
  auto form = http::parse_form(ctx.req);
  if (!form) throw bad_request("提交的表单无法识别，请返回重新填写。");
  const auto check = check_form_token(ctx.env.options.secret, ctx.env.options.now_unix(), form->value("form_token"),
                                      http::cookie(ctx.req, kFormCookie), form->value("challenge_answer"),
                                      form->value(kHoneypotField));
  std::vector<domain::FieldProblem> problems;
  if (!check.ok) problems.push_back({"challenge_answer", check.refusal});
  const auto today = ctx.env.options.today();
  auto input = domain::online_registration(registration_from_form(*form, problems), today);
  for (auto& p : domain::registration_field_problems(input, today)) problems.push_back(std::move(p));
  if (!problems.empty()) return form_page(ctx, *form, problems, 400);
  if (!store::consume_form_nonce(ctx.env.db, check.nonce))
    return form_page(ctx, *form,
                     {{"challenge_answer", "该表单已经提交过，请勿重复提交；如需再次申请，请回答新的验证问题后提交"}}, 400);
  const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
  const auto calendar = ctx.env.options.calendar->current();
  const auto reg = modules::ysqgk::DisclosureRequestService(ctx.env.db, key, *calendar, today, ctx.env.base_url,
                                                            domain::or_system_clock(ctx.env.options.clock))
                       .submit_online(ctx.site.id, std::move(input));
  spdlog::info("ysqgk: application registered request_id={} tracking={}", ctx.req.request_id, reg.tracking_number);
  // Post/redirect/get: the receipt (with the 查询码) travels sealed in a one-time cookie, so
  // a refresh of the receipt page neither re-posts the form nor shows the code again.
  const bool mailed = !domain::notice_address(reg.request.applicant).empty();
  const std::string payload = reg.tracking_number + "\n" + reg.query_code + "\n" + reg.request.received_on.iso() +
                              "\n" + reg.due_on.iso() + "\n" + (mailed ? "1" : "0");
  auto resp = http::Response::redirect(receipt_url(ctx.site, reg.tracking_number), 303);
  resp.set_header("Cache-Control", "no-store");
  resp.add_header("Set-Cookie", one_time_cookie(receipt_key(ctx), kReceiptCookie, payload, ysqgk_url(ctx.site),
                                                now_seconds(ctx), kReceiptLifetimeSeconds));
  resp.add_header("Set-Cookie", cleared_cookie(kFormCookie, site_cookie_path(ctx.site)));
  return resp;
}

struct Receipt {
  std::string tracking_number, query_code;
  domain::Date received_on, due_on;
  bool mailed = false;
};

std::optional<Receipt> receipt_from_cookie(PageContext& ctx) {
  const auto raw = read_one_time_cookie(receipt_key(ctx), ctx.req, kReceiptCookie, now_seconds(ctx));
  if (!raw) return std::nullopt;
  std::vector<std::string> parts;
  std::string::size_type start = 0;
  for (;;) {
    const auto nl = raw->find('\n', start);
    parts.push_back(raw->substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  if (parts.size() != 5) return std::nullopt;
  auto received = domain::Date::parse(parts[2]);
  auto due = domain::Date::parse(parts[3]);
  if (!received || !due) return std::nullopt;
  return Receipt{parts[0], parts[1], *received, *due, parts[4] == "1"};
}

// GET apply/receipt/?n=...: the receipt once (the cookie is cleared); after that, or without
// the cookie, the number alone and what to do with or without the code. Never a form.
http::Response receipt_page(PageContext& ctx) {
  const auto& site = ctx.site;
  PageMeta meta;
  meta.title = "申请已提交";
  meta.nav = "ysqgk";
  meta.nav_exact = false;
  meta.noindex = true;
  meta.breadcrumb = {{"信息公开", portal_url(site)}, {"依申请公开", ysqgk_url(site)}, {"申请已提交", ""}};
  View v = layout_view(ctx, meta);
  const auto wanted = domain::normalise_tracking_number(ctx.req.query_param("n").value_or(""));
  auto receipt = receipt_from_cookie(ctx);
  if (receipt && (!wanted || *wanted != receipt->tracking_number)) receipt.reset();
  const std::string number = receipt ? receipt->tracking_number : wanted.value_or("");
  v.set("tracking_number", number.empty() ? View(false) : View(number));
  v.set("status_url", ysqgk_url(site) + "status/" + (number.empty() ? "" : "?n=" + url_encode_component(number)));
  v.set("reset_url", ysqgk_url(site) + "status/reset/" + (number.empty() ? "" : "?n=" + url_encode_component(number)));
  v.set("download_action", ysqgk_url(site) + "status/receipt");
  if (receipt) {
    View rv{View::type::object};
    rv.set("tracking_number", receipt->tracking_number);
    rv.set("query_code", receipt->query_code);
    rv.set("received_on", domain::chinese_date_with_weekday(receipt->received_on));
    rv.set("due_on", domain::chinese_date_with_weekday(receipt->due_on));
    rv.set("mailed", receipt->mailed);
    v.set("receipt", rv);
  } else {
    v.set("receipt", false);
  }
  auto resp = private_page(render_page(ctx, "ysqgk/receipt", v));
  if (receipt) resp.add_header("Set-Cookie", cleared_cookie(kReceiptCookie, ysqgk_url(site)));
  return resp;
}

// ---- status ----

constexpr const char* kNotFound = "未查询到该申请：申请编号或查询码不正确，请核对后重新输入。";

std::optional<store::StoredRequest> lookup(PageContext& ctx, const http::Form& f) {
  auto tn = domain::normalise_tracking_number(f.value("tracking_number"));
  auto code = domain::normalise_query_code(f.value("query_code"));
  if (!tn || !code) return std::nullopt;
  const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
  auto found = store::DisclosureRequestRepository(ctx.env.db, key).find_public(*tn, *code);
  if (found && found->site_id != ctx.site.id) return std::nullopt;
  return found;
}

http::Response status_page(PageContext& ctx, bool posted) {
  const auto& site = ctx.site;
  PageMeta meta;
  meta.title = "申请办理进度查询";
  meta.nav = "ysqgk";
  meta.nav_exact = false;
  meta.noindex = posted;
  meta.breadcrumb = {{"信息公开", portal_url(site)}, {"依申请公开", ysqgk_url(site)}, {"办理进度查询", ""}};
  View v = layout_view(ctx, meta);
  v.set("action", ysqgk_url(site) + "status/");
  v.set("letter_action", ysqgk_url(site) + "status/letter");
  v.set("message", false);
  v.set("request", false);
  v.set("reset_url", ysqgk_url(site) + "status/reset/");
  // From the receipt's link: the number filled in (never the code).
  if (auto n = domain::normalise_tracking_number(ctx.req.query_param("n").value_or("")); n && !posted)
    v.set("tracking_number", *n);
  int status = 200;
  if (posted) {
    auto form = http::parse_form(ctx.req);
    if (!form) throw bad_request("提交的表单无法识别，请返回重新填写。");
    v.set("tracking_number", form->value("tracking_number"));
    auto found = lookup(ctx, *form);
    if (!found) {
      v.set("message", kNotFound);
      status = 404;
    } else {
      const auto& r = found->request;
      const auto calendar = ctx.env.options.calendar->current();
      const auto& cal = *calendar;
      View rv{View::type::object};
      rv.set("tracking_number", r.tracking_number);
      rv.set("query_code", form->value("query_code"));
      rv.set("received_on", domain::chinese_date_with_weekday(r.received_on));
      rv.set("channel", domain::to_label(r.channel));
      rv.set("state", domain::to_label(r.state));
      rv.set("department", r.department.empty() ? View(false) : View(r.department));
      const bool closed = domain::is_terminal(r.state);
      rv.set("open", !closed);
      if (!closed) {
        const auto deadline = domain::deadline_for_applicant(domain::due_date(r, cal, ctx.env.options.today()));
        rv.set("due_on", domain::chinese_date_with_weekday(deadline.due_on));
        View lines{View::type::list};
        for (const auto& l : domain::explain_reply_deadline(deadline)) lines.push_back(View(l));
        rv.set("explanation", lines);
        rv.set("paused", domain::is_clock_paused(r.state));
      }
      rv.set("correction_due_on", r.state == domain::RequestState::CorrectionRequested && r.correction_due_on
                                      ? View(r.correction_due_on->chinese())
                                      : View(false));
      rv.set("outcome", r.outcome ? View(domain::to_full_label(*r.outcome)) : View(false));
      rv.set("closed_on", r.closed_on ? View(r.closed_on->chinese()) : View(false));
      const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
      store::DisclosureRequestRepository repo(ctx.env.db, key);
      rv.set("has_letter", static_cast<bool>(repo.reply_letter(r.tracking_number)));
      View files{View::type::list};
      for (const auto& f : repo.disclosed_files(r.tracking_number)) {
        View fv{View::type::object};
        fv.set("name", f.file_name);
        fv.set("url", "/ysqgk-files/" + f.download_token + "/" + url_encode_component(f.file_name));
        files.push_back(fv);
      }
      rv.set("has_files", !files.is_empty_list());
      rv.set("files", files);
      View steps{View::type::list};
      for (const auto& e : r.history) {
        View sv{View::type::object};
        sv.set("on", e.on.chinese());
        sv.set("label", domain::to_label(e.kind));
        steps.push_back(sv);
      }
      rv.set("has_steps", !steps.is_empty_list());  // no empty 办理记录 heading
      rv.set("steps", steps);
      v.set("request", rv);
    }
  }
  return private_page(render_page(ctx, "ysqgk/status", v, status));
}

http::Response letter_download(PageContext& ctx) {
  auto form = http::parse_form(ctx.req);
  if (!form) throw bad_request("提交的表单无法识别，请返回重新填写。");
  auto found = lookup(ctx, *form);
  if (!found) throw not_found(kNotFound);
  const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
  auto letter = store::DisclosureRequestRepository(ctx.env.db, key).reply_letter(found->request.tracking_number);
  if (!letter) throw not_found("该申请尚未生成答复书。");
  http::Response r;
  r.content_type = letter->media_type;
  r.body = letter->body;
  r.set_header("Content-Disposition", content_disposition("attachment", letter->file_name));
  r.set_header("Cache-Control", "no-store");
  return r;
}

// POST status/receipt (tracking_number + query_code, as on the receipt page): the receipt as
// a file to keep — an HTML page that opens in any browser and prints on one sheet.
http::Response receipt_download(PageContext& ctx) {
  auto form = http::parse_form(ctx.req);
  if (!form) throw bad_request("提交的表单无法识别，请返回重新填写。");
  auto found = lookup(ctx, *form);
  if (!found) throw not_found(kNotFound);
  const auto& r = found->request;
  const auto calendar = ctx.env.options.calendar->current();
  View v{View::type::object};
  v.set("site_name", ctx.site.name);
  v.set("tracking_number", r.tracking_number);
  v.set("query_code", *domain::normalise_query_code(form->value("query_code")));
  v.set("received_on", domain::chinese_date_with_weekday(r.received_on));
  v.set("channel", domain::to_label(r.channel));
  v.set("state", domain::to_label(r.state));
  const bool open = !domain::is_terminal(r.state);
  v.set("due_on", open ? View(domain::chinese_date_with_weekday(
                             domain::deadline_for_applicant(domain::due_date(r, *calendar, ctx.env.options.today())).due_on))
                       : View(false));
  v.set("status_url", ctx.absolute(ysqgk_url(ctx.site) + "status/?n=" + url_encode_component(r.tracking_number)));
  v.set("printed_on", ctx.env.options.today().chinese());
  http::Response resp;
  resp.content_type = "text/html; charset=utf-8";
  resp.body = ctx.env.templates.render("ysqgk/receipt_file", v);
  resp.set_header("Content-Disposition",
                  content_disposition("attachment", "政府信息公开申请回执-" + r.tracking_number + ".html"));
  resp.set_header("Cache-Control", "no-store");
  return resp;
}

// 找回查询码 (GET: the form; POST: the same answer whether or not the number and address
// matched — the service sends the new code only to the address the applicant gave).
http::Response reset_page(PageContext& ctx, bool posted) {
  const auto& site = ctx.site;
  PageMeta meta;
  meta.title = "找回查询码";
  meta.nav = "ysqgk";
  meta.nav_exact = false;
  meta.noindex = true;
  meta.breadcrumb = {{"信息公开", portal_url(site)}, {"依申请公开", ysqgk_url(site)},
                     {"办理进度查询", ysqgk_url(site) + "status/"}, {"找回查询码", ""}};
  View v = layout_view(ctx, meta);
  v.set("action", ysqgk_url(site) + "status/reset/");
  v.set("status_url", ysqgk_url(site) + "status/");
  const auto g = modules::ysqgk::GuideService(ctx.env.db).current(site, std::nullopt);
  v.set("office", g.office.empty() ? View(false) : View(g.office));
  v.set("phone", g.phone.empty() ? View(false) : View(g.phone));
  v.set("hours", g.hours.empty() ? View(false) : View(g.hours));
  v.set("tracking_number", domain::normalise_tracking_number(ctx.req.query_param("n").value_or("")).value_or(""));
  v.set("sent", false);
  v.set("problem", false);
  int status = 200;
  if (posted) {
    auto form = http::parse_form(ctx.req);
    if (!form) throw bad_request("提交的表单无法识别，请返回重新填写。");
    const auto tn = domain::normalise_tracking_number(form->value("tracking_number"));
    const std::string email = form->value("email");
    v.set("tracking_number", form->value("tracking_number"));
    v.set("email", email);
    if (!tn || email.find('@') == std::string::npos) {
      v.set("problem", !tn ? "请填写正确的申请编号（如 YSQ-2026-000123）。" : "请填写提交申请时留下的电子邮箱。");
      status = 400;
    } else {
      const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
      const auto calendar = ctx.env.options.calendar->current();
      modules::ysqgk::DisclosureRequestService(ctx.env.db, key, *calendar, ctx.env.options.today(), ctx.env.base_url,
                                               domain::or_system_clock(ctx.env.options.clock))
          .reset_query_code(site.id, *tn, email);
      v.set("sent", true);
    }
  }
  return private_page(render_page(ctx, "ysqgk/reset_code", v, status));
}

// GET apply/?type=person | ?type=organization: the form with that block; anything else:
// the first step (choose the 申请人类型).
http::Form chosen_kind(const http::Request& req) {
  http::Form f;
  const auto type = req.query_param("type").value_or("");
  if (type == "person") f.fields.push_back({"applicant_kind", "natural_person"});
  if (type == "organization") f.fields.push_back({"applicant_kind", "organisation"});
  return f;
}

}  // namespace

std::optional<http::Response> request_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  const bool post = ctx.req.method == http::Method::Post;
  const std::string base = ctx.site.path_prefix + "/ysqgk/";
  if (seg.size() == 1) return http::Response::redirect(base, 301);
  if (seg.size() == 2 && seg[1].empty() && !post) return guide_page(ctx, std::nullopt);
  if (seg.size() == 3 && seg[2].empty()) {
    if (seg[1] == "apply") return post ? submit_application(ctx) : form_page(ctx, chosen_kind(ctx.req), {}, 200);
    if (seg[1] == "status") return status_page(ctx, post);
  }
  if (seg.size() == 3 && seg[1] == "status" && seg[2] == "letter" && post) return letter_download(ctx);
  if (seg.size() == 3 && seg[1] == "status" && seg[2] == "receipt" && post) return receipt_download(ctx);
  if (seg.size() == 4 && seg[1] == "apply" && seg[2] == "receipt" && seg[3].empty() && !post) return receipt_page(ctx);
  if (seg.size() == 4 && seg[1] == "status" && seg[2] == "reset" && seg[3].empty()) return reset_page(ctx, post);
  if (seg.size() == 2 && !post && seg[1].starts_with(kApplicationFormFile) &&
      seg[1].substr(kApplicationFormFile.size()).starts_with("."))
    return application_form_file(ctx, seg[1].substr(kApplicationFormFile.size() + 1));
  if (seg.size() == 4 && seg[1] == "department" && seg[3].empty() && !post) {
    auto id = parse_positive_integer(seg[2]);
    if (!id || std::to_string(*id) != seg[2]) return std::nullopt;
    auto dep = store::DepartmentRepository(ctx.env.db).by_id(*id);
    if (!dep || dep->site_id != ctx.site.id) throw not_found("您访问的部门不存在。");
    return guide_page(ctx, dep);
  }
  if (seg.size() == 2 && !post && (seg[1] == "apply" || seg[1] == "status"))
    return http::Response::redirect(base + std::string(seg[1]) + "/", 301);
  return std::nullopt;
}

std::optional<http::Response> disclosed_file_download(store::Database& db, const http::Request& req) {
  const std::string token = req.param("token");
  if (token.size() != 48) return std::nullopt;
  const auto key = store::PersonalDataKey::derive_from(std::string(32, '\0'));  // files need no personal data
  store::DisclosureRequestRepository repo(db, key);
  auto f = repo.file_by_token(token);
  if (!f || f->file_name != req.param("name")) return std::nullopt;
  auto blob = store::BlobStore(db).get(f->sha256);
  if (!blob) return std::nullopt;
  // Only through this private link (store/attachment_access.hpp): /attachments/ answers 404.
  http::Response r = attachment_response(std::move(*blob), f->file_name);  // nosniff, no active types
  r.set_header("Content-Disposition", content_disposition("attachment", f->file_name));
  r.set_header("Cache-Control", "private, no-store");
  r.set_header("X-Robots-Tag", "noindex");
  return r;
}

}  // namespace zwgk::web
