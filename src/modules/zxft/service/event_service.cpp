// See event_service.hpp.
#include "modules/zxft/service/event_service.hpp"

#include <algorithm>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "domain/permission_registry.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "store/audit_log.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::zxft {

namespace {

constexpr const char* kObject = "event";
constexpr const char* kNotFound = "本网站没有这场活动。";

void require(const domain::Caller& caller, const char* action, std::int64_t site_id) {
  if (auto r = domain::permission_refusal(caller.account, action, {site_id, std::nullopt})) throw domain::Forbidden(*r);
}

void note(const domain::Caller& caller, const std::string& action, std::int64_t id, const std::string& detail = {}) {
  if (caller.audit) caller.audit({action, kObject, std::to_string(id), detail});
}

bool is_image(const std::string& t) { return t == "image/png" || t == "image/jpeg" || t == "image/gif"; }

// The 政策解读's body: what the event was, who spoke, and the 文字实录.
std::string interpretation_body(const store::StoredEvent& e, const std::vector<store::EventEntry>& entries,
                                const std::string& event_url) {
  using domain::escape_html;
  std::string h;
  h += "<p>" + escape_html(domain::to_label(e.draft.kind)) + "：" + escape_html(e.draft.title) + "（" +
       escape_html(domain::format_china_minute_of_unix(e.draft.starts_at)) + (e.draft.place.empty() ? "" : "，" + escape_html(e.draft.place)) +
       "）</p>";
  if (!e.draft.summary.empty()) h += "<p>" + escape_html(e.draft.summary) + "</p>";
  if (!e.draft.guests.empty()) {
    h += "<p>嘉宾：";
    bool first = true;
    for (const auto& g : e.draft.guests) {
      if (!first) h += "；";
      first = false;
      h += escape_html(g.post.empty() ? g.name : g.post + " " + g.name);
    }
    h += "</p>";
  }
  h += "<h2>文字实录</h2>";
  for (const auto& x : entries) {
    h += "<p>";
    if (!x.question_text.empty()) h += "<strong>网友提问：</strong>" + escape_html(x.question_text) + "<br>";
    if (!x.speaker.empty()) h += "<strong>" + escape_html(x.speaker) + "：</strong>";
    h += escape_html(x.text) + "</p>";
  }
  if (!event_url.empty())
    h += "<p>图文直播、图片和视频见<a href=\"" + escape_html(event_url) + "\">" + escape_html(e.draft.title) + "</a>。</p>";
  return h;
}

}  // namespace

store::StoredEvent EventService::permitted(const domain::Caller& caller, std::int64_t id, const char* action) {
  auto found = store::EventRepository(db_, key_).find(id);
  if (!found || found->site_id != caller.account.site_id) throw domain::NotFound(kNotFound);
  require(caller, action, found->site_id);
  return std::move(*found);
}

void EventService::check_references(std::int64_t site_id, domain::EventDraft& d) {
  std::vector<std::string> problems = domain::event_draft_problems(d);
  store::DepartmentRepository deps(db_);
  auto department_ok = [&](std::optional<std::int64_t> id) {
    if (!id) return true;
    auto dep = deps.by_id(*id);
    return dep && dep->site_id == site_id;
  };
  if (!department_ok(d.department_id)) problems.push_back("主办单位不是本网站的部门");
  int n = 0;
  for (auto& g : d.guests) {
    ++n;
    if (!department_ok(g.department_id)) problems.push_back("第" + std::to_string(n) + "位嘉宾的部门不是本网站的部门");
  }
  store::DocumentRepository docs(db_);
  std::vector<std::int64_t> unique;
  for (auto p : d.policy_ids) {
    if (std::find(unique.begin(), unique.end(), p) != unique.end()) continue;
    unique.push_back(p);
    auto doc = docs.by_id(p);
    if (!doc || doc->site_id != site_id || doc->state != domain::DocumentState::Published)
      problems.push_back("文件编号 " + std::to_string(p) + " 不是本网站已发布的文件");
    else if (doc->kind == domain::DocumentKind::Interpretation)
      problems.push_back("《" + doc->title + "》本身是政策解读，请选择被解读的政策文件");
  }
  d.policy_ids = unique;
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
}

std::int64_t EventService::create(const domain::Caller& caller, domain::EventDraft draft) {
  const auto site = caller.account.site_id;
  require(caller, "zxft.manage", site);
  store::UnitOfWork unit(db_);
  check_references(site, draft);
  const auto id = store::EventRepository(db_, key_).create(site, draft, clock_());
  note(caller, "zxft.create", id, "kind=" + domain::to_code(draft.kind));
  unit.commit();
  return id;
}

void EventService::update(const domain::Caller& caller, std::int64_t id, domain::EventDraft draft) {
  store::UnitOfWork unit(db_);
  auto e = permitted(caller, id, "zxft.manage");
  if (e.state == domain::EventState::Cancelled) throw domain::Conflict("已取消的活动不能修改");
  check_references(e.site_id, draft);
  store::EventRepository(db_, key_).update(id, draft, clock_());
  note(caller, "zxft.update", id);
  unit.commit();
}

store::StoredEvent EventService::step(const domain::Caller& caller, std::int64_t id, domain::EventStep step,
                                      const std::string& reason) {
  store::UnitOfWork unit(db_);
  const bool live_step = step == domain::EventStep::Open || step == domain::EventStep::Close;
  auto e = store::EventRepository(db_, key_).find(id);
  if (!e || e->site_id != caller.account.site_id) throw domain::NotFound(kNotFound);
  if (!domain::may(caller.account, "zxft.manage", {e->site_id, std::nullopt}))
    require(caller, live_step ? "zxft.live" : "zxft.manage", e->site_id);
  if (auto r = domain::step_refusal(e->state, step)) throw domain::Conflict(*r, "event_refused");
  const auto now = clock_();
  std::string short_notice;
  if (step == domain::EventStep::Announce) {
    if (auto warning = domain::short_notice_warning(now, e->draft.starts_at)) {
      const auto b = reason.find_first_not_of(" \t\r\n");
      if (b == std::string::npos) throw domain::Invalid({*warning + "；如确需发布，请填写提前不足3天的原因"}, "short_notice");
      short_notice = reason.substr(b);
    }
  }
  const auto to = domain::state_after(step);
  store::EventRepository(db_, key_).set_state(*e, to, now, short_notice);
  note(caller, "zxft." + std::string(step == domain::EventStep::Announce ? "announce"
                                     : step == domain::EventStep::Open   ? "open"
                                     : step == domain::EventStep::Close  ? "close"
                                                                         : "cancel"),
       id, short_notice.empty() ? "" : "short_notice=1");
  unit.commit();
  e->state = to;
  e->short_notice = short_notice.empty() ? e->short_notice : short_notice;
  return std::move(*e);
}

void EventService::set_questions_open(const domain::Caller& caller, std::int64_t id, bool open) {
  store::UnitOfWork unit(db_);
  auto e = permitted(caller, id, "zxft.live");
  store::EventRepository(db_, key_).set_questions_open(e, open, clock_());
  note(caller, open ? "zxft.open_questions" : "zxft.close_questions", id);
  unit.commit();
}

std::int64_t EventService::add_entry(const domain::Caller& caller, std::int64_t id, domain::EntryInput entry,
                                     const std::optional<FileInput>& image) {
  store::UnitOfWork unit(db_);
  auto e = permitted(caller, id, "zxft.live");
  auto problems = domain::entry_problems(entry, e.state);
  if (image && !is_image(image->media_type)) problems.push_back("图片“" + image->file_name + "”不是 JPG、PNG 或 GIF 图片");
  store::EventRepository repo(db_, key_);
  std::optional<store::EventQuestion> q;
  if (entry.question_id) {
    q = repo.question(*entry.question_id);
    if (!q || q->event_id != id) problems.push_back("所答复的提问不属于本场活动");
    else if (q->state == domain::QuestionState::Rejected) problems.push_back("不予公开的提问不能在直播中答复");
  }
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  std::optional<store::EventFile> file;
  if (image) file = store::EventFile{"", image->file_name, image->media_type};
  const auto now = clock_();
  const auto entry_id = repo.add_entry(e, entry, file, image ? std::string_view(image->data) : std::string_view(),
                                       caller.name, now);
  if (q) repo.set_question(e, q->id, domain::QuestionState::Answered, entry.text, entry.speaker, now);
  note(caller, "zxft.entry", id, "entry=" + std::to_string(entry_id));
  unit.commit();
  return entry_id;
}

void EventService::delete_entry(const domain::Caller& caller, std::int64_t id, std::int64_t entry_id) {
  store::UnitOfWork unit(db_);
  auto e = permitted(caller, id, "zxft.live");
  store::EventRepository(db_, key_).delete_entry(e, entry_id);
  note(caller, "zxft.delete_entry", id, "entry=" + std::to_string(entry_id));
  unit.commit();
}

std::int64_t EventService::submit_question(std::int64_t site_id, std::int64_t id, const domain::QuestionInput& q) {
  store::UnitOfWork unit(db_);
  store::EventRepository repo(db_, key_);
  auto e = repo.find(id);
  if (!e || e->site_id != site_id || !domain::is_public(e->state)) throw domain::NotFound(kNotFound);
  auto problems = domain::question_problems(q, e->state, e->questions_open);
  if (problems.empty() && repo.questions_by_phone(id, q.phone) >= domain::kQuestionsPerPhone)
    problems.push_back("同一手机号码在本场活动最多提问" + std::to_string(domain::kQuestionsPerPhone) + "次");
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  const auto qid = repo.add_question(*e, q, clock_());
  store::AuditEntryInput entry;
  entry.actor = {0, "public", ""};
  entry.action = "zxft.question";
  entry.object_type = kObject;
  entry.object_id = std::to_string(id);
  entry.changes = {{"site_id", site_id}, {"detail", "question=" + std::to_string(qid)}};
  entry.site_id = site_id;
  store::AuditLog(db_).append(entry);
  unit.commit();
  return qid;
}

void EventService::moderate_question(const domain::Caller& caller, std::int64_t id, std::int64_t question_id,
                                     domain::QuestionState to, const std::string& answer) {
  store::UnitOfWork unit(db_);
  auto e = permitted(caller, id, "zxft.live");
  store::EventRepository repo(db_, key_);
  auto q = repo.question(question_id);
  if (!q || q->event_id != id) throw domain::NotFound("本场活动没有这条提问。");
  const auto b = answer.find_first_not_of(" \t\r\n");
  if (to == domain::QuestionState::Pending) throw domain::Invalid({"请选择公开、不予公开或书面答复"});
  if (to == domain::QuestionState::Answered && b == std::string::npos) throw domain::Invalid({"请填写答复内容"});
  if (to == domain::QuestionState::Answered && q->state == domain::QuestionState::Rejected)
    throw domain::Conflict("不予公开的提问不能答复，请先改为公开");
  repo.set_question(e, question_id, to, to == domain::QuestionState::Answered ? answer.substr(b) : q->answer,
                    to == domain::QuestionState::Answered ? caller.name : q->answered_by, clock_());
  note(caller, "zxft.moderate", id, "question=" + std::to_string(question_id) + " state=" + domain::to_code(to));
  unit.commit();
}

store::AskerContact EventService::asker_contact(const domain::Caller& caller, std::int64_t id, std::int64_t question_id) {
  store::UnitOfWork unit(db_);
  auto e = permitted(caller, id, "zxft.view_asker");
  store::EventRepository repo(db_, key_);
  auto q = repo.question(question_id);
  if (!q || q->event_id != id) throw domain::NotFound("本场活动没有这条提问。");
  auto contact = repo.asker_contact(question_id);
  if (!contact) throw domain::NotFound("提问人的联系方式无法打开（安装密钥已更换）。");
  note(caller, "zxft.view_asker", id, "question=" + std::to_string(question_id));
  unit.commit();
  return *contact;
}

std::int64_t EventService::add_photo(const domain::Caller& caller, std::int64_t id, const FileInput& file,
                                     const std::string& caption) {
  store::UnitOfWork unit(db_);
  auto e = permitted(caller, id, "zxft.manage");
  if (!is_image(file.media_type)) throw domain::Invalid({"图片“" + file.file_name + "”不是 JPG、PNG 或 GIF 图片"});
  const auto pid = store::EventRepository(db_, key_).add_photo(e, file.data, file.file_name, file.media_type, caption, clock_());
  note(caller, "zxft.photo", id, "photo=" + std::to_string(pid));
  unit.commit();
  return pid;
}

void EventService::set_video(const domain::Caller& caller, std::int64_t id, const FileInput& file) {
  store::UnitOfWork unit(db_);
  auto e = permitted(caller, id, "zxft.manage");
  if (file.media_type != "video/mp4" && file.media_type != "video/webm")
    throw domain::Invalid({"视频“" + file.file_name + "”不是 MP4 或 WebM 文件，请转换后上传"});
  store::EventRepository(db_, key_).set_video(e, file.data, file.file_name, file.media_type, clock_());
  note(caller, "zxft.video", id);
  unit.commit();
}

std::vector<std::int64_t> EventService::draft_interpretations(const domain::Caller& caller, const store::Actor& actor,
                                                              std::int64_t id, const std::string& event_url) {
  store::UnitOfWork unit(db_);
  auto e = permitted(caller, id, "zxft.view");
  if (e.state != domain::EventState::Ended) throw domain::Conflict("活动结束后才能生成政策解读");
  store::EventRepository repo(db_, key_);
  store::DocumentRepository docs(db_);
  store::WorkflowRepository workflow(db_);
  const auto column = store::CatalogueRepository(db_).by_code(e.site_id, "zcjd");
  const auto entries = repo.entries(id);
  if (entries.empty()) throw domain::Invalid({"本场活动还没有文字实录，无法生成政策解读"});
  const auto today = domain::china_date_of_unix(clock_());
  std::vector<std::int64_t> made;
  for (const auto& p : e.policies) {
    if (p.interpretation_document_id) continue;
    auto policy = docs.by_id(p.document_id);
    if (!policy) continue;
    domain::Document d;
    d.site_id = e.site_id;
    d.kind = domain::DocumentKind::Interpretation;
    d.interprets_id = policy->id;
    d.title = "《" + policy->title + "》" + domain::to_label(e.draft.kind) + "文字实录";
    d.catalogue_id = column ? std::optional<std::int64_t>(column->id) : policy->catalogue_id;
    d.department_id = e.draft.department_id ? e.draft.department_id : policy->department_id;
    d.issuer = policy->issuer;
    d.published_on = today;
    d.disclosure = domain::DisclosureForm::Proactive;
    d.summary = e.draft.title;
    d.body_html = interpretation_body(e, entries, event_url);
    const auto ref = workflow.create_draft(caller.account, d, actor, today);
    workflow.set_interpretation_form(caller.account, ref.id, domain::interpretation_form_of(e.draft.kind), actor);
    repo.set_interpretation(e, policy->id, ref.id);
    made.push_back(ref.id);
  }
  if (made.empty()) throw domain::Conflict("本场活动解读的政策文件都已有政策解读");
  note(caller, "zxft.interpretations", id, "documents=" + std::to_string(made.size()));
  unit.commit();
  return made;
}

std::vector<store::StoredEvent> EventService::public_events(std::int64_t site_id) {
  return store::EventRepository(db_, key_).list(site_id, /*public_only=*/true);
}

std::optional<PublicEvent> EventService::public_event(std::int64_t site_id, std::int64_t id) {
  store::EventRepository repo(db_, key_);
  auto e = repo.find(id);
  if (!e || e->site_id != site_id || !domain::is_public(e->state)) return std::nullopt;
  PublicEvent out;
  if (e->draft.department_id)
    if (auto d = store::DepartmentRepository(db_).by_id(*e->draft.department_id)) out.department = d->name;
  store::DocumentRepository docs(db_);
  for (const auto& p : e->policies) {
    auto doc = docs.by_id(p.document_id);
    if (!doc || doc->state != domain::DocumentState::Published) continue;
    out.document_ids.push_back(doc->id);
    PublicPolicy pp{doc->id, doc->title, doc->doc_number, std::nullopt, {}};
    if (p.interpretation_document_id) {
      out.document_ids.push_back(*p.interpretation_document_id);
      if (auto i = docs.by_id(*p.interpretation_document_id); i && i->state == domain::DocumentState::Published) {
        pp.interpretation_id = i->id;
        pp.interpretation_title = i->title;
      }
    }
    out.policies.push_back(std::move(pp));
  }
  out.entries = repo.entries(e->id);
  for (auto& q : repo.questions(e->id))
    if (domain::is_public(q.state)) out.questions.push_back(std::move(q));
  out.photos = repo.photos(e->id);
  out.event = std::move(*e);
  return out;
}

std::vector<PrincipalCount> EventService::principal_counts(std::int64_t site_id, int year) {
  const auto counts = domain::principal_interpretations(store::EventRepository(db_, key_).principal_appearances(site_id), year);
  std::vector<PrincipalCount> out;
  for (const auto& d : store::DepartmentRepository(db_).by_site(site_id)) {
    auto it = counts.find(d.id);
    out.push_back({d.id, d.name, it == counts.end() ? 0 : it->second});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return (a.count == 0) > (b.count == 0); });
  return out;
}

}  // namespace zwgk::modules::zxft
