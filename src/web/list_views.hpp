#pragma once
// View models for document lists (home blocks, listings, department pages) and paging.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/document.hpp"
#include "domain/site.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::web {

// title, url, doc_number, date (发文日期, ISO), department, validity badge (only when not 有效
// on `today`, the page's injected day: WebOptions::today()).
View document_item_view(const domain::Document& doc, const domain::Site& site,
                        const std::map<std::int64_t, std::string>& department_names, domain::Date today);

// Query string pieces kept across pages (filters), in order.
using QueryPairs = std::vector<std::pair<std::string, std::string>>;
std::string with_query(const std::string& path, const QueryPairs& pairs);

// { total, page, pages, has_prev, prev_url, has_next, next_url, numbers: [{n, url, current}] }
View pagination_view(std::int64_t total, int page, int per_page, const std::string& path, const QueryPairs& filters);

int page_count(std::int64_t total, int per_page);

// The catalogue tree (nodes parents before children, as PageContext::tree() has them) as the
// roots for templates/catalogue_tree.mustache: each {name, url, has_children, children};
// every node sets "children" (possibly empty) so the recursive partial never picks up its
// parent's list through Mustache's context lookup. The 信息公开 portal and the 网站地图.
View catalogue_tree_view(const domain::Site& site, const std::vector<domain::CatalogueNode>& nodes);

}  // namespace zwgk::web
