// 基层政务公开标准目录 console pages: see catalogue_console.hpp. Handlers parse, call one use
// case (modules/bzml/service/standard_catalogue_service.hpp), render.
#include "modules/bzml/web/catalogue_console.hpp"

#include <map>
#include <set>

#include "domain/errors.hpp"
#include "modules/bzml/domain/standard_fields.hpp"
#include "modules/bzml/service/standard_catalogue_service.hpp"
#include "modules/bzml/web/catalogue_views.hpp"
#include "modules/qd/service/list_service.hpp"
#include "store/catalogue_repository.hpp"
#include "web/console/page_helpers.hpp"
#include "web/urls.hpp"

namespace zwgk::web::console {

namespace {

constexpr const char* kBase = "/console/standard-catalogue/";

struct Service {
  std::shared_ptr<const domain::WorkingDayCalendar> calendar;
  modules::bzml::StandardCatalogueService service;
  explicit Service(const ConsoleRequest& c)
      : calendar(c.app.options().calendar ? c.app.options().calendar->current()
                                          : std::make_shared<const domain::WorkingDayCalendar>()),
        service(c.db, *calendar, domain::or_system_clock(c.app.options().clock)) {}
};

std::string code_param(const ConsoleRequest& c) {
  const std::string code(c.http.param("code"));
  if (!domain::is_catalogue_field_code(code)) throw domain::NotFound("本网站没有这个领域的标准目录。");
  return code;
}

CatalogueLinkUrl public_links(const ConsoleRequest& c) {
  const auto& site = c.site;
  const std::string base = c.app.options().base_url;
  return [&site, base](const std::string& kind, const std::string& code) {
    return base + (kind == "list" ? site.path_prefix + "/qd/" + code + "/" : catalogue_url(site, code));
  };
}

View overdue_items(Service& s, const ConsoleRequest& c) {
  View items{View::type::list};
  for (const auto& [cat, i] : s.service.overdue(c.site.id)) {
    View r{View::type::object};
    r.set("text", cat.field + "：" + i.stored.item.level1 + " / " + i.stored.item.level2 + "，" + i.status.text());
    r.set("url", std::string(kBase) + cat.code + "/#item-" + std::to_string(i.stored.id));
    items.push_back(r);
  }
  return items;
}

http::Response index_page(ConsoleRequest& c) {
  Service s(c);
  View rows{View::type::list};
  std::set<std::string> loaded;
  for (const auto& cat : s.service.catalogues(c.site.id)) {
    loaded.insert(cat.code);
    View r = catalogue_view(s.service.catalogue(c.site.id, cat.code), public_links(c));
    r.set("url", std::string(kBase) + cat.code + "/");
    r.set("public_url", c.app.options().base_url + c.site.path_prefix + "/bzml/" + cat.code + "/");
    r.set("imported_by", cat.imported_by);
    r.set("imported_at", utc_to_china_display(cat.imported_at));
    rows.push_back(r);
  }
  View v{View::type::object};
  v.set("rows", rows);
  v.set("has_rows", !rows.is_empty_list());
  const bool manage = may(c, "bzml.manage", {c.site.id, std::nullopt});
  v.set("can_manage", manage);
  std::vector<std::pair<std::string, std::string>> shipped;
  for (const auto& sc : modules::bzml::shipped_catalogues())
    shipped.emplace_back(sc.code, sc.field + (loaded.count(sc.code) ? "（已导入，重新导入）" : "") + " — " + sc.ministry);
  v.set("shipped", select_options(shipped));
  v.set("has_shipped", !shipped.empty());
  std::vector<std::pair<std::string, std::string>> fields{{"", "（其他领域，填写下方代码和名称）"}};
  for (const auto& f : domain::standard_fields()) fields.emplace_back(f.code, f.name);
  v.set("fields", select_options(fields));
  auto overdue = overdue_items(s, c);
  v.set("has_overdue", !overdue.is_empty_list());
  v.set("overdue", overdue);
  return c.page("基层政务公开标准目录", "bzml/console_index", v);
}

// The 公开目录 columns as select options, indented by depth.
std::vector<std::pair<std::string, std::string>> column_options(const ConsoleRequest& c) {
  std::vector<std::pair<std::string, std::string>> out{{"", "（不关联栏目）"}};
  const auto tree = store::CatalogueRepository(c.db).tree(c.site.id);
  std::map<std::int64_t, int> depth;
  for (const auto& n : tree) {  // parents come before their children
    const int d = n.parent_id && depth.count(*n.parent_id) ? depth[*n.parent_id] + 1 : 0;
    depth[n.id] = d;
    std::string indent;
    for (int i = 0; i < d; ++i) indent += "\u3000";
    out.emplace_back(n.code, indent + n.name);
  }
  return out;
}

http::Response field_page(ConsoleRequest& c) {
  Service s(c);
  const auto cat = s.service.catalogue(c.site.id, code_param(c));
  const bool manage = may(c, "bzml.manage", {c.site.id, std::nullopt});
  CatalogueItemDecorator decorate;
  std::vector<std::pair<std::string, std::string>> nodes, types{{"", "（不关联清单）"}};
  if (manage) {
    nodes = column_options(c);
    for (const auto& t : modules::qd::ListService(c.db).types(c.site.id)) types.emplace_back(t.code, t.name);
    decorate = [&nodes, &types](const modules::bzml::CatalogueItemView& i, View& row) {
      row.set("nodes", select_options(nodes, i.stored.node_code));
      row.set("types", select_options(types, i.stored.list_type));
      row.set("mappable", true);
    };
  }
  View v = catalogue_view(cat, public_links(c), decorate);
  v.set("can_manage", manage);
  v.set("public_url", c.app.options().base_url + c.site.path_prefix + "/bzml/" + cat.catalogue.code + "/");
  return c.page(cat.catalogue.field + "领域标准目录", "bzml/console_field", v);
}

}  // namespace

void register_standard_catalogue_console_pages(ConsoleApp& app, http::Router& router) {
  const Access readers = Access::to("bzml.view");
  const Access managers = Access::to("bzml.manage");
  app.add_navigation("标准目录", kBase, readers, 61);
  app.get(router, kBase, readers, [](ConsoleRequest& c) { return index_page(c); });
  app.post(router, std::string(kBase) + "shipped", managers, [](ConsoleRequest& c) {
    const auto code = field(c, "code");
    Service(c).service.import_shipped(caller_of(c), code);
    return c.see_other(std::string(kBase) + code + "/");
  });
  app.post(router, std::string(kBase) + "import", managers, [](ConsoleRequest& c) {
    modules::bzml::SheetImport in;
    in.code = field(c, "code");
    if (in.code.empty()) in.code = field(c, "standard_code");
    in.field = field(c, "field");
    in.source = field(c, "source");
    for (const auto& f : c.form.files)
      if (f.field == "file" && !f.data.empty()) in.bytes = f.data;
    Service(c).service.import_sheet(caller_of(c), in);
    return c.see_other(std::string(kBase) + modules::bzml::sheet_catalogue(in).code + "/");
  });
  app.get(router, std::string(kBase) + "{code}/", readers, [](ConsoleRequest& c) { return field_page(c); });
  app.post(router, std::string(kBase) + "items/{id}/map", managers, [](ConsoleRequest& c) {
    const auto id = id_param(c);
    if (!id) throw domain::NotFound("本网站的标准目录中没有这个事项。");
    const auto back = field(c, "back");
    Service(c).service.map_item(caller_of(c), *id, field(c, "node_code"), field(c, "list_type"));
    const bool ours = domain::is_catalogue_field_code(back);
    return c.see_other(std::string(kBase) + (ours ? back + "/#item-" + std::to_string(*id) : ""));
  });
  // 我的工作: the items past their 公开时限, for the office that maps and chases them.
  app.add_work_section([&app](ConsoleRequest& c) -> std::string {
    if (!may(c, "bzml.manage", {c.site.id, std::nullopt})) return {};
    Service s(c);
    auto items = overdue_items(s, c);
    if (items.is_empty_list()) return {};
    View v{View::type::object};
    v.set("items", items);
    return app.templates().render("bzml/console_my_work", v);
  });
}

}  // namespace zwgk::web::console
