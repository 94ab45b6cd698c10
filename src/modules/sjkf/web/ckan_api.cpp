// CKAN Action API and DCAT: see ckan_api.hpp. Each action parses its parameters, calls one
// OpenDataService read, and renders CKAN's dictionaries (ckan/logic/schema.py's
// default_show_package_schema and the dictization in ckan/lib/dictization/model_dictize.py).
#include "modules/sjkf/web/ckan_api.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <set>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "modules/sjkf/domain/dataset_search.hpp"
#include "modules/sjkf/service/open_data_service.hpp"
#include "store/site_repository.hpp"

namespace zwgk::web {

namespace {

using Json = nlohmann::ordered_json;
using modules::sjkf::DatasetView;
using modules::sjkf::OpenDataService;

// The version whose Action API this answers like (status_show); CKAN clients check it.
constexpr const char* kCkanApiVersion = "2.10.4";

struct CkanError {
  int status;
  Json error;
};

CkanError not_found(const std::string& message) { return {404, {{"__type", "Not Found Error"}, {"message", message}}}; }
CkanError validation(const std::string& field, const std::string& message) {
  return {409, {{"__type", "Validation Error"}, {field, Json::array({message})}}};
}

// The parameters of one call: the query, or a JSON object body of a POST.
class Params {
 public:
  explicit Params(const http::Request& req) {
    for (const auto& [k, v] : req.query)
      if (!values_.count(k)) values_[k] = v;
    if (req.method == http::Method::Post && !req.body.empty()) {
      Json body;
      try {
        body = Json::parse(req.body);
      } catch (const Json::exception&) {
        throw CkanError{400, {{"__type", "Bad request"}, {"message", "请求体应为 JSON 对象"}}};
      }
      if (!body.is_object()) throw CkanError{400, {{"__type", "Bad request"}, {"message", "请求体应为 JSON 对象"}}};
      for (const auto& [k, v] : body.items()) values_[k] = v.is_string() ? v.get<std::string>() : v.dump();
    }
  }
  std::optional<std::string> get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
  }
  std::string required(const std::string& name) const {
    auto v = get(name);
    if (!v || v->empty()) throw validation(name, "缺少参数");
    return *v;
  }
  bool flag(const std::string& name) const {
    auto v = get(name);
    return v && (*v == "true" || *v == "True" || *v == "1");
  }

 private:
  std::map<std::string, std::string> values_;
};

// CKAN's timestamps: naive UTC with microseconds, "2026-03-01T08:00:00.000000".
Json ckan_time(std::int64_t unix_seconds) {
  if (unix_seconds <= 0) return nullptr;
  auto iso = domain::to_utc_iso_of_unix(unix_seconds);  // 2026-03-01T08:00:00Z
  if (!iso.empty() && iso.back() == 'Z') iso.pop_back();
  return iso + ".000000";
}

struct Context {
  store::Database& db;
  const WebOptions& options;
  std::map<std::int64_t, domain::Site> sites;

  Context(store::Database& d, const WebOptions& o) : db(d), options(o) {
    for (const auto& s : store::SiteRepository(db).all()) sites[s.id] = s;
  }
  OpenDataService service() const { return OpenDataService(db, domain::or_system_clock(options.clock)); }
  std::string site_prefix(std::int64_t site_id) const {
    auto it = sites.find(site_id);
    return it == sites.end() ? std::string() : it->second.path_prefix;
  }
  std::string dataset_url(const DatasetView& v) const {
    return options.base_url + site_prefix(v.dataset.site_id) + "/sjkf/" + v.dataset.draft.name + "/";
  }
  std::string help(const std::string& action) const {
    return options.base_url + "/api/3/action/help_show?name=" + action;
  }
};

std::string org_name(std::int64_t department_id) { return "dept-" + std::to_string(department_id); }

Json organization_json(const Context& ctx, std::int64_t department_id, const std::string& title, std::int64_t site_id,
                       std::int64_t created) {
  auto it = ctx.sites.find(site_id);
  return {{"id", org_name(department_id)},
          {"name", org_name(department_id)},
          {"title", title},
          {"type", "organization"},
          {"description", it == ctx.sites.end() ? std::string() : it->second.name},
          {"image_url", ""},
          {"created", ckan_time(created)},
          {"is_organization", true},
          {"approval_status", "approved"},
          {"state", "active"}};
}

Json group_json(const domain::DataField& f) {
  return {{"description", ""}, {"display_name", f.label}, {"id", f.code}, {"image_display_url", ""},
          {"name", f.code}, {"title", f.label}};
}

Json resource_json(const Context& ctx, const DatasetView& v, const store::StoredResource& r, std::size_t position) {
  Json columns = Json::array();
  for (const auto& c : r.table.columns) columns.push_back({{"name", c.name}, {"type", c.type}});
  return {{"cache_last_updated", nullptr},
          {"cache_url", nullptr},
          {"created", ckan_time(r.created_at)},
          {"datastore_active", false},
          {"description", r.description},
          {"format", domain::to_code(r.format)},
          {"hash", r.blob_sha256.empty() ? std::string() : "sha256:" + r.blob_sha256},
          {"id", r.uuid},
          {"last_modified", ckan_time(r.modified_at)},
          {"metadata_modified", ckan_time(r.modified_at)},
          {"mimetype", domain::media_type_of(r.format)},
          {"mimetype_inner", nullptr},
          {"name", r.name},
          {"package_id", v.dataset.uuid},
          {"position", position},
          {"resource_type", nullptr},
          {"size", r.from_list ? Json(nullptr) : Json(r.size)},
          {"state", "active"},
          {"url", ctx.dataset_url(v) + "resources/" + r.uuid + "/download"},
          {"url_type", r.from_list ? "" : "upload"},
          // zwgk's own fields (CKAN keeps a resource's extra fields the same way)
          {"row_count", r.table.row_count},
          {"columns", std::move(columns)},
          {"download_count", r.downloads}};
}

Json package_json(const Context& ctx, const DatasetView& v) {
  const auto& d = v.dataset;
  const auto* licence = domain::data_licence(d.draft.licence);
  const auto* field = domain::data_field(d.draft.field);
  Json resources = Json::array();
  for (std::size_t i = 0; i < v.resources.size(); ++i) resources.push_back(resource_json(ctx, v, v.resources[i], i));
  Json tags = Json::array();
  for (const auto& k : d.draft.keywords)
    tags.push_back({{"display_name", k}, {"id", k}, {"name", k}, {"state", "active"}, {"vocabulary_id", nullptr}});
  Json extras = Json::array({Json{{"key", "update_frequency"}, {"value", d.draft.frequency}},
                             Json{{"key", "open_condition"}, {"value", domain::to_label(d.draft.condition)}}});
  if (d.draft.condition == domain::OpenCondition::Conditional)
    extras.push_back({{"key", "open_conditions"}, {"value", d.draft.conditions}});
  Json out = {{"author", nullptr},
              {"author_email", nullptr},
              {"creator_user_id", nullptr},
              {"id", d.uuid},
              {"isopen", licence && licence->open},
              {"license_id", d.draft.licence},
              {"license_title", licence ? licence->title : d.draft.licence},
              {"license_url", licence && !licence->url.empty() ? Json(licence->url) : Json(nullptr)},
              {"maintainer", d.department},
              {"maintainer_email", nullptr},
              {"metadata_created", ckan_time(d.created_at)},
              {"metadata_modified", ckan_time(std::max(d.modified_at, v.resources.empty() ? 0 : v.resources.front().modified_at))},
              {"name", d.draft.name},
              {"notes", d.draft.notes},
              {"num_resources", v.resources.size()},
              {"num_tags", d.draft.keywords.size()},
              {"organization", organization_json(ctx, d.department_id, d.department, d.site_id, d.created_at)},
              {"owner_org", org_name(d.department_id)},
              {"private", false},
              {"state", "active"},
              {"title", d.draft.title},
              {"type", "dataset"},
              {"url", ctx.dataset_url(v)},
              {"version", nullptr},
              {"extras", std::move(extras)},
              {"groups", field ? Json::array({group_json(*field)}) : Json::array()},
              {"resources", std::move(resources)},
              {"tags", std::move(tags)},
              {"relationships_as_object", Json::array()},
              {"relationships_as_subject", Json::array()}};
  return out;
}

// ---- the actions ----

Json package_list(const Context& ctx, const Params& p) {
  auto all = ctx.service().catalogue(std::nullopt);
  int limit = static_cast<int>(all.size()), offset = 0;
  if (auto l = p.get("limit")) {
    try {
      limit = std::stoi(*l);
    } catch (...) {
      throw validation("limit", "应为非负整数");
    }
    if (limit < 0) throw validation("limit", "应为非负整数");
  }
  if (auto o = p.get("offset")) {
    try {
      offset = std::stoi(*o);
    } catch (...) {
      throw validation("offset", "应为非负整数");
    }
    if (offset < 0) throw validation("offset", "应为非负整数");
  }
  Json out = Json::array();
  for (std::size_t i = static_cast<std::size_t>(offset); i < all.size() && out.size() < static_cast<std::size_t>(limit); ++i)
    out.push_back(all[i].dataset.draft.name);
  return out;
}

Json package_show(const Context& ctx, const Params& p) {
  const auto id = p.required("id");
  try {
    return package_json(ctx, ctx.service().public_view(std::nullopt, id));
  } catch (const domain::NotFound&) {
    throw not_found("没有这个数据集");
  }
}

Json package_search(const Context& ctx, const Params& p) {
  domain::DatasetQueryText text;
  text.q = p.get("q");
  text.fq = p.get("fq");
  text.sort = p.get("sort");
  text.rows = p.get("rows");
  text.start = p.get("start");
  text.facet_field = p.get("facet.field");
  text.facet_limit = p.get("facet.limit");
  text.facet_mincount = p.get("facet.mincount");
  auto parsed = domain::parse_dataset_query(text);
  if (!parsed.problems.empty()) {
    Json error = {{"__type", "Validation Error"}};
    for (const auto& [field, message] : parsed.problems) error[field] = Json::array({message});
    throw CkanError{409, error};
  }
  if (p.get("facet") && (*p.get("facet") == "false" || *p.get("facet") == "False")) parsed.query.facet_fields.clear();
  const auto views = ctx.service().catalogue(std::nullopt);
  const auto records = OpenDataService::records(views);
  const auto m = domain::search_datasets(records, parsed.query);
  Json results = Json::array();
  for (auto i : m.results) results.push_back(package_json(ctx, views[i]));
  Json facets = Json::object(), search_facets = Json::object();
  for (const auto& [field, items] : m.facets) {
    Json counts = Json::object(), list = Json::array();
    for (const auto& it : items) {
      counts[it.name] = it.count;
      list.push_back({{"count", it.count}, {"display_name", it.display_name}, {"name", it.name}});
    }
    facets[field] = std::move(counts);
    search_facets[field] = {{"items", std::move(list)}, {"title", field}};
  }
  return {{"count", m.count}, {"facets", std::move(facets)}, {"results", std::move(results)},
          {"sort", parsed.query.sort}, {"search_facets", std::move(search_facets)}};
}

Json resource_show(const Context& ctx, const Params& p) {
  const auto id = p.required("id");
  try {
    const auto [view, resource] = ctx.service().public_resource(id);
    std::size_t position = 0;
    for (std::size_t i = 0; i < view.resources.size(); ++i)
      if (view.resources[i].id == resource.id) position = i;
    return resource_json(ctx, view, resource, position);
  } catch (const domain::NotFound&) {
    throw not_found("没有这个数据资源");
  }
}

struct OrgCount {
  std::int64_t site_id = 0, created = 0;
  std::string title;
  std::int64_t count = 0;
};

std::map<std::int64_t, OrgCount> organizations(const std::vector<DatasetView>& views) {
  std::map<std::int64_t, OrgCount> out;
  for (const auto& v : views) {
    auto& o = out[v.dataset.department_id];
    o.site_id = v.dataset.site_id;
    o.title = v.dataset.department;
    o.created = o.created == 0 ? v.dataset.created_at : std::min(o.created, v.dataset.created_at);
    ++o.count;
  }
  return out;
}

Json organization_list(const Context& ctx, const Params& p) {
  const auto orgs = organizations(ctx.service().catalogue(std::nullopt));
  const bool all_fields = p.flag("all_fields");
  Json out = Json::array();
  for (const auto& [id, o] : orgs) {
    if (!all_fields) {
      out.push_back(org_name(id));
      continue;
    }
    Json j = organization_json(ctx, id, o.title, o.site_id, o.created);
    j["display_name"] = o.title;
    j["image_display_url"] = "";
    j["num_followers"] = 0;
    j["package_count"] = o.count;
    out.push_back(std::move(j));
  }
  return out;
}

Json organization_show(const Context& ctx, const Params& p) {
  const auto id = p.required("id");
  const auto views = ctx.service().catalogue(std::nullopt);
  const auto orgs = organizations(views);
  for (const auto& [dep, o] : orgs)
    if (org_name(dep) == id) {
      Json j = organization_json(ctx, dep, o.title, o.site_id, o.created);
      j["display_name"] = o.title;
      j["package_count"] = o.count;
      if (p.flag("include_datasets")) {
        Json packages = Json::array();
        for (const auto& v : views)
          if (v.dataset.department_id == dep) packages.push_back(package_json(ctx, v));
        j["packages"] = std::move(packages);
      }
      return j;
    }
  throw not_found("没有这个组织（部门）");
}

Json group_list(const Context& ctx, const Params& p) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& v : ctx.service().catalogue(std::nullopt)) ++counts[v.dataset.draft.field];
  const bool all_fields = p.flag("all_fields");
  Json out = Json::array();
  for (const auto& f : domain::data_fields()) {
    if (!counts.count(f.code)) continue;
    if (!all_fields) {
      out.push_back(f.code);
      continue;
    }
    Json j = group_json(f);
    j["type"] = "group";
    j["is_organization"] = false;
    j["state"] = "active";
    j["approval_status"] = "approved";
    j["package_count"] = counts[f.code];
    out.push_back(std::move(j));
  }
  return out;
}

Json group_show(const Context& ctx, const Params& p) {
  const auto id = p.required("id");
  const auto* f = domain::data_field(id);
  if (!f) throw not_found("没有这个数据领域");
  std::int64_t count = 0;
  for (const auto& v : ctx.service().catalogue(std::nullopt)) count += v.dataset.draft.field == f->code;
  Json j = group_json(*f);
  j["type"] = "group";
  j["is_organization"] = false;
  j["state"] = "active";
  j["package_count"] = count;
  return j;
}

Json tag_list(const Context& ctx, const Params&) {
  std::set<std::string> tags;
  for (const auto& v : ctx.service().catalogue(std::nullopt))
    for (const auto& k : v.dataset.draft.keywords) tags.insert(k);
  Json out = Json::array();
  for (const auto& t : tags) out.push_back(t);
  return out;
}

Json status_show(const Context& ctx, const Params&) {
  return {{"site_title", "政务公开数据开放"},
          {"site_description", "zwgk 政府数据开放目录（CKAN Action API 兼容）"},
          {"site_url", ctx.options.base_url},
          {"ckan_version", kCkanApiVersion},
          {"error_emails_to", nullptr},
          {"locale_default", "zh_Hans_CN"},
          {"extensions", Json::array()}};
}

const std::map<std::string, std::string>& help_texts() {
  static const std::map<std::string, std::string> h = {
      {"package_list", "开放数据集的标识（name）列表。参数：limit、offset。"},
      {"package_show", "一个开放数据集及其文件。参数：id（数据集标识或 id）。"},
      {"package_search", "检索开放数据集。参数：q、fq（organization、groups、tags、res_format、license_id、name、open_condition）、sort、rows、start、facet.field、facet.limit、facet.mincount。"},
      {"resource_show", "一个数据文件。参数：id。"},
      {"organization_list", "有开放数据集的部门。参数：all_fields。"},
      {"organization_show", "一个部门。参数：id、include_datasets。"},
      {"group_list", "有开放数据集的数据领域。参数：all_fields。"},
      {"group_show", "一个数据领域。参数：id。"},
      {"tag_list", "开放数据集的关键字。"},
      {"status_show", "本站的 CKAN API 兼容信息。"},
      {"help_show", "一个接口的说明。参数：name。"},
  };
  return h;
}

Json help_show(const Context&, const Params& p) {
  const auto name = p.required("name");
  auto it = help_texts().find(name);
  if (it == help_texts().end()) throw not_found("没有这个接口：" + name);
  return it->second;
}

using Action = Json (*)(const Context&, const Params&);
const std::map<std::string, Action>& actions() {
  static const std::map<std::string, Action> a = {
      {"package_list", package_list},       {"package_show", package_show},       {"package_search", package_search},
      {"resource_show", resource_show},     {"organization_list", organization_list},
      {"organization_show", organization_show}, {"group_list", group_list},     {"group_show", group_show},
      {"tag_list", tag_list},               {"status_show", status_show},         {"help_show", help_show},
  };
  return a;
}

http::Response envelope(const Json& body, int status) {
  http::Response r;
  r.status = status;
  r.content_type = "application/json;charset=utf-8";
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  r.set_header("Access-Control-Allow-Origin", "*");
  return r;
}

http::Response call(store::Database& db, const WebOptions& options, http::Request& req) {
  const std::string action = req.param("action");
  Context ctx(db, options);
  const auto it = actions().find(action);
  if (it == actions().end())
    return envelope({{"help", ctx.help("help_show")},
                     {"success", false},
                     {"error", {{"__type", "Not Found Error"}, {"message", "没有这个接口：" + action + "（只读接口见 /api/3/action/help_show）"}}}},
                    400);
  try {
    Params params(req);
    return envelope({{"help", ctx.help(action)}, {"success", true}, {"result", it->second(ctx, params)}}, 200);
  } catch (const CkanError& e) {
    return envelope({{"help", ctx.help(action)}, {"success", false}, {"error", e.error}}, e.status);
  } catch (const domain::Forbidden& e) {
    return envelope({{"help", ctx.help(action)}, {"success", false}, {"error", {{"__type", "Authorization Error"}, {"message", e.what()}}}}, 403);
  } catch (const std::exception& e) {
    spdlog::error("ckan api: request_id={} action={} error={}", req.request_id, action, e.what());
    return envelope({{"help", ctx.help(action)}, {"success", false}, {"error", {{"__type", "Internal Error"}, {"message", "服务器内部错误，请稍后重试"}}}}, 500);
  }
}

// ---- DCAT ----

http::Response dcat(store::Database& db, const WebOptions& options) {
  Context ctx(db, options);
  Json datasets = Json::array();
  for (const auto& v : ctx.service().catalogue(std::nullopt)) {
    const auto& d = v.dataset;
    const auto* licence = domain::data_licence(d.draft.licence);
    const auto* field = domain::data_field(d.draft.field);
    const std::string url = ctx.dataset_url(v);
    Json distributions = Json::array();
    for (const auto& r : v.resources) {
      const std::string download = url + "resources/" + r.uuid + "/download";
      Json dist = {{"@id", url + "#" + r.uuid},
                   {"@type", "dcat:Distribution"},
                   {"dct:identifier", r.uuid},
                   {"dct:title", r.name},
                   {"dct:format", domain::to_code(r.format)},
                   {"dcat:mediaType", domain::media_type_of(r.format)},
                   {"dcat:accessURL", {{"@id", url}}},
                   {"dcat:downloadURL", {{"@id", download}}},
                   {"dct:modified", {{"@value", domain::to_utc_iso_of_unix(r.modified_at)}, {"@type", "xsd:dateTime"}}}};
      if (!r.description.empty()) dist["dct:description"] = r.description;
      if (!r.from_list) dist["dcat:byteSize"] = {{"@value", std::to_string(r.size)}, {"@type", "xsd:decimal"}};
      if (licence && !licence->url.empty()) dist["dct:license"] = {{"@id", licence->url}};
      distributions.push_back(std::move(dist));
    }
    Json keywords = Json::array();
    for (const auto& k : d.draft.keywords) keywords.push_back(k);
    Json ds = {{"@id", url},
               {"@type", "dcat:Dataset"},
               {"dct:identifier", d.uuid},
               {"dct:title", d.draft.title},
               {"dct:description", d.draft.notes},
               {"dcat:keyword", std::move(keywords)},
               {"dct:publisher", {{"@type", "foaf:Organization"}, {"foaf:name", d.department}}},
               {"dct:issued", {{"@value", domain::to_utc_iso_of_unix(d.published_at)}, {"@type", "xsd:dateTime"}}},
               {"dct:modified", {{"@value", domain::to_utc_iso_of_unix(d.modified_at)}, {"@type", "xsd:dateTime"}}},
               {"dct:accrualPeriodicity", d.draft.frequency},
               {"dct:accessRights", domain::to_label(d.draft.condition)},
               {"dcat:theme", field ? field->label : d.draft.field},
               {"dcat:landingPage", {{"@id", url}}},
               {"dcat:distribution", std::move(distributions)}};
    if (licence && !licence->url.empty()) ds["dct:license"] = {{"@id", licence->url}};
    datasets.push_back(std::move(ds));
  }
  Json doc = {{"@context",
               {{"dcat", "http://www.w3.org/ns/dcat#"},
                {"dct", "http://purl.org/dc/terms/"},
                {"foaf", "http://xmlns.com/foaf/0.1/"},
                {"xsd", "http://www.w3.org/2001/XMLSchema#"}}},
              {"@id", options.base_url + "/catalog.jsonld"},
              {"@type", "dcat:Catalog"},
              {"dct:title", "政府数据开放目录"},
              {"dct:description", "本平台各网站开放的数据集（DCAT 2，JSON-LD）"},
              {"dct:language", "zh-CN"},
              {"foaf:homepage", {{"@id", options.base_url + "/"}}},
              {"dcat:dataset", std::move(datasets)}};
  http::Response r;
  r.content_type = "application/ld+json; charset=utf-8";
  r.body = doc.dump(-1, ' ', false, Json::error_handler_t::replace);
  r.set_header("Access-Control-Allow-Origin", "*");
  return r;
}

}  // namespace

void register_ckan_api(http::Router& router, store::Database& db, const WebOptions& options) {
  auto handler = [&db, &options](http::Request& req) { return call(db, options, req); };
  router.get("/api/3/action/{action}", handler);
  router.post("/api/3/action/{action}", handler);
  router.get("/catalog.jsonld", [&db, &options](http::Request&) {
    try {
      return dcat(db, options);
    } catch (const std::exception& e) {
      spdlog::error("dcat: {}", e.what());
      http::Response r;
      r.status = 500;
      r.content_type = "application/json; charset=utf-8";
      r.body = R"({"error":{"code":"internal","message":"服务器内部错误，请稍后重试"}})";
      return r;
    }
  });
}

}  // namespace zwgk::web
