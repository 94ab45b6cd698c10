#include "web/page_context.hpp"

#include <algorithm>

#include "store/catalogue_repository.hpp"
#include "store/site_profile_repository.hpp"

namespace zwgk::web {

const std::vector<domain::CatalogueNode>& PageContext::tree() {
  if (!tree_) tree_ = store::CatalogueRepository(env.db).tree(site.id);
  return *tree_;
}

const domain::SiteProfile& PageContext::profile() {
  if (!profile_) profile_ = store::SiteProfileRepository(env.db).of(site.id);
  return *profile_;
}

const domain::CatalogueNode* PageContext::node_by_id(std::int64_t id) {
  for (const auto& n : tree()) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

const domain::CatalogueNode* PageContext::node_by_code(const std::string& code) {
  for (const auto& n : tree()) {
    if (n.code == code) return &n;
  }
  return nullptr;
}

const domain::CatalogueNode* PageContext::node_by_name(const std::string& name) {
  for (const auto& n : tree()) {
    if (n.name == name) return &n;
  }
  return nullptr;
}

std::vector<const domain::CatalogueNode*> PageContext::path_to(std::int64_t id) {
  std::vector<const domain::CatalogueNode*> path;
  const auto* n = node_by_id(id);
  // The tree is finite and parents are distinct nodes; the depth bound guards against a
  // corrupted parent cycle rather than looping forever.
  for (int depth = 0; n && depth < 64; ++depth) {
    path.push_back(n);
    n = n->parent_id ? node_by_id(*n->parent_id) : nullptr;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace zwgk::web
