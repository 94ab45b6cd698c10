#pragma once
// Public page handlers. Each takes the request's PageContext, reads the store, renders a
// template and returns a response carrying the cache tags of everything it shows
// (domain/cache_tags.hpp) so the http layer can keep it until a write invalidates it.
// Bad input throws PageError (page_error.hpp); the dispatcher renders it in the site's style.
#include <cstdint>
#include <string>
#include <string_view>

#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

http::Response home_page(PageContext& ctx);                                  // P/
http::Response portal_page(PageContext& ctx);                                // P/xxgk/
http::Response catalogue_page(PageContext& ctx, const std::string& code);   // P/xxgk/{code}/
http::Response department_page(PageContext& ctx, std::int64_t id);          // P/department/{id}/
http::Response search_page(PageContext& ctx);                                // P/search/ (cache class "search")
http::Response opensearch_description(PageContext& ctx);                     // P/opensearch.xml
// 网站地图, 联系我们, 网站声明, 隐私声明: P/sitemap/ P/contact/ P/statement/ P/privacy/
bool is_site_info_page(std::string_view segment);
http::Response site_info_page(PageContext& ctx, std::string_view segment);

// 400 / 404 / 500 in the site's style; never cached. A 500 shows only the request id.
http::Response error_page(PageContext& ctx, int status, const std::string& message);

}  // namespace zwgk::web
