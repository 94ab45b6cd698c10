// See proposal_console.hpp. Handlers parse the form, call one use case
// (service/proposal_service.hpp) and render; the rules are the domain's.
#include "modules/jyta/web/proposal_console.hpp"

#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "modules/jyta/service/proposal_service.hpp"
#include "modules/jyta/store/proposal_repository.hpp"
#include "modules/jyta/web/proposal_views.hpp"
#include "web/console/page_helpers.hpp"
#include "web/list_views.hpp"
#include "web/query_params.hpp"

namespace zwgk::web::console {

namespace {

constexpr const char* kBase = "/console/proposals/";

std::string item_url(std::int64_t id) { return std::string(kBase) + std::to_string(id) + "/"; }

modules::jyta::ProposalService service(ConsoleRequest& c) { return modules::jyta::ProposalService(c.db, c.app.today()); }

std::int64_t id_of(ConsoleRequest& c) {
  auto id = id_param(c);
  if (!id) throw domain::NotFound("本网站没有这件建议提案。");
  return *id;
}

View options(const std::vector<std::pair<std::string, std::string>>& items, const std::string& selected = {}) {
  View out{View::type::list};
  for (const auto& [value, label] : items) {
    View o{View::type::object};
    o.set("value", value);
    o.set("label", label);
    o.set("selected", value == selected);
    out.push_back(o);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ground_options() {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto g : domain::proposal_withholding_grounds()) out.push_back({domain::to_code(g), domain::withholding_label(g)});
  return out;
}

// The department an editor is limited to (jyta.view in OwnDepartment scope), else nullopt.
std::optional<std::int64_t> own_unit(const ConsoleRequest& c) {
  if (domain::permission_registry().scope_of(c.user.role, "jyta.view") == domain::PermissionScope::OwnDepartment)
    return c.user.department_id.value_or(-1);
  return std::nullopt;
}

http::Response list_page(ConsoleRequest& c) {
  store::ProposalQuery q;
  q.site_id = c.site.id;
  q.department_id = own_unit(c);
  q.page = page_param(c.http);
  q.overdue_only = c.form.value("overdue") == "1";
  q.today = c.app.today();
  const auto page = store::ProposalRepository(c.db).list(q);
  View v{View::type::object};
  View items{View::type::list};
  for (const auto& p : page.items) items.push_back(proposal_summary_view(p, item_url(p.id), c.app.today()));
  v.set("items", items);
  v.set("has_items", !items.is_empty_list());
  v.set("total", std::to_string(page.total));
  v.set("overdue_only", q.overdue_only);
  v.set("can_import", may(c, "jyta.import"));
  v.set("can_manage", may(c, "jyta.manage"));
  v.set("pagination", pagination_view(page.total, page.page, page.per_page, kBase,
                                      q.overdue_only ? QueryPairs{{"overdue", "1"}} : QueryPairs{}));
  return c.page(q.overdue_only ? "超期未答复的建议提案" : "建议提案办理", "jyta/console_list", v);
}

http::Response item_page(ConsoleRequest& c) {
  const auto p = service(c).view(caller_of(c), id_of(c));
  const domain::Target target{p.site_id, p.main_department_id};
  View v = proposal_summary_view(p, item_url(p.id), c.app.today());
  v.set("answer", p.answer);
  v.set("summary_text", p.summary);
  v.set("withheld_reason", p.withheld_reason);
  v.set("can_answer", may(c, "jyta.answer", target));
  v.set("can_publish", may(c, "jyta.publish", target) && p.answered());
  const std::string pub = domain::to_code(p.publication);
  v.set("publications", options({{"full", "全文公开"}, {"summary", "摘要公开"}, {"withheld", "不予公开"}}, pub));
  std::vector<std::pair<std::string, std::string>> classes;
  for (auto k : domain::result_classes()) classes.push_back({domain::to_code(k), domain::to_label(k)});
  v.set("classes", options(classes, p.result_class ? domain::to_code(*p.result_class) : ""));
  v.set("grounds", options(ground_options(), p.withheld_ground ? domain::to_code(*p.withheld_ground) : ""));
  v.set("satisfactions", options({{"satisfied", "满意"}, {"basically_satisfied", "基本满意"}, {"dissatisfied", "不满意"}},
                                 p.satisfaction ? domain::to_code(*p.satisfaction) : ""));
  v.set("answered_on_value", p.answered_on ? p.answered_on->iso() : c.app.today().iso());
  v.set("action", item_url(p.id));
  return c.page(p.title, "jyta/console_record", v);
}

domain::ProposalPublication publication_field(ConsoleRequest& c) {
  const std::string raw = field(c, "publication");
  if (raw.empty()) return domain::ProposalPublication::Full;  // 原则上全文公开
  auto p = domain::proposal_publication_from(raw);
  if (!p) throw domain::Invalid({"公开方式应为全文公开、摘要公开或不予公开"});
  return *p;
}

std::optional<domain::ReplyOutcome> ground_field(ConsoleRequest& c) {
  const std::string raw = field(c, "ground");
  if (raw.empty()) return std::nullopt;
  auto g = domain::reply_outcome_from_code(raw);
  if (!g) throw domain::Invalid({"不予公开的依据不在负面清单中"});
  return g;
}

http::Response import_page(ConsoleRequest& c, int status = 200) {
  View v{View::type::object};
  v.set("months", std::to_string(store::ProposalRepository(c.db).answer_months(c.site.id)));
  return c.page("导入建议提案交办清单", "jyta/console_import", v, status);
}

http::Response settings_page(ConsoleRequest& c) {
  View v{View::type::object};
  v.set("months", std::to_string(store::ProposalRepository(c.db).answer_months(c.site.id)));
  return c.page("建议提案设置", "jyta/console_settings", v);
}

}  // namespace

void register_proposal_console_pages(ConsoleApp& app, http::Router& router) {
  const Access readers = Access::to("jyta.view");
  app.add_navigation("建议提案", kBase, readers, 57);
  app.get(router, "/console/proposals/import", Access::to("jyta.import"), [](ConsoleRequest& c) { return import_page(c); });
  app.post(router, "/console/proposals/import", Access::to("jyta.import"), [](ConsoleRequest& c) {
    const auto* file = c.form.file("file");
    if (!file || file->data.empty()) throw domain::Invalid({"请选择要导入的交办清单（.xlsx 文件）"});
    const auto r = service(c).import_xlsx(caller_of(c), file->data);
    (void)r;
    return c.see_other(kBase);
  });
  app.get(router, "/console/proposals/settings", Access::to("jyta.manage"), [](ConsoleRequest& c) { return settings_page(c); });
  app.post(router, "/console/proposals/settings", Access::to("jyta.manage"), [](ConsoleRequest& c) {
    auto n = parse_positive_integer(field(c, "answer_months"));
    if (!n || *n > 12) throw domain::Invalid({"答复期限应为1至12个月"});
    service(c).set_answer_months(caller_of(c), static_cast<int>(*n));
    return c.see_other("/console/proposals/settings");
  });
  app.get(router, kBase, readers, [](ConsoleRequest& c) { return list_page(c); });
  app.get(router, "/console/proposals/{id}/", readers, [](ConsoleRequest& c) { return item_page(c); });
  app.post(router, "/console/proposals/{id}/answer", readers, [](ConsoleRequest& c) {
    domain::ProposalAnswer a;
    a.text = field(c, "text");
    a.answered_on = domain::Date::parse(field(c, "answered_on"));
    a.result_class = domain::result_class_from(field(c, "class"));
    a.publication = publication_field(c);
    a.summary = field(c, "summary");
    a.withheld_ground = ground_field(c);
    a.withheld_reason = field(c, "reason");
    const auto p = service(c).record_answer(caller_of(c), id_of(c), a);
    return c.see_other(item_url(p.id));
  });
  app.post(router, "/console/proposals/{id}/publication", readers, [](ConsoleRequest& c) {
    modules::jyta::PublicationInput in;
    in.publication = publication_field(c);
    in.summary = field(c, "summary");
    in.ground = ground_field(c);
    in.reason = field(c, "reason");
    const auto p = service(c).set_publication(caller_of(c), id_of(c), in);
    return c.see_other(item_url(p.id));
  });
  app.post(router, "/console/proposals/{id}/satisfaction", readers, [](ConsoleRequest& c) {
    auto s = domain::proposal_satisfaction_from(field(c, "satisfaction"));
    if (!s) throw domain::Invalid({"请选择代表（委员）的意见：满意、基本满意或不满意"});
    const auto p = service(c).record_satisfaction(caller_of(c), id_of(c), *s);
    return c.see_other(item_url(p.id));
  });
  // 我的工作: the overdue answers the user is responsible for (their unit, or the site's).
  app.add_work_section([&app](ConsoleRequest& c) -> std::string {
    if (!Access::to("jyta.view").allows(c.user)) return {};
    store::ProposalQuery q;
    q.site_id = c.site.id;
    q.department_id = own_unit(c);
    q.overdue_only = true;
    q.today = app.today();
    q.per_page = 10;
    const auto page = store::ProposalRepository(c.db).list(q);
    View v{View::type::object};
    View items{View::type::list};
    for (const auto& p : page.items) items.push_back(proposal_summary_view(p, item_url(p.id), app.today()));
    v.set("items", items);
    v.set("has_items", !items.is_empty_list());
    v.set("total", std::to_string(page.total));
    v.set("list_url", std::string(kBase) + "?overdue=1");
    return app.templates().render("jyta/console_work", v);
  });
}

}  // namespace zwgk::web::console
