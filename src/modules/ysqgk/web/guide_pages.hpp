#pragma once
// 依申请公开指南's own pages besides the guide (request_pages.cpp):
//   GET P/ysqgk/application-form.docx   政府信息公开申请表 as Word (docx_export.hpp)
//   GET P/ysqgk/application-form.pdf    the same form as PDF (pdf_export.hpp, ADR 0033)
//     for letters and in-person applications (Art. 29 ¶1: 书面形式): the applicant's fields
//     of both kinds, 所需信息情况, 获取信息的方式 and 信息的提供方式, 申请人签名或盖章, 申请时间,
//     and the site's 受理机构 (name, address, postcode, phone, fax — what is configured).
//     Cached with the site's pages; saving the guide invalidates them.
//   GET/POST /console/ysqgk/guide       指南设置 (guide_settings_page.cpp)
#include <optional>
#include <string_view>

#include "http/response.hpp"
#include "web/console/console.hpp"
#include "web/page_context.hpp"

namespace zwgk::web {

inline constexpr std::string_view kApplicationFormFile = "application-form";

// `extension` "docx" or "pdf"; nullopt for anything else (404).
std::optional<http::Response> application_form_file(PageContext& ctx, std::string_view extension);

namespace console {
void register_guide_settings_page(ConsoleApp& app, http::Router& router);
}

}  // namespace zwgk::web
