// 清单 public pages: see list_pages.hpp.
#include "modules/qd/web/list_pages.hpp"

#include <nlohmann/json.hpp>

#include "domain/cache_tags.hpp"
#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "modules/qd/domain/list_cache_tags.hpp"
#include "modules/qd/service/list_service.hpp"
#include "modules/zmhd/domain/letter_cache_tags.hpp"
#include "web/attachment_download.hpp"
#include "web/formatting.hpp"
#include "search/normalizer.hpp"
#include "web/layout_view.hpp"
#include "web/list_views.hpp"
#include "web/page_error.hpp"
#include "web/query_params.hpp"
#include "web/table_export.hpp"

namespace zwgk::web {

namespace {

constexpr int kPerPage = 50;

std::string base_url(const domain::Site& s) { return s.path_prefix + "/qd/"; }
std::string list_url(const domain::Site& s, std::int64_t id) { return base_url(s) + std::to_string(id) + "/"; }
std::string version_url(const domain::Site& s, std::int64_t id, int n) { return list_url(s, id) + "v" + std::to_string(n) + "/"; }

modules::qd::ListService service(PageContext& ctx) {
  return modules::qd::ListService(ctx.env.db, domain::or_system_clock(ctx.env.options.clock));
}

long long next_midnight(const domain::Date& today) { return domain::china_midnight_after(today).time_since_epoch().count(); }

PageMeta meta_for(const std::string& title, bool inner, const std::string& list_index) {
  PageMeta meta;
  meta.title = title;
  meta.nav = "qd";
  meta.breadcrumb = {{"清单", inner ? list_index : ""}};
  if (inner) meta.breadcrumb.push_back({title, ""});
  // Every page of the column carries its tags; a list page adds its own after them.
  add_column_meta(meta, "清单", "权力清单、责任清单、负面清单、收费目录清单、随机抽查事项清单等", "清单,权力清单,责任清单,收费清单",
                  "信息公开");
  return meta;
}

// ---- P/qd/ ----

http::Response index_page(PageContext& ctx) {
  auto s = service(ctx);
  PageMeta meta = meta_for("清单", false, base_url(ctx.site));
  View v = layout_view(ctx, meta);
  View rows{View::type::list};
  for (const auto& lv : s.published_lists(ctx.site.id)) {
    const auto& l = lv.list;
    const auto& shown = lv.versions[*lv.shown];
    View r{View::type::object};
    r.set("url", list_url(ctx.site, l.id));
    r.set("title", l.title);
    r.set("type", lv.type.name);
    r.set("department", l.department);
    r.set("version", std::to_string(*shown.number));
    r.set("effective", shown.effective_on->iso());
    r.set("items", std::to_string(shown.items.size()));
    rows.push_back(r);
  }
  v.set("rows", rows);
  v.set("has_rows", !rows.is_empty_list());
  auto resp = render_page(ctx, "qd/index", v);
  resp.cache_tags = {domain::tag_site(ctx.site.id), domain::tag_lists(ctx.site.id)};
  resp.cache_expires_at = next_midnight(s.today());
  return resp;
}

// ---- P/qd/{id}/ and P/qd/{id}/v{n}/ ----

std::optional<domain::Date> on_param(PageContext& ctx) {
  auto on = single_param(ctx.req, "on");
  if (!on || on->empty()) return std::nullopt;
  auto d = domain::Date::parse(*on);
  if (!d) throw bad_request("参数 on 应为日期，如 2026-06-30");
  return d;
}

// The version to show: `number` when given (a version's own URL), else the one in force.
const store::ListVersion& chosen(const modules::qd::ListView& lv, std::optional<int> number) {
  if (!number) return lv.versions[*lv.shown];
  for (const auto& v : lv.versions)
    if (v.number == number) return v;
  throw not_found("这份清单没有第" + std::to_string(*number) + "版。");
}

http::Response list_view_page(PageContext& ctx, std::int64_t id, std::optional<int> number) {
  auto s = service(ctx);
  const auto on = on_param(ctx);
  auto lv = s.public_view(ctx.site.id, id, on);
  const auto& version = chosen(lv, number);
  const auto& site = ctx.site;
  if (number && *number != *lv.versions[*lv.shown].number) {  // the changes of this version, not the one in force
    const auto idx = static_cast<std::size_t>(*number - 1);
    lv.changes = domain::compare_versions(lv.type, idx == 0 ? std::vector<domain::ListItem>{} : lv.versions[idx - 1].items,
                                          version.items);
  }
  const std::string q = domain::trim_cell(single_param(ctx.req, "q").value_or(""));
  const std::string folded_q = search::normalize_for_search(q);
  const bool all = single_param(ctx.req, "all").value_or("") == "1";
  const int page = page_param(ctx.req);
  PageMeta meta = meta_for(lv.list.title, true, base_url(site));
  meta.canonical = version_url(site, id, *version.number);
  meta.meta.push_back({"ArticleTitle", lv.list.title});
  meta.meta.push_back({"PubDate", domain::format_china_minute_of_unix(version.published_at)});
  meta.meta.push_back({"ContentSource", lv.list.department});
  View v = layout_view(ctx, meta);
  v.set("title", lv.list.title);
  v.set("type", lv.type.name);
  v.set("basis", lv.type.basis);
  v.set("department", lv.list.department);
  v.set("version", std::to_string(*version.number));
  v.set("effective", version.effective_on->iso());
  v.set("published", domain::china_date_of_unix(version.published_at).iso());
  v.set("on", lv.on.iso());
  v.set("in_force", lv.in_force);
  v.set("own_url", !!number);
  v.set("page_url", list_url(site, id));
  // The items: filtered, paged; a 黑名单 shows the current entries unless all=1.
  View heads{View::type::list};
  for (const auto& c : lv.type.columns) heads.push_back(View(c.label));
  v.set("heads", heads);
  v.set("has_results", lv.results_list_id.has_value());
  std::vector<const domain::ListItem*> shown;
  int hidden = 0;
  for (const auto& item : version.items) {
    if (!all && !domain::item_current(lv.type, item, lv.on)) {
      ++hidden;
      continue;
    }
    // Matched as the site search matches: full-width and half-width, 繁体 and 简体 alike.
    bool match = q.empty();
    for (const auto& cell : item) match = match || search::normalize_for_search(cell).find(folded_q) != std::string::npos;
    if (match) shown.push_back(&item);
  }
  View rows{View::type::list};
  const std::size_t from = static_cast<std::size_t>(page - 1) * kPerPage;
  for (std::size_t i = from; i < shown.size() && i < from + kPerPage; ++i) {
    View cells{View::type::list};
    for (std::size_t c = 0; c < lv.type.columns.size(); ++c) {
      View cell{View::type::object};
      cell.set("label", lv.type.columns[c].label);
      cell.set("text", c < shown[i]->size() ? (*shown[i])[c] : std::string());
      cells.push_back(cell);
    }
    View r{View::type::object};
    r.set("cells", cells);
    // 随机抽查事项清单: the item's 抽查结果, found by its 事项编码 in the results list.
    if (lv.results_list_id && !shown[i]->empty())
      r.set("results_url", with_query(list_url(site, *lv.results_list_id), {{"q", (*shown[i])[0]}}));
    else
      r.set("results_url", false);
    rows.push_back(r);
  }
  v.set("rows", rows);
  v.set("has_rows", !rows.is_empty_list());
  v.set("count", std::to_string(shown.size()));
  v.set("total", std::to_string(version.items.size()));
  v.set("q", q);
  v.set("searched", q.empty() ? View(false) : View(q));
  v.set("hidden", hidden > 0 ? View(std::to_string(hidden)) : View(false));
  v.set("all_url", with_query(number ? version_url(site, id, *number) : list_url(site, id), {{"all", "1"}}));
  QueryPairs filters;
  if (!q.empty()) filters.push_back({"q", q});
  if (on) filters.push_back({"on", on->iso()});
  if (all) filters.push_back({"all", "1"});
  v.set("pagination", pagination_view(static_cast<std::int64_t>(shown.size()), page, kPerPage,
                                      number ? version_url(site, id, *number) : list_url(site, id), filters));
  // What changed, cell by cell.
  v.set("summary", version.change_summary);
  View added{View::type::list}, removed{View::type::list}, changed{View::type::list};
  for (const auto& i : lv.changes.added) added.push_back(View(domain::item_key_text(lv.type, i)));
  for (const auto& i : lv.changes.removed) removed.push_back(View(domain::item_key_text(lv.type, i)));
  for (const auto& c : lv.changes.changed) {
    View x{View::type::object};
    x.set("key", c.key);
    View cells{View::type::list};
    for (const auto& cell : c.cells) {
      View y{View::type::object};
      y.set("column", cell.column);
      y.set("before", cell.before);
      y.set("after", cell.after);
      cells.push_back(y);
    }
    x.set("cells", cells);
    changed.push_back(x);
  }
  v.set("has_added", !added.is_empty_list());
  v.set("has_removed", !removed.is_empty_list());
  v.set("has_changed", !changed.is_empty_list());
  v.set("added", added);
  v.set("removed", removed);
  v.set("changed", changed);
  v.set("has_changes", *version.number > 1 && !lv.changes.empty());
  View versions{View::type::list};
  for (auto it = lv.versions.rbegin(); it != lv.versions.rend(); ++it) {
    View x{View::type::object};
    x.set("number", std::to_string(*it->number));
    x.set("url", version_url(site, id, *it->number));
    x.set("effective", it->effective_on->iso());
    x.set("summary", it->change_summary);
    x.set("current", it->number == version.number);
    versions.push_back(x);
  }
  v.set("versions", versions);
  const std::string file = list_url(site, id) + "v" + std::to_string(*version.number);
  v.set("csv_url", file + ".csv");
  v.set("xlsx_url", file + ".xlsx");
  v.set("json_url", file + ".json");
  if (auto box = s.feedback_mailbox(site.id, lv.list.department_id))
    v.set("feedback_url", with_query(site.path_prefix + "/zmhd/write/" + box->code + "/",
                                     {{"title", "关于《" + lv.list.title + "》的意见"}, {"category", "suggestion"}}));
  else
    v.set("feedback_url", false);
  auto resp = render_page(ctx, "qd/list", v);
  resp.cache_tags = {domain::tag_site(site.id), domain::tag_list(id), domain::tag_mailboxes(site.id)};
  // A 随机抽查事项清单 links to the results list, which may be published (or first appear) later.
  if (lv.type.code == "random_inspection") resp.cache_tags.push_back(domain::tag_lists(site.id));
  resp.cache_expires_at = next_midnight(s.today());
  return resp;
}

// ---- downloads ----

http::Response download(PageContext& ctx, std::int64_t id, int number, const std::string& format) {
  auto lv = service(ctx).public_view(ctx.site.id, id);
  const auto& version = chosen(lv, number);
  const std::string name = lv.list.title + "（第" + std::to_string(number) + "版）";
  http::Response r;
  if (format == "json") {
    nlohmann::json cols = nlohmann::json::array(), items = nlohmann::json::array();
    for (const auto& c : lv.type.columns) cols.push_back({{"label", c.label}, {"type", domain::to_code(c.type)}, {"key", c.key}});
    for (const auto& i : version.items) {
      nlohmann::json o = nlohmann::json::object();
      for (std::size_t c = 0; c < lv.type.columns.size() && c < i.size(); ++c) o[lv.type.columns[c].label] = i[c];
      items.push_back(o);
    }
    r.body = nlohmann::json{{"title", lv.list.title}, {"type", {{"code", lv.type.code}, {"name", lv.type.name}}},
                            {"department", lv.list.department}, {"version", number},
                            {"effective_on", version.effective_on->iso()}, {"columns", cols}, {"items", items}}
                 .dump();
    r.content_type = "application/json; charset=utf-8";
  } else {
    Table t;
    for (const auto& c : lv.type.columns) t.header.push_back(c.label);
    for (const auto& i : version.items) {
      std::vector<TableCell> row;
      for (const auto& cell : i) row.emplace_back(cell);
      t.rows.push_back(std::move(row));
    }
    if (format == "csv") {
      r.body = to_csv(t);
      r.content_type = std::string(kCsvContentType);
    } else {
      r.body = to_xlsx(t, lv.type.name);
      r.content_type = std::string(kXlsxContentType);
    }
  }
  r.set_header("Content-Disposition", content_disposition("attachment", name + "." + format));
  r.cache_tags = {domain::tag_site(ctx.site.id), domain::tag_list(id)};
  return r;
}

std::int64_t id_of(std::string_view text) {
  auto id = parse_positive_integer(std::string(text));
  if (!id) throw not_found("本网站没有这份清单。");
  return *id;
}

// "v2" -> 2; "v2.csv" -> 2 and "csv".
std::optional<std::pair<int, std::string>> version_of(std::string_view seg) {
  if (seg.size() < 2 || seg[0] != 'v') return std::nullopt;
  std::string rest(seg.substr(1)), format;
  if (auto dot = rest.find('.'); dot != std::string::npos) {
    format = rest.substr(dot + 1);
    rest.resize(dot);
    if (format != "csv" && format != "xlsx" && format != "json") return std::nullopt;
  }
  auto n = parse_positive_integer(rest);
  if (!n || *n > 100000) return std::nullopt;
  return std::make_pair(static_cast<int>(*n), format);
}

}  // namespace

std::optional<SearchSourceResult> list_search(PageContext& ctx, const std::string& query) {
  const auto text = domain::trim_cell(query);
  if (text.empty() || text.size() > 200) return std::nullopt;
  const auto found = service(ctx).search(ctx.site.id, text, 3);
  if (found.total == 0) return std::nullopt;
  SearchSourceResult out;
  out.label = "清单事项";
  out.total = found.total;
  out.more_url = found.lists.size() == 1 ? list_url(ctx.site, found.lists.front()) + "?q=" + url_encode_component(text)
                                         : base_url(ctx.site);
  out.cache_tags = {domain::tag_lists(ctx.site.id)};
  for (auto id : found.lists) out.cache_tags.push_back(domain::tag_list(id));
  for (const auto& h : found.hits)
    out.hits.push_back({h.key + "（" + h.list.title + "）", list_url(ctx.site, h.list.id) + "?q=" + url_encode_component(text),
                        utf8_truncate(h.cells, 80), ""});
  return out;
}

std::optional<http::Response> list_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  if (ctx.req.method == http::Method::Post) return std::nullopt;
  if (seg.size() == 1) return http::Response::redirect(base_url(ctx.site), 301);
  if (seg.size() == 2 && seg[1].empty()) return index_page(ctx);
  if (seg.size() == 2) return http::Response::redirect(base_url(ctx.site) + std::string(seg[1]) + "/", 301);
  const auto id = id_of(seg[1]);
  if (seg.size() == 3 && seg[2].empty()) return list_view_page(ctx, id, std::nullopt);
  if (seg.size() == 3) {
    auto v = version_of(seg[2]);
    if (!v) return std::nullopt;
    if (v->second.empty()) return http::Response::redirect(version_url(ctx.site, id, v->first), 301);
    return download(ctx, id, v->first, v->second);
  }
  if (seg.size() == 4 && seg[3].empty()) {
    auto v = version_of(seg[2]);
    if (!v || !v->second.empty()) return std::nullopt;
    return list_view_page(ctx, id, v->first);
  }
  return std::nullopt;
}

}  // namespace zwgk::web
