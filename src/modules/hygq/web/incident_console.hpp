#pragma once
// 回应关切, the office side (console):
//   GET  /console/incidents/               the incidents with a live countdown per clock (server-
//                                          rendered; static/hygq-countdown.js ticks it), the 登记 form
//   POST /console/incidents/               登记 (hygq.record)
//   GET  /console/incidents/{id}/          one incident: each clock met / missed and by how much, the
//                                          links, the responses, the pickers (?q= searches documents)
//   POST /console/incidents/{id}/edit      修改 (hygq.record)
//   POST /console/incidents/{id}/link      document_id= or event_id= (hygq.respond)
//   POST /console/incidents/{id}/unlink    link_id= (hygq.respond)
//   POST /console/incidents/{id}/response  a response made elsewhere (hygq.respond)
//   GET  /console/incidents/settings, POST 时限 per level, 提醒, 公开时限 (hygq.manage)
// and a 我的工作 section with the running clocks. Bad input is a 400 listing the problems in
// Chinese; nothing is written.
#include <string>

#include "http/router.hpp"
#include "web/console/console.hpp"

namespace zwgk::web::console {

struct IncidentConsoleOptions {
  std::string secret;  // the installation secret (the outbox's sealing key)
};

void register_incident_console_pages(ConsoleApp& app, http::Router& router, IncidentConsoleOptions options);

}  // namespace zwgk::web::console
