#pragma once
// What a walk over the site's public pages finds (the crawler records facts, these rules judge
// them): 链接可用性 (the 2015 普查's 不可用链接, the 2019 indicators' 功能设计: links work) and
// 网页标签 (the required <meta> of 《政府网站发展指引》, ../shared/domain/README.md §6).
#include <string>
#include <utility>
#include <vector>

#include "modules/zcjc/domain/check_result.hpp"
#include "modules/zcjc/domain/inspection_thresholds.hpp"

namespace zwgk::domain {

// Why a request got no HTTP answer.
enum class LinkError { None, Timeout, DnsFailure, ConnectFailure, Other };

struct LinkObservation {
  std::string url;
  std::string found_on;
  std::string text;
  bool external = false;
  bool attachment = false;
  int status = 0;  // 0: no HTTP answer
  LinkError error = LinkError::None;
  std::string redirected_to;
  std::string host;           // of url, lower case, without port or "www." (the crawler's url_host)
  std::string redirect_host;  // of redirected_to, the same way ("" without a redirect)
};

// The problem with one link in Chinese, "" when it works: 页面不存在（404）, 服务器错误（503）,
// 访问超时, 域名无法解析, 无法连接, 外链变质（跳转到其他域名 …）.
std::string link_problem(const LinkObservation& link);

CheckResult check_links(const std::vector<LinkObservation>& links, int pages_walked, bool external_checked,
                        const InspectionThresholds& t);

enum class PageKind { Home, Column, Content, Other };
std::string to_label(PageKind);  // 首页 | 栏目页 | 内容页 | 其他页面

// Every page: SiteName, SiteDomain, SiteIDCode; column pages add ColumnName, ColumnDescription,
// ColumnKeywords, ColumnType; content pages add ArticleTitle, PubDate, ContentSource.
const std::vector<std::string>& required_meta(PageKind kind);

struct PageObservation {
  std::string url;
  PageKind kind = PageKind::Other;
  std::vector<std::pair<std::string, std::string>> meta;
};
// A page's kind when its URL does not say: ArticleTitle makes it a content page, ColumnName a
// column page.
PageKind kind_from_meta(const std::vector<std::pair<std::string, std::string>>& meta);

// What is wrong with one page's tags: "缺少 ArticleTitle", "ColumnName 为空", "PubDate 应为
// yyyy-MM-dd HH:mm 格式", "SiteIDCode 应为 10 位网站标识码".
std::vector<std::string> meta_problems(const PageObservation& page);

CheckResult check_page_identity(const std::vector<PageObservation>& pages);

}  // namespace zwgk::domain
