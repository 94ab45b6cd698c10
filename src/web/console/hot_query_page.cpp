// 热门搜索 console page (hot_query_page.hpp).
#include "web/console/hot_query_page.hpp"

#include <chrono>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "http/router.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {

constexpr const char* kPath = "/console/hot-queries/";

// Changing the list: kernel.manage_hot_queries, decided by the permission registry (the
// store checks it again and refuses with domain::Forbidden, which the console maps to 403).
bool may_manage(const ConsoleRequest& c) { return may(c, "kernel.manage_hot_queries"); }

// Today in China Standard Time, from the console's clock (injected in tests).
domain::Date today_of(const ConsoleRequest& c) {
  return domain::china_date_of_unix(c.app.options().clock());
}

Access readers() { return Access::to("kernel.view_hot_queries"); }

View texts(const std::vector<std::string>& v) {
  View list{View::type::list};
  for (const auto& t : v) {
    View o{View::type::object};
    o.set("query", t);
    list.push_back(o);
  }
  return list;
}

}  // namespace

void register_hot_query_page(ConsoleApp& app, http::Router& router, store::HotQueryPolicy policy) {
  app.add_navigation("热门搜索", kPath, readers(), 74);
  app.get(router, kPath, readers(), [policy](ConsoleRequest& c) {
    const auto o = store::HotQueryRepository(c.db).overview(c.site.id, policy, today_of(c));
    View v{View::type::object};
    v.set("enabled", o.enabled);
    v.set("enabled_is_default", o.enabled_is_default);
    v.set("min_visitors", std::to_string(policy.min_visitors));
    v.set("pinned", texts(o.pinned));
    v.set("has_pinned", !o.pinned.empty());
    v.set("hidden", texts(o.hidden));
    v.set("has_hidden", !o.hidden.empty());
    View shown{View::type::list};
    for (const auto& h : o.shown) {
      View r{View::type::object};
      r.set("query", h.query);
      r.set("pinned", h.pinned);
      shown.push_back(r);
    }
    v.set("shown", shown);
    v.set("has_shown", !o.shown.empty());
    View counted{View::type::list};
    for (const auto& h : o.counted) {
      View r{View::type::object};
      r.set("query", h.query);
      r.set("visitors", std::to_string(h.visitors));
      r.set("searches", std::to_string(h.count));
      counted.push_back(r);
    }
    v.set("counted", counted);
    v.set("has_counted", !o.counted.empty());
    if (may_manage(c)) v.set("can_manage", true);
    return c.page("热门搜索", "console_hot_queries", v);
  });
  app.post(router, std::string(kPath) + "enabled", readers(), [](ConsoleRequest& c) {
    const auto value = c.form.value("enabled");
    if (value != "1" && value != "0") throw domain::ValidationError({"参数 enabled 只能是 1（显示）或 0（关闭）"});
    store::HotQueryRepository(c.db).set_enabled(c.user, c.site.id, value == "1", actor_of(c));
    return c.see_other(kPath);
  });
  app.post(router, std::string(kPath) + "rule", readers(), [](ConsoleRequest& c) {
    const auto rule_code = c.form.value("rule");
    store::HotQueryRule rule;
    if (rule_code == "pin") rule = store::HotQueryRule::Pin;
    else if (rule_code == "hide") rule = store::HotQueryRule::Hide;
    else if (rule_code == "none") rule = store::HotQueryRule::None;
    else throw domain::ValidationError({"参数 rule 只能是 pin（置顶）、hide（隐藏）或 none（取消）"});
    store::HotQueryRepository(c.db).set_rule(c.user, c.site.id, field(c, "query"), rule, actor_of(c), today_of(c));
    return c.see_other(kPath);
  });
}

}  // namespace zwgk::web::console
