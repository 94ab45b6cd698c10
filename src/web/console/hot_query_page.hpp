#pragma once
// 热门搜索 /console/hot-queries/ (ADR 0015): the office's control of the public 本周热门搜索
// list of its site (store/hot_queries.hpp).
//
//   GET  /console/hot-queries/          the list as the public sees it, its on/off state,
//                                       pins, hides, and the texts counted this week with
//                                       their visitors (those below the threshold too)
//   POST /console/hot-queries/enabled   enabled=1|0: show the list or turn it off
//   POST /console/hot-queries/rule      query=..., rule=pin|hide|none
//
// Who: 公开工作机构 and 网站管理员 change it (Action::ManageHotQueries); 审计员 reads. Each
// change is audited in its own transaction and invalidates the site's search pages.
#include "store/hot_queries.hpp"
#include "web/console/console.hpp"

namespace zwgk::web::console {

// `policy`: the installation's hot-query settings (zwgk.toml), to show the default.
void register_hot_query_page(ConsoleApp& app, http::Router& router, store::HotQueryPolicy policy);

}  // namespace zwgk::web::console
