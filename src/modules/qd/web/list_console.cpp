// 清单 console pages: see list_console.hpp. Handlers parse, call one use case
// (modules/qd/service/list_service.hpp), render.
#include "modules/qd/web/list_console.hpp"

#include <algorithm>

#include "domain/errors.hpp"
#include "ingest/sheet_file.hpp"
#include "modules/qd/service/list_service.hpp"
#include "store/department_repository.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {

constexpr std::size_t kPreviewItems = 50;

modules::qd::ListService service(const ConsoleRequest& c) {
  return modules::qd::ListService(c.db, domain::or_system_clock(c.app.options().clock));
}

std::string url_of(std::int64_t id) { return "/console/lists/" + std::to_string(id) + "/"; }

std::int64_t own_id(const ConsoleRequest& c) {
  auto id = id_param(c);
  if (!id) throw domain::NotFound("本网站没有这份清单。");
  return *id;
}

http::Response index_page(ConsoleRequest& c) {
  auto s = service(c);
  View rows{View::type::list};
  store::ListRepository repo(c.db);
  for (const auto& l : repo.of_site(c.site.id)) {
    if (!may(c, "qd.view", {l.site_id, l.department_id})) continue;
    const auto published = repo.published(l.id);
    const auto working = repo.working(l.id);
    View r{View::type::object};
    r.set("url", url_of(l.id));
    r.set("title", l.title);
    r.set("department", l.department);
    r.set("version", published.empty() ? std::string("未发布") : "第" + std::to_string(*published.back().number) + "版");
    r.set("working", working ? View(store::to_label(working->state)) : View(false));
    rows.push_back(r);
  }
  View v{View::type::object};
  v.set("rows", rows);
  v.set("has_rows", !rows.is_empty_list());
  std::vector<std::pair<std::string, std::string>> types, deps;
  for (const auto& t : s.types(c.site.id)) types.emplace_back(t.code, t.name);
  for (const auto& d : store::DepartmentRepository(c.db).by_site(c.site.id))
    if (may(c, "qd.edit", {c.site.id, d.id})) deps.emplace_back(std::to_string(d.id), d.name);
  v.set("types", select_options(types));
  v.set("departments", select_options(deps, c.user.department_id ? std::to_string(*c.user.department_id) : ""));
  v.set("can_create", !deps.empty());
  return c.page("清单", "qd/console_lists", v);
}

http::Response list_page(ConsoleRequest& c) {
  auto s = service(c);
  const auto id = own_id(c);
  const auto working = s.working(caller_of(c), id);  // qd.view on the list's department
  const auto l = *store::ListRepository(c.db).find(id);
  const domain::Target target{l.site_id, l.department_id};
  domain::ListType type;
  for (const auto& t : s.types(c.site.id))
    if (t.code == l.type_code) type = t;
  View v{View::type::object};
  v.set("title", l.title);
  v.set("type", type.name);
  v.set("department", l.department);
  v.set("url", url_of(id));
  v.set("id", std::to_string(id));
  v.set("public_url", c.app.options().base_url + c.site.path_prefix + "/qd/" + std::to_string(id) + "/");
  View heads{View::type::list};
  std::string header_line;
  for (const auto& col : type.columns) {
    heads.push_back(View(col.label));
    header_line += (header_line.empty() ? "" : "、") + col.label + (col.required ? "（必填）" : "");
  }
  v.set("heads", heads);
  v.set("header_line", header_line);
  View versions{View::type::list};
  const auto published = store::ListRepository(c.db).published(id);
  for (auto it = published.rbegin(); it != published.rend(); ++it) {
    View x{View::type::object};
    x.set("number", std::to_string(*it->number));
    x.set("effective", it->effective_on->iso());
    x.set("summary", it->change_summary);
    x.set("by", it->published_by);
    versions.push_back(x);
  }
  v.set("versions", versions);
  v.set("has_versions", !versions.is_empty_list());
  using S = store::ListVersionState;
  const bool has = working.has_value();
  const S st = has ? working->state : S::Published;  // Published: nothing being worked on
  v.set("state", has ? View(store::to_label(st)) : View(false));
  v.set("note", working && !working->review_note.empty() ? View(working->review_note) : View(false));
  View rows{View::type::list};
  if (working)
    for (std::size_t i = 0; i < working->items.size() && i < kPreviewItems; ++i) {
      View cells{View::type::list};
      for (const auto& cell : working->items[i]) cells.push_back(View(cell));
      View r{View::type::object};
      r.set("cells", cells);
      rows.push_back(r);
    }
  v.set("rows", rows);
  v.set("item_count", std::to_string(working ? working->items.size() : 0));
  v.set("more", working && working->items.size() > kPreviewItems);
  const bool edit = may(c, "qd.edit", target);
  v.set("can_upload", edit && (!has || st == S::Draft || st == S::Returned));
  v.set("can_submit", edit && has && (st == S::Draft || st == S::Returned));
  v.set("can_review", may(c, "qd.review", target) && has && st == S::Submitted);
  v.set("can_publish", may(c, "qd.publish", target) && has && st == S::Approved);
  v.set("today", s.today().iso());
  return c.page(l.title, "qd/console_list", v);
}

std::string upload_bytes(const ConsoleRequest& c) {
  for (const auto& f : c.form.files)
    if (f.field == "file" && !f.data.empty()) return f.data;
  throw domain::Invalid({"请选择要上传的清单表格（.xlsx、.xls 或 .csv）"});
}

// 清单类型: the shipped ones and the site's own, each in the text form a site writes its own in.
http::Response types_page(ConsoleRequest& c, const std::string& text = {}, const std::vector<std::string>& problems = {},
                          int status = 200) {
  View rows{View::type::list};
  const auto& shipped = domain::shipped_list_types();
  for (const auto& t : service(c).types(c.site.id)) {
    View r{View::type::object};
    r.set("name", t.name);
    r.set("code", t.code);
    r.set("basis", t.basis.empty() ? View(false) : View(t.basis));
    r.set("own", std::none_of(shipped.begin(), shipped.end(), [&](const domain::ListType& x) { return x.code == t.code; }));
    r.set("schema", domain::format_list_type(t));
    rows.push_back(r);
  }
  View v{View::type::object};
  v.set("rows", rows);
  v.set("can_define", may(c, "qd.types", {c.site.id, std::nullopt}));
  v.set("text", text);
  View list{View::type::list};
  for (const auto& p : problems) list.push_back(View(p));
  v.set("problems", list);
  v.set("has_problems", !problems.empty());
  return c.page("清单类型", "qd/console_types", v, status);
}

}  // namespace

void register_list_console_pages(ConsoleApp& app, http::Router& router) {
  const Access readers = Access::to("qd.view");
  const Access editors = Access::to("qd.edit");
  app.add_navigation("清单", "/console/lists/", readers, 59);
  app.get(router, "/console/lists/", readers, [](ConsoleRequest& c) { return index_page(c); });
  app.post(router, "/console/lists/new", editors, [](ConsoleRequest& c) {
    modules::qd::NewList in;
    in.type_code = field(c, "type_code");
    in.title = field(c, "title");
    in.department_id = parse_positive_integer(field(c, "department_id")).value_or(0);
    return c.see_other(url_of(service(c).create(caller_of(c), in)));
  });
  // Before /console/lists/{id}/: "types" is not a list's number.
  app.get(router, "/console/lists/types/", readers, [](ConsoleRequest& c) { return types_page(c); });
  app.post(router, "/console/lists/types/", Access::to("qd.types"), [](ConsoleRequest& c) {
    const auto text = field(c, "schema");
    try {
      service(c).define_type(caller_of(c), text);
    } catch (const domain::Invalid& e) {
      return types_page(c, text, e.problems(), 400);  // the text stays in the form
    } catch (const domain::Conflict& e) {
      return types_page(c, text, {e.what()}, 409);
    }
    return c.see_other("/console/lists/types/");
  });
  app.get(router, "/console/lists/{id}/", readers, [](ConsoleRequest& c) { return list_page(c); });
  app.post(router, "/console/lists/{id}/upload", editors, [](ConsoleRequest& c) {
    const auto id = own_id(c);
    service(c).upload(caller_of(c), id, ingest::read_sheet_file(upload_bytes(c)));
    return c.see_other(url_of(id));
  });
  app.post(router, "/console/lists/{id}/submit", editors, [](ConsoleRequest& c) {
    const auto id = own_id(c);
    service(c).submit(caller_of(c), id);
    return c.see_other(url_of(id));
  });
  app.post(router, "/console/lists/{id}/review", Access::to("qd.review"), [](ConsoleRequest& c) {
    const auto id = own_id(c);
    service(c).review(caller_of(c), id, c.form.value("action") == "pass", c.form.value("note"));
    return c.see_other(url_of(id));
  });
  app.post(router, "/console/lists/{id}/publish", Access::to("qd.publish"), [](ConsoleRequest& c) {
    const auto id = own_id(c);
    service(c).publish(caller_of(c), id, field(c, "effective_on"));
    return c.see_other(url_of(id));
  });
}

}  // namespace zwgk::web::console
