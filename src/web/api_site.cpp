#include "web/api_site.hpp"

#include "store/site_repository.hpp"
#include "web/api_error.hpp"

namespace zwgk::web::api {

domain::Site site_by_code(store::Database& db, const std::string& code) {
  auto site = store::SiteRepository(db).by_code(code);
  if (!site) throw not_found("站点不存在：请检查站点代码（可用 /api/v1/sites 查询）");
  return *site;
}

domain::Site site_param(store::Database& db, const http::Request& req) { return site_by_code(db, req.param("site")); }

}  // namespace zwgk::web::api
