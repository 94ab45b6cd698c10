#pragma once
// The e-mail notices of an application that the office used to record only (Art. 30 补正
// notice, Art. 33 ¶2 extension notice, the reply of Art. 36): written to the outbox when the
// step is taken, to the applicant's e-mail if they gave one. Pure text; no ID number, no
// name beyond what the applicant already knows.
#include <optional>
#include <string>
#include <string_view>

#include "modules/ysqgk/domain/disclosure_request.hpp"

namespace zwgk::domain {

struct RequestNoticeText {
  std::string kind;  // the outbox kind: ysqgk.correction_notice | ysqgk.extension_notice | ysqgk.reply
  std::string subject;
  std::string body;
};

// The notice a step sends, or nullopt for a step that sends none. `status_url`: absolute,
// the applicant's status page; `due_on`: the reply's due date after the step.
std::optional<RequestNoticeText> request_notice(const RequestEvent& step, const DisclosureRequest& after,
                                                const std::string& body_name, const std::string& status_url,
                                                std::optional<Date> due_on);

// The receipt of an online application (Art. 29 ¶3: the application's details; the 查询码
// so it is not lost with the receipt page), sent when the applicant gave an e-mail address.
RequestNoticeText receipt_notice(const DisclosureRequest& r, const std::string& query_code,
                                 const std::string& body_name, const std::string& status_url, Date due_on);
// A new 查询码 after 找回查询码 (the old one no longer works).
RequestNoticeText query_code_reset_notice(const DisclosureRequest& r, const std::string& query_code,
                                          const std::string& body_name, const std::string& status_url);

// Where an applicant's notices go: the person's e-mail or the organisation's contact e-mail
// (empty when none was given).
std::string notice_address(const Applicant& a);
// Whether `email` is the address the applicant gave (surrounding spaces and letter case of
// the address ignored); an applicant without an address matches nothing.
bool is_applicants_address(const Applicant& a, std::string_view email);

}  // namespace zwgk::domain
