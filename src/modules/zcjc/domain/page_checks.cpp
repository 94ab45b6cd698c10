// See page_checks.hpp.
#include "modules/zcjc/domain/page_checks.hpp"

#include <cctype>

#include "domain/sheet_rows.hpp"

namespace zwgk::domain {

std::string link_problem(const LinkObservation& l) {
  switch (l.error) {
    case LinkError::None: break;
    case LinkError::Timeout: return "访问超时";
    case LinkError::DnsFailure: return "域名无法解析";
    case LinkError::ConnectFailure: return "无法连接";
    case LinkError::Other: return "无法访问";
  }
  if (l.status == 404 || l.status == 410) return "页面不存在（" + std::to_string(l.status) + "）";
  if (l.status >= 500) return "服务器错误（" + std::to_string(l.status) + "）";
  if (l.status >= 400) return "无法访问（" + std::to_string(l.status) + "）";
  if (l.external && !l.redirect_host.empty() && l.redirect_host != l.host)
    return "外链变质（跳转到其他域名 " + l.redirect_host + "）";
  if (l.status == 0) return "无法访问";
  return "";
}

CheckResult check_links(const std::vector<LinkObservation>& links, int pages_walked, bool external_checked,
                        const InspectionThresholds& t) {
  CheckResult r;
  r.code = "links";
  r.name = "链接可用性";
  r.indicator = kScoredIndicator;
  r.rule = "站内链接、附件" + std::string(external_checked ? "和外部链接" : "") +
           "均应可用（不可用：404、5xx、超时、域名无法解析；外链跳转到其他域名为外链变质）；有 " +
           std::to_string(t.broken_links_warn) + " 个不可用链接即预警" +
           (t.broken_links_veto > 0 ? "，" + std::to_string(t.broken_links_veto) + " 个及以上按单项否决" : "");
  if (pages_walked == 0) {
    r.checked = false;
    r.summary = "尚未巡检网页（zwgk serve 每天自动巡检，或运行 zwgk inspect --crawl）";
    return r;
  }
  int internal = 0, external = 0;
  for (const auto& l : links) {
    const auto problem = link_problem(l);
    if (problem.empty()) continue;
    (l.external ? external : internal)++;
    std::string kind = l.external ? "外部链接" : l.attachment ? "附件" : "站内链接";
    r.evidence.push_back({l.url, kind + "：" + problem + "；所在页面 " + l.found_on +
                                     (l.text.empty() ? "" : "，链接文字“" + l.text + "”"),
                          l.found_on});
  }
  r.findings = internal + external;
  if (t.broken_links_veto > 0 && r.findings >= t.broken_links_veto)
    r.level = CheckLevel::Veto;
  else if (t.broken_links_warn > 0 && r.findings >= t.broken_links_warn)
    r.level = CheckLevel::Warning;
  r.summary = "巡检 " + std::to_string(pages_walked) + " 个网页、" + std::to_string(links.size()) + " 个链接：" +
              (r.findings == 0 ? "均可用"
                               : std::to_string(internal) + " 个站内链接或附件、" + std::to_string(external) +
                                     " 个外部链接不可用");
  return r;
}

std::string to_label(PageKind k) {
  switch (k) {
    case PageKind::Home: return "首页";
    case PageKind::Column: return "栏目页";
    case PageKind::Content: return "内容页";
    case PageKind::Other: return "其他页面";
  }
  return "";
}

const std::vector<std::string>& required_meta(PageKind kind) {
  static const std::vector<std::string> site = {"SiteName", "SiteDomain", "SiteIDCode"};
  static const std::vector<std::string> column = {"SiteName",         "SiteDomain",        "SiteIDCode", "ColumnName",
                                                  "ColumnDescription", "ColumnKeywords", "ColumnType"};
  static const std::vector<std::string> content = {"SiteName",          "SiteDomain",     "SiteIDCode",
                                                   "ColumnName",        "ColumnDescription", "ColumnKeywords",
                                                   "ColumnType",        "ArticleTitle",   "PubDate",
                                                   "ContentSource"};
  switch (kind) {
    case PageKind::Column: return column;
    case PageKind::Content: return content;
    default: return site;
  }
}

PageKind kind_from_meta(const std::vector<std::pair<std::string, std::string>>& meta) {
  bool column = false;
  for (const auto& [name, value] : meta) {
    if (name == "ArticleTitle") return PageKind::Content;
    if (name == "ColumnName") column = true;
  }
  return column ? PageKind::Column : PageKind::Other;
}

namespace {

// yyyy-MM-dd HH:mm
bool pub_date_format(const std::string& v) {
  if (v.size() != 16) return false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (i == 4 || i == 7) {
      if (c != '-') return false;
    } else if (i == 10) {
      if (c != ' ') return false;
    } else if (i == 13) {
      if (c != ':') return false;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

// 6-digit division code + 4-digit serial, or bm + 8 digits (§6).
bool site_id_code_format(const std::string& v) {
  if (v.size() != 10) return false;
  std::size_t from = 0;
  if (v.rfind("bm", 0) == 0) from = 2;
  for (std::size_t i = from; i < v.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  return true;
}

}  // namespace

std::vector<std::string> meta_problems(const PageObservation& page) {
  std::vector<std::string> out;
  for (const auto& name : required_meta(page.kind)) {
    const std::string* value = nullptr;
    for (const auto& [n, v] : page.meta)
      if (n == name) {
        value = &v;
        break;
      }
    if (!value) {
      out.push_back("缺少 " + name);
    } else if (trim_cell(*value).empty()) {
      out.push_back(name + " 为空");
    } else if (name == "PubDate" && !pub_date_format(*value)) {
      out.push_back("PubDate 应为 yyyy-MM-dd HH:mm 格式");
    } else if (name == "SiteIDCode" && !site_id_code_format(*value)) {
      out.push_back("SiteIDCode 应为 10 位网站标识码");
    }
  }
  return out;
}

CheckResult check_page_identity(const std::vector<PageObservation>& pages) {
  CheckResult r;
  r.code = "page_identity";
  r.name = "网页标签";
  r.indicator = kScoredIndicator;
  r.rule = "首页 3 项、栏目页 7 项、内容页 10 项 <meta> 标签齐全且不为空（《政府网站发展指引》网页标签）";
  if (pages.empty()) {
    r.checked = false;
    r.summary = "尚未巡检网页";
    return r;
  }
  int column = 0, content = 0;
  for (const auto& p : pages) {
    if (p.kind == PageKind::Column) ++column;
    if (p.kind == PageKind::Content) ++content;
    const auto problems = meta_problems(p);
    if (problems.empty()) continue;
    std::string detail = to_label(p.kind) + "：";
    for (std::size_t i = 0; i < problems.size(); ++i) detail += (i ? "、" : "") + problems[i];
    r.evidence.push_back({p.url, detail, p.url});
  }
  r.findings = static_cast<int>(r.evidence.size());
  if (r.findings > 0) r.level = CheckLevel::Warning;
  r.summary = "检查 " + std::to_string(pages.size()) + " 个网页（栏目页 " + std::to_string(column) + "、内容页 " +
              std::to_string(content) + "）：" +
              (r.findings == 0 ? "标签齐全" : std::to_string(r.findings) + " 个网页的标签缺失或不规范");
  return r;
}

}  // namespace zwgk::domain
