#pragma once
// Stable ASCII codes for the enums of an information request (依申请公开), as stored in the
// database and sent by the public form and the API. Never change a code; labels are in
// applicant.hpp / disclosure_request.hpp. *_from() returns nullopt for an unknown code.
#include <optional>
#include <string>
#include <string_view>

#include "modules/ysqgk/domain/applicant.hpp"
#include "modules/ysqgk/domain/disclosure_request.hpp"

namespace zwgk::domain {

std::string to_code(RequestEventKind);  // request_correction, receive_correction, ...
std::optional<RequestEventKind> request_event_kind_from(std::string_view code);
std::optional<RequestState> request_state_from(std::string_view code);

std::string to_code(MediumWanted);    // paper | electronic
std::string to_code(DeliveryMethod);  // post | email | collect | online
std::optional<MediumWanted> medium_wanted_from(std::string_view code);
std::optional<DeliveryMethod> delivery_method_from(std::string_view code);

std::string to_code(ApplicantKind);     // natural_person | organisation
std::string to_code(OrganisationKind);  // commercial | research | public_welfare | legal_service | other
std::string to_code(IdType);            // resident_id | passport | hk_macao | taiwan | foreign_permanent | other
std::optional<ApplicantKind> applicant_kind_from(std::string_view code);
std::optional<OrganisationKind> organisation_kind_from(std::string_view code);
std::optional<IdType> id_type_from(std::string_view code);

}  // namespace zwgk::domain
