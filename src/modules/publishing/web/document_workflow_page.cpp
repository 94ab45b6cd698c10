// 文件详情与流程 GET /console/documents/{id}/: stage, metadata, the 20-working-day due state,
// the privacy guard's findings in context (with 遮盖 and 忽略 forms), the 政策解读
// requirement, revision history with diffs, published versions with change notes, and the
// forms of the actions this user may take now (the server re-checks each one on POST, see
// document_workflow_actions.cpp).
#include <map>

#include "domain/html_sanitizer.hpp"
#include "http/router.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "modules/publishing/service/document_history.hpp"
#include "modules/publishing/web/document_pages.hpp"
#include "modules/publishing/web/document_support.hpp"
#include "web/console/page_helpers.hpp"
#include "web/urls.hpp"

namespace zwgk::web::console {

namespace {

using domain::Action;

std::string privacy_field_label(const std::string& field) {
  if (field == "title") return "标题";
  if (field == "summary") return "内容概述";
  if (field == "body") return "正文";
  if (field.rfind("attachment:", 0) == 0) return "附件《" + field.substr(11) + "》";
  return field;
}

std::string opt_date(const std::optional<domain::Date>& d) { return d ? d->iso() : std::string(); }

void add_meta(View& list, const std::string& label, const std::string& value) {
  if (value.empty()) return;
  View r{View::type::object};
  r.set("label", label);
  r.set("value", value);
  list.push_back(r);
}

View metadata_view(ConsoleRequest& c, const domain::Document& d, const store::WorkflowInfo& info) {
  View m{View::type::list};
  add_meta(m, "标题", d.title);
  add_meta(m, "类型", domain::to_label(d.kind));
  add_meta(m, "索引号", d.index_number);
  add_meta(m, "文号", d.doc_number);
  if (d.catalogue_id)
    if (auto n = store::CatalogueRepository(c.db).by_id(*d.catalogue_id)) add_meta(m, "公开目录", n->name);
  if (d.department_id)
    if (auto dep = store::DepartmentRepository(c.db).by_id(*d.department_id)) add_meta(m, "公开责任部门", dep->name);
  add_meta(m, "发文机关", d.issuer);
  add_meta(m, "成文日期", opt_date(d.written_on));
  add_meta(m, "发文日期", opt_date(d.published_on));
  add_meta(m, "公开形式", d.disclosure ? domain::to_label(*d.disclosure) : std::string());
  add_meta(m, "生效日期", opt_date(d.effective_on));
  add_meta(m, "失效日期", opt_date(d.expires_on));
  add_meta(m, "废止日期", opt_date(d.repealed_on));
  add_meta(m, "主题分类", d.topic);
  add_meta(m, "内容概述", d.summary);
  if (d.kind == domain::DocumentKind::Interpretation && info.interpretation_form)
    add_meta(m, "解读形式", domain::to_label(*info.interpretation_form));
  return m;
}

View findings_view(const std::vector<domain::GuardFinding>& findings) {
  View list{View::type::list};
  int index = 0;
  for (const auto& g : findings) {
    const auto& f = g.finding;
    View r{View::type::object};
    r.set("index", std::to_string(index++));
    r.set("field", privacy_field_label(g.field));
    r.set("kind", domain::to_label(f.kind));
    const std::size_t at = std::min(f.context_match, f.context.size());
    const std::size_t len = std::min(f.text.size(), f.context.size() - at);
    r.set("before", f.context.substr(0, at));
    r.set("match", f.context.substr(at, len));
    r.set("after", f.context.substr(at + len));
    r.set("masked", f.masked);
    if (g.overridden) r.set("overridden", true);
    if (g.field == "title" || g.field == "summary" || g.field == "body") r.set("maskable", true);
    list.push_back(r);
  }
  return list;
}

// 修改记录: saves (with their field-level changes) and workflow events, newest first.
View history_view(const std::vector<modules::publishing::HistoryEntry>& entries) {
  View list{View::type::list};
  for (const auto& h : entries) {
    View v{View::type::object};
    v.set("label", h.label);
    v.set("who", h.who);
    v.set("at", utc_to_china_display(h.at));
    if (!h.detail.empty()) v.set("detail", h.detail);
    if (h.revision) v.set("is_revision", true);
    else v.set("is_event", true);
    if (h.version) v.set("version", std::to_string(*h.version));
    View changes{View::type::list};
    for (const auto& ch : h.changes) {
      View cv{View::type::object};
      cv.set("label", ch.label);
      cv.set("before", shorten(ch.before, 200));
      cv.set("after", shorten(ch.after, 200));
      changes.push_back(cv);
    }
    v.set("changes", changes);
    if (changes.is_non_empty_list()) v.set("has_changes", true);
    list.push_back(v);
  }
  return list;
}

}  // namespace

void register_document_workflow_page(ConsoleApp& app, http::Router& router) {
  app.get(router, "/console/documents/{id}/", Access::to("publishing.view"), [&app](ConsoleRequest& c) {
    auto id = id_param(c);
    auto l = id ? load_visible(c, *id) : std::nullopt;
    if (!l) return c.refuse("没有这个文件，或您无权查看。", 404);
    store::WorkflowRepository wf(c.db);
    const auto& d = l->doc;
    const auto& info = l->info;
    const auto stage = info.status.stage;
    View v{View::type::object};
    v.set("id", std::to_string(d.id));
    v.set("title", d.title.empty() ? std::string("（无标题）") : d.title);
    v.set("stage", domain::to_label(stage));
    v.set("stage_code", domain::to_code(stage));
    v.set("public_state", domain::to_label(info.status.public_state));
    v.set("revision", std::to_string(info.latest_revision));
    v.set("expected_revision", std::to_string(info.latest_revision));
    if (info.status.decision) {
      std::string decision = domain::to_label(*info.status.decision);
      if (info.ground) decision += "（" + domain::to_full_label(*info.ground) + "）";
      v.set("decision", decision);
    }
    if (!info.scheduled_at.empty()) v.set("scheduled_at", utc_to_china_display(info.scheduled_at));
    if (!info.withdrawn_reason.empty()) v.set("withdrawn_reason", info.withdrawn_reason);
    const bool open = stage != domain::Stage::Published && stage != domain::Stage::Withdrawn;
    if (open && info.latest_revision > 0) {
      const auto deadline =
          domain::publication_deadline(info.created_on, app.today(), *app.options().calendar->current());
      v.set("created_on", info.created_on.iso());
      v.set("due_on", deadline.due_on.iso());
      v.set("due_label", domain::to_label(deadline.status));
      if (deadline.status != domain::PublicationDue::OnTime) v.set("due_alert", true);
    }
    if (info.status.public_state != domain::DocumentState::Draft) {
      v.set("public_url", document_url(c.site, d.id));
    }
    v.set("metadata", metadata_view(c, d, info));
    // 修改记录 and, while 已退回修改, why (the reviewer's 退回意见 at the top).
    const auto history = modules::publishing::document_history(c.db, d.id, stage);
    v.set("history", history_view(history.entries));
    if (history.returned) v.set("returned", return_notice_view(*history.returned));
    v.set("preview_url", preview_url(d.id));
    if (open) {  // what the publish check will ask for (the one rule, domain/document.hpp)
      std::string missing;
      for (const auto& m : domain::missing_publication_metadata(d)) missing += (missing.empty() ? "" : "、") + m;
      if (!missing.empty()) v.set("missing_for_publication", missing);
    }
    v.set("body_html", domain::sanitize_html(d.body_html));
    View atts{View::type::list};
    for (const auto& a : d.attachments) {
      View r{View::type::object};
      r.set("file_name", a.file_name);
      r.set("media_type", a.media_type);
      r.set("url", console_attachment_url(d.id, a));
      atts.push_back(r);
    }
    v.set("attachments", atts);
    v.set("has_attachments", atts.is_non_empty_list());

    // 隐私检查
    const auto findings = info.latest_revision > 0 ? wf.privacy_findings(d.id) : std::vector<domain::GuardFinding>{};
    v.set("findings", findings_view(findings));
    v.set("has_findings", !findings.empty());
    const auto block = domain::privacy_block_message(findings);
    if (!block.empty()) v.set("privacy_block", block);
    if (may(c, Action::MaskPrivacy, *l)) v.set("can_mask", true);
    if (may(c, Action::OverridePrivacy, *l)) v.set("can_override", true);

    // 表述检查: the modules' advice (the site's 严重表述错误 list), a warning, never a block.
    if (info.latest_revision > 0) {
      View warnings{View::type::list};
      for (auto& line : app.text_warnings(c, d.site_id, d.title + "\n" + d.summary + "\n" + domain::html_to_text(d.body_html)))
        warnings.push_back(View{std::move(line)});
      v.set("text_warnings", warnings);
      v.set("has_text_warnings", warnings.is_non_empty_list());
    }

    // 政策解读
    if (d.kind == domain::DocumentKind::Document) {
      std::string code;
      if (d.catalogue_id)
        if (auto n = store::CatalogueRepository(c.db).by_id(*d.catalogue_id)) code = n->code;
      if (domain::requires_interpretation(d, code, wf.interpretation_catalogues(c.site.id))) {
        View ir{View::type::object};
        View published{View::type::list};
        for (const auto& i : store::DocumentRepository(c.db).interpretations_of(d.id)) {
          View r{View::type::object};
          r.set("id", std::to_string(i.id));
          r.set("title", i.title);
          r.set("url", document_url(c.site, i.id));
          published.push_back(r);
        }
        ir.set("interpretations", published);
        ir.set("has_interpretations", published.is_non_empty_list());
        if (info.interpretation_exempted) ir.set("exempted", true);
        if (domain::permission_registry().allows_role(c.user.role, "publishing.create_draft") && open) ir.set("can_create", true);
        if (may(c, Action::ExemptInterpretation, *l) && !info.interpretation_exempted) ir.set("can_exempt", true);
        v.set("interpretation", ir);
      }
    } else if (d.interprets_id) {
      v.set("interprets_id", std::to_string(*d.interprets_id));
      if (auto p = store::DocumentRepository(c.db).by_id(*d.interprets_id)) v.set("interprets_title", p->title);
    }

    // 可执行的操作
    if (may(c, Action::Edit, *l)) v.set("can_edit", true);
    if (may(c, Action::Submit, *l)) v.set("can_submit", true);
    if (may(c, Action::StartReview, *l)) v.set("can_start_review", true);
    if (may(c, Action::ReviewDecide, *l)) {
      v.set("can_decide", true);
      View grounds{View::type::list};
      for (auto g : domain::nondisclosure_grounds()) {
        View o{View::type::object};
        o.set("code", domain::to_code(g));
        o.set("label", domain::to_full_label(g));
        grounds.push_back(o);
      }
      v.set("grounds", grounds);
    }
    if (may(c, Action::ReturnForChanges, *l)) v.set("can_return", true);
    if (may(c, Action::Approve, *l)) v.set("can_approve", true);
    const bool amend = info.status.has_published_version;
    if (may(c, amend ? Action::Amend : Action::Publish, *l)) {
      v.set("can_publish", true);
      if (amend) v.set("is_amendment", true);
    }
    if (may(c, Action::Schedule, *l)) v.set("can_schedule", true);
    if (may(c, Action::Withdraw, *l)) v.set("can_withdraw", true);
    if (may(c, Action::MarkValidity, *l)) {
      v.set("can_mark_validity", true);
      v.set("expires_on", opt_date(d.expires_on));
      v.set("repealed_on", opt_date(d.repealed_on));
    }

    // 版本
    if (info.latest_revision > 0) {
      View versions{View::type::list};
      const bool can_correct = may(c, Action::CorrectChangeNote, *l);
      for (const auto& r : wf.published_versions(d.id)) {
        View o{View::type::object};
        o.set("version", std::to_string(r.version.value_or(0)));
        o.set("published_at", utc_to_china_display(r.published_at));
        o.set("major", std::string(r.major ? "重大修订（公开列出）" : "一般修订（仅记录）"));
        o.set("change_note", r.change_note);
        if (can_correct) o.set("can_correct", true);
        o.set("doc_id", std::to_string(d.id));
        versions.push_back(o);
      }
      v.set("versions", versions);
      v.set("has_versions", versions.is_non_empty_list());
    }
    return c.page(d.title.empty() ? "文件" : d.title, "publishing/console_document", v);
  });
}

}  // namespace zwgk::web::console
