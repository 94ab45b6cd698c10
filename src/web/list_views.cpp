#include "web/list_views.hpp"

#include <algorithm>
#include <map>

#include "web/formatting.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

View document_item_view(const domain::Document& doc, const domain::Site& site,
                        const std::map<std::int64_t, std::string>& department_names, domain::Date today) {
  View v;
  v.set("title", doc.title);
  v.set("url", document_url(site, doc.id));
  v.set("doc_number", doc.doc_number.empty() ? View(false) : View(doc.doc_number));
  v.set("date", iso_date(doc.published_on));
  std::string dep;
  if (doc.department_id) {
    auto it = department_names.find(*doc.department_id);
    if (it != department_names.end()) dep = it->second;
  }
  v.set("department", dep.empty() ? View(false) : View(dep));
  const auto validity = domain::derive_validity(doc, today);
  v.set("validity", validity == domain::Validity::Valid ? View(false) : View(domain::to_label(validity)));
  v.set("interpretation", doc.kind == domain::DocumentKind::Interpretation);
  return v;
}

std::string with_query(const std::string& path, const QueryPairs& pairs) {
  std::string out = path;
  char sep = '?';
  for (const auto& [k, v] : pairs) {
    out += sep;
    out += url_encode_component(k);
    out += '=';
    out += url_encode_component(v);
    sep = '&';
  }
  return out;
}

int page_count(std::int64_t total, int per_page) {
  if (total <= 0 || per_page <= 0) return 1;
  return static_cast<int>((total + per_page - 1) / per_page);
}

View pagination_view(std::int64_t total, int page, int per_page, const std::string& path, const QueryPairs& filters) {
  const int pages = page_count(total, per_page);
  auto url_for = [&](int n) {
    QueryPairs q = filters;
    if (n > 1) q.emplace_back("page", std::to_string(n));
    return with_query(path, q);
  };
  View v;
  v.set("total", std::to_string(total));
  v.set("page", std::to_string(page));
  v.set("pages", std::to_string(pages));
  v.set("multiple", pages > 1);
  v.set("prev_url", page > 1 ? View(url_for(page - 1)) : View(false));
  v.set("next_url", page < pages ? View(url_for(page + 1)) : View(false));
  View numbers{View::type::list};
  const int from = std::max(1, page - 3);
  const int to = std::min(pages, page + 3);
  auto add = [&](int n) {
    View item;
    item.set("n", std::to_string(n));
    item.set("url", url_for(n));
    item.set("current", n == page);
    item.set("gap", false);
    numbers.push_back(item);
  };
  auto gap = [&] {
    View item;
    item.set("n", "…");
    item.set("url", false);
    item.set("current", false);
    item.set("gap", true);
    numbers.push_back(item);
  };
  if (from > 1) {
    add(1);
    if (from > 2) gap();
  }
  for (int n = from; n <= to; ++n) add(n);
  if (to < pages) {
    if (to < pages - 1) gap();
    add(pages);
  }
  v.set("numbers", numbers);
  return v;
}

namespace {

View tree_node_view(const domain::Site& site, const std::multimap<std::int64_t, const domain::CatalogueNode*>& children,
                    const domain::CatalogueNode& n, int depth) {
  View v;
  v.set("name", n.name);
  v.set("url", catalogue_url(site, n.code));
  View kids{View::type::list};
  if (depth < 16) {
    auto [b, e] = children.equal_range(n.id);
    for (auto it = b; it != e; ++it) kids.push_back(tree_node_view(site, children, *it->second, depth + 1));
  }
  v.set("has_children", !kids.is_empty_list());
  v.set("children", kids);
  return v;
}

}  // namespace

View catalogue_tree_view(const domain::Site& site, const std::vector<domain::CatalogueNode>& nodes) {
  std::multimap<std::int64_t, const domain::CatalogueNode*> children;  // parent id -> child, in tree order
  for (const auto& n : nodes)
    if (n.parent_id) children.emplace(*n.parent_id, &n);
  View roots{View::type::list};
  for (const auto& n : nodes)
    if (!n.parent_id) roots.push_back(tree_node_view(site, children, n, 0));
  return roots;
}

}  // namespace zwgk::web
