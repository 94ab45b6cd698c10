#pragma once
// The e-mail notices of an application that the office used to record only (Art. 30 补正
// notice, Art. 33 ¶2 extension notice, the reply of Art. 36): written to the outbox when the
// step is taken, to the applicant's e-mail if they gave one. Pure text; no ID number, no
// name beyond what the applicant already knows.
#include <optional>
#include <string>

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

}  // namespace zwgk::domain
