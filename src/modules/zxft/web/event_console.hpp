#pragma once
// 在线访谈 / 新闻发布会, the office's console pages:
//   GET  /console/events/                      the list, the year's 主要负责人解读 per department
//   GET  /console/events/new, POST             plan an event
//   GET  /console/events/{id}/                 the event: edit, steps, live entries,
//                                              questions, photos, video, 政策解读
//   POST /console/events/{id}/edit | step | entries | entries/{entry}/delete |
//        questions/{q} | questions_open | photos | video | interpretations
//   GET  /console/events/{id}/questions/{q}/asker   the asker's name and phone (audited)
// and the part of 我的工作: events of the next 7 days, questions waiting, departments whose
// 主要负责人 has not interpreted policy this year.
#include <string>

namespace zwgk::http {
class Router;
}

namespace zwgk::web::console {

class ConsoleApp;

void register_event_console_pages(ConsoleApp& app, http::Router& router, const std::string& secret);

}  // namespace zwgk::web::console
