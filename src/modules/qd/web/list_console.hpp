#pragma once
// 清单, the console pages:
//   GET  /console/lists/                the site's lists (the caller's departments), 新建清单
//   POST /console/lists/new             create one: type, title, department
//   GET  /console/lists/{id}/           one: its published versions, the version being worked
//                                       on (its items, state, the reviewer's note) and the
//                                       forms for the caller's next step
//   POST /console/lists/{id}/upload     the sheet (.xlsx), replacing a 草稿 or 已退回 version
//   POST /console/lists/{id}/submit | review (action=pass|return, note) | publish (effective_on)
namespace zwgk::http {
class Router;
}

namespace zwgk::web::console {

class ConsoleApp;

void register_list_console_pages(ConsoleApp& app, http::Router& router);

}  // namespace zwgk::web::console
