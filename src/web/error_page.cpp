// The site's 400 / 404 / 500 pages. They never touch the database beyond what the
// caller already resolved (the navigation is left out: after a 500 the database may be
// the thing that failed) and are never cached.
#include <spdlog/spdlog.h>

#include "web/layout_view.hpp"
#include "web/pages.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

struct ErrorText {
  const char* heading;
  const char* lead;
};

ErrorText text_for(int status) {
  switch (status) {
    case 400: return {"请求有误", "您的请求无法处理："};
    case 404: return {"页面不存在", ""};
    case 405: return {"不支持的请求方式", ""};
    case 413: return {"请求内容过大", ""};
    case 429: return {"访问过于频繁", "请稍后再试。"};
    default: return status >= 500 ? ErrorText{"服务暂时不可用", "服务器处理您的请求时出错，请稍后再试。"}
                                  : ErrorText{"请求无法完成", ""};
  }
}

}  // namespace

http::Response error_page(PageContext& ctx, int status, const std::string& message) {
  const auto text = text_for(status);
  PageMeta meta;
  meta.title = text.heading;
  meta.noindex = true;
  meta.breadcrumb = {{text.heading, ""}};
  // After a 5xx the database may be what failed: leave out the navigation (catalogue).
  meta.with_navigation = status < 500;
  View v;
  try {
    v = layout_view(ctx, meta);
  } catch (const std::exception& e) {
    spdlog::warn("web: error page without navigation request_id={} error={}", ctx.req.request_id, e.what());
    meta.with_navigation = false;
    v = layout_view(ctx, meta);
  }
  v.set("status", std::to_string(status));
  v.set("heading", text.heading);
  v.set("lead", *text.lead ? View(std::string(text.lead)) : View(false));
  // A 5xx shows the request id only: what went wrong is for the operators' log.
  const bool server_error = status >= 500;
  std::string shown = message;
  if (shown.empty() && status == 404) shown = "您访问的页面不存在或已被删除。";
  v.set("message", !server_error && !shown.empty() ? View(shown) : View(false));
  v.set("request_id", server_error && !ctx.req.request_id.empty() ? View(ctx.req.request_id) : View(false));
  v.set("home_url", site_home_url(ctx.site));
  v.set("portal_url", portal_url(ctx.site));
  auto resp = render_page(ctx, "error", v, status);
  resp.set_header("Cache-Control", "no-store");
  return resp;
}

}  // namespace zwgk::web
