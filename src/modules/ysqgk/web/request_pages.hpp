#pragma once
// 依申请公开, the public side (P = the site's path prefix):
//   GET  P/ysqgk/                     依申请公开指南 of the site
//   GET  P/ysqgk/department/{id}/     the guide of one department
//   GET  P/ysqgk/application-form.docx|.pdf   政府信息公开申请表 (guide_pages.hpp)
//   GET  P/ysqgk/apply/               online application form (sets the form cookie)
//   POST P/ysqgk/apply/               submit: errors -> the form again, every value kept;
//                                     accepted -> the receipt (tracking number + query code, shown once)
//   GET  P/ysqgk/status/              lookup form; POST: the status (same answer for an
//                                     unknown number and a wrong code)
//   POST P/ysqgk/status/letter        the reply letter as a file (tracking number + code in the body)
//   GET  /ysqgk-files/{token}/{name}  a disclosed file by its private token
// No page here shows the applicant's name, ID number, phone, address or e-mail.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/field_problem.hpp"

#include "modules/ysqgk/domain/applicant.hpp"
#include "http/form.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

// For SiteApp's router: seg[0] == "ysqgk". nullopt = no such page (404).
std::optional<http::Response> request_page(PageContext& ctx, const std::vector<std::string_view>& seg);

// The applicant fields of the application form (the field names of templates/ysqgk/apply.mustache:
// applicant_kind, name, id_type, id_number, ..., org_kind, org_name, ...); a choice not made
// is appended to `problems` (the rules are domain::registration_problems, which also checks
// the applicant). The console's staff registration uses the same.
domain::Applicant applicant_from_form(const http::Form& f, std::vector<domain::FieldProblem>& problems);

// <option> lists of the application form (code, label, selected), shared by the public
// form and the console's staff registration so both post the same codes.
// (code, label) pairs -> options with `selected` marked.
View select_options(const std::vector<std::pair<std::string, std::string>>& list, const std::string& selected);
View id_type_options(const std::string& selected);
View organisation_kind_options(const std::string& selected, bool with_placeholder);
View medium_options(const std::string& selected);
View delivery_options(const std::string& selected);

// GET /api/v1/requests/{tracking_number}?code=... — the status without personal data; an
// unknown number and a wrong code give the same 404. The annual report's sections 三 and
// 四 are served behind console login at GET /console/api/requests/annual-report?year=YYYY
// (request_annual_report.hpp).
void register_request_public_api(http::Router& router, store::Database& db, const WebOptions& options);

std::optional<http::Response> disclosed_file_download(store::Database& db, const http::Request& req);

}  // namespace zwgk::web
