// The workflow actions of the document page, one POST each. The store re-checks role,
// department, site and stage and writes the audit entry in the same transaction; a refusal
// is shown in Chinese and changes nothing.
//   POST /console/documents/{id}/submit | start-review | decide | return | approve | publish
//        | schedule | withdraw | validity | change-note | mask | override | exempt
#include <charconv>

#include "domain/errors.hpp"
#include "http/router.hpp"
#include "modules/publishing/web/document_pages.hpp"
#include "modules/publishing/web/document_support.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {

using Step = std::function<void(ConsoleRequest&, store::WorkflowRepository&, const Loaded&)>;

int expected_revision(ConsoleRequest& c) {
  auto n = parse_positive_integer(field(c, "expected_revision"));
  return n && *n < 1000000 ? static_cast<int>(*n) : 0;
}

std::optional<domain::Date> date_or_throw(ConsoleRequest& c, const std::string& name, const std::string& label) {
  const std::string v = field(c, name);
  if (v.empty()) return std::nullopt;
  auto d = domain::Date::parse(v);
  if (!d) throw domain::ValidationError({label + "格式应为“年-月-日”，例如 2024-05-06：" + v});
  return d;
}

store::PublishOptions publish_options(ConsoleRequest& c) {
  store::PublishOptions o;
  o.change_note = field(c, "change_note");
  o.major = field(c, "major") != "minor";
  return o;
}

void action(ConsoleApp& app, http::Router& router, const std::string& verb, Step step) {
  app.post(router, "/console/documents/{id}/" + verb, Access::signed_in(), [step = std::move(step)](ConsoleRequest& c) {
    auto id = id_param(c);
    auto l = id ? load_visible(c, *id) : std::nullopt;
    if (!l) return c.refuse("没有这个文件，或您无权查看。（操作未执行）", 404);
    store::WorkflowRepository wf(c.db);
    step(c, wf, *l);
    return c.see_other("/console/documents/" + std::to_string(l->doc.id) + "/");
  });
}

}  // namespace

void register_document_actions(ConsoleApp& app, http::Router& router) {
  action(app, router, "submit", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    wf.submit(c.user, l.doc.id, actor_of(c));
  });
  action(app, router, "start-review", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    wf.start_review(c.user, l.doc.id, actor_of(c));
  });
  action(app, router, "decide", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    domain::ReviewDecision d;
    const std::string form = field(c, "decision");
    auto f = domain::disclosure_form_from(form);
    if (!f) throw domain::ValidationError({"请选择保密审查结论（主动公开、依申请公开或不予公开）"});
    d.decision = *f;
    d.opinion = field(c, "opinion");
    if (d.decision != domain::DisclosureForm::Proactive) {
      if (auto g = field(c, "ground"); !g.empty()) {
        d.ground = domain::reply_outcome_from_code(g);
        if (!d.ground) throw domain::ValidationError({"不予公开的法定理由无效：" + g});
      }
    }
    if (auto problems = domain::review_decision_problems(d); !problems.empty()) throw domain::ValidationError(problems);
    wf.decide(c.user, l.doc.id, d, actor_of(c));
  });
  action(app, router, "return", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    wf.return_for_changes(c.user, l.doc.id, field(c, "reason"), actor_of(c));
  });
  action(app, router, "approve", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    wf.approve(c.user, l.doc.id, actor_of(c));
  });
  action(app, router, "publish", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    wf.publish(c.user, l.doc.id, expected_revision(c), publish_options(c), actor_of(c));
  });
  action(app, router, "schedule", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    const std::string at = field(c, "at");
    auto utc = china_local_to_utc(at);
    if (!utc) throw domain::ValidationError({"请填写定时发布的日期和时间（北京时间），例如 2025-05-06T09:30"});
    wf.schedule(c.user, l.doc.id, expected_revision(c), *utc, publish_options(c), actor_of(c));
  });
  action(app, router, "withdraw", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    wf.withdraw(c.user, l.doc.id, field(c, "reason"), actor_of(c));
  });
  action(app, router, "validity", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    auto expires = date_or_throw(c, "expires_on", "失效日期");
    auto repealed = date_or_throw(c, "repealed_on", "废止日期");
    if (!expires && !repealed) throw domain::ValidationError({"请填写失效日期或废止日期"});
    wf.mark_validity(c.user, l.doc.id, expires, repealed, actor_of(c));
  });
  action(app, router, "change-note", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    auto v = parse_positive_integer(field(c, "version"));
    if (!v || *v > 1000000) throw domain::ValidationError({"请选择要更正的版本"});
    wf.correct_change_note(c.user, l.doc.id, static_cast<int>(*v), field(c, "change_note"), actor_of(c));
  });
  action(app, router, "mask", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    wf.mask_privacy(c.user, l.doc.id, expected_revision(c), actor_of(c));
  });
  action(app, router, "override", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    // The finding by its place in the list shown, checked against its masked form so that a
    // list that changed in between does not override the wrong one.
    const auto findings = wf.privacy_findings(l.doc.id);
    const std::string index_text = field(c, "finding");
    std::size_t index = findings.size();
    std::from_chars(index_text.data(), index_text.data() + index_text.size(), index);
    const std::string masked = field(c, "masked");
    const domain::GuardFinding* target = nullptr;
    if (index < findings.size() && findings[index].finding.masked == masked) target = &findings[index];
    if (!target) throw domain::ValidationError({"检查结果已变化，请刷新页面后重新选择要忽略的项"});
    wf.override_privacy(c.user, l.doc.id, target->finding, field(c, "reason"), actor_of(c));
  });
  action(app, router, "exempt", [](ConsoleRequest& c, store::WorkflowRepository& wf, const Loaded& l) {
    wf.exempt_interpretation(c.user, l.doc.id, field(c, "reason"), actor_of(c));
  });
}

}  // namespace zwgk::web::console
