// P/content/{id}.html — a published document as the seed page shows it: breadcrumb of its
// 公开目录 path, the metadata table, a banner when it no longer applies, the body,
// attachments, related interpretations both ways, the QR code of its URL, a copy-link
// field, and the print view (?print=1).
// Drafts do not exist for the public (404). Withdrawn documents keep their URL and say
// "该信息已撤回" without the body (DESIGN: stable URLs; withdrawn documents say so).
#include <algorithm>
#include <map>

#include "domain/cache_tags.hpp"
#include "domain/html_sanitizer.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "web/formatting.hpp"
#include "web/layout_view.hpp"
#include "web/page_error.hpp"
#include "modules/publishing/web/public_pages.hpp"
#include "web/pages.hpp"
#include "web/qr_svg.hpp"
#include "web/query_params.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

View cell(const std::string& label, const std::string& value, const std::string& url = {}) {
  View c;
  c.set("label", label);
  c.set("value", value.empty() ? std::string("—") : value);
  c.set("url", url.empty() || value.empty() ? View(false) : View(url));
  return c;
}

// The URL of a document of possibly another site (interpretations may cross sites).
class SiteUrls {
 public:
  SiteUrls(store::Database& db, const domain::Site& own) : db_(db) { sites_.emplace(own.id, own); }
  std::string document(const domain::Document& d) {
    auto it = sites_.find(d.site_id);
    if (it == sites_.end()) {
      auto s = store::SiteRepository(db_).by_id(d.site_id);
      if (!s) return {};
      it = sites_.emplace(d.site_id, *s).first;
    }
    return document_url(it->second, d.id);
  }

 private:
  store::Database& db_;
  std::map<std::int64_t, domain::Site> sites_;
};

View related_view(const domain::Document& d, const std::string& url) {
  View r;
  r.set("title", d.title);
  r.set("url", url);
  r.set("date", iso_date(d.published_on));
  r.set("withdrawn", d.state == domain::DocumentState::Withdrawn);
  return r;
}

// The banner text for a document that no longer (or not yet) applies, "" if valid.
std::string validity_notice(const domain::Document& doc, domain::Validity v) {
  switch (v) {
    case domain::Validity::Valid:
      return {};
    case domain::Validity::Expired:
      return "本文件已失效" + (doc.expires_on ? "（有效期至" + doc.expires_on->chinese() + "）" : std::string()) +
             "，内容仅供查阅参考。";
    case domain::Validity::Repealed:
      return "本文件已废止" + (doc.repealed_on ? "（废止日期：" + doc.repealed_on->chinese() + "）" : std::string()) +
             "，内容仅供查阅参考。";
    case domain::Validity::Amended:
      return "本文件已修订，请以修订后的文件为准。";
    case domain::Validity::NotYetEffective:
      return "本文件尚未生效" + (doc.effective_on ? "，生效日期：" + doc.effective_on->chinese() : std::string()) + "。";
  }
  return {};
}

}  // namespace

namespace {

std::string version_url(const domain::Site& site, std::int64_t id, int version) {
  return site.path_prefix + "/content/" + std::to_string(id) + "/v" + std::to_string(version) + ".html";
}

// Published versions with change notes: major ones are announced, minor ones (a typo fix)
// are recorded but not listed. Shown once a document has more than one version.
View versions_view(const domain::Site& site, const std::vector<store::Revision>& published, int shown) {
  View list{View::type::list};
  const int current = published.empty() ? 0 : published.back().version.value_or(0);
  for (const auto& r : published) {
    const int n = r.version.value_or(0);
    if (!r.major && n != 1 && n != shown) continue;
    View v;
    v.set("number", std::to_string(n));
    v.set("url", version_url(site, r.document_id, n));
    v.set("date", r.published_at.substr(0, std::min<std::size_t>(10, r.published_at.size())));
    v.set("note", r.change_note.empty() ? View(false) : View(r.change_note));
    v.set("current", n == current);
    list.push_back(v);
  }
  return list;
}

http::Response render_document(PageContext& ctx, std::int64_t id, std::optional<int> version,
                               const DocumentPreview* preview = nullptr) {
  const auto& site = ctx.site;
  const bool print = print_param(ctx.req);

  store::DocumentRepository documents(ctx.env.db);
  auto found = preview ? std::optional<domain::Document>(preview->draft) : documents.by_id(id);
  if (preview) found->state = domain::DocumentState::Published;  // the page as it will be
  if (!found || found->site_id != site.id || found->state == domain::DocumentState::Draft) {
    throw not_found("您访问的信息不存在。");
  }
  store::WorkflowRepository workflow(ctx.env.db);
  const auto published = workflow.published_versions(id);
  std::optional<store::Revision> shown;
  if (version) {
    for (const auto& r : published)
      if (r.version == version) shown = r;
    if (!shown) throw not_found("您访问的版本不存在。");
  }
  domain::Document doc = *found;
  if (shown) {  // the version as published; identity and state are the document's
    domain::Document snap = shown->snapshot;
    snap.id = doc.id;
    snap.site_id = doc.site_id;
    snap.state = doc.state;
    snap.index_number = doc.index_number;
    snap.first_published_at = doc.first_published_at;
    snap.created_at = doc.created_at;
    snap.updated_at = doc.updated_at;
    doc = std::move(snap);
  }
  const bool withdrawn = doc.state == domain::DocumentState::Withdrawn;
  const bool interpretation = doc.kind == domain::DocumentKind::Interpretation;
  const std::string url = version ? version_url(site, doc.id, *version) : document_url(site, doc.id);
  const std::string absolute_url = ctx.absolute(url);

  std::vector<std::string> tags = {domain::tag_site(site.id), domain::tag_document(doc.id)};

  // 公开目录 path -> breadcrumb.
  std::vector<const domain::CatalogueNode*> chain;
  if (doc.catalogue_id) chain = ctx.path_to(*doc.catalogue_id);
  const domain::CatalogueNode* node = chain.empty() ? nullptr : chain.back();
  // No catalogue:<id> tags: a rename invalidates site:<id>, which this page carries, and
  // tagging the column would drop every page of it whenever one document of it is saved.

  std::string department_name;
  if (doc.department_id) {
    if (auto dep = store::DepartmentRepository(ctx.env.db).by_id(*doc.department_id)) department_name = dep->name;
  }

  const auto validity = domain::derive_validity(doc, ctx.env.options.today());
  const std::string disclosure = doc.disclosure ? domain::to_label(*doc.disclosure) : std::string();

  View rows{View::type::list};
  auto row = [&](View a, View b) {
    View r;
    View cells{View::type::list};
    cells.push_back(std::move(a));
    cells.push_back(std::move(b));
    r.set("cells", cells);
    rows.push_back(r);
  };
  row(cell("索引号", doc.index_number),
      cell("公开目录", node ? node->name : std::string(), node ? catalogue_url(site, node->code) : std::string()));
  row(cell("公开责任部门", department_name, doc.department_id ? department_url(site, *doc.department_id) : std::string()),
      cell("发文机关", doc.issuer));
  row(cell("成文日期", chinese_date(doc.written_on)), cell("发文日期", chinese_date(doc.published_on)));
  row(cell("文号", doc.doc_number), cell("公开形式", disclosure));
  row(cell("生效日期", chinese_date(doc.effective_on)), cell("有效期", chinese_date(doc.expires_on)));
  row(cell("有效性", domain::to_label(validity)), cell("主题分类", doc.topic));

  // Last-Modified: the newest of the documents this page shows.
  long long modified = parse_iso_timestamp(doc.updated_at).value_or(0);
  auto saw = [&](const domain::Document& d) { modified = std::max(modified, parse_iso_timestamp(d.updated_at).value_or(0)); };

  SiteUrls urls(ctx.env.db, site);
  View interpretations{View::type::list};
  View interprets = false;
  if (!interpretation) {
    for (const auto& i : documents.interpretations_of(doc.id)) {
      tags.push_back(domain::tag_document(i.id));
      saw(i);
      const auto u = urls.document(i);
      if (!u.empty()) interpretations.push_back(related_view(i, u));
    }
  } else if (doc.interprets_id) {
    tags.push_back(domain::tag_document(*doc.interprets_id));
    if (auto policy = documents.by_id(*doc.interprets_id); policy && policy->state != domain::DocumentState::Draft) {
      saw(*policy);
      const auto u = urls.document(*policy);
      if (!u.empty()) interprets = related_view(*policy, u);
    }
  }

  View attachments{View::type::list};
  if (!withdrawn) {
    for (const auto& a : doc.attachments) {
      View av;
      av.set("name", a.file_name);
      av.set("url", (preview ? preview->attachment_prefix : std::string()) + attachment_url(a.sha256, a.file_name));
      av.set("size", human_size(a.size));
      attachments.push_back(av);
    }
  }

  // Identity tags for content pages (domain/README §6).
  PageMeta meta;
  meta.title = preview ? "预览：" + doc.title : doc.title;
  meta.print = print;
  meta.noindex = print || preview;
  meta.canonical = url;
  meta.nav = nav_key_for(chain);
  meta.nav_exact = false;
  meta.breadcrumb.push_back({"信息公开", portal_url(site)});
  for (const auto* n : chain) meta.breadcrumb.push_back({n->name, catalogue_url(site, n->code)});
  meta.breadcrumb.push_back({"正文", ""});  // as portals end a content page's 当前位置
  const std::string pub_date = domain::publication_minute(doc);
  std::string keywords;
  for (const auto& k : {node ? node->name : std::string(), doc.topic, doc.doc_number}) {
    if (k.empty()) continue;
    if (!keywords.empty()) keywords += ',';
    keywords += k;
  }
  // 120 characters of description need only the body's beginning (not a parse of all of it).
  const std::string description =
      utf8_truncate(!doc.summary.empty() ? doc.summary : domain::html_to_text(utf8_prefix(doc.body_html, 4096)), 120);
  meta.meta = {{"ArticleTitle", doc.title},
               {"PubDate", pub_date},
               {"ContentSource", !department_name.empty() ? department_name : !doc.issuer.empty() ? doc.issuer : site.name},
               {"Keywords", keywords},
               {"Description", withdrawn ? std::string("该信息已撤回") : description},
               {"Url", absolute_url}};
  // A content page carries its column's tags too (《政府网站发展指引》: 10 on a content page).
  if (node)
    add_column_meta(meta, node->name, node->description, node->keywords, node->column_type);
  else
    add_column_meta(meta, site.name, "", "", "");

  View v = layout_view(ctx, meta);
  v.set("doc_title", doc.title);
  v.set("title_label", interpretation ? "标题" : "文件名称");
  v.set("meta_rows", rows);
  v.set("withdrawn", withdrawn);
  if (withdrawn) {
    const auto info = workflow.info(doc.id);
    v.set("withdrawn_reason", info && !info->withdrawn_reason.empty() ? View(info->withdrawn_reason) : View(false));
  }
  const int current_version = published.empty() ? 0 : published.back().version.value_or(0);
  v.set("version_notice", version && *version != current_version
                              ? View("您正在查看本文件的第" + std::to_string(*version) + "版（" +
                                     shown->published_at.substr(0, std::min<std::size_t>(10, shown->published_at.size())) +
                                     "发布），该版本已被修订。")
                              : View(false));
  v.set("current_url", document_url(site, doc.id));
  v.set("has_versions", published.size() >= 2);
  v.set("versions", versions_view(site, published, version.value_or(0)));
  const std::string notice = withdrawn ? std::string() : validity_notice(doc, validity);
  v.set("validity_notice", notice.empty() ? View(false) : View(notice));
  v.set("validity_warning", validity != domain::Validity::Valid && validity != domain::Validity::NotYetEffective);
  // Bodies are filtered where they are stored (store::DocumentRepository); a body stored
  // with an older allow-list, or by a path that bypassed it (an old version, a snapshot of
  // a revision), is filtered again here, so nothing the allow-list does not permit reaches
  // a public page, and a cache miss does not pay for a second HTML parse.
  const bool filtered = doc.body_filter >= domain::kSanitizerVersion;
  v.set("body_html", withdrawn ? std::string() : filtered ? doc.body_html : domain::sanitize_html(doc.body_html));
  v.set("has_attachments", !attachments.is_empty_list());
  v.set("attachments", attachments);
  v.set("has_interpretations", !interpretations.is_empty_list());
  v.set("interpretations", interpretations);
  v.set("interprets", interprets);
  v.set("is_interpretation", interpretation);
  v.set("published_date", chinese_date(doc.published_on));
  v.set("source", department_name.empty() ? View(false) : View(department_name));
  v.set("absolute_url", absolute_url);
  v.set("print_url", url + "?print=1");
  v.set("qr_svg", qr_svg(absolute_url, "本页网址二维码：" + absolute_url));
  // A legacy record may lack required metadata (Art. 12 items): it is shown, but never as
  // a complete published document — the page says what is missing.
  const auto missing = doc.legacy ? domain::missing_publication_metadata(doc) : std::vector<std::string>{};
  std::string missing_text;
  for (const auto& m : missing) missing_text += (missing_text.empty() ? "" : "、") + m;
  v.set("legacy_notice", missing.empty() ? View(false)
                                         : View("本条为历史数据，以下信息缺失：" + missing_text +
                                                "。如需核实，请联系公开责任部门。"));

  // 上一篇 / 下一篇 in the column; a publication beside this one names this page's tag
  // (store/document_neighbours.cpp), so the links stay right while the page is cached.
  const auto beside = documents.neighbours(doc);
  auto link_view = [&](const std::optional<store::DocumentLink>& l) {
    if (!l) return View(false);
    View lv;
    lv.set("title", l->title);
    lv.set("url", document_url(site, l->id));
    return lv;
  };
  v.set("previous", link_view(beside.previous));
  v.set("next", link_view(beside.next));
  v.set("has_neighbours", beside.previous || beside.next);


  if (preview) {
    v.set("preview", preview->stage);
    v.set("preview_back", preview->back_url);
    auto resp = render_page(ctx, "publishing/document", v);
    resp.set_header("Cache-Control", "private, no-store");  // a draft: never in a shared cache
    resp.set_header("X-Robots-Tag", "noindex, nofollow");
    return resp;  // no cache tags: the page cache never keeps it
  }
  auto resp = render_page(ctx, "publishing/document", v);
  if (modified > 0) resp.last_modified = http::http_date(modified);
  if (!has_unknown_params(ctx.req, {"print"})) resp.cache_tags = std::move(tags);
  return resp;
}

}  // namespace

http::Response document_page(PageContext& ctx, std::int64_t id) { return render_document(ctx, id, std::nullopt); }

http::Response document_version_page(PageContext& ctx, std::int64_t id, int version) {
  return render_document(ctx, id, version);
}

http::Response document_preview_page(PageContext& ctx, const DocumentPreview& preview) {
  return render_document(ctx, preview.draft.id, std::nullopt, &preview);
}

std::optional<http::Response> content_section(PageContext& ctx, const std::vector<std::string_view>& seg) {
  if (seg.size() == 2 && seg[1].ends_with(".html")) {
    if (auto id = canonical_id(seg[1].substr(0, seg[1].size() - 5))) return document_page(ctx, *id);
  } else if (seg.size() == 3 && seg[2].starts_with("v") && seg[2].ends_with(".html")) {
    auto id = canonical_id(seg[1]);
    auto version = canonical_id(seg[2].substr(1, seg[2].size() - 6));
    if (id && version && *version <= 100000) return document_version_page(ctx, *id, static_cast<int>(*version));
  }
  return std::nullopt;
}

}  // namespace zwgk::web
