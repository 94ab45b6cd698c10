#pragma once
// What an application must contain before it is registered (《政府信息公开条例》 Art. 29
// ¶2) and the day it counts as received (Art. 31), as one list of problems in form order.
// The public online form and the office's registration of a letter, a visit or a fax both
// go through registration_problems(): one wording, one limit.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "modules/ysqgk/domain/applicant.hpp"
#include "modules/ysqgk/domain/disclosure_request.hpp"

namespace zwgk::domain {

// The longest description accepted, in characters (字), not bytes.
inline constexpr std::size_t kDescriptionMaxChars = 2000;

// An application as a form gives it; a choice not made is nullopt (and a problem).
struct Registration {
  std::optional<RequestChannel> channel;
  ReceiptEvents receipt;  // only the fields of the channel are read (Art. 31)
  Applicant applicant;
  std::string description;  // Art. 29 ¶2(2): 所需政府信息的名称或者内容描述
  std::string doc_number;
  std::optional<MediumWanted> medium;      // Art. 29 ¶2(3)
  std::optional<DeliveryMethod> delivery;  // Art. 29 ¶2(3)
};

// Every problem, in form order; empty = it can be registered. `today`: a receipt day after
// it is refused.
std::vector<std::string> registration_problems(const Registration& r, Date today);
// The same, each keyed by the forms' field name (field_problem.hpp), for messages beside
// their fields.
std::vector<FieldProblem> registration_field_problems(const Registration& r, Date today);

// The online form's registration: channel 网上申请, received the day both sides confirm, i.e.
// `today`, when the receipt is shown (Art. 31).
Registration online_registration(Registration r, Date today);

// The new request in state 已收到 (precondition: no problems).
DisclosureRequest registered_request(const Registration& r);

}  // namespace zwgk::domain
