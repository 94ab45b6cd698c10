#pragma once
// The views of a 工作要点 shared by the console and the public page: the parts with their tasks,
// each task with its units, their state and (where passed) what they reported.
#include "modules/gzyd/service/work_plan_service.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::web {

// `public_page`: only the passed 落实情况 and their files; `today`: overdue units marked;
// `file_url`: where a file is downloaded ("/console/work-plans/files/" or "P/gzyd/files/"), + id.
View plan_sections_view(const modules::gzyd::PlanView& v, domain::Date today, bool public_page,
                        const std::string& file_url);

}  // namespace zwgk::web
