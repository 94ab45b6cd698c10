// See consultation_service.hpp.
#include "modules/yjzj/service/consultation_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "domain/permission_registry.hpp"
#include "domain/privacy_html.hpp"
#include "modules/publishing/domain/workflow.hpp"
#include "modules/yjzj/domain/opinion.hpp"
#include "store/audit_log.hpp"
#include "store/department_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::yjzj {

namespace {

constexpr const char* kObject = "consultation";
constexpr const char* kNotFound = "本网站没有这项意见征集。";

void note(const domain::Caller& caller, const std::string& action, std::int64_t id, const std::string& detail = {}) {
  if (caller.audit) caller.audit({action, kObject, std::to_string(id), detail});
}

void anonymous_note(store::Database& db, const store::Actor& actor, std::int64_t site_id, const std::string& action,
                    std::int64_t id, const std::string& detail) {
  store::AuditEntryInput entry;
  entry.actor = actor;
  entry.action = action;
  entry.object_type = kObject;
  entry.object_id = std::to_string(id);
  entry.changes = {{"site_id", site_id}, {"detail", detail}};
  entry.site_id = site_id;
  store::AuditLog(db).append(entry);
}

domain::Target target_of(const store::StoredConsultation& c) { return {c.site_id, c.draft.department_id}; }

void require(const domain::Caller& caller, const char* action, const domain::Target& t) {
  if (auto r = domain::permission_refusal(caller.account, action, t)) throw domain::Forbidden(*r);
}

// The privacy guard over what the public page shows (the notice and the draft): personal
// data found there blocks publication until it is masked (the form's 自动遮盖) or removed.
std::string privacy_block(const domain::ConsultationDraft& d, domain::Date today) {
  domain::PrivacyScanOptions options;
  options.today = today;
  const std::vector<domain::PrivacyText> texts = {
      {"title", d.title}, {"summary", d.explanation}, {"body", domain::visible_text(d.body_html).text}};
  return domain::privacy_block_message(domain::guard_findings(texts, options, {}));
}

}  // namespace

domain::Date ConsultationService::today() const { return domain::china_date_of_unix(clock_()); }

domain::ConsultationSettings ConsultationService::settings(std::int64_t site_id) {
  return store::ConsultationRepository(db_, key_).settings(site_id);
}

store::StoredConsultation ConsultationService::permitted(const domain::Caller& caller, std::int64_t id, const char* action) {
  auto found = store::ConsultationRepository(db_, key_).find(id);
  if (!found || found->site_id != caller.account.site_id) throw domain::NotFound(kNotFound);
  require(caller, action, target_of(*found));
  return std::move(*found);
}

// The fields, the department (the caller's site's), the body (sanitized) and the period.
void ConsultationService::check(const domain::Caller& caller, domain::ConsultationDraft& d, std::optional<domain::Date> from) {
  const auto site = caller.account.site_id;
  d.body_html = domain::sanitize_html(d.body_html);
  auto problems = domain::consultation_draft_problems(d);
  if (d.department_id) {
    auto dep = store::DepartmentRepository(db_).by_id(*d.department_id);
    if (!dep || dep->site_id != site) problems.insert(problems.begin(), "起草单位不是本网站的部门");
  }
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  const auto s = settings(site);
  const auto start = from && *from > *d.starts_on ? *from : *d.starts_on;
  const auto period = domain::check_period(s, d.kind, d.market_entities, start, *d.ends_on, calendar_);
  if (auto refusal = domain::period_refusal(d.kind, period, d.short_period_reason))
    throw domain::Invalid({*refusal}, "short_period");
  if (!period.too_short) d.short_period_reason.clear();  // nothing to explain
  else {
    const auto b = d.short_period_reason.find_first_not_of(" \t\r\n");
    d.short_period_reason = d.short_period_reason.substr(b);
  }
}

std::int64_t ConsultationService::create(const domain::Caller& caller, domain::ConsultationDraft draft) {
  const auto site = caller.account.site_id;
  require(caller, "yjzj.manage", {site, draft.department_id});
  store::UnitOfWork unit(db_);
  check(caller, draft);
  const auto id = store::ConsultationRepository(db_, key_).create(site, draft, clock_());
  note(caller, "yjzj.create", id, "kind=" + domain::to_code(draft.kind));
  unit.commit();
  return id;
}

void ConsultationService::update(const domain::Caller& caller, std::int64_t id, domain::ConsultationDraft draft) {
  store::UnitOfWork unit(db_);
  auto c = permitted(caller, id, "yjzj.manage");
  require(caller, "yjzj.manage", {c.site_id, draft.department_id});  // moving it to another department
  if (c.record == store::ConsultationRecord::Feedback) throw domain::Conflict("意见反馈已发布，征集内容不能再修改");
  check(caller, draft, c.record == store::ConsultationRecord::Draft ? std::nullopt : std::optional<domain::Date>(today()));
  store::ConsultationRepository(db_, key_).update(c, draft, clock_());
  note(caller, "yjzj.update", id);
  unit.commit();
}

void ConsultationService::publish(const domain::Caller& caller, std::int64_t id) {
  store::UnitOfWork unit(db_);
  auto c = permitted(caller, id, "yjzj.manage");
  if (c.record != store::ConsultationRecord::Draft) throw domain::Conflict("这项意见征集已经发布");
  const auto now = today();
  if (*c.draft.ends_on < now) throw domain::Invalid({"征集截止日期已过，请修改征集时间后再发布"});
  // Published late, the public has from today: the period is what is left.
  auto draft = c.draft;
  check(caller, draft, now);
  if (auto block = privacy_block(draft, now); !block.empty()) throw domain::Invalid({block}, "privacy");
  store::ConsultationRepository repo(db_, key_);
  if (draft.short_period_reason != c.draft.short_period_reason) repo.update(c, draft, clock_());
  repo.set_record(c, store::ConsultationRecord::Published, clock_());
  note(caller, "yjzj.publish", id, draft.short_period_reason.empty() ? "" : "short_period=1");
  unit.commit();
}

std::int64_t ConsultationService::add_attachment(const domain::Caller& caller, std::int64_t id, const UploadedFile& file) {
  store::UnitOfWork unit(db_);
  auto c = permitted(caller, id, "yjzj.manage");
  static const std::vector<std::string> allowed = {
      "application/pdf", "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/ofd", "image/png", "image/jpeg"};
  if (std::find(allowed.begin(), allowed.end(), file.media_type) == allowed.end())
    throw domain::Invalid({"附件“" + file.file_name + "”不是 PDF、Word、Excel、OFD 或图片文件"});
  if (file.data.empty()) throw domain::Invalid({"附件“" + file.file_name + "”是空文件"});
  const auto aid =
      store::ConsultationRepository(db_, key_).add_attachment(c, file.data, file.file_name, file.media_type, clock_());
  note(caller, "yjzj.attachment", id, "attachment=" + std::to_string(aid));
  unit.commit();
  return aid;
}

void ConsultationService::delete_attachment(const domain::Caller& caller, std::int64_t id, std::int64_t attachment_id) {
  store::UnitOfWork unit(db_);
  auto c = permitted(caller, id, "yjzj.manage");
  store::ConsultationRepository(db_, key_).delete_attachment(c, attachment_id);
  note(caller, "yjzj.delete_attachment", id, "attachment=" + std::to_string(attachment_id));
  unit.commit();
}

std::int64_t ConsultationService::submit_opinion(std::int64_t site_id, std::int64_t id, const domain::OpinionInput& in) {
  store::UnitOfWork unit(db_);
  store::ConsultationRepository repo(db_, key_);
  auto c = repo.find(id);
  const auto now = today();
  if (!c || c->site_id != site_id || !domain::is_public(c->phase(now))) throw domain::NotFound(kNotFound);
  const auto articles = domain::anchor_draft(c->draft.body_html).articles;
  auto problems = domain::opinion_problems(in, c->phase(now), articles);
  const auto s = repo.settings(site_id);
  if (problems.empty() && repo.opinions_by_phone(id, in.phone) >= s.opinions_per_phone)
    problems.push_back("同一联系电话对本次征集最多提交" + std::to_string(s.opinions_per_phone) + "条意见");
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  const auto* article = in.anchor.empty() ? nullptr : domain::find_article(articles, in.anchor);
  const auto oid = repo.add_opinion(*c, in, article ? article->label : std::string(), clock_());
  anonymous_note(db_, {0, "public", ""}, site_id, "yjzj.opinion", id, "opinion=" + std::to_string(oid));
  unit.commit();
  return oid;
}

void ConsultationService::moderate(const domain::Caller& caller, std::int64_t id, std::int64_t opinion_id,
                                   domain::OpinionState to) {
  store::UnitOfWork unit(db_);
  auto c = permitted(caller, id, "yjzj.moderate");
  store::ConsultationRepository repo(db_, key_);
  auto o = repo.opinion(opinion_id);
  if (!o || o->consultation_id != id) throw domain::NotFound("本次征集没有这条意见。");
  if (to == domain::OpinionState::Pending) throw domain::Invalid({"请选择公开或不予公开"});
  repo.set_opinion_state(c, opinion_id, to, clock_());
  note(caller, "yjzj.moderate", id, "opinion=" + std::to_string(opinion_id) + " state=" + domain::to_code(to));
  unit.commit();
}

store::WriterContact ConsultationService::writer_contact(const domain::Caller& caller, std::int64_t id,
                                                         std::int64_t opinion_id) {
  store::UnitOfWork unit(db_);
  permitted(caller, id, "yjzj.view_writer");
  store::ConsultationRepository repo(db_, key_);
  auto o = repo.opinion(opinion_id);
  if (!o || o->consultation_id != id) throw domain::NotFound("本次征集没有这条意见。");
  auto contact = repo.writer_contact(opinion_id);
  if (!contact) throw domain::NotFound("提出意见人的联系方式无法打开（安装密钥已更换）。");
  note(caller, "yjzj.view_writer", id, "opinion=" + std::to_string(opinion_id));
  unit.commit();
  return *contact;
}

void ConsultationService::set_survey(const domain::Caller& caller, std::int64_t id, const std::string& text) {
  store::UnitOfWork unit(db_);
  auto c = permitted(caller, id, "yjzj.manage");
  store::ConsultationRepository repo(db_, key_);
  if (repo.response_count(id) > 0) throw domain::Conflict("问卷已有人填写，不能再修改");
  auto parsed = domain::parse_survey(text);
  if (!parsed.problems.empty()) throw domain::Invalid(std::move(parsed.problems));
  repo.set_questions(c, parsed.questions);
  note(caller, "yjzj.survey", id, "questions=" + std::to_string(parsed.questions.size()));
  unit.commit();
}

std::int64_t ConsultationService::submit_survey(std::int64_t site_id, std::int64_t id,
                                                const std::vector<domain::SurveyAnswer>& answers) {
  store::UnitOfWork unit(db_);
  store::ConsultationRepository repo(db_, key_);
  auto c = repo.find(id);
  const auto now = today();
  if (!c || c->site_id != site_id || !domain::is_public(c->phase(now))) throw domain::NotFound(kNotFound);
  if (c->phase(now) != domain::ConsultationPhase::Open)
    throw domain::Invalid({c->phase(now) == domain::ConsultationPhase::Upcoming ? "本次意见征集尚未开始"
                                                                                 : "本次意见征集已结束，问卷不再接受填写"});
  const auto questions = repo.questions(id);
  if (questions.empty()) throw domain::NotFound("本次征集没有调查问卷。");
  auto problems = domain::survey_answer_problems(questions, answers);
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  const auto rid = repo.add_response(*c, answers, clock_());
  anonymous_note(db_, {0, "public", ""}, site_id, "yjzj.survey_response", id, "response=" + std::to_string(rid));
  unit.commit();
  return rid;
}

void ConsultationService::publish_feedback(const domain::Caller& caller, std::int64_t id,
                                           const domain::ConsultationFeedback& f) {
  store::UnitOfWork unit(db_);
  auto c = permitted(caller, id, "yjzj.manage");
  const auto phase = c.phase(today());
  if (phase != domain::ConsultationPhase::AwaitingFeedback && phase != domain::ConsultationPhase::FeedbackPublished)
    throw domain::Conflict("征集结束后才能发布意见反馈");
  auto problems = domain::feedback_problems(f, c.opinions);
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  auto clean = f;
  const auto b = clean.text.find_first_not_of(" \t\r\n");
  clean.text = clean.text.substr(b);
  store::ConsultationRepository(db_, key_).set_feedback(c, clean, clock_());
  note(caller, phase == domain::ConsultationPhase::FeedbackPublished ? "yjzj.correct_feedback" : "yjzj.feedback", id,
       "received=" + std::to_string(f.received) + " adopted=" + std::to_string(f.adopted));
  unit.commit();
}

int ConsultationService::close_ended() {
  store::ConsultationRepository repo(db_, key_);
  int n = 0;
  for (const auto& c : repo.ended_unclosed(today())) {
    store::UnitOfWork unit(db_);
    repo.set_record(c, store::ConsultationRecord::Closed, clock_());
    anonymous_note(db_, {0, "system", ""}, c.site_id, "yjzj.close", c.id, "ends_on=" + c.draft.ends_on->iso());
    unit.commit();
    ++n;
  }
  return n;
}

void ConsultationService::save_settings(const domain::Caller& caller, const domain::ConsultationSettings& s) {
  const auto site = caller.account.site_id;
  require(caller, "yjzj.settings", {site, std::nullopt});
  auto problems = domain::settings_problems(s);
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  store::UnitOfWork unit(db_);
  store::ConsultationRepository(db_, key_).save_settings(site, s);
  if (caller.audit) caller.audit({"yjzj.settings", "site", std::to_string(site), "periods=" + domain::format_periods(s)});
  unit.commit();
}

std::int64_t ConsultationService::publish_statement(const domain::Caller& caller, const StatementInput& in) {
  const auto site = caller.account.site_id;
  store::UnitOfWork unit(db_);
  std::string unit_name;
  if (in.department_id) {
    auto dep = store::DepartmentRepository(db_).by_id(*in.department_id);
    if (!dep || dep->site_id != site) throw domain::Invalid({"单位不是本网站的部门"});
    unit_name = dep->name;
  }
  require(caller, "yjzj.manage", {site, in.department_id});
  auto problems = domain::statement_problems(in.period, in.text, today());
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  // A unit that consulted in the period has its consultation to show, not a statement.
  for (const auto& c : store::ConsultationRepository(db_, key_).list(site, true)) {
    if (c.draft.department_id == in.department_id && domain::contains(in.period, *c.draft.starts_on))
      throw domain::Invalid({(unit_name.empty() ? std::string("本机关") : unit_name) + to_label(in.period) +
                             "已公开征求意见（" + c.draft.title + "），不需要发布无征集事项的情况说明"});
  }
  store::ConsultationStatementRepository repo(db_);
  if (repo.exists(site, in.department_id, in.period))
    throw domain::Conflict((unit_name.empty() ? std::string("本机关") : unit_name) + to_label(in.period) +
                           "的情况说明已经发布；如需修改，请先撤回");
  store::ConsultationStatement row;
  row.site_id = site;
  row.department_id = in.department_id;
  row.period = in.period;
  const auto b = in.text.find_first_not_of(" \t\r\n");
  row.text = b == std::string::npos
                 ? domain::default_statement_text(unit_name.empty() ? std::string("本机关") : unit_name, in.period)
                 : in.text.substr(b, in.text.find_last_not_of(" \t\r\n") - b + 1);
  row.published_at = clock_();
  row.published_by = caller.name;
  const auto id = repo.add(row);
  if (caller.audit)
    caller.audit({"yjzj.statement", "consultation_statement", std::to_string(id),
                  "period=" + std::to_string(in.period.year) + "Q" + std::to_string(in.period.quarter)});
  unit.commit();
  return id;
}

void ConsultationService::withdraw_statement(const domain::Caller& caller, std::int64_t statement_id) {
  store::UnitOfWork unit(db_);
  store::ConsultationStatementRepository repo(db_);
  auto s = repo.find(statement_id);
  if (!s || s->site_id != caller.account.site_id) throw domain::NotFound("本网站没有这条情况说明。");
  require(caller, "yjzj.manage", {s->site_id, s->department_id});
  repo.remove(*s);
  if (caller.audit) caller.audit({"yjzj.withdraw_statement", "consultation_statement", std::to_string(s->id), ""});
  unit.commit();
}

std::vector<store::ConsultationStatement> ConsultationService::statements(std::int64_t site_id) {
  return store::ConsultationStatementRepository(db_).of_site(site_id);
}

ConsultationView ConsultationService::view_of(store::StoredConsultation c, bool staff) {
  ConsultationView v;
  const auto now = today();
  const auto s = settings(c.site_id);
  v.phase = c.phase(now);
  v.draft = domain::anchor_draft(c.draft.body_html);
  v.period = domain::check_period(s, c.draft.kind, c.draft.market_entities, *c.draft.starts_on, *c.draft.ends_on, calendar_);
  v.feedback_due = domain::feedback_due_on(*c.draft.ends_on, s, calendar_);
  v.feedback_overdue = domain::feedback_overdue(v.phase, *c.draft.ends_on, now, s, calendar_);
  store::ConsultationRepository repo(db_, key_);
  for (auto& o : repo.opinions(c.id))
    if (staff || o.state == domain::OpinionState::Published) v.published_opinions.push_back(std::move(o));
  v.attachments = repo.attachments(c.id);
  v.questions = repo.questions(c.id);
  const bool ended = v.phase == domain::ConsultationPhase::AwaitingFeedback || v.phase == domain::ConsultationPhase::FeedbackPublished;
  if (!v.questions.empty() && (staff || ended)) {
    const auto responses = repo.responses(c.id);
    v.respondents = static_cast<int>(responses.size());
    v.results = domain::tally_survey(v.questions, responses);
  }
  v.consultation = std::move(c);
  return v;
}

std::vector<ConsultationListing> ConsultationService::public_list(std::int64_t site_id) {
  const auto now = today();
  const auto s = settings(site_id);
  std::vector<ConsultationListing> out;
  for (auto& c : store::ConsultationRepository(db_, key_).list(site_id, true)) {
    ConsultationListing l;
    l.phase = c.phase(now);
    if (l.phase == domain::ConsultationPhase::AwaitingFeedback)
      l.feedback_due = domain::feedback_due_on(*c.draft.ends_on, s, calendar_);
    l.consultation = std::move(c);
    out.push_back(std::move(l));
  }
  return out;
}

ConsultationView ConsultationService::public_view(std::int64_t site_id, std::int64_t id) {
  auto c = store::ConsultationRepository(db_, key_).find(id);
  if (!c || c->site_id != site_id || c->record == store::ConsultationRecord::Draft) throw domain::NotFound(kNotFound);
  return view_of(std::move(*c), false);
}

ConsultationView ConsultationService::staff_view(const domain::Caller& caller, std::int64_t id) {
  return view_of(permitted(caller, id, "yjzj.view"), true);
}

}  // namespace zwgk::modules::yjzj
