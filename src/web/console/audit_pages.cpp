// 审计日志 /console/audit/ (auditors and site administrators): their own site's entries
// only (least privilege; entries without a site are for `zwgk audit` on the server), newest
// first, 50 a page, and 校验 (AuditLog::verify: the first broken link of the hash chain, if any).
#include "http/router.hpp"
#include "store/audit_log.hpp"
#include "web/console/console_pages.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {
constexpr int kPageSize = 50;
}

void register_audit_pages(ConsoleApp& app, http::Router& router) {
  app.add_navigation("审计日志", "/console/audit/", Access::to("kernel.view_audit"), 75);
  app.get(router, "/console/audit/", Access::to("kernel.view_audit"), [](ConsoleRequest& c) {
    store::AuditLog log(c.db);
    const auto page = parse_positive_integer(field(c, "page")).value_or(1);
    const auto total = log.count_for_site(c.site.id);
    const auto pages = std::max<std::int64_t>(1, (total + kPageSize - 1) / kPageSize);
    const auto current = std::min<std::int64_t>(std::max<std::int64_t>(page, 1), pages);
    View rows{View::type::list};
    for (const auto& e : log.newest_for_site(c.site.id, (current - 1) * kPageSize, kPageSize)) {
      View r{View::type::object};
      r.set("id", std::to_string(e.id));
      r.set("at", utc_to_china_display(e.at));
      r.set("actor", e.actor.username.empty() ? std::string("—") : e.actor.username);
      r.set("address", e.actor.address);
      r.set("action", e.action);
      r.set("object", e.object_type + (e.object_id.empty() ? "" : ":" + e.object_id));
      if (e.object_type == "document" && !e.object_id.empty()) r.set("document_id", e.object_id);
      r.set("changes", shorten(e.changes, 300));
      rows.push_back(r);
    }
    View v{View::type::object};
    v.set("rows", rows);
    v.set("total", std::to_string(total));
    v.set("page", std::to_string(current));
    v.set("pages", std::to_string(pages));
    if (current > 1) v.set("prev", std::to_string(current - 1));
    if (current < pages) v.set("next", std::to_string(current + 1));
    if (field(c, "verify") == "1") {
      View result{View::type::object};
      if (auto broken = log.verify()) {
        result.set("ok", false);
        result.set("message", "校验失败：第 " + std::to_string(broken->entry_id) + " 条记录" + "——" + broken->problem +
                                  "。该条及其后的记录不可信，请立即报告。");
      } else {
        result.set("ok", true);
        result.set("message", "校验通过：全部 " + std::to_string(log.count()) +
                                  " 条记录（含其他网站的记录）的哈希链完整，未发现修改或删除。");
      }
      v.set("verify", result);
    }
    return c.page("审计日志", "console_audit", v);
  });
}

}  // namespace zwgk::web::console
