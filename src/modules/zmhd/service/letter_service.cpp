// See letter_service.hpp.
#include "modules/zmhd/service/letter_service.hpp"

#include <map>

#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "domain/privacy_scan.hpp"
#include "domain/utf8.hpp"
#include "modules/zmhd/domain/letter_notices.hpp"
#include "modules/zmhd/domain/reply_quality.hpp"
#include "store/audit_log.hpp"
#include "store/department_repository.hpp"
#include "store/site_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::zmhd {

namespace {

using domain::LetterEventKind;
using domain::LetterNoticeKind;

constexpr const char* kObject = "letter";

// The action each step needs (zmhd_permissions.cpp).
const char* action_for(LetterEventKind k) {
  switch (k) {
    case LetterEventKind::DraftReply:
    case LetterEventKind::RequestExtension: return "zmhd.reply";
    default: return "zmhd.screen";
  }
}

std::string audit_action(LetterEventKind k) { return "zmhd." + domain::to_code(k); }

// What the audit entry says besides the step: codes and ids, never personal data.
std::string audit_detail(const domain::LetterEvent& e) {
  switch (e.kind) {
    case LetterEventKind::Reject: return e.rejection ? "reason=" + domain::to_code(*e.rejection) : "";
    case LetterEventKind::Merge: return "merged_into=" + e.merged_into;
    case LetterEventKind::Assign:
      return "department_id=" + (e.department_id ? std::to_string(*e.department_id) : std::string());
    case LetterEventKind::RequestExtension: return "working_days=" + std::to_string(e.working_days);
    case LetterEventKind::Rate: return e.satisfaction ? "rating=" + domain::to_code(*e.satisfaction) : "";
    default: return "";
  }
}

void audit_public(store::Database& db, std::int64_t site_id, const std::string& action, const std::string& number,
                  const std::string& detail) {
  store::AuditEntryInput entry;
  entry.actor = {0, "public", ""};
  entry.action = action;
  entry.object_type = kObject;
  entry.object_id = number;
  entry.changes = {{"site_id", site_id}, {"detail", detail}};
  entry.site_id = site_id;
  store::AuditLog(db).append(entry);
}

// Assign: the department named by id (the form's select) or by name (scripts) must be one of
// the site's (store::DepartmentRepository::of_site); stored by id, its current name kept for
// display.
void resolve_department(store::Database& db, std::int64_t site_id, domain::LetterEvent& e) {
  auto dep = store::DepartmentRepository(db).of_site(site_id, e.department_id, e.department);
  if (!dep) return;  // none chosen: the domain words it (请选择承办部门)
  e.department = dep->name;
  e.department_id = dep->id;
}

}  // namespace

SubmittedLetter LetterService::insert(std::int64_t site_id, const domain::Mailbox& mailbox,
                                      domain::LetterSubmission input, const std::vector<AttachmentInput>& files,
                                      std::optional<std::int64_t> source) {
  input.attachments = files.size();
  auto problems = domain::letter_submission_problems(input, mailbox);
  for (const auto& f : files) {
    if (f.media_type != "image/png" && f.media_type != "image/jpeg" && f.media_type != "image/gif" &&
        f.media_type != "application/pdf")
      problems.push_back("附件“" + f.file_name + "”不是图片或PDF文件，请上传 JPG、PNG、GIF 或 PDF");
  }
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  SubmittedLetter out;
  out.letter = domain::received_letter(input, today_);
  out.mailbox_name = mailbox.name;
  store::LetterRepository repo(db_, key_);
  auto reg = repo.insert(site_id, mailbox.id, input, out.letter, source);
  for (const auto& f : files) repo.add_attachment(reg.id, f.file_name, f.data, f.media_type);
  out.number = reg.number;
  out.query_code = reg.query_code;
  out.letter.number = reg.number;
  if (input.consent_publish) {
    domain::PrivacyScanOptions opt;
    opt.today = today_;
    std::vector<std::string> kinds;
    for (const auto* text : {&input.title, &input.content})
      for (const auto& f : domain::scan_privacy(*text, opt)) {
        const auto label = domain::to_label(f.kind);
        if (std::find(kinds.begin(), kinds.end(), label) == kinds.end()) kinds.push_back(label);
      }
    out.masked_on_publication = std::move(kinds);
  }
  return out;
}

SubmittedLetter LetterService::submit(std::int64_t site_id, const std::string& mailbox_code,
                                      domain::LetterSubmission input, const std::vector<AttachmentInput>& files) {
  auto mailbox = store::MailboxRepository(db_).mailbox(site_id, mailbox_code);
  if (!mailbox || !mailbox->enabled) throw domain::NotFound("本网站没有这个信箱。");
  input.channel = domain::LetterChannel::Website;
  input.external_id.clear();
  store::UnitOfWork unit(db_);
  auto out = insert(site_id, *mailbox, std::move(input), files, std::nullopt);
  audit_public(db_, site_id, "zmhd.submit", out.number,
               "mailbox=" + mailbox->code + " category=" + domain::to_code(out.letter.category));
  if (auto stored = store::LetterRepository(db_, key_).find(out.number))
    notify_writer(*stored, LetterNoticeKind::Received);
  unit.commit();
  return out;
}

SubmittedLetter LetterService::submit_from_system(const store::IntegrationClient& client,
                                                  const std::string& mailbox_code, domain::LetterSubmission input) {
  auto mailbox = store::MailboxRepository(db_).mailbox(client.site_id, mailbox_code);
  if (!mailbox) throw domain::NotFound("本网站没有这个信箱：" + mailbox_code);
  input.channel = domain::LetterChannel::Hotline12345;
  store::UnitOfWork unit(db_);
  store::LetterRepository repo(db_, key_);
  if (!input.external_id.empty())
    if (auto existing = repo.find_external(client.id, input.external_id))
      throw domain::Conflict("工单 " + input.external_id + " 已转入，信件编号 " + existing->letter.number,
                             "duplicate_ticket");
  auto out = insert(client.site_id, *mailbox, std::move(input), {}, client.id);
  store::AuditEntryInput entry;
  entry.actor = {0, "system:" + std::to_string(client.id), ""};
  entry.action = "zmhd.submit_12345";
  entry.object_type = kObject;
  entry.object_id = out.number;
  entry.changes = {{"site_id", client.site_id}, {"detail", "client=" + std::to_string(client.id)}};
  entry.site_id = client.site_id;
  store::AuditLog(db_).append(entry);
  unit.commit();
  return out;
}

store::StoredLetter LetterService::rate(std::int64_t site_id, const std::string& number, const std::string& code,
                                        domain::Satisfaction rating) {
  store::UnitOfWork unit(db_);
  store::LetterRepository repo(db_, key_);
  if (auto open = repo.find_public(number, code); !open || open->site_id != site_id)
    throw domain::NotFound("信件编号或查询码不正确。");
  auto found = repo.lock(number);
  if (!found) throw domain::NotFound("信件编号或查询码不正确。");
  const auto settings = store::MailboxRepository(db_).settings(found->site_id);
  domain::LetterEvent e{LetterEventKind::Rate, today_, "来信人"};
  e.satisfaction = rating;
  const int seq = static_cast<int>(found->letter.history.size());
  if (auto r = domain::apply_letter_event(found->letter, e, calendar_, settings.deadlines, settings.phrases()); !r)
    throw domain::Conflict(r.refusal, "letter_refused");
  repo.append_event(found->id, seq, e, *found);
  audit_public(db_, found->site_id, "zmhd.rate", number, audit_detail(e));
  if (found->letter.round == 2 && found->letter.state == domain::LetterState::Assigned)
    notify_staff(*found, LetterNoticeKind::Assigned);  // 二次办理: back to the department
  unit.commit();
  return std::move(*found);
}

store::StoredLetter LetterService::permitted(const domain::Caller& caller, const std::string& number,
                                             const char* action, bool lock) {
  store::LetterRepository repo(db_, key_);
  auto found = lock ? repo.lock(number) : repo.find(number);
  // Another site's letter is not refused but absent: its number tells nothing.
  if (!found || found->site_id != caller.account.site_id) throw domain::NotFound("本网站没有这件来信。");
  if (auto r = domain::permission_refusal(caller.account, action, {found->site_id, found->letter.department_id}))
    throw domain::Forbidden(*r);
  return std::move(*found);
}

store::StoredLetter LetterService::apply(const domain::Caller& caller, const std::string& number, StepInput step) {
  auto& e = step.event;
  if (e.kind == LetterEventKind::Rate) throw domain::Forbidden("评价由来信人凭查询码作出");
  store::UnitOfWork unit(db_);
  auto found = permitted(caller, number, action_for(e.kind), /*lock=*/true);
  e.actor = caller.name;
  e.on = today_;
  if (e.kind == LetterEventKind::Assign) {
    resolve_department(db_, found.site_id, e);
    found.co_departments = step.co_departments;
  }
  if (e.kind == LetterEventKind::Merge) {
    auto target = domain::normalise_letter_number(e.merged_into);
    auto main = target ? store::LetterRepository(db_, key_).find(*target) : std::nullopt;
    if (!main || main->site_id != found.site_id) throw domain::Invalid({"本网站没有信件 " + e.merged_into});
    if (main->letter.state == domain::LetterState::Rejected || main->letter.state == domain::LetterState::Merged)
      throw domain::Invalid({"信件 " + *target + " 本身未受理或已合并，请合并到正在办理的来信"});
    e.merged_into = *target;
  }
  const auto settings = store::MailboxRepository(db_).settings(found.site_id);
  // The reply-quality check flags a perfunctory draft at once, so the department rewrites
  // it before it reaches the office (which cannot approve one either: letter.hpp).
  if (e.kind == LetterEventKind::DraftReply && found.letter.state == domain::LetterState::Assigned)
    if (auto problems = domain::reply_quality_problems(e.text, settings.phrases()); !problems.empty())
      throw domain::Invalid(std::move(problems), "reply_quality");
  const int seq = static_cast<int>(found.letter.history.size());
  if (auto r = domain::apply_letter_event(found.letter, e, calendar_, settings.deadlines, settings.phrases()); !r)
    throw domain::Conflict(r.refusal, "letter_refused");
  store::LetterRepository(db_, key_).append_event(found.id, seq, e, found);
  if (caller.audit) caller.audit({audit_action(e.kind), kObject, number, audit_detail(e)});
  switch (e.kind) {
    case LetterEventKind::Accept: notify_writer(found, LetterNoticeKind::Accepted); break;
    case LetterEventKind::Reject: notify_writer(found, LetterNoticeKind::Rejected); break;
    case LetterEventKind::Merge: notify_writer(found, LetterNoticeKind::Merged); break;
    case LetterEventKind::Assign: notify_staff(found, LetterNoticeKind::Assigned); break;
    case LetterEventKind::ApproveReply: notify_writer(found, LetterNoticeKind::Replied); break;
    case LetterEventKind::Supervise: notify_staff(found, LetterNoticeKind::Supervised, e.reason); break;
    default: break;
  }
  unit.commit();
  return found;
}

store::LetterPublication LetterService::publish(const domain::Caller& caller, const std::string& number) {
  store::UnitOfWork unit(db_);
  auto found = permitted(caller, number, "zmhd.screen", /*lock=*/true);
  const auto& l = found.letter;
  if (!found.consent_publish) throw domain::Conflict("来信人未同意公开，不能选登");
  if (!l.replied_on || !l.accepted_on ||
      (l.state != domain::LetterState::Replied && l.state != domain::LetterState::Closed))
    throw domain::Conflict("只能选登已答复的来信");
  store::LetterRepository repo(db_, key_);
  domain::PrivacyScanOptions opt;
  opt.today = today_;
  // The writer's own name, wherever they wrote it, is masked as well.
  if (auto w = repo.writer(found.id); w && domain::count_characters(w->name) >= 2) opt.sensitive_words.push_back(w->name);
  auto mask = [&](const std::string& text) { return domain::mask_all(text, domain::scan_privacy(text, opt)); };
  store::LetterPublication p;
  p.number = l.number;
  p.site_id = found.site_id;
  p.mailbox_id = found.mailbox_id;
  p.category = l.category;
  p.title = mask(found.title);
  p.question = mask(found.content);
  p.answer = mask(l.reply);
  p.department = l.department;
  p.accepted_on = *l.accepted_on;
  p.replied_on = *l.replied_on;
  p.published_on = today_;
  p.published_by = caller.name;
  repo.publish(found.id, p);
  if (caller.audit) caller.audit({"zmhd.publish", kObject, number, ""});
  unit.commit();
  return p;
}

void LetterService::unpublish(const domain::Caller& caller, const std::string& number) {
  store::UnitOfWork unit(db_);
  auto found = permitted(caller, number, "zmhd.screen", /*lock=*/true);
  store::LetterRepository(db_, key_).unpublish(found.id, found.site_id);
  if (caller.audit) caller.audit({"zmhd.unpublish", kObject, number, ""});
  unit.commit();
}

void LetterService::notify_writer(const store::StoredLetter& letter, LetterNoticeKind kind) {
  auto w = store::LetterRepository(db_, key_).writer(letter.id);
  if (!w || w->email.empty()) return;
  enqueue(letter, kind, w->email, "");
}

void LetterService::notify_staff(const store::StoredLetter& letter, LetterNoticeKind kind, const std::string& note) {
  store::MailboxRepository boxes(db_);
  const auto contact = boxes.contact(letter.site_id, letter.letter.department_id.value_or(0));
  const std::string& to = kind == LetterNoticeKind::Supervised && !contact.head_email.empty() ? contact.head_email
                                                                                              : contact.staff_email;
  if (to.empty()) return;
  enqueue(letter, kind, to, "", note);
}

int LetterService::send_reminders(std::int64_t site_id) {
  int sent = 0;
  store::LetterRepository repo(db_, key_);
  store::MailboxRepository boxes(db_);
  std::map<std::int64_t, domain::LetterSettings> settings_of;  // one read per site
  for (const auto& s : repo.open_letters(site_id)) {
    auto known = settings_of.find(s.site_id);
    if (known == settings_of.end()) known = settings_of.emplace(s.site_id, boxes.settings(s.site_id)).first;
    const auto& settings = known->second;
    const auto& l = s.letter;
    const std::string round = ":" + std::to_string(l.round);
    store::UnitOfWork unit(db_);
    if (l.state == domain::LetterState::Assigned || l.state == domain::LetterState::Accepted) {
      const auto due = domain::letter_due_on(l, calendar_, settings.deadlines);
      const auto contact = boxes.contact(s.site_id, l.department_id.value_or(0));
      if (due && !contact.staff_email.empty()) {
        const auto next = calendar_.add_working_days(today_, 1).date;
        if (*due == next || (*due == today_ && calendar_.is_working_day(today_)))
          sent += enqueue(s, LetterNoticeKind::DueTomorrow, contact.staff_email, "due" + round);
        else if (today_ > *due)
          sent += enqueue(s, LetterNoticeKind::Overdue, contact.staff_email, "overdue" + round);
      }
    } else if (l.state == domain::LetterState::Replied) {
      const auto due = domain::rating_due_on(l, calendar_, settings.deadlines);
      if (due && today_ <= *due && calendar_.add_working_days(today_, 3).date >= *due) {
        auto w = repo.writer(s.id);
        if (w && !w->email.empty()) sent += enqueue(s, LetterNoticeKind::RatingReminder, w->email, "rating" + round);
      }
    }
    unit.commit();
  }
  return sent;
}

}  // namespace zwgk::modules::zmhd
