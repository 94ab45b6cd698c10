// The document editor's metadata form: posted fields -> Document (with Chinese problems),
// Document -> the form's view model.
#include "modules/publishing/web/document_form.hpp"

#include <functional>
#include <map>

#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "modules/publishing/web/document_support.hpp"
#include "web/console/page_helpers.hpp"
#include "web/query_params.hpp"

namespace zwgk::web::console {

namespace {

std::optional<domain::Date> date_field(ConsoleRequest& c, const std::string& name, const std::string& label,
                                       std::vector<std::string>& problems) {
  const std::string v = field(c, name);
  if (v.empty()) return std::nullopt;
  auto d = domain::Date::parse(v);
  if (!d) problems.push_back(label + "格式应为“年-月-日”，例如 2024-05-06：" + v);
  return d;
}

std::string date_value(const std::optional<domain::Date>& d) { return d ? d->iso() : std::string(); }

}  // namespace

DocumentForm read_document_form(ConsoleRequest& c, domain::Document doc) {
  DocumentForm out;
  auto& p = out.problems;
  doc.title = field(c, "title");
  if (doc.title.empty()) p.push_back("请填写标题");
  doc.doc_number = field(c, "doc_number");
  doc.issuer = field(c, "issuer");
  doc.topic = field(c, "topic");
  doc.summary = field(c, "summary");
  doc.body_html = c.form.value("body_html");

  doc.catalogue_id.reset();
  if (auto v = field(c, "catalogue_id"); !v.empty()) {
    auto id = parse_positive_integer(v);
    auto node = id ? store::CatalogueRepository(c.db).by_id(*id) : std::nullopt;
    if (!node || node->site_id != c.site.id) p.push_back("请选择本网站的公开目录");
    else doc.catalogue_id = node->id;
  } else {
    p.push_back("请选择公开目录");
  }

  doc.department_id.reset();
  if (auto v = field(c, "department_id"); !v.empty()) {
    auto id = parse_positive_integer(v);
    auto dep = id ? store::DepartmentRepository(c.db).by_id(*id) : std::nullopt;
    if (!dep || dep->site_id != c.site.id) p.push_back("请选择本网站的公开责任部门");
    else doc.department_id = dep->id;
  } else {
    p.push_back("请选择公开责任部门");
  }
  if (doc.department_id && department_scoped(c.user.role) && doc.department_id != c.user.department_id)
    p.push_back("公开责任部门只能是您所在的部门");

  doc.written_on = date_field(c, "written_on", "成文日期", p);
  doc.published_on = date_field(c, "published_on", "发文日期", p);
  doc.effective_on = date_field(c, "effective_on", "生效日期", p);
  doc.expires_on = date_field(c, "expires_on", "失效日期", p);
  doc.repealed_on = date_field(c, "repealed_on", "废止日期", p);
  if (doc.written_on && doc.published_on && doc.published_on->days() < doc.written_on->days())
    p.push_back("发文日期不能早于成文日期");
  if (doc.effective_on && doc.expires_on && doc.expires_on->days() < doc.effective_on->days())
    p.push_back("失效日期不能早于生效日期");

  doc.disclosure.reset();
  if (auto v = field(c, "disclosure"); !v.empty()) {
    doc.disclosure = domain::disclosure_form_from(v);
    if (!doc.disclosure) p.push_back("公开形式无效：" + v);
  }

  const std::string kind = field(c, "kind");
  auto k = domain::document_kind_from(kind.empty() ? "document" : kind);
  if (!k) p.push_back("文件类型无效：" + kind);
  doc.kind = k.value_or(domain::DocumentKind::Document);
  doc.interprets_id.reset();
  if (doc.kind == domain::DocumentKind::Interpretation) {
    auto id = parse_positive_integer(field(c, "interprets_id"));
    auto policy = id ? store::DocumentRepository(c.db).by_id(*id) : std::nullopt;
    if (!policy || policy->site_id != c.site.id || policy->kind != domain::DocumentKind::Document)
      p.push_back("请查找并选择所解读的文件（本网站的文件）");
    else if (policy->id == doc.id)
      p.push_back("政策解读不能解读它自己");
    else
      doc.interprets_id = policy->id;
    if (auto f = field(c, "interpretation_form"); !f.empty()) {
      out.interpretation_form = domain::interpretation_form_from(f);
      if (!out.interpretation_form) p.push_back("解读形式无效：" + f);
    }
  }
  out.doc = std::move(doc);
  return out;
}

View document_form_view(ConsoleRequest& c, const domain::Document& doc, const EditorState& s) {
  View v{View::type::object};
  v.set("action", s.action);
  v.set("expected_revision", std::to_string(s.expected_revision));
  if (s.document_id) v.set("document_id", std::to_string(s.document_id));
  if (!s.problems.empty()) {
    View list{View::type::list};
    for (const auto& p : s.problems) list.push_back(View(p));
    v.set("problems", list);
    v.set("has_problems", true);
  }
  if (!s.conflict_message.empty()) {
    View conflict{View::type::object};
    conflict.set("message", s.conflict_message);
    View rows{View::type::list};
    for (const auto& ch : s.conflict_changes) {
      View r{View::type::object};
      r.set("label", ch.label);
      r.set("before", shorten(ch.before, 300));
      r.set("after", shorten(ch.after, 300));
      rows.push_back(r);
    }
    conflict.set("changes", rows);
    v.set("conflict", conflict);
  }
  v.set("title", doc.title);
  v.set("doc_number", doc.doc_number);
  v.set("issuer", doc.issuer);
  v.set("topic", doc.topic);
  v.set("summary", doc.summary);
  v.set("body_html", doc.body_html);
  v.set("written_on", date_value(doc.written_on));
  v.set("published_on", date_value(doc.published_on));
  v.set("effective_on", date_value(doc.effective_on));
  v.set("expires_on", date_value(doc.expires_on));
  v.set("repealed_on", date_value(doc.repealed_on));
  if (doc.kind == domain::DocumentKind::Interpretation) v.set("is_interpretation", true);
  if (s.document_id) v.set("preview_url", preview_url(s.document_id));
  if (s.returned) v.set("returned", return_notice_view(*s.returned));

  // "*": the fields the publish check requires (the one list, domain/document.hpp).
  for (const auto& f : domain::publication_required_fields()) v.set("required_" + f.name, true);

  // 所解读的文件: shown by title and 文号; the form posts its id.
  if (doc.interprets_id) {
    v.set("interprets_id", std::to_string(*doc.interprets_id));
    const auto chosen = modules::publishing::policy_choice(c.db, c.user, c.site.id, *doc.interprets_id);
    v.set("interprets_label", chosen ? chosen->label() : "编号 " + std::to_string(*doc.interprets_id) + " 的文件");
  }
  if (!s.policy_query.empty()) v.set("policy_query", s.policy_query);
  if (s.policy_searched) {
    View found{View::type::list};
    std::size_t count = 0;
    for (const auto& p : s.policy_results) {
      if (doc.interprets_id == p.id) continue;  // listed first as the current choice
      View o{View::type::object};
      o.set("id", std::to_string(p.id));
      o.set("label", p.label());
      found.push_back(o);
      ++count;
    }
    View search{View::type::object};
    search.set("results", found);
    if (found.is_non_empty_list()) search.set("has_results", true);
    search.set("count", std::to_string(count));
    search.set("query", s.policy_query);
    if (doc.interprets_id) {
      search.set("current_id", std::to_string(*doc.interprets_id));
      const auto chosen = modules::publishing::policy_choice(c.db, c.user, c.site.id, *doc.interprets_id);
      search.set("current_label", chosen ? chosen->label() : "编号 " + std::to_string(*doc.interprets_id) + " 的文件");
    }
    v.set("policy_search", search);
  }

  // 公开目录 as an indented tree.
  const auto nodes = store::CatalogueRepository(c.db).tree(c.site.id);
  std::map<std::int64_t, std::vector<const domain::CatalogueNode*>> children;  // 0 = roots
  for (const auto& n : nodes) children[n.parent_id.value_or(0)].push_back(&n);
  std::vector<std::pair<const domain::CatalogueNode*, int>> ordered;  // depth-first
  std::function<void(std::int64_t, int)> walk = [&](std::int64_t parent, int d) {
    for (const auto* n : children[parent]) {
      ordered.emplace_back(n, d);
      walk(n->id, d + 1);
    }
  };
  walk(0, 0);
  View cats{View::type::list};
  for (const auto& [np, d] : ordered) {
    const auto& n = *np;
    View o{View::type::object};
    o.set("id", std::to_string(n.id));
    std::string indent;
    for (int i = 0; i < d; ++i) indent += "　";
    o.set("name", indent + n.name);
    o.set("code", n.code);
    if (doc.catalogue_id == n.id) o.set("selected", true);
    cats.push_back(o);
  }
  v.set("catalogues", cats);

  View deps{View::type::list};
  for (const auto& d : store::DepartmentRepository(c.db).by_site(c.site.id)) {
    if (department_scoped(c.user.role) && c.user.department_id != d.id) continue;
    View o{View::type::object};
    o.set("id", std::to_string(d.id));
    o.set("name", d.name);
    if (doc.department_id == d.id) o.set("selected", true);
    deps.push_back(o);
  }
  v.set("departments", deps);

  View forms{View::type::list};
  for (auto f : {domain::DisclosureForm::Proactive, domain::DisclosureForm::OnRequest,
                 domain::DisclosureForm::NotDisclosed}) {
    View o{View::type::object};
    o.set("code", domain::to_code(f));
    o.set("label", domain::to_label(f));
    if (doc.disclosure == f) o.set("selected", true);
    forms.push_back(o);
  }
  v.set("disclosures", forms);

  View kinds{View::type::list};
  for (auto k : {domain::DocumentKind::Document, domain::DocumentKind::Interpretation}) {
    View o{View::type::object};
    o.set("code", domain::to_code(k));
    o.set("label", domain::to_label(k));
    if (doc.kind == k) o.set("selected", true);
    kinds.push_back(o);
  }
  v.set("kinds", kinds);

  View iforms{View::type::list};
  for (auto f : domain::all_interpretation_forms()) {
    View o{View::type::object};
    o.set("code", domain::to_code(f));
    o.set("label", domain::to_label(f));
    if (s.interpretation_form == f) o.set("selected", true);
    iforms.push_back(o);
  }
  v.set("interpretation_forms", iforms);
  return v;
}

}  // namespace zwgk::web::console
