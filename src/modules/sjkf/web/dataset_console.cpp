// 数据开放 console pages: see dataset_console.hpp. Handlers parse, call one use case
// (modules/sjkf/service/open_data_service.hpp), render.
#include "modules/sjkf/web/dataset_console.hpp"

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "modules/qd/service/list_service.hpp"
#include "modules/sjkf/service/open_data_service.hpp"
#include "store/department_repository.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {

modules::sjkf::OpenDataService service(const ConsoleRequest& c) {
  return modules::sjkf::OpenDataService(c.db, domain::or_system_clock(c.app.options().clock));
}

std::string url_of(std::int64_t id) { return "/console/datasets/" + std::to_string(id) + "/"; }

std::int64_t own_id(const ConsoleRequest& c) {
  auto id = id_param(c);
  if (!id) throw domain::NotFound("本网站没有这个数据集。");
  return *id;
}

domain::DatasetDraft draft_of(const ConsoleRequest& c) {
  domain::DatasetDraft d;
  d.name = domain::trim_cell(c.form.value("name"));
  d.title = c.form.value("title");
  d.notes = c.form.value("notes");
  d.field = c.form.value("field");
  d.keywords = domain::parse_keywords(c.form.value("keywords"));
  d.frequency = c.form.value("frequency");
  d.licence = c.form.value("licence");
  d.condition = domain::open_condition_from(c.form.value("condition")).value_or(domain::OpenCondition::Unconditional);
  d.conditions = domain::trim_cell(c.form.value("conditions"));
  return d;
}

// The choices every dataset form offers, `d` chosen.
void set_choices(const ConsoleRequest& c, View& v, const domain::DatasetDraft& d, std::int64_t department_id) {
  std::vector<std::pair<std::string, std::string>> fields, frequencies, licences, conditions, deps;
  for (const auto& f : domain::data_fields()) fields.emplace_back(f.code, f.label);
  for (const auto& f : domain::update_frequencies()) frequencies.emplace_back(f, f);
  for (const auto& l : domain::data_licences()) licences.emplace_back(l.id, l.title);
  for (auto oc : {domain::OpenCondition::Unconditional, domain::OpenCondition::Conditional})
    conditions.emplace_back(domain::to_code(oc), domain::to_label(oc));
  for (const auto& dep : store::DepartmentRepository(c.db).by_site(c.site.id))
    if (may(c, "sjkf.edit", {c.site.id, dep.id})) deps.emplace_back(std::to_string(dep.id), dep.name);
  v.set("fields", select_options(fields, d.field));
  v.set("frequencies", select_options(frequencies, d.frequency.empty() ? "每月" : d.frequency));
  v.set("licences", select_options(licences, d.licence));
  v.set("conditions_options", select_options(conditions, domain::to_code(d.condition)));
  v.set("departments", select_options(deps, department_id ? std::to_string(department_id) : ""));
  v.set("can_create", !deps.empty());
}

http::Response index_page(ConsoleRequest& c) {
  auto s = service(c);
  View rows{View::type::list};
  for (const auto& d : s.staff_list(caller_of(c))) {
    if (!may(c, "sjkf.view", {d.site_id, d.department_id})) continue;
    View r{View::type::object};
    r.set("url", url_of(d.id));
    r.set("title", d.draft.title);
    r.set("name", d.draft.name);
    r.set("department", d.department);
    r.set("state", store::to_label(d.state));
    r.set("modified", domain::china_date_of_unix(d.modified_at).iso());
    r.set("follows_list", d.list_id.has_value());
    rows.push_back(r);
  }
  View v{View::type::object};
  v.set("rows", rows);
  v.set("has_rows", !rows.is_empty_list());
  set_choices(c, v, domain::DatasetDraft{}, c.user.department_id.value_or(0));
  std::vector<std::pair<std::string, std::string>> lists = {{"", "（不跟随清单，自行上传文件）"}};
  for (const auto& lv : modules::qd::ListService(c.db, domain::or_system_clock(c.app.options().clock)).published_lists(c.site.id))
    lists.emplace_back(std::to_string(lv.list.id), lv.list.title);
  v.set("lists", select_options(lists));
  return c.page("数据开放", "sjkf/console_datasets", v);
}

http::Response dataset_page(ConsoleRequest& c) {
  const auto id = own_id(c);
  const auto dv = service(c).staff_view(caller_of(c), id);
  const auto& d = dv.dataset;
  const domain::Target target{d.site_id, d.department_id};
  View v{View::type::object};
  v.set("id", std::to_string(id));
  v.set("url", url_of(id));
  v.set("title", d.draft.title);
  v.set("name", d.draft.name);
  v.set("notes", d.draft.notes);
  v.set("keywords", domain::join_keywords(d.draft.keywords));
  v.set("conditions", d.draft.conditions);
  v.set("state", store::to_label(d.state));
  v.set("department", d.department);
  v.set("public_url", c.app.options().base_url + c.site.path_prefix + "/sjkf/" + d.draft.name + "/");
  v.set("is_public", d.state == store::DatasetState::Published);
  v.set("follows_list", dv.list_url_path.empty() ? View(false) : View(c.site.path_prefix + dv.list_url_path));
  v.set("list_version", dv.list_version > 0 ? View(std::to_string(dv.list_version)) : View(false));
  set_choices(c, v, d.draft, d.department_id);
  View files{View::type::list};
  for (const auto& r : dv.resources) {
    View x{View::type::object};
    x.set("id", std::to_string(r.id));
    x.set("name", r.name);
    x.set("format", domain::to_code(r.format));
    x.set("rows", std::to_string(r.table.row_count));
    std::string cols;
    for (const auto& col : r.table.columns) cols += (cols.empty() ? "" : "、") + col.name + "（" + col.type + "）";
    x.set("columns", cols);
    x.set("downloads", std::to_string(r.downloads));
    x.set("from_list", r.from_list);
    files.push_back(x);
  }
  v.set("files", files);
  v.set("has_files", !files.is_empty_list());
  const bool edit = may(c, "sjkf.edit", target);
  v.set("can_edit", edit);
  v.set("can_upload", edit && !d.list_id);
  v.set("can_publish", may(c, "sjkf.publish", target) && d.state != store::DatasetState::Published);
  v.set("can_withdraw", may(c, "sjkf.publish", target) && d.state == store::DatasetState::Published);
  return c.page(d.draft.title, "sjkf/console_dataset", v);
}

const http::UploadedFile* upload_of(const ConsoleRequest& c) {
  for (const auto& f : c.form.files)
    if (f.field == "file" && !f.data.empty()) return &f;
  throw domain::Invalid({"请选择要上传的数据文件（.csv、.xlsx 或 .json）"});
}

}  // namespace

void register_dataset_console_pages(ConsoleApp& app, http::Router& router) {
  const Access readers = Access::to("sjkf.view");
  const Access editors = Access::to("sjkf.edit");
  app.add_navigation("数据开放", "/console/datasets/", readers, 60);
  app.get(router, "/console/datasets/", readers, [](ConsoleRequest& c) { return index_page(c); });
  app.post(router, "/console/datasets/new", editors, [](ConsoleRequest& c) {
    modules::sjkf::NewDataset in;
    in.draft = draft_of(c);
    in.department_id = parse_positive_integer(field(c, "department_id")).value_or(0);
    if (auto l = parse_positive_integer(c.form.value("list_id"))) in.list_id = *l;
    return c.see_other(url_of(service(c).create(caller_of(c), in)));
  });
  app.get(router, "/console/datasets/{id}/", readers, [](ConsoleRequest& c) { return dataset_page(c); });
  app.post(router, "/console/datasets/{id}/edit", editors, [](ConsoleRequest& c) {
    const auto id = own_id(c);
    service(c).update(caller_of(c), id, draft_of(c), parse_positive_integer(field(c, "department_id")).value_or(0));
    return c.see_other(url_of(id));
  });
  app.post(router, "/console/datasets/{id}/resources", editors, [](ConsoleRequest& c) {
    const auto id = own_id(c);
    const auto* f = upload_of(c);
    modules::sjkf::ResourceUpload u;
    u.file_name = f->file_name;
    u.bytes = f->data;
    u.name = c.form.value("name");
    u.description = c.form.value("description");
    service(c).add_resource(caller_of(c), id, u);
    return c.see_other(url_of(id));
  });
  app.post(router, "/console/datasets/{id}/resources/{rid}/remove", editors, [](ConsoleRequest& c) {
    const auto id = own_id(c);
    auto rid = id_param(c, "rid");
    if (!rid) throw domain::NotFound("这个数据集没有这个文件。");
    service(c).remove_resource(caller_of(c), id, *rid);
    return c.see_other(url_of(id));
  });
  app.post(router, "/console/datasets/{id}/publish", Access::to("sjkf.publish"), [](ConsoleRequest& c) {
    const auto id = own_id(c);
    service(c).publish(caller_of(c), id);
    return c.see_other(url_of(id));
  });
  app.post(router, "/console/datasets/{id}/withdraw", Access::to("sjkf.publish"), [](ConsoleRequest& c) {
    const auto id = own_id(c);
    service(c).withdraw(caller_of(c), id);
    return c.see_other(url_of(id));
  });
}

}  // namespace zwgk::web::console
