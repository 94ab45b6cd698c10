#include "web/api_error.hpp"

#include <spdlog/spdlog.h>

#include "store/database.hpp"

namespace zwgk::web::api {

std::string dump_json(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

http::Response json_response(const Json& value, int status) {
  http::Response res;
  res.status = status;
  res.content_type = kJsonContentType;
  res.body = dump_json(value);
  // Public, read-only, no credentials: any web page may use it (开放数据).
  res.set_header("Access-Control-Allow-Origin", "*");
  return res;
}

http::Response error_response(const http::Request& req, int status, std::string_view code, std::string_view message) {
  return api_error_response(req, status, code, message);
}

http::Handler guarded(http::Handler handler) {
  return [handler = std::move(handler)](http::Request& req) -> http::Response {
    try {
      return handler(req);
    } catch (const domain::DomainError& e) {
      return api_error_response(req, e);
    } catch (const store::NotFound&) {
      return api_error_response(req, domain::NotFound(kRecordNotFound));
    } catch (const std::exception& e) {
      spdlog::error("api: request_id={} path={} error={}", req.request_id, req.path, e.what());
      return error_response(req, 500, "internal", "服务器内部错误，请稍后重试");
    }
  };
}

}  // namespace zwgk::web::api
