#pragma once
// Where the office sees a record behind a finding: the console page of each module's record
// (the routes in src/modules/<name>/web/*_console.cpp). Evidence carries these so that every
// deduction links to what it rests on.
#include <cstdint>
#include <string>

#include "domain/date.hpp"

namespace zwgk::modules::jxkh {

inline constexpr const char* kEventsConsoleUrl = "/console/events/";
inline constexpr const char* kAnnualReportsConsoleUrl = "/console/annual-reports/";

inline std::string document_console_url(std::int64_t id) { return "/console/documents/" + std::to_string(id) + "/"; }
inline std::string request_console_url(const std::string& tn) { return "/console/requests/" + tn + "/"; }
inline std::string letter_console_url(const std::string& number) { return "/console/letters/" + number + "/"; }
inline std::string event_console_url(std::int64_t id) { return "/console/events/" + std::to_string(id) + "/"; }
inline std::string consultation_console_url(std::int64_t id) { return "/console/consultations/" + std::to_string(id) + "/"; }
inline std::string list_console_url(std::int64_t id) { return "/console/lists/" + std::to_string(id) + "/"; }
inline std::string annual_report_console_url(std::int64_t id) { return "/console/annual-reports/" + std::to_string(id) + "/"; }
inline std::string work_task_console_url(std::int64_t plan_id, std::int64_t task_id) {
  return "/console/work-plans/" + std::to_string(plan_id) + "/#task-" + std::to_string(task_id);
}
inline std::string inspection_report_console_url(domain::Date day) { return "/console/inspection/report?day=" + day.iso(); }

}  // namespace zwgk::modules::jxkh
