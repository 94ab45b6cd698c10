#include "store/catalogue_repository.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "store/catalogue_queries.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

struct NodeRow {
  long long id = 0, site_id = 0, parent_id = 0;
  soci::indicator parent_ind = soci::i_null;
  int position = 0;
  domain::CatalogueNode n;
  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(site_id));
    st.exchange(soci::into(n.code));
    st.exchange(soci::into(n.name));
    st.exchange(soci::into(parent_id, parent_ind));
    st.exchange(soci::into(position));
    st.exchange(soci::into(n.description));
    st.exchange(soci::into(n.keywords));
    st.exchange(soci::into(n.column_type));
  }
  domain::CatalogueNode value() const {
    domain::CatalogueNode out = n;
    out.id = id;
    out.site_id = site_id;
    out.parent_id = id_from(parent_id, parent_ind);
    out.position = position;
    return out;
  }
};

std::vector<domain::CatalogueNode> query(Lease& lease, const std::string& where, Binds& binds) {
  std::vector<domain::CatalogueNode> out;
  soci::statement st(lease.sql());
  NodeRow row;
  row.into(st);
  binds.apply(st);
  prepare_and_execute(st,
                      "SELECT id, site_id, code, name, parent_id, position, description, keywords, column_type "
                      "FROM catalogue_nodes " +
                          where);
  while (st.fetch()) out.push_back(row.value());
  return out;
}

std::optional<domain::CatalogueNode> first(std::vector<domain::CatalogueNode> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::optional<domain::CatalogueNode> load(Lease& lease, std::int64_t id) {
  Binds b;
  return first(query(lease, "WHERE id = " + b.add(id), b));
}

// Siblings under parent (nullopt = the roots), by position then id.
std::vector<domain::CatalogueNode> siblings(Lease& lease, std::int64_t site_id,
                                            const std::optional<std::int64_t>& parent_id) {
  Binds b;
  std::string where = "WHERE site_id = " + b.add(site_id);
  where += parent_id ? " AND parent_id = " + b.add(*parent_id) : std::string(" AND parent_id IS NULL");
  return query(lease, where + " ORDER BY position, id", b);
}

int next_position(Lease& lease, std::int64_t site_id, const std::optional<std::int64_t>& parent_id) {
  int next = 0;
  for (const auto& s : siblings(lease, site_id, parent_id)) next = std::max(next, s.position + 1);
  return next;
}

void set_position(Lease& lease, std::int64_t id, int position) {
  long long i = id;
  lease.sql() << "UPDATE catalogue_nodes SET position = :pos WHERE id = :id", soci::use(position, "pos"),
      soci::use(i, "id");
}

std::int64_t insert(Lease& lease, const domain::CatalogueNode& n) {
  long long site = n.site_id, id = 0;
  NullableId parent(n.parent_id);
  int position = n.position;
  lease.sql() << "INSERT INTO catalogue_nodes (site_id, code, name, parent_id, position, description, keywords, "
                 "column_type) VALUES (:site, :code, :name, :parent, :pos, :description, :keywords, :column_type) "
                 "RETURNING id",
      soci::use(site, "site"), soci::use(n.code, "code"), soci::use(n.name, "name"),
      soci::use(parent.value, parent.ind, "parent"), soci::use(position, "pos"),
      soci::use(n.description, "description"), soci::use(n.keywords, "keywords"),
      soci::use(n.column_type, "column_type"), soci::into(id);
  return id;
}

void check_node(const domain::CatalogueNode& n) {
  std::vector<std::string> problems;
  if (!domain::is_valid_catalogue_code(n.code))
    problems.push_back("目录代码只能由小写字母、数字、下划线和连字符组成: " + n.code);
  if (n.name.empty()) problems.emplace_back("目录名称不能为空");
  if (!problems.empty()) throw domain::ValidationError(std::move(problems));
}

}  // namespace

// Shared with the document repository (catalogue_queries.hpp).
std::vector<std::int64_t> catalogue_with_ancestors(Lease& lease, std::int64_t id) {
  std::vector<std::int64_t> out;
  std::set<std::int64_t> seen;
  std::optional<std::int64_t> cur = id;
  while (cur && seen.insert(*cur).second) {
    long long node = *cur, parent = 0;
    soci::indicator ind = soci::i_null;
    lease.sql() << "SELECT parent_id FROM catalogue_nodes WHERE id = :id", soci::use(node, "id"),
        soci::into(parent, ind);
    if (!lease.sql().got_data()) break;
    out.push_back(*cur);
    cur = id_from(parent, ind);
  }
  return out;
}

std::vector<std::int64_t> catalogue_with_descendants(Lease& lease, std::int64_t id) {
  std::vector<std::int64_t> out;
  long long root = id, node = 0;
  soci::statement st =
      (lease.sql().prepare << "WITH RECURSIVE sub(id) AS (SELECT id FROM catalogue_nodes WHERE id = :id "
                              "UNION SELECT n.id FROM catalogue_nodes n JOIN sub ON n.parent_id = sub.id) "
                              "SELECT id FROM sub",
       soci::use(root, "id"), soci::into(node));
  st.execute();
  while (st.fetch()) out.push_back(node);
  return out;
}

std::vector<std::int64_t> catalogue_with_descendants(Lease& lease, std::int64_t id, std::int64_t site_id) {
  long long node = id, site = site_id, found = 0;
  lease.sql() << "SELECT count(*) FROM catalogue_nodes WHERE id = :id AND site_id = :site", soci::use(node, "id"),
      soci::use(site, "site"), soci::into(found);
  if (found == 0) return {};
  return catalogue_with_descendants(lease, id);
}

std::vector<domain::CatalogueNode> CatalogueRepository::tree(std::int64_t site_id) {
  return guarded("读取公开目录失败", [&] {
    Lease lease(db_);
    Binds b;
    auto all = query(lease, "WHERE site_id = " + b.add(site_id) + " ORDER BY position, id", b);
    // Depth-first from the roots: parents before children, siblings by position.
    std::map<std::optional<std::int64_t>, std::vector<const domain::CatalogueNode*>> children;
    std::set<std::int64_t> ids;
    for (const auto& n : all) ids.insert(n.id);
    for (const auto& n : all) {
      auto parent = n.parent_id && ids.count(*n.parent_id) ? n.parent_id : std::nullopt;
      children[parent].push_back(&n);
    }
    std::vector<domain::CatalogueNode> out;
    out.reserve(all.size());
    std::vector<const domain::CatalogueNode*> stack;
    auto push_children = [&](const std::optional<std::int64_t>& parent) {
      auto it = children.find(parent);
      if (it == children.end()) return;
      for (auto c = it->second.rbegin(); c != it->second.rend(); ++c) stack.push_back(*c);
    };
    push_children(std::nullopt);
    while (!stack.empty()) {
      const auto* n = stack.back();
      stack.pop_back();
      out.push_back(*n);
      push_children(n->id);
    }
    return out;
  });
}

std::optional<domain::CatalogueNode> CatalogueRepository::by_id(std::int64_t id) {
  return guarded("读取目录失败", [&] {
    Lease lease(db_);
    return load(lease, id);
  });
}

std::optional<domain::CatalogueNode> CatalogueRepository::by_code(std::int64_t site_id, const std::string& code) {
  return guarded("读取目录失败", [&] {
    Lease lease(db_);
    Binds b;
    return first(query(lease, "WHERE site_id = " + b.add(site_id) + " AND code = " + b.add(code), b));
  });
}

std::optional<domain::CatalogueNode> CatalogueRepository::by_name(std::int64_t site_id, const std::string& name) {
  return guarded("读取目录失败", [&] {
    Lease lease(db_);
    Binds b;
    return first(query(
        lease, "WHERE site_id = " + b.add(site_id) + " AND name = " + b.add(name) + " ORDER BY id", b));
  });
}

void CatalogueRepository::ensure_default(std::int64_t site_id) {
  int added = 0;
  guarded("创建默认公开目录失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    Binds b;
    std::map<std::string, std::int64_t> by_code;
    for (const auto& n : query(lease, "WHERE site_id = " + b.add(site_id), b)) by_code[n.code] = n.id;
    for (const auto& e : domain::default_catalogue()) {
      if (by_code.count(e.code)) continue;
      domain::CatalogueNode n;
      n.site_id = site_id;
      n.code = e.code;
      n.name = e.name;
      n.description = e.description;
      if (!e.parent_code.empty()) {
        auto parent = by_code.find(e.parent_code);
        if (parent == by_code.end())
          throw StoreError("默认公开目录有误: " + e.code + " 的上级 " + e.parent_code + " 不存在");
        n.parent_id = parent->second;
      }
      n.position = next_position(lease, site_id, n.parent_id);
      by_code[n.code] = insert(lease, n);
      ++added;
    }
    tx.commit();
  });
  if (added > 0) db_.notify_changed({domain::tag_site(site_id), domain::tag_site_lists(site_id)});
}

domain::CatalogueNode CatalogueRepository::add(domain::CatalogueNode node) {
  check_node(node);
  guarded("添加目录失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    if (node.parent_id) {
      auto parent = load(lease, *node.parent_id);
      if (!parent || parent->site_id != node.site_id)
        throw domain::Invalid({"上级目录不存在（编号 " + std::to_string(*node.parent_id) + "）"});
    }
    int taken = 0;
    long long site = node.site_id;
    lease.sql() << "SELECT count(*) FROM catalogue_nodes WHERE site_id = :site AND code = :code",
        soci::use(site, "site"), soci::use(node.code, "code"), soci::into(taken);
    if (taken > 0) throw domain::Invalid({"目录代码已存在：" + node.code});
    node.position = next_position(lease, node.site_id, node.parent_id);
    node.id = insert(lease, node);
    tx.commit();
  });
  db_.notify_changed({domain::tag_site(node.site_id), domain::tag_site_lists(node.site_id)});
  return node;
}

void CatalogueRepository::rename(std::int64_t id, const std::string& name) {
  if (name.empty()) throw domain::ValidationError({"目录名称不能为空"});
  std::int64_t site_id = 0;
  guarded("重命名目录失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    auto node = load(lease, id);
    if (!node) throw NotFound("目录不存在: " + std::to_string(id));
    site_id = node->site_id;
    long long i = id;
    lease.sql() << "UPDATE catalogue_nodes SET name = :name WHERE id = :id", soci::use(name, "name"),
        soci::use(i, "id");
    tx.commit();
  });
  db_.notify_changed({domain::tag_site(site_id), domain::tag_catalogue(id)});
}

void CatalogueRepository::move(std::int64_t id, std::optional<std::int64_t> parent_id, int position) {
  std::int64_t site_id = 0;
  guarded("移动目录失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    auto node = load(lease, id);
    if (!node) throw NotFound("目录不存在: " + std::to_string(id));
    site_id = node->site_id;
    if (parent_id) {
      auto parent = load(lease, *parent_id);
      if (!parent || parent->site_id != node->site_id)
        throw domain::Invalid({"上级目录不存在（编号 " + std::to_string(*parent_id) + "）"});
      const auto chain = catalogue_with_ancestors(lease, *parent_id);
      if (std::find(chain.begin(), chain.end(), id) != chain.end())
        throw domain::Invalid({"不能把目录移动到它自己或它的下级目录之下：" + node->name});
    }
    // Close the gap among the old siblings, then insert among the new ones.
    int p = 0;
    for (const auto& s : siblings(lease, site_id, node->parent_id))
      if (s.id != id) set_position(lease, s.id, p++);
    long long i = id;
    NullableId parent(parent_id);
    lease.sql() << "UPDATE catalogue_nodes SET parent_id = :parent WHERE id = :id",
        soci::use(parent.value, parent.ind, "parent"), soci::use(i, "id");
    std::vector<std::int64_t> order;
    for (const auto& s : siblings(lease, site_id, parent_id))
      if (s.id != id) order.push_back(s.id);
    const auto at = static_cast<std::size_t>(std::clamp(position, 0, static_cast<int>(order.size())));
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(at), id);
    for (std::size_t k = 0; k < order.size(); ++k) set_position(lease, order[k], static_cast<int>(k));
    tx.commit();
  });
  db_.notify_changed({domain::tag_site(site_id), domain::tag_site_lists(site_id), domain::tag_catalogue(id)});
}

}  // namespace zwgk::store
