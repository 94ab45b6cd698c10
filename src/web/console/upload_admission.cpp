#include "web/console/upload_admission.hpp"

#include "http/form.hpp"
#include "http/path_pattern.hpp"
#include "store/secrets.hpp"
#include "web/console/console.hpp"

namespace zwgk::web::console {

namespace {

constexpr std::string_view kUploadRoutes[] = {
    "/console/documents/{id}/attachments",
    "/console/documents/{id}/import-docx",
    "/console/requests/{tn}/files",
    "/console/events/{id}/entries",  // 在线访谈: a live entry with an image
    "/console/events/{id}/photos",
    "/console/events/{id}/video",
    "/console/proposals/import",  // 建议提案办理 (jyta): the year's 交办清单 (.xlsx)
    "/console/consultations/{id}/attachments",  // 意见征集 (yjzj): the draft's attachments
    "/console/lists/{id}/upload",  // 清单 (qd): a version's sheet (.xlsx, .xls, .csv)
    "/console/datasets/{id}/resources",  // 数据开放 (sjkf): a dataset's file (.csv, .xlsx, .json)
    "/console/standard-catalogue/import",  // 标准目录 (bzml): a 领域's catalogue (.xlsx, .xls, .csv)
    "/console/work-plans/units/{id}/report",  // 工作要点 (gzyd): a 落实情况 with its files
    "/console/site/images/{kind}",  // 网站设置: the site's logo and footer badges (PNG, JPEG, GIF, WebP)
};

}  // namespace

bool is_console_upload_route(std::string_view path) {
  for (auto pattern : kUploadRoutes) {
    if (http::path_matches(pattern, path)) return true;
  }
  return false;
}

http::LargeBodyVerdict admit_console_upload(const http::Request& head, const ConsoleApp& app) {
  http::LargeBodyVerdict refused;  // 413 请求内容过大
  if (head.method != http::Method::Post || !is_console_upload_route(head.path)) return refused;
  auto token = http::cookie(head, kSessionCookie);
  auto found = token ? app.accounts().session(*token) : std::nullopt;
  if (!found) return {false, 403, "登录已失效或尚未登录，请重新登录后再上传文件。文件未接收。"};
  std::optional<std::string> sent;
  if (auto h = head.header("x-csrf-token")) sent = std::string(*h);
  if (!sent) sent = head.query_param(kCsrfField);
  if (!sent || sent->empty() || !store::constant_time_equal(*sent, found->second.csrf_token)) {
    return {false, 403, "安全校验失败：上传请求缺少或带有错误的安全校验码（CSRF 令牌），文件未接收。请刷新页面后重试。"};
  }
  return {true, 0, ""};
}

}  // namespace zwgk::web::console
