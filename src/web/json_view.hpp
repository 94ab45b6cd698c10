#pragma once
// Domain values -> the JSON objects of the API (docs/api.md is the contract). Pure: the
// caller gathers the related values (catalogue node, department, linked documents) and
// the absolute URLs. Private to src/web/api*.cpp.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/catalogue.hpp"
#include "domain/department.hpp"
#include "domain/document.hpp"
#include "domain/site.hpp"

namespace zwgk::web::api {

using Json = nlohmann::ordered_json;

Json site_json(const domain::Site& site, const std::string& base_url);

// The tree as nested objects {code, name, description, url, children}, roots in order.
Json catalogue_tree_json(const std::vector<domain::CatalogueNode>& nodes, const domain::Site& site,
                                   const std::string& base_url);

struct RelatedDocument {
  std::int64_t id = 0;
  std::string url;  // absolute
  std::string title;
};

struct DocumentView {
  const domain::Document* doc = nullptr;
  const domain::Site* site = nullptr;
  const domain::CatalogueNode* catalogue = nullptr;    // null if none / unknown
  const domain::Department* department = nullptr;      // null if none / unknown
  domain::Date today = domain::Date::today();          // for the derived 有效性
  // Detail view (GET /documents/{id}): body, attachments and the interpretation links.
  // A list item carries none of these four keys.
  bool detail = false;
  std::optional<RelatedDocument> interprets;
  std::vector<RelatedDocument> interpretations;
};

Json document_json(const DocumentView& view, const std::string& base_url);

}  // namespace zwgk::web::api
