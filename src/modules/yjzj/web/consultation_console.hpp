#pragma once
// 意见征集, the console pages:
//   GET  /console/consultations/                    the list: phase, opinions waiting, 反馈 due
//   GET  /console/consultations/new, POST           prepare a consultation (the notice and draft)
//   GET  /console/consultations/{id}/               one: edit, 发布征集, attachments, opinions to
//                                                   moderate, the questionnaire and its tally, 反馈
//   POST /console/consultations/{id}/edit | publish | attachments | attachments/{a}/delete |
//        opinions/{o} (action=publish|reject) | survey | feedback
//   GET  /console/consultations/{id}/opinions/{o}/writer   the writer's name and phone (audited)
//   GET  /console/consultations/settings, POST      the site's periods and limits (yjzj.settings)
// and the part of 我的工作: opinions waiting for moderation, 反馈 due soon and overdue.
#include <string>

#include "domain/calendar_source.hpp"

namespace zwgk::http {
class Router;
}

namespace zwgk::web::console {

class ConsoleApp;

void register_consultation_console_pages(ConsoleApp& app, http::Router& router, const std::string& secret,
                                         domain::CalendarSourcePtr calendar);

}  // namespace zwgk::web::console
