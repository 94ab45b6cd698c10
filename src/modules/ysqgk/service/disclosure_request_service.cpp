// See disclosure_request_service.hpp.
#include "modules/ysqgk/service/disclosure_request_service.hpp"

#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "modules/ysqgk/domain/reply_letter_wording.hpp"
#include "modules/ysqgk/domain/request_codes.hpp"
#include "modules/ysqgk/store/reply_draft_repository.hpp"
#include "modules/ysqgk/domain/request_notices.hpp"
#include "store/audit_log.hpp"
#include "store/outbox_repository.hpp"
#include "store/site_repository.hpp"
#include "store/department_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::ysqgk {

namespace {

using domain::RequestEventKind;

constexpr const char* kObject = "disclosure_request";

// The audit action of each step (ADR 0020: module.action).
std::string audit_action(RequestEventKind k) {
  switch (k) {
    case RequestEventKind::RequestCorrection: return "ysqgk.correction";
    case RequestEventKind::ReceiveCorrection: return "ysqgk.correction_received";
    case RequestEventKind::CloseNoCorrection: return "ysqgk.close_no_correction";
    case RequestEventKind::Assign: return "ysqgk.assign";
    case RequestEventKind::StartConsultation: return "ysqgk.consultation_start";
    case RequestEventKind::EndConsultation: return "ysqgk.consultation_end";
    case RequestEventKind::Extend: return "ysqgk.extend";
    case RequestEventKind::Reply: return "ysqgk.reply";
    case RequestEventKind::Withdraw: return "ysqgk.withdraw";
  }
  return "ysqgk.step";
}

// What the audit entry says of a step besides its name: ids and codes, never personal data.
std::string audit_detail(const domain::RequestEvent& e) {
  switch (e.kind) {
    case RequestEventKind::RequestCorrection:
      return e.correction_due_on ? "correction_due_on=" + e.correction_due_on->iso() : "";
    case RequestEventKind::Assign:
      return "department_id=" + (e.department_id ? std::to_string(*e.department_id) : std::string());
    case RequestEventKind::Extend: return "working_days=" + std::to_string(e.extension_working_days);
    case RequestEventKind::Reply: return e.outcome ? "outcome=" + domain::to_code(*e.outcome) : "";
    default: return "";
  }
}

void audit(const domain::Caller& caller, std::string action, const std::string& tracking_number, std::string detail) {
  if (caller.audit) caller.audit({std::move(action), kObject, tracking_number, std::move(detail)});
}

// Assign: the department named by id (the form's select) or by name (scripts) must be one of
// the site's (store::DepartmentRepository::of_site); stored by id, its current name kept for
// display.
void resolve_department(store::Database& db, std::int64_t site_id, domain::RequestEvent& e) {
  auto dep = store::DepartmentRepository(db).of_site(site_id, e.department_id, e.department);
  if (!dep) return;  // none chosen: the domain words it (请选择承办部门)
  e.department = dep->name;
  e.department_id = dep->id;
}

}  // namespace

Registered DisclosureRequestService::insert(std::int64_t site_id, const domain::Registration& input) {
  auto problems = domain::registration_problems(input, today_);
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  Registered out;
  out.request = domain::registered_request(input);
  const auto reg = store::DisclosureRequestRepository(db_, key_).insert(site_id, out.request);
  out.tracking_number = reg.tracking_number;
  out.query_code = reg.query_code;
  out.request.tracking_number = reg.tracking_number;
  out.due_on = domain::due_date(out.request, calendar_, out.request.received_on).due_on;
  return out;
}

Registered DisclosureRequestService::submit_online(std::int64_t site_id, domain::Registration input) {
  store::UnitOfWork unit(db_);
  auto out = insert(site_id, domain::online_registration(std::move(input), today_));
  store::AuditEntryInput entry;
  entry.actor = {0, "public", ""};
  entry.action = "ysqgk.submit";
  entry.object_type = kObject;
  entry.object_id = out.tracking_number;
  entry.changes = {{"site_id", site_id}, {"detail", "channel=online received_on=" + out.request.received_on.iso()}};
  entry.site_id = site_id;
  store::AuditLog(db_).append(entry);
  // The receipt by e-mail, with the 查询码 (sealed in the outbox), when an address was given.
  const auto from = notice_sender(site_id);
  const auto notice =
      domain::receipt_notice(out.request, out.query_code, from.body_name, from.status_url, out.due_on);
  store::OutboxRepository(db_, key_).enqueue({site_id, notice.kind, "disclosure_request", out.tracking_number,
                                              domain::notice_address(out.request.applicant), notice.subject,
                                              notice.body},
                                             store::outbox_time(clock_()));
  unit.commit();
  return out;
}

void DisclosureRequestService::reset_query_code(std::int64_t site_id, const std::string& tn, const std::string& email) {
  store::UnitOfWork unit(db_);
  store::DisclosureRequestRepository repo(db_, key_);
  auto found = repo.find_with_applicant(tn);
  // Nothing tells the caller whether the number exists or the address matched.
  if (!found || found->site_id != site_id || !domain::is_applicants_address(found->request.applicant, email)) return;
  const std::string code = repo.replace_query_code(found->id);
  const auto from = notice_sender(site_id);
  const auto notice = domain::query_code_reset_notice(found->request, code, from.body_name, from.status_url);
  store::OutboxRepository(db_, key_).enqueue({site_id, notice.kind, "disclosure_request", tn,
                                              domain::notice_address(found->request.applicant), notice.subject,
                                              notice.body},
                                             store::outbox_time(clock_()));
  store::AuditEntryInput entry;
  entry.actor = {0, "public", ""};
  entry.action = "ysqgk.query_code_reset";
  entry.object_type = kObject;
  entry.object_id = tn;
  entry.changes = {{"site_id", site_id}, {"detail", "by=email"}};
  entry.site_id = site_id;
  store::AuditLog(db_).append(entry);
  unit.commit();
}

DisclosureRequestService::NoticeSender DisclosureRequestService::notice_sender(std::int64_t site_id) {
  NoticeSender out{"政府信息公开工作机构", ""};
  std::string prefix;
  if (auto site = store::SiteRepository(db_).by_id(site_id)) {
    prefix = site->path_prefix;
    out.body_name = site->name;
  }
  if (!public_base_.empty()) out.status_url = public_base_ + prefix + "/ysqgk/status/";
  return out;
}

Registered DisclosureRequestService::register_received(const domain::Caller& caller, const domain::Registration& input) {
  const std::int64_t site = caller.account.site_id;
  if (auto r = domain::permission_refusal(caller.account, "ysqgk.handle", {site, std::nullopt}))
    throw domain::Forbidden(*r);
  store::UnitOfWork unit(db_);
  auto out = insert(site, input);
  audit(caller, "ysqgk.register", out.tracking_number,
        "channel=" + domain::to_code(out.request.channel) + " received_on=" + out.request.received_on.iso());
  unit.commit();
  return out;
}

store::StoredRequest DisclosureRequestService::permitted(const domain::Caller& caller, const std::string& tn,
                                                         std::string_view action, bool lock) {
  store::DisclosureRequestRepository repo(db_, key_);
  auto found = lock ? repo.lock(tn) : repo.find(tn);
  // Another site's application is not refused but absent: its number tells nothing.
  if (!found || found->site_id != caller.account.site_id) throw domain::NotFound("本网站没有这个申请。");
  if (auto r = domain::permission_refusal(caller.account, action, {found->site_id, found->request.department_id}))
    throw domain::Forbidden(*r);
  return std::move(*found);
}

domain::DisclosureRequest DisclosureRequestService::apply(const domain::Caller& caller, const std::string& tn,
                                                          domain::RequestEvent e,
                                                          const store::ReplyLetterMaker& letter) {
  store::UnitOfWork unit(db_);
  auto found = permitted(caller, tn, "ysqgk.handle", /*lock=*/true);
  e.actor = caller.name;
  if (e.kind == RequestEventKind::Assign) resolve_department(db_, found.site_id, e);
  if (e.kind == RequestEventKind::Reply && e.outcome && e.legal_basis.empty())
    e.legal_basis = domain::default_legal_basis(*e.outcome);
  auto& r = found.request;
  const int seq = static_cast<int>(r.history.size());
  if (auto result = domain::apply_event(r, e, calendar_); !result)
    throw domain::Conflict(result.refusal, "request_refused");
  std::optional<store::ReplyLetter> l;
  if (e.kind == RequestEventKind::Reply && letter) l = letter(r);
  store::DisclosureRequestRepository(db_, key_).append_event(found.id, seq, e, r, l);
  notify_applicant(found, e, r);
  audit(caller, audit_action(e.kind), tn, audit_detail(e));
  unit.commit();
  return r;
}

void DisclosureRequestService::notify_applicant(const store::StoredRequest& found, const domain::RequestEvent& e,
                                                const domain::DisclosureRequest& after) {
  const auto from = notice_sender(found.site_id);
  std::optional<domain::Date> due;
  if (!domain::is_terminal(after.state)) due = domain::due_date(after, calendar_, today_).due_on;
  const auto notice = domain::request_notice(e, after, from.body_name, from.status_url, due);
  if (!notice) return;
  auto full = store::DisclosureRequestRepository(db_, key_).find_with_applicant(after.tracking_number);
  if (!full) return;
  const std::string to = domain::notice_address(full->request.applicant);
  // Empty or malformed addresses are not enqueued (outbox_repository.hpp).
  store::OutboxRepository(db_, key_).enqueue(
      {found.site_id, notice->kind, "disclosure_request", after.tracking_number, to, notice->subject, notice->body},
      store::outbox_time(clock_()));
}

void DisclosureRequestService::save_draft(const domain::Caller& caller, const std::string& tn, const DraftInput& d) {
  store::UnitOfWork unit(db_);
  const auto found = permitted(caller, tn, "ysqgk.draft_reply", /*lock=*/true);
  if (auto refusal = domain::draft_refusal(found.request); !refusal.empty()) throw domain::Conflict(refusal);
  if (d.outcome == domain::ReplyOutcome::NoCorrectionInTime)
    throw domain::Invalid({"逾期不补正的申请请按“逾期未补正结案”办理"});
  store::ReplyDraftRepository(db_).save(found.id, {d.outcome, d.legal_basis, d.note, caller.name, today_});
  audit(caller, "ysqgk.draft", tn, "outcome=" + domain::to_code(d.outcome));
  unit.commit();
}

store::DisclosedFile DisclosureRequestService::add_disclosed_file(const domain::Caller& caller, const std::string& tn,
                                                                  const std::string& file_name, std::string_view data,
                                                                  const std::string& media_type) {
  if (data.empty()) throw domain::Invalid({"请选择要提供给申请人的文件"});
  if (file_name.empty() || file_name.find('/') != std::string::npos || file_name.find('\\') != std::string::npos)
    throw domain::Invalid({"文件名不能为空，也不能含有“/”"});
  store::UnitOfWork unit(db_);
  const auto found = permitted(caller, tn, "ysqgk.handle", /*lock=*/false);
  auto added = store::DisclosureRequestRepository(db_, key_).insert_disclosed_file(found.id, file_name, data, media_type);
  audit(caller, "ysqgk.file_add", tn, "file_id=" + std::to_string(added.id) + " sha256=" + added.sha256);
  unit.commit();
  return added;
}

domain::RequestReview DisclosureRequestService::add_review(const domain::Caller& caller, domain::RequestReview review) {
  if (auto p = domain::review_problems(review); !p.empty()) throw domain::Invalid(std::move(p));
  store::UnitOfWork unit(db_);
  const auto found = permitted(caller, review.tracking_number, "ysqgk.handle", /*lock=*/false);
  if (auto p = domain::review_filing_problems(review, found.request.closed_on); !p.empty())
    throw domain::Invalid(std::move(p));
  review = store::DisclosureRequestRepository(db_, key_).insert_review(found.id, review);
  audit(caller, "ysqgk.review_add", review.tracking_number,
        "review_id=" + std::to_string(review.id) + " kind=" + domain::to_code(review.kind) +
            " outcome=" + domain::to_code(review.outcome));
  unit.commit();
  return review;
}

domain::RequestReview DisclosureRequestService::decide_review(const domain::Caller& caller, const std::string& tn,
                                                              std::int64_t review_id, domain::ReviewOutcome outcome,
                                                              std::optional<domain::Date> decided_on) {
  store::UnitOfWork unit(db_);
  permitted(caller, tn, "ysqgk.handle", /*lock=*/true);
  store::DisclosureRequestRepository repo(db_, key_);
  std::optional<domain::RequestReview> review;
  for (auto& rv : repo.reviews(tn))
    if (rv.id == review_id) review = rv;
  if (!review) throw domain::NotFound("没有这条行政复议或行政诉讼记录");
  review->outcome = outcome;
  review->decided_on = decided_on;
  if (auto p = domain::review_problems(*review); !p.empty()) throw domain::Invalid(std::move(p));
  repo.update_review(review_id, outcome, decided_on);
  audit(caller, "ysqgk.review_decide", tn, "review_id=" + std::to_string(review_id) + " outcome=" + domain::to_code(outcome));
  unit.commit();
  return *review;
}

}  // namespace zwgk::modules::ysqgk
