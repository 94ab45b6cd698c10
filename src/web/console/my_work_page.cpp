// 我的工作 (/console/): the console's home. Each module adds the part of it that is its own
// (ConsoleApp::add_work_section): the publishing module its documents waiting, due and
// overdue; later modules their letters and consultations.
#include "http/router.hpp"
#include "web/console/console_pages.hpp"

namespace zwgk::web::console {

void register_my_work_page(ConsoleApp& app, http::Router& router) {
  app.add_navigation("我的工作", "/console/", Access::signed_in(), 0);
  app.get(router, "/console/", Access::signed_in(), [&app](ConsoleRequest& c) {
    View sections{View::type::list};
    for (const auto& html : app.work_sections(c)) {
      View s{View::type::object};
      s.set("html", html);
      sections.push_back(s);
    }
    View v{View::type::object};
    v.set("user_name", c.user.display_name);
    if (sections.is_non_empty_list()) v.set("sections", sections);
    return c.page("我的工作", "console_my_work", v);
  });
}

}  // namespace zwgk::web::console
