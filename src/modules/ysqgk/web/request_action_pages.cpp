// The actions on one application (依申请公开), each one POST from the detail page: the
// handler parses the form into the step and calls one use case
// (modules/ysqgk/service/disclosure_request_service.hpp), which asks the permission
// registry, lets the domain decide whether the state allows it (a refusal is shown in
// Chinese with 409 and nothing changes) and writes the audit entry with the tracking number
// and no personal data.
#include "http/router.hpp"
#include "ingest/file_type.hpp"
#include "modules/ysqgk/domain/request_codes.hpp"
#include "modules/ysqgk/web/reply_letter.hpp"
#include "modules/ysqgk/web/request_console_common.hpp"

namespace zwgk::web::console {

namespace {

using Event = domain::RequestEvent;
using Kind = domain::RequestEventKind;
// Runs one use case for the application {tn} of the user's site.
using Act = std::function<void(ConsoleRequest&, RequestUseCases&, const std::string& tn)>;

// Registers POST /console/requests/{tn}/<name>. The route asks ysqgk.view (readers reach
// it); the use case asks the finer action on the application itself.
void action(ConsoleApp& app, http::Router& router, const EnvPtr& env, const std::string& name, Act act) {
  app.post(router, "/console/requests/{tn}/" + name, request_readers(), [env, act = std::move(act)](ConsoleRequest& c) {
    auto tn = tracking_param(c);
    if (!tn) throw domain::NotFound("本网站没有这个申请。");
    RequestUseCases use(*env, c);
    act(c, use, *tn);
    return c.see_other(request_url(*tn));
  });
}

// A step of `kind` on the day of field `on` (empty = today).
Event step(const ConsoleRequest& c, Kind kind, const std::string& label) {
  return Event{kind, date_field(c, "on", label), ""};
}

int int_field(const ConsoleRequest& c, const std::string& name, const std::string& label) {
  const std::string v = field(c, name);
  if (v.empty()) return 0;
  auto n = parse_positive_integer(v);
  if (!n || *n > 1000) throw domain::ValidationError({label + "应为正整数"});
  return static_cast<int>(*n);
}

domain::ReviewOutcome review_outcome(const std::string& code) {
  auto outcome = domain::review_outcome_from(code);
  if (!outcome) throw domain::ValidationError({"请选择审理结果（维持、纠正、其他或尚未审结）"});
  return *outcome;
}

}  // namespace

void register_request_action_pages(ConsoleApp& app, http::Router& router, EnvPtr env) {
  using C = ConsoleRequest;
  using U = RequestUseCases;
  using S = const std::string;

  action(app, router, env, "correction", [](C& c, U& u, S& tn) {
    auto e = step(c, Kind::RequestCorrection, "发出补正通知日期");
    e.correction_due_on = date_field(c, "correction_due_on", "补正期限", std::nullopt);
    u.run.apply(u.caller, tn, e);
  });
  action(app, router, env, "correction-received", [](C& c, U& u, S& tn) {
    u.run.apply(u.caller, tn, step(c, Kind::ReceiveCorrection, "收到补正材料日期"));
  });
  action(app, router, env, "close-no-correction", [](C& c, U& u, S& tn) {
    u.run.apply(u.caller, tn, step(c, Kind::CloseNoCorrection, "结案日期"));
  });
  action(app, router, env, "assign", [](C& c, U& u, S& tn) {
    // By id (the form's select); a name is accepted too (scripts). The use case checks it is
    // a department of the site.
    auto e = step(c, Kind::Assign, "分办日期");
    const std::string id = field(c, "department_id");
    if (!id.empty()) {
      auto n = parse_positive_integer(id);
      if (!n) throw domain::ValidationError({"本网站没有这个部门（编号 " + id + "）"});
      e.department_id = *n;
    } else {
      e.department = field(c, "department");
    }
    u.run.apply(u.caller, tn, e);
  });
  action(app, router, env, "consultation-start", [](C& c, U& u, S& tn) {
    auto e = step(c, Kind::StartConsultation, "征求意见日期");
    e.third_party = field(c, "third_party");
    u.run.apply(u.caller, tn, e);
  });
  action(app, router, env, "consultation-end", [](C& c, U& u, S& tn) {
    u.run.apply(u.caller, tn, step(c, Kind::EndConsultation, "第三方意见收回日期"));
  });
  action(app, router, env, "extend", [](C& c, U& u, S& tn) {
    auto e = step(c, Kind::Extend, "延期决定日期");
    e.extension_working_days = int_field(c, "working_days", "延长的工作日数");
    e.approver = field(c, "approver");
    e.applicant_notified = !c.form.value("applicant_notified").empty();
    u.run.apply(u.caller, tn, e);
  });
  action(app, router, env, "reply", [](C& c, U& u, S& tn) {
    auto outcome = domain::reply_outcome_from_code(field(c, "outcome"));
    if (!outcome) throw domain::ValidationError({"请选择办理结果"});
    auto e = step(c, Kind::Reply, "答复日期");
    e.outcome = *outcome;
    e.legal_basis = field(c, "legal_basis");
    e.note = field(c, "note");
    const auto& templates = c.app.templates();
    const std::string body = c.site.name;
    u.run.apply(u.caller, tn, e, [&templates, body](const domain::DisclosureRequest& replied) {
      return render_reply_letter(templates, body, replied);
    });
  });
  action(app, router, env, "withdraw", [](C& c, U& u, S& tn) {
    auto e = step(c, Kind::Withdraw, "撤回日期");
    e.note = field(c, "note");
    u.run.apply(u.caller, tn, e);
  });
  // 答复意见稿: the assigned department drafts (or the office itself); the office approves by
  // recording the reply, whose form starts from the draft.
  action(app, router, env, "draft", [](C& c, U& u, S& tn) {
    auto outcome = domain::reply_outcome_from_code(field(c, "outcome"));
    if (!outcome) throw domain::ValidationError({"请选择办理结果"});
    u.run.save_draft(u.caller, tn, {*outcome, field(c, "legal_basis"), field(c, "note")});
  });
  // Disclosed files (multipart): the bytes are sniffed, never the name or the browser's type.
  action(app, router, env, "files", [](C& c, U& u, S& tn) {
    const http::UploadedFile* f = c.form.file("file");
    if (!f || f->data.empty()) throw domain::ValidationError({"请选择要提供给申请人的文件"});
    if (f->file_name.empty()) throw domain::ValidationError({"上传的文件没有文件名"});
    const auto check = ingest::check_attachment(f->file_name, f->data);
    if (check.refusal) throw domain::ValidationError({*check.refusal});
    u.run.add_disclosed_file(u.caller, tn, f->file_name, f->data, check.media_type);
  });
  action(app, router, env, "reviews", [](C& c, U& u, S& tn) {
    domain::RequestReview rv;
    rv.tracking_number = tn;
    auto kind = domain::review_kind_from(field(c, "kind"));
    if (!kind) throw domain::ValidationError({"请选择行政复议或行政诉讼的类型"});
    rv.kind = *kind;
    rv.filed_on = date_field(c, "filed_on", "申请复议或起诉日期", std::nullopt);
    rv.outcome = review_outcome(field(c, "outcome").empty() ? "pending" : field(c, "outcome"));
    rv.decided_on = optional_date_field(c, "decided_on", "审结日期");
    rv.note = field(c, "note");
    u.run.add_review(u.caller, rv);
  });
  action(app, router, env, "reviews/{id}/decide", [](C& c, U& u, S& tn) {
    auto id = id_param(c);
    if (!id) throw domain::NotFound("没有这条行政复议或行政诉讼记录");
    u.run.decide_review(u.caller, tn, *id, review_outcome(field(c, "outcome")),
                        optional_date_field(c, "decided_on", "审结日期"));
  });
}

}  // namespace zwgk::web::console
