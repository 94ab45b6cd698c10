#include "web/json_view.hpp"

#include <functional>
#include <map>

#include "web/urls.hpp"

namespace zwgk::web::api {

namespace {

using json = Json;

json date_or_null(const std::optional<domain::Date>& d) { return d ? json(d->iso()) : json(nullptr); }

json related_json(const RelatedDocument& r) { return {{"id", r.id}, {"url", r.url}, {"title", r.title}}; }

}  // namespace

json site_json(const domain::Site& s, const std::string& base_url) {
  return {{"code", s.code},
          {"name", s.name},
          {"url", base_url + site_home_url(s)},
          {"sponsor", s.sponsor},
          {"phone", s.phone},
          {"site_id_code", s.site_id_code},
          {"icp_record", s.icp_record},
          {"police_record", s.police_record},
          {"domain", s.domain}};
}

json catalogue_tree_json(const std::vector<domain::CatalogueNode>& nodes, const domain::Site& site,
                         const std::string& base_url) {
  // Children by parent, in the order the repository gives (siblings by position).
  std::map<std::optional<std::int64_t>, std::vector<const domain::CatalogueNode*>> children;
  std::map<std::int64_t, bool> known;
  for (const auto& n : nodes) known[n.id] = true;
  for (const auto& n : nodes) {
    // A node whose parent is missing from the list is shown as a root rather than lost.
    const auto parent = n.parent_id && known.count(*n.parent_id) ? n.parent_id : std::nullopt;
    children[parent].push_back(&n);
  }
  // Iterative build would be longer; depth is a handful of levels.
  std::function<json(const std::optional<std::int64_t>&, int)> build = [&](const std::optional<std::int64_t>& parent,
                                                                           int depth) {
    json out = json::array();
    auto it = children.find(parent);
    if (it == children.end() || depth > 64) return out;  // depth bound: a cycle cannot recurse forever
    for (const auto* n : it->second) {
      out.push_back({{"code", n->code},
                     {"name", n->name},
                     {"description", n->description},
                     {"url", base_url + catalogue_url(site, n->code)},
                     {"children", build(n->id, depth + 1)}});
    }
    return out;
  };
  return build(std::nullopt, 0);
}

json document_json(const DocumentView& v, const std::string& base_url) {
  const auto& d = *v.doc;
  const auto& site = *v.site;
  const bool withdrawn = d.state == domain::DocumentState::Withdrawn;
  json out = {
      {"id", d.id},
      {"url", base_url + document_url(site, d.id)},
      {"site", {{"code", site.code}, {"name", site.name}}},
      {"title", d.title},
      {"doc_number", d.doc_number},
      {"index_number", d.index_number},
      {"catalogue", v.catalogue ? json{{"code", v.catalogue->code}, {"name", v.catalogue->name}} : json(nullptr)},
      {"department", v.department ? json{{"id", v.department->id}, {"name", v.department->name}} : json(nullptr)},
      {"issuer", d.issuer},
      {"written_on", date_or_null(d.written_on)},
      {"published_on", date_or_null(d.published_on)},
      {"disclosure", d.disclosure ? json(domain::to_label(*d.disclosure)) : json(nullptr)},
      {"effective_on", date_or_null(d.effective_on)},
      {"expires_on", date_or_null(d.expires_on)},
      {"repealed_on", date_or_null(d.repealed_on)},
      {"validity", domain::to_label(domain::derive_validity(d, v.today))},
      {"topic", d.topic},
      {"summary", d.summary},
      {"kind", domain::to_code(d.kind)},
      {"state", domain::to_code(d.state)},
      {"updated_at", d.updated_at},
  };
  if (!v.detail) return out;
  // A withdrawn document keeps its URL and metadata but no longer shows its content.
  out["body_html"] = withdrawn ? json(nullptr) : json(d.body_html);
  json attachments = json::array();
  if (!withdrawn) {
    for (const auto& a : d.attachments) {
      attachments.push_back({{"file_name", a.file_name},
                             {"url", base_url + attachment_url(a.sha256, a.file_name)},
                             {"size", a.size},
                             {"media_type", a.media_type},
                             {"sha256", a.sha256}});
    }
  }
  out["attachments"] = std::move(attachments);
  out["interprets"] = v.interprets ? related_json(*v.interprets) : json(nullptr);
  json interpretations = json::array();
  for (const auto& r : v.interpretations) interpretations.push_back(related_json(r));
  out["interpretations"] = std::move(interpretations);
  return out;
}

}  // namespace zwgk::web::api
