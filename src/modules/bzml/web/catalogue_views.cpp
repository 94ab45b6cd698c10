// See catalogue_views.hpp.
#include "modules/bzml/web/catalogue_views.hpp"

namespace zwgk::web {

namespace {

View text_or_false(const std::string& s) { return s.empty() ? View(false) : View(s); }

}  // namespace

View catalogue_view(const modules::bzml::CatalogueView& c, const CatalogueLinkUrl& link_url,
                    const CatalogueItemDecorator& decorate) {
  View v{View::type::object};
  v.set("code", c.catalogue.code);
  v.set("field", c.catalogue.field);
  v.set("ministry", text_or_false(c.catalogue.ministry));
  v.set("source", text_or_false(c.catalogue.source));
  v.set("count", std::to_string(c.items.size()));
  v.set("on_time", std::to_string(c.on_time + c.untimed));
  v.set("late", std::to_string(c.late));
  v.set("pending", std::to_string(c.pending));
  v.set("overdue", std::to_string(c.overdue));
  v.set("has_overdue", c.overdue > 0);
  v.set("unmapped", std::to_string(c.unmapped));
  v.set("no_records", std::to_string(c.no_records));
  View groups{View::type::list};
  View group{View::type::object};
  View rows{View::type::list};
  std::string current;
  auto flush = [&] {
    if (rows.is_empty_list()) return;
    group.set("level1", current);
    group.set("items", rows);
    groups.push_back(group);
    group = View{View::type::object};
    rows = View{View::type::list};
  };
  for (const auto& i : c.items) {
    const auto& it = i.stored.item;
    if (it.level1 != current) {
      flush();
      current = it.level1;
    }
    View r{View::type::object};
    r.set("id", std::to_string(i.stored.id));
    r.set("seq", std::to_string(it.seq));
    r.set("level1", it.level1);
    r.set("level2", it.level2);
    r.set("content", it.content);
    r.set("basis", text_or_false(it.basis));
    r.set("time_limit", text_or_false(it.time_limit));
    const auto rule = i.limit.rule_text();
    // The rule in words when it says more than the text (e.g. which calendar counts).
    r.set("rule", rule.empty() || rule == it.time_limit ? View(false) : View(rule));
    r.set("working_days", i.limit.kind == domain::TimeLimitKind::WithinDays && i.limit.working_days);
    r.set("subject", text_or_false(it.subject));
    r.set("channels", text_or_false(it.channels));
    r.set("audience", text_or_false(it.audience));
    r.set("manner", text_or_false(it.manner));
    r.set("levels", text_or_false(it.levels));
    View links{View::type::list};
    for (const auto& l : i.links) {
      View link{View::type::object};
      link.set("label", l.label);
      link.set("url", link_url(l.kind, l.code));
      link.set("list", l.kind == "list");
      links.push_back(link);
    }
    r.set("links", links);
    r.set("has_links", !i.links.empty());
    r.set("node_code", i.stored.node_code);
    r.set("list_type", i.stored.list_type);
    r.set("list_type_name", text_or_false(i.list_type_name));
    r.set("state", domain::to_code(i.status.state));
    r.set("state_label", domain::to_label(i.status.state));
    r.set("status", i.status.text());
    r.set("overdue", i.status.missing());
    if (decorate) decorate(i, r);
    rows.push_back(r);
  }
  flush();
  v.set("groups", groups);
  return v;
}

}  // namespace zwgk::web
