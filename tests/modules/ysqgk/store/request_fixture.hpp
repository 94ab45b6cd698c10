#pragma once
// Applications for the request repository tests: a natural person with a distinctive ID
// number and an organisation, received on a given day.
#include "modules/ysqgk/domain/disclosure_request.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/store_fixture.hpp"
#include "support/holiday_calendar.hpp"

namespace zwgk::store::test {

// A valid GB 11643 number (check character computed), distinctive enough to grep for.
inline std::string resident_id(std::string_view first17) {
  static constexpr int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view check = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * w[i];
  return std::string(first17) + check[static_cast<std::size_t>(sum % 11)];
}

inline const std::string kDistinctiveId = resident_id("43050219850717631");

inline domain::DisclosureRequest person_request(const char* received, std::string description = "2024年城区道路改造项目的批复文件") {
  domain::Applicant a;
  a.kind = domain::ApplicantKind::NaturalPerson;
  a.person.name = "张小明";
  a.person.id_number = kDistinctiveId;
  a.person.address = "湖南省邵阳市大祥区红旗路12号";
  a.person.phone = "13873912345";
  a.person.email = "zhang@example.cn";
  domain::ReceiptEvents ev;
  ev.both_sides_confirmed = date(received);
  return domain::new_disclosure_request(domain::RequestChannel::Online, ev, a, std::move(description));
}

inline domain::DisclosureRequest organisation_request(const char* received, domain::OrganisationKind kind) {
  domain::Applicant a;
  a.kind = domain::ApplicantKind::Organisation;
  a.organisation.kind = kind;
  a.organisation.name = "邵阳某某律师事务所";
  a.organisation.credit_code = uscc("31430000MD0001234");
  a.organisation.legal_representative = "李四";
  a.organisation.contact_person = "王五";
  a.organisation.contact_phone = "0739-5321234";
  a.organisation.address = "湖南省邵阳市双清区";
  domain::ReceiptEvents ev;
  ev.handed_in = date(received);
  return domain::new_disclosure_request(domain::RequestChannel::InPerson, ev, a, "某项目环评批复");
}

// A department known by name only (no id): assignments that scope to nobody.
inline domain::Department named_department(std::string name) {
  domain::Department d;
  d.name = std::move(name);
  return d;
}

class RequestStoreTest : public StoreTest {
 protected:
  PersonalDataKey key = PersonalDataKey::derive_from(std::string(32, 'k'));
  DisclosureRequestRepository repo() { return DisclosureRequestRepository(*db, key); }
  const domain::WorkingDayCalendar& cal() { return zwgk::test::calendar(); }
};

}  // namespace zwgk::store::test
