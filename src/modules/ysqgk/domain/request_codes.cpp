// Stable codes of the request enums: see request_codes.hpp.
#include "modules/ysqgk/domain/request_codes.hpp"

#include <array>
#include <utility>

namespace zwgk::domain {
namespace {

template <class E, std::size_t N>
std::string code_of(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [e, c] : table)
    if (e == v) return std::string(c);
  return {};
}

template <class E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view code) {
  for (const auto& [e, c] : table)
    if (c == code) return e;
  return std::nullopt;
}

using K = RequestEventKind;
constexpr std::array<std::pair<K, std::string_view>, 9> kEventKinds = {{
    {K::RequestCorrection, "request_correction"},
    {K::ReceiveCorrection, "receive_correction"},
    {K::CloseNoCorrection, "close_no_correction"},
    {K::Assign, "assign"},
    {K::StartConsultation, "start_consultation"},
    {K::EndConsultation, "end_consultation"},
    {K::Extend, "extend"},
    {K::Reply, "reply"},
    {K::Withdraw, "withdraw"},
}};

constexpr std::array<std::pair<MediumWanted, std::string_view>, 2> kMedia = {{
    {MediumWanted::Paper, "paper"}, {MediumWanted::Electronic, "electronic"}}};
constexpr std::array<std::pair<DeliveryMethod, std::string_view>, 4> kDelivery = {{
    {DeliveryMethod::Post, "post"},
    {DeliveryMethod::Email, "email"},
    {DeliveryMethod::Collect, "collect"},
    {DeliveryMethod::Online, "online"}}};
constexpr std::array<std::pair<ApplicantKind, std::string_view>, 2> kApplicantKinds = {{
    {ApplicantKind::NaturalPerson, "natural_person"}, {ApplicantKind::Organisation, "organisation"}}};
constexpr std::array<std::pair<OrganisationKind, std::string_view>, 5> kOrgKinds = {{
    {OrganisationKind::CommercialEnterprise, "commercial"},
    {OrganisationKind::ResearchInstitution, "research"},
    {OrganisationKind::PublicWelfareOrganisation, "public_welfare"},
    {OrganisationKind::LegalServiceInstitution, "legal_service"},
    {OrganisationKind::Other, "other"}}};
constexpr std::array<std::pair<IdType, std::string_view>, 6> kIdTypes = {{
    {IdType::ResidentIdCard, "resident_id"},
    {IdType::Passport, "passport"},
    {IdType::HongKongMacaoPermit, "hk_macao"},
    {IdType::TaiwanPermit, "taiwan"},
    {IdType::ForeignPermanentResidentCard, "foreign_permanent"},
    {IdType::Other, "other"}}};

}  // namespace

std::string to_code(RequestEventKind k) { return code_of(kEventKinds, k); }
std::optional<RequestEventKind> request_event_kind_from(std::string_view c) { return value_of(kEventKinds, c); }

std::optional<RequestState> request_state_from(std::string_view code) {
  using S = RequestState;
  for (auto s : {S::Received, S::CorrectionRequested, S::Corrected, S::Assigned, S::ConsultingThirdParty, S::Replied,
                 S::ClosedNoCorrection, S::Withdrawn})
    if (to_code(s) == code) return s;
  return std::nullopt;
}

std::string to_code(MediumWanted m) { return code_of(kMedia, m); }
std::string to_code(DeliveryMethod d) { return code_of(kDelivery, d); }
std::optional<MediumWanted> medium_wanted_from(std::string_view c) { return value_of(kMedia, c); }
std::optional<DeliveryMethod> delivery_method_from(std::string_view c) { return value_of(kDelivery, c); }

std::string to_code(ApplicantKind k) { return code_of(kApplicantKinds, k); }
std::string to_code(OrganisationKind k) { return code_of(kOrgKinds, k); }
std::string to_code(IdType t) { return code_of(kIdTypes, t); }
std::optional<ApplicantKind> applicant_kind_from(std::string_view c) { return value_of(kApplicantKinds, c); }
std::optional<OrganisationKind> organisation_kind_from(std::string_view c) { return value_of(kOrgKinds, c); }
std::optional<IdType> id_type_from(std::string_view c) { return value_of(kIdTypes, c); }

}  // namespace zwgk::domain
