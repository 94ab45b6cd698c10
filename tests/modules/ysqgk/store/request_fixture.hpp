#pragma once
// Applications for the request repository tests: a natural person with a distinctive ID
// number and an organisation, received on a given day.
#include "modules/ysqgk/domain/disclosure_request.hpp"
#include "modules/ysqgk/service/disclosure_request_service.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/department_repository.hpp"
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

// The 公开工作机构 of the site (a publisher account) taking every step through the use cases
// (modules/ysqgk/service/), one verb per step; the audit entries it writes are kept in
// `audited`. Steps refused by the domain throw domain::Conflict, as the service does.
class Office {
 public:
  Office(Database& db, const PersonalDataKey& key, const domain::Site& site, const domain::WorkingDayCalendar& cal,
         domain::Date today)
      : db_(db), key_(key), site_(site), cal_(cal), today_(today) {}

  modules::ysqgk::DisclosureRequestService service() { return {db_, key_, cal_, today_}; }
  domain::Caller caller(const std::string& name = "office") {
    domain::Caller c;
    c.account.id = 1;
    c.account.username = name;
    c.account.role = domain::Role::Publisher;
    c.account.site_id = site_.id;
    c.name = name;
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n); };
    return c;
  }

  // The request as the office registers it (its channel's receipt day = its received_on).
  modules::ysqgk::Registered register_request(const domain::DisclosureRequest& r) {
    return service().register_received(caller(), registration(r));
  }
  static domain::Registration registration(const domain::DisclosureRequest& r) {
    domain::Registration in;
    in.channel = r.channel;
    switch (r.channel) {
      case domain::RequestChannel::InPerson: in.receipt.handed_in = r.received_on; break;
      case domain::RequestChannel::Letter: in.receipt.signed_for = r.received_on; break;
      default: in.receipt.both_sides_confirmed = r.received_on; break;
    }
    in.applicant = r.applicant;
    in.description = r.description;
    in.doc_number = r.doc_number;
    in.medium = r.medium;
    in.delivery = r.delivery;
    return in;
  }

  domain::ApplyResult apply(const std::string& tn, domain::RequestEvent e, const domain::WorkingDayCalendar&,
                            const ReplyLetterMaker& letter = {}) {
    const std::string actor = e.actor.empty() ? "office" : e.actor;
    service().apply(caller(actor), tn, e, letter);
    return {true, {}};
  }
  domain::ApplyResult request_correction(const std::string& tn, domain::Date on, domain::Date by,
                                         const std::string& actor, const domain::WorkingDayCalendar& cal) {
    domain::RequestEvent e{domain::RequestEventKind::RequestCorrection, on, actor};
    e.correction_due_on = by;
    return apply(tn, e, cal);
  }
  domain::ApplyResult receive_correction(const std::string& tn, domain::Date on, const std::string& actor,
                                         const domain::WorkingDayCalendar& cal) {
    return apply(tn, {domain::RequestEventKind::ReceiveCorrection, on, actor}, cal);
  }
  domain::ApplyResult close_no_correction(const std::string& tn, domain::Date on, const std::string& actor,
                                          const domain::WorkingDayCalendar& cal) {
    return apply(tn, {domain::RequestEventKind::CloseNoCorrection, on, actor}, cal);
  }
  // A department given by name only is created on the site first (assignment is by id).
  domain::ApplyResult assign(const std::string& tn, domain::Date on, domain::Department dep, const std::string& actor,
                             const domain::WorkingDayCalendar& cal) {
    if (dep.id == 0 && !dep.name.empty()) {
      DepartmentRepository deps(db_);
      auto found = deps.by_name(site_.id, dep.name);
      if (!found) {
        dep.site_id = site_.id;
        found = deps.save(dep);
      }
      dep = *found;
    }
    domain::RequestEvent e{domain::RequestEventKind::Assign, on, actor};
    if (dep.id != 0) e.department_id = dep.id;
    return apply(tn, e, cal);
  }
  domain::ApplyResult start_consultation(const std::string& tn, domain::Date on, const std::string& third_party,
                                         const std::string& actor, const domain::WorkingDayCalendar& cal) {
    domain::RequestEvent e{domain::RequestEventKind::StartConsultation, on, actor};
    e.third_party = third_party;
    return apply(tn, e, cal);
  }
  domain::ApplyResult end_consultation(const std::string& tn, domain::Date on, const std::string& actor,
                                       const domain::WorkingDayCalendar& cal) {
    return apply(tn, {domain::RequestEventKind::EndConsultation, on, actor}, cal);
  }
  domain::ApplyResult extend(const std::string& tn, domain::Date on, int days, const std::string& approver,
                             bool notified, const std::string& actor, const domain::WorkingDayCalendar& cal) {
    domain::RequestEvent e{domain::RequestEventKind::Extend, on, actor};
    e.extension_working_days = days;
    e.approver = approver;
    e.applicant_notified = notified;
    return apply(tn, e, cal);
  }
  domain::ApplyResult reply(const std::string& tn, domain::Date on, domain::ReplyOutcome outcome,
                            const std::string& legal_basis, const std::string& note, const std::string& actor,
                            const domain::WorkingDayCalendar& cal, const ReplyLetterMaker& letter = {}) {
    domain::RequestEvent e{domain::RequestEventKind::Reply, on, actor};
    e.outcome = outcome;
    e.legal_basis = legal_basis;
    e.note = note;
    return apply(tn, e, cal, letter);
  }
  DisclosedFile add_disclosed_file(const std::string& tn, const std::string& name, std::string_view data,
                                   const std::string& media_type) {
    return service().add_disclosed_file(caller(), tn, name, data, media_type);
  }
  domain::RequestReview add_review(const domain::RequestReview& rv) { return service().add_review(caller(), rv); }
  domain::RequestReview decide_review(const std::string& tn, std::int64_t id, domain::ReviewOutcome outcome,
                                      std::optional<domain::Date> decided_on) {
    return service().decide_review(caller(), tn, id, outcome, decided_on);
  }

  std::vector<domain::AuditNote> audited;

 private:
  Database& db_;
  const PersonalDataKey& key_;
  const domain::Site& site_;
  const domain::WorkingDayCalendar& cal_;
  domain::Date today_;
};

class RequestStoreTest : public StoreTest {
 protected:
  PersonalDataKey key = PersonalDataKey::derive_from(std::string(32, 'k'));
  DisclosureRequestRepository repo() { return DisclosureRequestRepository(*db, key); }
  const domain::WorkingDayCalendar& cal() { return zwgk::test::calendar(); }
  // The injected clock of these tests: after every receipt day they use.
  const domain::Date today = date("2026-06-30");
  Office& office() {
    if (!office_) office_ = std::make_unique<Office>(*db, key, site, cal(), today);
    return *office_;
  }

 private:
  std::unique_ptr<Office> office_;
};

}  // namespace zwgk::store::test
