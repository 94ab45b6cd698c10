// One application (依申请公开) in the console: the request and its applicant (the ID number
// opened from its seal for the 公开工作机构 only), the due date and how it was counted (with
// a visible warning when a year of the span is missing from the holiday calendar), the
// history, the reply letter, disclosed files, reconsideration / litigation records, and the
// forms of the actions the current state allows.
#include "modules/ysqgk/domain/request_codes.hpp"
#include "modules/ysqgk/domain/reply_letter_wording.hpp"
#include "http/router.hpp"
#include "modules/ysqgk/store/reply_draft_repository.hpp"
#include "modules/ysqgk/web/request_console_common.hpp"
#include "web/attachment_download.hpp"
#include "web/formatting.hpp"

namespace zwgk::web::console {

namespace {

View kv(const std::string& label, const std::string& value) {
  View r{View::type::object};
  r.set("label", label);
  r.set("value", value.empty() ? std::string("—") : value);
  return r;
}

std::string masked_id(const std::string& id) {
  if (id.size() <= 4) return "已隐藏";
  return "已隐藏（尾号" + id.substr(id.size() - 4) + "）";
}

View applicant_view(const domain::Applicant& a, bool identity) {
  View rows{View::type::list};
  rows.push_back(kv("申请人类型", domain::to_label(a.kind)));
  if (a.kind == domain::ApplicantKind::NaturalPerson) {
    const auto& p = a.person;
    rows.push_back(kv("姓名", p.name));
    rows.push_back(kv("证件类型", domain::to_label(p.id_type)));
    rows.push_back(kv("证件号码", identity ? p.id_number : masked_id(p.id_number)));
    rows.push_back(kv("工作单位", p.work_unit));
    rows.push_back(kv("通信地址", p.address));
    rows.push_back(kv("邮政编码", p.postcode));
    rows.push_back(kv("联系电话", p.phone));
    rows.push_back(kv("电子邮箱", p.email));
  } else {
    const auto& o = a.organisation;
    rows.push_back(kv("组织类型", domain::to_label(o.kind)));
    rows.push_back(kv("名称", o.name));
    rows.push_back(kv("统一社会信用代码", o.credit_code));
    rows.push_back(kv("法定代表人或者负责人", o.legal_representative));
    rows.push_back(kv("联系人", o.contact_person));
    rows.push_back(kv("联系电话", o.contact_phone));
    rows.push_back(kv("电子邮箱", o.contact_email));
    rows.push_back(kv("通信地址", o.address));
    rows.push_back(kv("邮政编码", o.postcode));
  }
  return rows;
}

std::string event_details(const domain::RequestEvent& e) {
  std::string d;
  auto add = [&d](const std::string& s) { d += (d.empty() ? "" : "；") + s; };
  if (e.correction_due_on) add("补正期限：" + e.correction_due_on->iso());
  if (!e.department.empty()) add("承办部门：" + e.department);
  if (!e.third_party.empty()) add("第三方：" + e.third_party);
  if (e.kind == domain::RequestEventKind::Extend) {
    add("延长" + std::to_string(e.extension_working_days) + "个工作日");
    add("批准人：" + e.approver);
    add(e.applicant_notified ? "已告知申请人" : "未告知申请人");
  }
  if (e.outcome) add("办理结果：" + domain::to_full_label(*e.outcome));
  if (!e.legal_basis.empty()) add("依据：" + e.legal_basis);
  if (!e.note.empty()) add("说明：" + e.note);
  return d;
}

View outcome_groups(const std::string& selected) {
  View groups{View::type::list};
  std::string current;
  View group, items{View::type::list};
  auto flush = [&] {
    if (current.empty()) return;
    group.set("items", items);
    groups.push_back(group);
  };
  for (const auto& i : domain::all_reply_outcomes()) {
    if (std::string(i.group_label) != current) {
      flush();
      current = std::string(i.group_label);
      group = View{View::type::object};
      group.set("label", current);
      items = View{View::type::list};
    }
    View o{View::type::object};
    o.set("code", std::string(i.code));
    o.set("label", i.ground == 0 ? std::string(i.group_label) : std::string(i.row_label));
    // Recorded by 逾期未补正结案 (its own action), shown so the list is the table's.
    if (i.outcome == domain::ReplyOutcome::NoCorrectionInTime) o.set("disabled", true);
    if (i.code == selected) o.set("selected", true);
    items.push_back(o);
  }
  flush();
  return groups;
}

}  // namespace

void register_request_detail_page(ConsoleApp& app, http::Router& router, EnvPtr env) {
  app.get(router, "/console/requests/{tn}/", request_readers(), [env](ConsoleRequest& c) {
    auto base = own_request(c, *env);
    if (!base) return c.refuse("本网站没有这个申请。", 404);
    if (auto r = request_refusal(c, domain::Action::ViewRequest, *base)) return c.refuse(*r);
    auto repo = env->repo(c.db);
    const auto stored = repo.find_with_applicant(base->request.tracking_number).value_or(*base);
    const auto& r = stored.request;
    const bool identity = !request_refusal(c, domain::Action::ViewApplicantIdentity, stored);
    const bool handler = !request_refusal(c, domain::Action::HandleRequest, stored);
    const auto calendar = env->calendar();
    const auto& cal = *calendar;
    const auto today = c.app.today();
    c.audit("ysqgk.view", "disclosure_request", r.tracking_number, identity ? "identity=shown" : "");

    View v{View::type::object};
    v.set("tracking_number", r.tracking_number);
    v.set("url", request_url(r.tracking_number));
    View facts{View::type::list};
    facts.push_back(kv("申请方式", domain::to_label(r.channel)));
    facts.push_back(kv("收到申请日期", domain::chinese_date_with_weekday(r.received_on)));
    facts.push_back(kv("办理状态", domain::to_label(r.state)));
    facts.push_back(kv("承办部门", r.department.empty() ? "未分办" : r.department));
    facts.push_back(kv("所需政府信息", r.description));
    facts.push_back(kv("文号", r.doc_number));
    facts.push_back(kv("载体形式", domain::to_label(r.medium)));
    facts.push_back(kv("获取方式", domain::to_label(r.delivery)));
    if (r.outcome) facts.push_back(kv("办理结果", domain::to_full_label(*r.outcome)));
    if (r.closed_on) facts.push_back(kv("办结日期", r.closed_on->iso()));
    v.set("facts", facts);
    v.set("applicant", applicant_view(r.applicant, identity));
    if (!identity) v.set("identity_hidden", true);

    // The due date, derived now on the current calendar.
    if (!domain::is_terminal(r.state)) {
      const auto deadline = domain::due_date(r, cal, today);
      View due{View::type::object};
      due.set("due_on", domain::chinese_date_with_weekday(deadline.due_on));
      due.set("status", domain::to_label(domain::classify_due(r, cal, today)));
      View lines{View::type::list};
      for (const auto& l : domain::explain_reply_deadline(deadline)) lines.push_back(View(l));
      due.set("lines", lines);
      if (!deadline.warning.empty()) due.set("warning", deadline.warning.message());
      if (domain::is_clock_paused(r.state)) due.set("paused", true);
      v.set("due", due);
    }

    View history{View::type::list};
    for (const auto& e : r.history) {
      View h{View::type::object};
      h.set("on", e.on.iso());
      h.set("label", domain::to_label(e.kind));
      h.set("actor", e.actor);
      h.set("details", event_details(e));
      history.push_back(h);
    }
    v.set("history", history);
    v.set("has_history", !history.is_empty_list());

    // Actions the state allows, for the user who may take them.
    if (handler) {
      v.set("handler", true);
      View acts{View::type::object};
      bool any = false;
      for (const auto kind : domain::offered_events(r)) {
        acts.set(domain::to_code(kind), true);
        any = true;
      }
      v.set("act", acts);
      v.set("has_actions", any);
      v.set("today", today.iso());
      v.set("correction_notice_by", cal.add_working_days(r.received_on, domain::kCorrectionNoticeWorkingDays).date.iso());
      v.set("correction_due_default", cal.add_working_days(today, domain::kDefaultCorrectionPeriodWorkingDays).date.iso());
      v.set("third_party_due", cal.add_working_days(today, domain::kThirdPartyWorkingDays).date.iso());
      View deps{View::type::list};
      for (const auto& d : store::DepartmentRepository(c.db).by_site(c.site.id)) {
        View dv{View::type::object};
        dv.set("id", std::to_string(d.id));
        dv.set("name", d.name);
        if (r.department_id && d.id == *r.department_id) dv.set("selected", true);
        deps.push_back(dv);
      }
      v.set("departments", deps);
    }
    // 答复意见稿: shown to every reader; drafted by the assigned department (or the office).
    const auto draft = store::ReplyDraftRepository(c.db).find(stored.id);
    if (draft) {
      View dv{View::type::object};
      dv.set("outcome", domain::to_full_label(draft->outcome));
      dv.set("legal_basis", draft->legal_basis.empty() ? domain::default_legal_basis(draft->outcome) : draft->legal_basis);
      dv.set("note", draft->note);
      dv.set("drafted_by", draft->drafted_by);
      dv.set("drafted_on", draft->drafted_on.iso());
      v.set("draft", dv);
    }
    const std::string draft_code = draft ? domain::to_code(draft->outcome) : std::string();
    v.set("draft_legal_basis", draft ? draft->legal_basis : std::string());
    v.set("draft_note", draft ? draft->note : std::string());
    v.set("outcome_groups", outcome_groups(draft_code));
    if (!request_refusal(c, domain::Action::DraftReply, stored) &&
        (r.state == domain::RequestState::Assigned || r.state == domain::RequestState::ConsultingThirdParty))
      v.set("can_draft", true);

    if (auto letter = repo.reply_letter(r.tracking_number)) {
      v.set("letter_url", request_url(r.tracking_number) + "letter");
      v.set("letter_name", letter->file_name);
    }
    View files{View::type::list};
    for (const auto& f : repo.disclosed_files(r.tracking_number)) {
      View fv{View::type::object};
      fv.set("name", f.file_name);
      fv.set("url", "/ysqgk-files/" + f.download_token + "/" + url_encode_component(f.file_name));
      files.push_back(fv);
    }
    v.set("files", files);
    v.set("has_files", !files.is_empty_list());
    if (handler) v.set("can_upload", true);

    View reviews{View::type::list};
    for (const auto& rv : repo.reviews(r.tracking_number)) {
      View x{View::type::object};
      x.set("id", std::to_string(rv.id));
      x.set("kind", domain::to_label(rv.kind));
      x.set("filed_on", rv.filed_on.iso());
      x.set("outcome", domain::to_label(rv.outcome));
      x.set("decided_on", rv.decided_on ? rv.decided_on->iso() : std::string("—"));
      x.set("note", rv.note);
      if (handler && rv.outcome == domain::ReviewOutcome::Pending) x.set("can_decide", true);
      reviews.push_back(x);
    }
    v.set("reviews", reviews);
    v.set("has_reviews", !reviews.is_empty_list());
    if (handler && r.state == domain::RequestState::Replied) v.set("can_add_review", true);
    return c.page("申请 " + r.tracking_number, "ysqgk/console_request", v);
  });

  // The reply letter as a file (the same bytes the applicant downloads).
  app.get(router, "/console/requests/{tn}/letter", request_readers(), [env](ConsoleRequest& c) {
    auto base = own_request(c, *env);
    if (!base) return c.refuse("本网站没有这个申请。", 404);
    if (auto r = request_refusal(c, domain::Action::ViewRequest, *base)) return c.refuse(*r);
    auto letter = env->repo(c.db).reply_letter(base->request.tracking_number);
    if (!letter) return c.refuse("该申请尚未生成答复书。", 404);
    http::Response resp;
    resp.content_type = letter->media_type;
    resp.body = letter->body;
    resp.set_header("Content-Disposition", content_disposition("attachment", letter->file_name));
    resp.set_header("Cache-Control", "no-store");
    return resp;
  });
}

}  // namespace zwgk::web::console
