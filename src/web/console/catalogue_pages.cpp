// 公开目录管理: the tree; add, rename, move columns (store/catalogue_repository). Codes
// never change once created (URLs and imports use them).
#include <charconv>
#include <map>

#include "domain/catalogue.hpp"
#include "domain/errors.hpp"
#include "http/router.hpp"
#include "store/catalogue_repository.hpp"
#include "web/console/console_pages.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {

std::optional<domain::CatalogueNode> own_node(ConsoleRequest& c) {
  auto id = id_param(c);
  if (!id) return std::nullopt;
  auto n = store::CatalogueRepository(c.db).by_id(*id);
  if (!n || n->site_id != c.site.id) return std::nullopt;
  return n;
}

// "" = top level; otherwise the code of a column of this site.
std::optional<std::int64_t> parent_field(ConsoleRequest& c) {
  const std::string code = field(c, "parent");
  if (code.empty()) return std::nullopt;
  auto p = store::CatalogueRepository(c.db).by_code(c.site.id, code);
  if (!p) throw domain::ValidationError({"上级栏目代码不存在：" + code});
  return p->id;
}

}  // namespace

void register_catalogue_pages(ConsoleApp& app, http::Router& router) {
  app.add_navigation("公开目录", "/console/catalogue/", Access::to("kernel.view_settings"), 72);
  app.get(router, "/console/catalogue/", Access::to("kernel.view_settings"), [](ConsoleRequest& c) {
    std::map<std::int64_t, int> depth;
    std::map<std::int64_t, std::string> codes;
    View rows{View::type::list};
    for (const auto& n : store::CatalogueRepository(c.db).tree(c.site.id)) {
      const int d = n.parent_id ? depth[*n.parent_id] + 1 : 0;
      depth[n.id] = d;
      codes[n.id] = n.code;
      View r{View::type::object};
      r.set("id", std::to_string(n.id));
      r.set("code", n.code);
      r.set("name", n.name);
      r.set("indent", std::string(static_cast<std::size_t>(d) * 3, ' ') + (d > 0 ? "└ " : ""));
      r.set("depth", std::to_string(d));
      r.set("parent", n.parent_id ? codes[*n.parent_id] : std::string());
      r.set("position", std::to_string(n.position));
      rows.push_back(r);
    }
    View v{View::type::object};
    v.set("rows", rows);
    if (may(c, "kernel.manage_catalogue")) v.set("can_manage", true);
    return c.page("公开目录管理", "console_catalogue", v);
  });
  app.post(router, "/console/catalogue/", Access::to("kernel.manage_catalogue"), [](ConsoleRequest& c) {
    domain::CatalogueNode n;
    n.site_id = c.site.id;
    n.code = field(c, "code");
    n.name = field(c, "name");
    n.parent_id = parent_field(c);
    std::vector<std::string> problems;
    if (!domain::is_valid_catalogue_code(n.code)) problems.push_back("栏目代码只能由小写字母、数字、-、_ 组成");
    if (n.name.empty()) problems.push_back("请填写栏目名称");
    store::CatalogueRepository cats(c.db);
    if (problems.empty() && cats.by_code(c.site.id, n.code)) problems.push_back("栏目代码已存在：" + n.code);
    if (!problems.empty()) throw domain::ValidationError(problems);
    n = cats.add(n);
    c.audit("kernel.catalogue_create", "catalogue_node", std::to_string(n.id));
    return c.see_other("/console/catalogue/");
  });
  app.post(router, "/console/catalogue/{id}/rename", Access::to("kernel.manage_catalogue"), [](ConsoleRequest& c) {
    auto n = own_node(c);
    if (!n) return c.refuse("本网站没有这个栏目。", 404);
    const std::string name = field(c, "name");
    if (name.empty()) throw domain::ValidationError({"请填写栏目名称"});
    store::CatalogueRepository(c.db).rename(n->id, name);
    c.audit("kernel.catalogue_rename", "catalogue_node", std::to_string(n->id));
    return c.see_other("/console/catalogue/");
  });
  app.post(router, "/console/catalogue/{id}/move", Access::to("kernel.manage_catalogue"), [](ConsoleRequest& c) {
    auto n = own_node(c);
    if (!n) return c.refuse("本网站没有这个栏目。", 404);
    const auto parent = parent_field(c);
    const std::string ptext = field(c, "position");
    int pos = -1;
    const auto [end, ec] = std::from_chars(ptext.data(), ptext.data() + ptext.size(), pos);
    if (ptext.empty() || ec != std::errc() || end != ptext.data() + ptext.size() || pos < 0 || pos > 10000)
      throw domain::ValidationError({"位置应为 0 到 10000 的整数（0 表示排在最前）"});
    if (parent && *parent == n->id) throw domain::ValidationError({"栏目不能移动到自身之下"});
    store::CatalogueRepository(c.db).move(n->id, parent, pos);  // a bad parent: domain::Invalid
    c.audit("kernel.catalogue_move", "catalogue_node", std::to_string(n->id));
    return c.see_other("/console/catalogue/");
  });
}

}  // namespace zwgk::web::console
