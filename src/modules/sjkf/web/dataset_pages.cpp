// 数据开放 public pages: see dataset_pages.hpp. Handlers parse, call one OpenDataService
// read, render.
#include "modules/sjkf/web/dataset_pages.hpp"

#include <algorithm>
#include <map>

#include "domain/cache_tags.hpp"
#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/utf8.hpp"
#include "modules/sjkf/domain/open_data_cache_tags.hpp"
#include "modules/sjkf/service/open_data_service.hpp"
#include "web/attachment_download.hpp"
#include "web/formatting.hpp"
#include "web/layout_view.hpp"
#include "web/list_views.hpp"
#include "web/page_error.hpp"
#include "web/query_params.hpp"

namespace zwgk::web {

namespace {

constexpr int kPerPage = 20;

using modules::sjkf::DatasetView;
using modules::sjkf::OpenDataService;

std::string base_url(const domain::Site& s) { return s.path_prefix + "/sjkf/"; }
std::string dataset_url(const domain::Site& s, const std::string& name) { return base_url(s) + name + "/"; }

OpenDataService service(PageContext& ctx) { return OpenDataService(ctx.env.db, domain::or_system_clock(ctx.env.options.clock)); }

std::string size_text(std::int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  const auto tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

PageMeta meta_for(const std::string& title, bool inner, const domain::Site& site) {
  PageMeta meta;
  meta.title = title;
  meta.nav = "sjkf";
  meta.breadcrumb = {{"数据开放", inner ? base_url(site) : ""}};
  if (inner) meta.breadcrumb.push_back({title, ""});
  // Every page of the column carries its tags; a dataset page adds its own after them.
  add_column_meta(meta, "数据开放", "本网站开放的政府数据集：可检索、预览、下载，并提供与 CKAN 兼容的接口", "数据开放,开放数据,数据集",
                  "数据开放");
  return meta;
}

// ---- P/sjkf/ ----

struct Filter {
  const char* param;   // the page's query parameter
  const char* field;   // the search field (CKAN's fq name)
  const char* label;
};
constexpr Filter kFilters[] = {{"field", "groups", "数据领域"},
                               {"dept", "organization", "数据提供部门"},
                               {"format", "res_format", "文件格式"},
                               {"condition", "open_condition", "开放属性"}};

http::Response index_page(PageContext& ctx) {
  auto s = service(ctx);
  const auto views = s.catalogue(ctx.site.id);
  const auto records = OpenDataService::records(views);
  domain::DatasetQuery q;
  q.q = domain::trim_cell(single_param(ctx.req, "q").value_or(""));
  if (domain::count_characters(q.q) > 100) throw bad_request("检索词不能超过100字");
  QueryPairs current;
  if (!q.q.empty()) current.push_back({"q", q.q});
  for (const auto& f : kFilters)
    if (auto v = single_param(ctx.req, f.param); v && !v->empty()) {
      q.filters.push_back({f.field, *v});
      current.push_back({f.param, *v});
    }
  const int page = page_param(ctx.req);
  q.rows = kPerPage;
  q.start = (page - 1) * kPerPage;
  q.sort = q.q.empty() ? "metadata_modified desc" : "score desc";
  for (const auto& f : kFilters) q.facet_fields.push_back(f.field);
  q.facet_limit = 30;
  const auto m = domain::search_datasets(records, q);

  PageMeta meta = meta_for("数据开放", false, ctx.site);
  View v = layout_view(ctx, meta);
  v.set("q", q.q);
  View facets{View::type::list};
  for (const auto& f : kFilters) {
    View items{View::type::list};
    const auto it = m.facets.find(f.field);
    std::string chosen;
    for (const auto& [k, val] : current)
      if (k == f.param) chosen = val;
    if (it != m.facets.end())
      for (const auto& item : it->second) {
        QueryPairs next;
        for (const auto& pair : current)
          if (pair.first != f.param) next.push_back(pair);
        const bool on = chosen == item.name;
        if (!on) next.push_back({f.param, item.name});
        View x{View::type::object};
        std::string label = item.display_name;
        if (std::string(f.field) == "open_condition")
          label = domain::to_label(domain::open_condition_from(item.name).value_or(domain::OpenCondition::Unconditional));
        x.set("label", label);
        x.set("count", std::to_string(item.count));
        x.set("url", with_query(base_url(ctx.site), next));
        x.set("on", on);
        items.push_back(x);
      }
    if (items.is_empty_list()) continue;
    View facet{View::type::object};
    facet.set("label", f.label);
    facet.set("items", items);
    facets.push_back(facet);
  }
  v.set("facets", facets);
  v.set("has_facets", !facets.is_empty_list());
  View rows{View::type::list};
  for (auto i : m.results) {
    const auto& d = views[i].dataset;
    View r{View::type::object};
    r.set("url", dataset_url(ctx.site, d.draft.name));
    r.set("title", d.draft.title);
    r.set("notes", utf8_truncate(d.draft.notes, 90));
    r.set("department", d.department);
    const auto* f = domain::data_field(d.draft.field);
    r.set("field", f ? f->label : d.draft.field);
    r.set("condition", domain::to_label(d.draft.condition));
    r.set("conditional", d.draft.condition == domain::OpenCondition::Conditional);
    r.set("modified", domain::china_date_of_unix(d.modified_at).iso());
    View formats{View::type::list};
    std::vector<std::string> seen;
    for (const auto& res : views[i].resources) {
      const auto code = domain::to_code(res.format);
      if (std::find(seen.begin(), seen.end(), code) != seen.end()) continue;
      seen.push_back(code);
      formats.push_back(View(code));
    }
    r.set("formats", formats);
    rows.push_back(r);
  }
  v.set("rows", rows);
  v.set("has_rows", !rows.is_empty_list());
  v.set("count", std::to_string(m.count));
  v.set("total", std::to_string(views.size()));
  v.set("filtered", !current.empty());
  v.set("reset_url", base_url(ctx.site));
  v.set("pagination", pagination_view(m.count, page, kPerPage, base_url(ctx.site), current));
  auto resp = render_page(ctx, "sjkf/index", v);
  resp.cache_tags = {domain::tag_site(ctx.site.id), domain::tag_datasets(ctx.site.id)};
  return resp;
}

// ---- P/sjkf/{name}/ ----

http::Response dataset_view_page(PageContext& ctx, const std::string& name) {
  auto s = service(ctx);
  DatasetView dv;
  try {
    dv = s.public_view(ctx.site.id, name);
  } catch (const domain::NotFound& e) {
    throw not_found(e.what());
  }
  const auto& d = dv.dataset;
  const auto& site = ctx.site;
  PageMeta meta = meta_for(d.draft.title, true, site);
  meta.canonical = dataset_url(site, d.draft.name);
  meta.meta.push_back({"ArticleTitle", d.draft.title});
  meta.meta.push_back({"PubDate", domain::format_china_minute_of_unix(d.published_at)});
  meta.meta.push_back({"ContentSource", d.department});
  meta.meta.push_back({"Keywords", domain::join_keywords(d.draft.keywords)});
  View v = layout_view(ctx, meta);
  v.set("title", d.draft.title);
  v.set("notes", d.draft.notes);
  v.set("department", d.department);
  const auto* f = domain::data_field(d.draft.field);
  v.set("field", f ? f->label : d.draft.field);
  v.set("field_url", with_query(base_url(site), {{"field", d.draft.field}}));
  View keywords{View::type::list};
  for (const auto& k : d.draft.keywords) keywords.push_back(View(k));
  v.set("keywords", keywords);
  v.set("has_keywords", !keywords.is_empty_list());
  v.set("frequency", d.draft.frequency);
  v.set("condition", domain::to_label(d.draft.condition));
  v.set("conditional", d.draft.condition == domain::OpenCondition::Conditional);
  v.set("conditions", d.draft.conditions);
  const auto* licence = domain::data_licence(d.draft.licence);
  v.set("licence", licence ? licence->title : d.draft.licence);
  v.set("licence_url", licence && !licence->url.empty() ? View(licence->url) : View(false));
  v.set("published", domain::china_date_of_unix(d.published_at).iso());
  v.set("modified", domain::china_date_of_unix(d.modified_at).iso());
  v.set("list_url", dv.list_url_path.empty() ? View(false) : View(site.path_prefix + dv.list_url_path));
  v.set("list_version", dv.list_version > 0 ? View(std::to_string(dv.list_version)) : View(false));
  v.set("api_url", "/api/3/action/package_show?id=" + d.draft.name);
  View files{View::type::list};
  for (const auto& r : dv.resources) {
    View x{View::type::object};
    x.set("name", r.name);
    x.set("description", r.description.empty() ? View(false) : View(r.description));
    x.set("format", domain::to_code(r.format));
    x.set("size", r.from_list ? View(false) : View(size_text(r.size)));
    x.set("rows", std::to_string(r.table.row_count));
    x.set("downloads", std::to_string(r.downloads));
    x.set("url", dataset_url(site, d.draft.name) + "resources/" + r.uuid + "/download");
    x.set("api_url", "/api/3/action/resource_show?id=" + r.uuid);
    x.set("updated", domain::china_date_of_unix(r.modified_at).iso());
    View columns{View::type::list}, heads{View::type::list};
    for (const auto& c : r.table.columns) {
      View col{View::type::object};
      col.set("name", c.name);
      col.set("type", c.type);
      columns.push_back(col);
      heads.push_back(View(c.name));
    }
    x.set("columns", columns);
    x.set("heads", heads);
    View preview{View::type::list};
    for (const auto& row : r.table.preview) {
      View cells{View::type::list};
      for (std::size_t c = 0; c < r.table.columns.size(); ++c) {
        View cell{View::type::object};
        cell.set("label", r.table.columns[c].name);
        cell.set("text", c < row.size() ? row[c] : std::string());
        cells.push_back(cell);
      }
      View pr{View::type::object};
      pr.set("cells", cells);
      preview.push_back(pr);
    }
    x.set("preview", preview);
    x.set("has_preview", !preview.is_empty_list());
    x.set("preview_count", std::to_string(r.table.preview.size()));
    files.push_back(x);
  }
  v.set("files", files);
  v.set("has_files", !files.is_empty_list());
  auto resp = render_page(ctx, "sjkf/dataset", v);
  // Download counts change with every download: the page is not kept in the page cache.
  return resp;
}

http::Response download(PageContext& ctx, const std::string& name, const std::string& uuid) {
  modules::sjkf::Download dl;
  try {
    dl = service(ctx).download(ctx.site.id, name, uuid, /*count=*/ctx.req.method != http::Method::Head);
  } catch (const domain::NotFound& e) {
    throw not_found(e.what());
  }
  if (!dl.list_path.empty()) return http::Response::redirect(ctx.site.path_prefix + dl.list_path, 303);
  http::Response r;
  r.body = std::move(dl.bytes);
  r.content_type = dl.media_type == "text/csv" || dl.media_type == "application/json" ? dl.media_type + "; charset=utf-8"
                                                                                        : dl.media_type;
  r.set_header("Content-Disposition", content_disposition("attachment", dl.file_name));
  r.set_header("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace

std::optional<http::Response> dataset_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  if (ctx.req.method == http::Method::Post) return std::nullopt;
  if (seg.size() == 1) return http::Response::redirect(base_url(ctx.site), 301);
  if (seg.size() == 2 && seg[1].empty()) return index_page(ctx);
  const std::string name(seg[1]);
  if (!domain::is_dataset_name(name)) return std::nullopt;
  if (seg.size() == 2) return http::Response::redirect(dataset_url(ctx.site, name), 301);
  if (seg.size() == 3 && seg[2].empty()) return dataset_view_page(ctx, name);
  if (seg.size() == 5 && seg[2] == "resources" && seg[4] == "download") return download(ctx, name, std::string(seg[3]));
  return std::nullopt;
}

}  // namespace zwgk::web
