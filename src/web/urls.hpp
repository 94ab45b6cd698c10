#pragma once
// The public URL scheme. P = the site's path_prefix ("" for the default site).
//   P/                         site home
//   P/xxgk/                    信息公开 portal
//   P/xxgk/{code}/             catalogue listing (?page=&department=&year=&validity=)
//   P/content/{id}.html        document page (never changes once published); ?print=1 print view
//   P/department/{id}/         department page
//   P/feed/{code}.xml          RSS 2.0 of a catalogue node; P/feed/{code}.atom Atom
//   P/sitemap.xml              for crawlers; P/sitemap/ 网站地图 for people
//   P/contact/  P/statement/  P/privacy/   联系我们, 网站声明, 隐私声明 (site_info_pages.cpp)
//   P/search/?q=               站内搜索 (?site=all: every site); P/opensearch.xml
//   /robots.txt  /static/...  /attachments/{sha256}/{file name}
//   /api/v1/...                JSON API
#include <cstdint>
#include <string>

#include "domain/site.hpp"

namespace zwgk::web {

std::string site_home_url(const domain::Site& s);
std::string portal_url(const domain::Site& s);
std::string catalogue_url(const domain::Site& s, const std::string& code);
std::string document_url(const domain::Site& s, std::int64_t id);
std::string department_url(const domain::Site& s, std::int64_t id);
std::string search_url(const domain::Site& s);       // P/search/
std::string opensearch_url(const domain::Site& s);   // P/opensearch.xml
std::string sitemap_page_url(const domain::Site& s); // P/sitemap/ (网站地图)
std::string contact_url(const domain::Site& s);      // P/contact/ (联系我们)
std::string statement_url(const domain::Site& s);    // P/statement/ (网站声明)
std::string privacy_url(const domain::Site& s);      // P/privacy/ (隐私声明)
std::string feed_url(const domain::Site& s, const std::string& code, bool atom = false);
std::string attachment_url(const std::string& sha256, const std::string& file_name);  // percent-encodes the name

}  // namespace zwgk::web
