// The actions on one application (依申请公开), each one POST from the detail page by the
// 公开工作机构 of its site: the domain decides whether the state allows it (a refusal is shown
// in Chinese with 409 and nothing changes); each applied action is written to the audit log
// with the tracking number and no personal data.
#include "modules/ysqgk/domain/request_codes.hpp"
#include "http/router.hpp"
#include "ingest/file_type.hpp"
#include "modules/ysqgk/store/reply_draft_repository.hpp"
#include "modules/ysqgk/web/request_console_common.hpp"
#include "modules/ysqgk/web/reply_letter.hpp"

namespace zwgk::web::console {

namespace {

using Repo = store::DisclosureRequestRepository;
using Act = std::function<domain::ApplyResult(ConsoleRequest&, Repo&, const store::StoredRequest&,
                                              const domain::WorkingDayCalendar&, std::string& audit_detail)>;

std::string actor(const ConsoleRequest& c) {
  return c.user.display_name.empty() ? c.user.username : c.user.display_name;
}

// Registers POST /console/requests/{tn}/<name>: site, role and state checks around `act`.
void action(ConsoleApp& app, http::Router& router, const EnvPtr& env, const std::string& name,
            const std::string& audit_action, Act act, domain::Action needed = domain::Action::HandleRequest) {
  app.post(router, "/console/requests/{tn}/" + name, request_readers(),
           [env, audit_action, needed, act = std::move(act)](ConsoleRequest& c) {
             auto found = own_request(c, *env);
             if (!found) return c.refuse("本网站没有这个申请。", 404);
             if (auto r = request_refusal(c, needed, *found)) return c.refuse(*r + "，操作未执行。");
             auto repo = env->repo(c.db);
             const auto calendar = env->calendar();
             const auto& cal = *calendar;
             std::string detail;
             act(c, repo, *found, cal, detail);  // a refusal throws (domain::Conflict): the one mapping
             c.audit(audit_action, "disclosure_request", found->request.tracking_number, detail);
             return c.see_other(request_url(found->request.tracking_number));
           });
}

int int_field(const ConsoleRequest& c, const std::string& name, const std::string& label) {
  const std::string v = field(c, name);
  if (v.empty()) return 0;
  auto n = parse_positive_integer(v);
  if (!n || *n > 1000) throw domain::ValidationError({label + "应为正整数"});
  return static_cast<int>(*n);
}

}  // namespace

void register_request_action_pages(ConsoleApp& app, http::Router& router, EnvPtr env) {
  using C = ConsoleRequest;
  using S = store::StoredRequest;
  using Cal = domain::WorkingDayCalendar;

  action(app, router, env, "correction", "ysqgk.correction",
         [](C& c, Repo& repo, const S& s, const Cal& cal, std::string& d) {
           const auto on = date_field(c, "on", "发出补正通知日期");
           const auto by = date_field(c, "correction_due_on", "补正期限", std::nullopt);
           d = "correction_due_on=" + by.iso();
           return repo.request_correction(s.request.tracking_number, on, by, actor(c), cal);
         });
  action(app, router, env, "correction-received", "ysqgk.correction_received",
         [](C& c, Repo& repo, const S& s, const Cal& cal, std::string&) {
           return repo.receive_correction(s.request.tracking_number, date_field(c, "on", "收到补正材料日期"), actor(c), cal);
         });
  action(app, router, env, "close-no-correction", "ysqgk.close_no_correction",
         [](C& c, Repo& repo, const S& s, const Cal& cal, std::string&) {
           return repo.close_no_correction(s.request.tracking_number, date_field(c, "on", "结案日期"), actor(c), cal);
         });
  action(app, router, env, "assign", "ysqgk.assign", [](C& c, Repo& repo, const S& s, const Cal& cal, std::string& d) {
    // By id (the form's select); a name is accepted too (scripts). Stored by id.
    store::DepartmentRepository deps(c.db);
    std::optional<domain::Department> dep;
    const std::string id = field(c, "department_id"), name = field(c, "department");
    if (!id.empty()) {
      auto n = parse_positive_integer(id);
      if (n) dep = deps.by_id(*n);
      if (!dep || dep->site_id != c.site.id) throw domain::ValidationError({"本网站没有这个部门（编号 " + id + "）"});
    } else if (!name.empty()) {
      dep = deps.by_name(c.site.id, name);
      if (!dep) throw domain::ValidationError({"本网站没有这个部门：" + name});
    }
    d = "department_id=" + (dep ? std::to_string(dep->id) : std::string());
    return repo.assign(s.request.tracking_number, date_field(c, "on", "分办日期"), dep.value_or(domain::Department{}),
                       actor(c), cal);
  });
  action(app, router, env, "consultation-start", "ysqgk.consultation_start",
         [](C& c, Repo& repo, const S& s, const Cal& cal, std::string&) {
           return repo.start_consultation(s.request.tracking_number, date_field(c, "on", "征求意见日期"),
                                          field(c, "third_party"), actor(c), cal);
         });
  action(app, router, env, "consultation-end", "ysqgk.consultation_end",
         [](C& c, Repo& repo, const S& s, const Cal& cal, std::string&) {
           return repo.end_consultation(s.request.tracking_number, date_field(c, "on", "第三方意见收回日期"), actor(c), cal);
         });
  action(app, router, env, "extend", "ysqgk.extend", [](C& c, Repo& repo, const S& s, const Cal& cal, std::string& d) {
    const int days = int_field(c, "working_days", "延长的工作日数");
    d = "working_days=" + std::to_string(days);
    return repo.extend(s.request.tracking_number, date_field(c, "on", "延期决定日期"), days, field(c, "approver"),
                       !c.form.value("applicant_notified").empty(), actor(c), cal);
  });
  action(app, router, env, "reply", "ysqgk.reply", [](C& c, Repo& repo, const S& s, const Cal& cal, std::string& d) {
    const std::string code = field(c, "outcome");
    auto outcome = domain::reply_outcome_from_code(code);
    if (!outcome) throw domain::ValidationError({"请选择办理结果"});
    d = "outcome=" + domain::to_code(*outcome);
    const auto& templates = c.app.templates();
    const std::string body = c.site.name;
    return repo.reply(s.request.tracking_number, date_field(c, "on", "答复日期"), *outcome, field(c, "legal_basis"),
                      field(c, "note"), actor(c), cal, [&templates, body](const domain::DisclosureRequest& replied) {
                        return render_reply_letter(templates, body, replied);
                      });
  });
  action(app, router, env, "withdraw", "ysqgk.withdraw", [](C& c, Repo& repo, const S& s, const Cal& cal, std::string&) {
    domain::RequestEvent e;
    e.kind = domain::RequestEventKind::Withdraw;
    e.on = date_field(c, "on", "撤回日期");
    e.actor = actor(c);
    e.note = field(c, "note");
    return repo.apply(s.request.tracking_number, e, cal);
  });
  // 答复意见稿: the assigned department drafts (or the office itself); the office approves by
  // recording the reply, whose form starts from the draft.
  action(
      app, router, env, "draft", "ysqgk.draft",
      [](C& c, Repo&, const S& s, const Cal&, std::string& d) {
        const auto st = s.request.state;
        if (st != domain::RequestState::Assigned && st != domain::RequestState::ConsultingThirdParty)
          throw domain::Conflict("当前状态为“" + domain::to_label(st) + "”，分办后、答复前才能起草答复意见");
        auto outcome = domain::reply_outcome_from_code(field(c, "outcome"));
        if (!outcome) throw domain::ValidationError({"请选择办理结果"});
        if (*outcome == domain::ReplyOutcome::NoCorrectionInTime)
          throw domain::ValidationError({"逾期不补正的申请请按“逾期未补正结案”办理"});
        store::ReplyDraft draft{*outcome, field(c, "legal_basis"), field(c, "note"), actor(c), c.app.today()};
        store::ReplyDraftRepository(c.db).save(s.id, draft);
        d = "outcome=" + domain::to_code(*outcome);
        return domain::ApplyResult{true, {}};
      },
      domain::Action::DraftReply);
  // Disclosed files (multipart): the bytes are sniffed, never the name or the browser's type.
  action(app, router, env, "files", "ysqgk.file_add", [](C& c, Repo& repo, const S& s, const Cal&, std::string& d) {
    const http::UploadedFile* f = c.form.file("file");
    if (!f || f->data.empty()) throw domain::ValidationError({"请选择要提供给申请人的文件"});
    if (f->file_name.empty()) throw domain::ValidationError({"上传的文件没有文件名"});
    const auto check = ingest::check_attachment(f->file_name, f->data);
    if (check.refusal) throw domain::ValidationError({*check.refusal});
    const auto added = repo.add_disclosed_file(s.request.tracking_number, f->file_name, f->data, check.media_type);
    d = "file_id=" + std::to_string(added.id) + " sha256=" + added.sha256;
    return domain::ApplyResult{true, {}};
  });
  action(app, router, env, "reviews", "ysqgk.review_add", [](C& c, Repo& repo, const S& s, const Cal&, std::string& d) {
    domain::RequestReview rv;
    rv.tracking_number = s.request.tracking_number;
    auto kind = domain::review_kind_from(field(c, "kind"));
    if (!kind) throw domain::ValidationError({"请选择行政复议或行政诉讼的类型"});
    rv.kind = *kind;
    rv.filed_on = date_field(c, "filed_on", "申请复议或起诉日期", std::nullopt);
    auto outcome = domain::review_outcome_from(field(c, "outcome").empty() ? "pending" : field(c, "outcome"));
    if (!outcome) throw domain::ValidationError({"请选择审理结果（维持、纠正、其他或尚未审结）"});
    rv.outcome = *outcome;
    rv.decided_on = optional_date_field(c, "decided_on", "审结日期");
    rv.note = field(c, "note");
    rv = repo.add_review(rv);
    d = "review_id=" + std::to_string(rv.id) + " kind=" + domain::to_code(rv.kind) + " outcome=" + domain::to_code(rv.outcome);
    return domain::ApplyResult{true, {}};
  });
  action(app, router, env, "reviews/{id}/decide", "ysqgk.review_decide",
         [](C& c, Repo& repo, const S& s, const Cal&, std::string& d) {
           auto id = id_param(c);
           bool ours = false;
           if (id)
             for (const auto& rv : repo.reviews(s.request.tracking_number)) ours = ours || rv.id == *id;
           if (!ours) throw store::NotFound("没有这条行政复议或行政诉讼记录");
           auto outcome = domain::review_outcome_from(field(c, "outcome"));
           if (!outcome) throw domain::ValidationError({"请选择审理结果（维持、纠正、其他或尚未审结）"});
           repo.decide_review(*id, *outcome, optional_date_field(c, "decided_on", "审结日期"));
           d = "review_id=" + std::to_string(*id) + " outcome=" + domain::to_code(*outcome);
           return domain::ApplyResult{true, {}};
         });
}

}  // namespace zwgk::web::console
