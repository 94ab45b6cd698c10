// zwgk catalogue list|add|rename|move: an operator maintains a site's 公开目录. Codes are
// stable forever (URLs and imports use them); names and order may change.
#include <cstdio>
#include <map>
#include <optional>
#include <string>

#include "domain/errors.hpp"
#include "app/cli.hpp"
#include "app/cli_audit.hpp"
#include "app/commands.hpp"
#include "domain/catalogue.hpp"
#include "store/catalogue_repository.hpp"
#include "store/database.hpp"
#include "store/site_repository.hpp"

namespace zwgk::app {
namespace {

domain::Site site_or_fail(store::Database& db, const std::string& code) {
  auto site = store::SiteRepository(db).by_code(code);
  if (!site) throw CommandError{kExitFailure, "未知网站: " + code};
  return *site;
}

domain::CatalogueNode node_or_fail(store::CatalogueRepository& cats, const domain::Site& site,
                                   const std::string& code) {
  auto node = cats.by_code(site.id, code);
  if (!node) throw CommandError{kExitFailure, "网站 " + site.code + " 没有目录代码 " + code};
  return *node;
}

void print_tree(store::CatalogueRepository& cats, const domain::Site& site) {
  const auto tree = cats.tree(site.id);
  std::map<std::int64_t, int> depth;
  std::printf("%s（%s）公开目录，共 %zu 个栏目\n", site.name.c_str(), site.code.c_str(), tree.size());
  for (const auto& n : tree) {
    const int d = n.parent_id ? depth[*n.parent_id] + 1 : 0;
    depth[n.id] = d;
    std::printf("%*s%s  %s\n", d * 2, "", n.code.c_str(), n.name.c_str());
  }
}

}  // namespace

int catalogue_command(const Config& config, const CatalogueArgs& args) {
  auto db = open_audited_database(config);
  const auto site = site_or_fail(*db, args.site);
  store::CatalogueRepository cats(*db);
  try {
    if (args.action == "list") {
      print_tree(cats, site);
    } else if (args.action == "add") {
      if (!domain::is_valid_catalogue_code(args.code))
        throw CommandError{kExitUsage, "目录代码只能由小写字母、数字、-、_ 组成: " + args.code};
      if (args.name.empty()) throw CommandError{kExitUsage, "缺少 --name"};
      if (cats.by_code(site.id, args.code)) throw CommandError{kExitFailure, "目录代码已存在: " + args.code};
      domain::CatalogueNode node;
      node.site_id = site.id;
      node.code = args.code;
      node.name = args.name;
      node.description = args.description;
      if (!args.parent.empty()) node.parent_id = node_or_fail(cats, site, args.parent).id;
      store::AuditedChange change(*db);  // the change and its audit entry: one transaction
      node = cats.add(node);
      if (args.position >= 0) cats.move(node.id, node.parent_id, args.position);
      change.commit(cli_entry("kernel.catalogue_create", "catalogue_node", std::to_string(node.id),
                              {{"code", node.code}, {"name", node.name}}, site.id));
      std::printf("zwgk: 已添加栏目 %s %s\n", node.code.c_str(), node.name.c_str());
    } else if (args.action == "rename") {
      if (args.name.empty()) throw CommandError{kExitUsage, "缺少 --name"};
      const auto node = node_or_fail(cats, site, args.code);
      store::AuditedChange change(*db);
      cats.rename(node.id, args.name);
      change.commit(cli_entry("kernel.catalogue_rename", "catalogue_node", std::to_string(node.id),
                              {{"name", {{"from", node.name}, {"to", args.name}}}}, site.id));
      std::printf("zwgk: 栏目 %s 已改名为 %s（代码不变）\n", node.code.c_str(), args.name.c_str());
    } else if (args.action == "move") {
      const auto node = node_or_fail(cats, site, args.code);
      std::optional<std::int64_t> parent;
      if (!args.parent.empty()) parent = node_or_fail(cats, site, args.parent).id;
      store::AuditedChange change(*db);
      cats.move(node.id, parent, args.position < 0 ? 0 : args.position);
      change.commit(cli_entry("kernel.catalogue_move", "catalogue_node", std::to_string(node.id),
                              {{"parent", args.parent}, {"position", args.position < 0 ? 0 : args.position}}, site.id));
      std::printf("zwgk: 栏目 %s 已移动到 %s 第 %d 位\n", node.code.c_str(),
                  args.parent.empty() ? "顶层" : args.parent.c_str(), (args.position < 0 ? 0 : args.position) + 1);
    }
  } catch (const store::StoreError& e) {
    throw CommandError{kExitFailure, e.what()};
  } catch (const domain::DomainError& e) {  // a bad parent, a taken code: the operator's input
    throw CommandError{kExitFailure, e.what()};
  }
  return kExitOk;
}

}  // namespace zwgk::app
