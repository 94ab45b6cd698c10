// 依申请公开: the use cases (modules/ysqgk/service/) and the rows they leave, on both
// backends. Dates counted on the shipped calendar
// (data/holiday-cn): 2024-09-27 + 20 working days = 2024-10-30 (国庆节 10-01..07 off,
// 09-29 and 10-12 make-up working days).
#include "modules/ysqgk/service/disclosure_request_service.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "domain/errors.hpp"
#include "modules/ysqgk/domain/reply_letter_wording.hpp"
#include "modules/ysqgk/store/request_fixture.hpp"
#include "store/audit_log.hpp"
#include "store/outbox_repository.hpp"

namespace zwgk::store::test {
namespace {

using domain::ReplyOutcome;
using domain::RequestState;
using zwgk::test::d;

TEST_F(RequestStoreTest, RoundTripKeepsPersonalDataApart) {
  auto r = repo();
  auto& of = office();
  auto req = person_request("2024-09-27");
  req.doc_number = "邵政发〔2024〕3号";
  req.medium = domain::MediumWanted::Paper;
  req.delivery = domain::DeliveryMethod::Post;
  const auto reg = of.register_request(req);
  EXPECT_EQ(reg.tracking_number, "YSQ-2024-000001");
  EXPECT_EQ(reg.query_code.size(), 10u);
  EXPECT_EQ(of.register_request(person_request("2024-10-08")).tracking_number, "YSQ-2024-000002");
  EXPECT_EQ(of.register_request(person_request("2025-01-02")).tracking_number, "YSQ-2025-000001");

  auto pub = r.find(reg.tracking_number);
  ASSERT_TRUE(pub);
  EXPECT_EQ(pub->site_id, site.id);
  EXPECT_EQ(pub->request.received_on, d("2024-09-27"));
  EXPECT_EQ(pub->request.channel, domain::RequestChannel::Online);
  EXPECT_EQ(pub->request.doc_number, "邵政发〔2024〕3号");
  EXPECT_EQ(pub->request.medium, domain::MediumWanted::Paper);
  EXPECT_EQ(pub->request.delivery, domain::DeliveryMethod::Post);
  EXPECT_EQ(pub->request.state, RequestState::Received);
  EXPECT_EQ(pub->request.applicant.kind, domain::ApplicantKind::NaturalPerson);
  EXPECT_EQ(pub->request.applicant.person.name, "") << "public lookups never read the applicant";
  EXPECT_EQ(pub->request.applicant.person.id_number, "");

  auto full = r.find_with_applicant(reg.tracking_number);
  ASSERT_TRUE(full);
  EXPECT_EQ(full->request.applicant.person.name, "张小明");
  EXPECT_EQ(full->request.applicant.person.id_number, kDistinctiveId);
  EXPECT_EQ(full->request.applicant.person.phone, "13873912345");

  // The same rows opened with another installation secret: the ID number stays sealed.
  PersonalDataKey other = PersonalDataKey::derive_from(std::string(32, 'x'));
  auto foreign = DisclosureRequestRepository(*db, other).find_with_applicant(reg.tracking_number);
  EXPECT_NE(foreign->request.applicant.person.id_number, kDistinctiveId);
}

TEST_F(RequestStoreTest, QueryCodeOpensOnlyItsOwnRequest) {
  auto r = repo();
  auto& of = office();
  const auto a = of.register_request(person_request("2024-09-27"));
  const auto b = of.register_request(person_request("2024-09-27"));
  EXPECT_TRUE(r.find_public(a.tracking_number, a.query_code));
  EXPECT_FALSE(r.find_public(a.tracking_number, b.query_code));
  EXPECT_FALSE(r.find_public(a.tracking_number, ""));
  EXPECT_FALSE(r.find_public("YSQ-2024-999999", a.query_code));
}

TEST_F(RequestStoreTest, OrganisationApplicant) {
  auto r = repo();
  auto& of = office();
  const auto reg = of.register_request(organisation_request("2024-09-27", domain::OrganisationKind::LegalServiceInstitution));
  auto found = r.find_with_applicant(reg.tracking_number);
  EXPECT_EQ(found->request.channel, domain::RequestChannel::InPerson);
  EXPECT_EQ(found->request.applicant.organisation.kind, domain::OrganisationKind::LegalServiceInstitution);
  EXPECT_EQ(found->request.applicant.organisation.contact_person, "王五");
}

TEST_F(RequestStoreTest, InvalidApplicationWritesNothing) {
  auto r = repo();
  auto& of = office();
  auto bad = person_request("2024-09-27", " ");
  bad.applicant.person.phone = "123";
  try {
    of.register_request(bad);
    FAIL() << "accepted";
  } catch (const domain::ValidationError& e) {
    EXPECT_EQ(e.problems().size(), 2u);
  }
  EXPECT_TRUE(r.list(site.id, std::nullopt).empty()) << "nothing written";
  EXPECT_TRUE(of.audited.empty()) << "no audit entry";
  EXPECT_EQ(of.register_request(person_request("2024-09-27")).tracking_number, "YSQ-2024-000001");
}

TEST_F(RequestStoreTest, EveryEventThroughTheServiceWithLetter) {
  auto r = repo();
  auto& of = office();
  const auto tn = of.register_request(person_request("2024-09-27")).tracking_number;
  EXPECT_TRUE(of.request_correction(tn, d("2024-09-30"), d("2024-10-15"), "office", cal()));
  EXPECT_EQ(r.find(tn)->request.state, RequestState::CorrectionRequested);
  EXPECT_TRUE(of.receive_correction(tn, d("2024-10-10"), "office", cal()));
  EXPECT_TRUE(of.assign(tn, d("2024-10-10"), named_department("邵阳市自然资源和规划局"), "office", cal()));
  EXPECT_TRUE(of.start_consultation(tn, d("2024-10-14"), "某建设公司", "dept", cal()));
  EXPECT_TRUE(of.end_consultation(tn, d("2024-10-18"), "dept", cal()));
  EXPECT_TRUE(of.extend(tn, d("2024-10-21"), 15, "刘主任", true, "office", cal()));
  bool letter_called = false;
  EXPECT_TRUE(of.reply(tn, d("2024-11-01"), ReplyOutcome::PartiallyDisclosed, "", "", "office", cal(),
                      [&](const domain::DisclosureRequest& after) {
                        letter_called = true;
                        EXPECT_EQ(after.state, RequestState::Replied);
                        return ReplyLetter{"答复书-" + after.tracking_number + ".html", "text/html; charset=utf-8",
                                           "<p>" + domain::to_label(*after.outcome) + "</p>"};
                      }));
  EXPECT_TRUE(letter_called);

  auto s = r.find(tn)->request;
  EXPECT_EQ(s.state, RequestState::Replied);
  ASSERT_EQ(s.history.size(), 7u);
  EXPECT_EQ(s.correction_due_on, d("2024-10-15"));
  EXPECT_EQ(s.corrected_on, d("2024-10-10"));
  EXPECT_EQ(s.department, "邵阳市自然资源和规划局");
  ASSERT_EQ(s.consultations.size(), 1u);
  EXPECT_EQ(s.consultations[0].third_party, "某建设公司");
  EXPECT_EQ(s.consultations[0].ended_on, d("2024-10-18"));
  ASSERT_TRUE(s.extension);
  EXPECT_EQ(s.extension->working_days, 15);
  EXPECT_EQ(s.extension->approver, "刘主任");
  EXPECT_TRUE(s.history[5].applicant_notified);
  EXPECT_EQ(s.outcome, ReplyOutcome::PartiallyDisclosed);
  EXPECT_EQ(s.closed_on, d("2024-11-01"));
  EXPECT_EQ(s.history.back().legal_basis, domain::default_legal_basis(ReplyOutcome::PartiallyDisclosed));
  auto letter = r.reply_letter(tn);
  ASSERT_TRUE(letter);
  EXPECT_EQ(letter->file_name, "答复书-" + tn + ".html");
  EXPECT_EQ(letter->body, "<p>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</p>");
}

TEST_F(RequestStoreTest, RefusedEventsChangeNothing) {
  auto r = repo();
  auto& of = office();
  const auto tn = of.register_request(person_request("2024-09-27")).tracking_number;
  auto before = r.find(tn)->request;
  // A refusal is the error family's Conflict (thrown, like the document workflow's).
  const auto refusal = [](const std::function<void()>& f) -> std::string {
    try {
      f();
    } catch (const domain::Conflict& e) {
      return e.what();
    }
    ADD_FAILURE() << "no domain::Conflict thrown";
    return "";
  };
  EXPECT_EQ(refusal([&] {
              of.reply(tn, d("2024-10-08"), ReplyOutcome::Disclosed, "", "", "office", cal(),
                      [](const domain::DisclosureRequest&) -> ReplyLetter {
                        ADD_FAILURE() << "no letter for a refused reply";
                        return {};
                      });
            }),
            "当前状态为“已收到”，不能办理“答复”");
  EXPECT_FALSE(r.reply_letter(tn));
  // Correction notice after 7 working days (Art. 30): 09-27 -> 10-12 is the 7th... 10-14 the 8th.
  const auto late = refusal([&] { of.request_correction(tn, d("2024-10-14"), d("2024-10-30"), "office", cal()); });
  EXPECT_NE(late.find("7个工作日"), std::string::npos) << late;
  EXPECT_EQ(r.find(tn)->request.history.size(), before.history.size());
  EXPECT_EQ(r.find(tn)->request.state, RequestState::Received);

  ASSERT_TRUE(of.assign(tn, d("2024-10-08"), named_department("市政府办"), "office", cal()));
  ASSERT_TRUE(of.extend(tn, d("2024-10-09"), 20, "刘主任", true, "office", cal()));
  EXPECT_NE(refusal([&] { of.extend(tn, d("2024-10-10"), 5, "刘主任", true, "office", cal()); }).find("只能延长一次"),
            std::string::npos);
  auto after = r.find(tn)->request;
  EXPECT_EQ(after.history.size(), 2u);
  EXPECT_EQ(after.extension->working_days, 20);
  EXPECT_THROW(of.assign("YSQ-2024-999999", d("2024-10-08"), named_department("x"), "office", cal()), domain::NotFound);
}

TEST_F(RequestStoreTest, ExtensionAtMostTwentyWorkingDays) {
  auto r = repo();
  auto& of = office();
  const auto tn = of.register_request(person_request("2024-09-27")).tracking_number;
  ASSERT_TRUE(of.assign(tn, d("2024-10-08"), named_department("市政府办"), "office", cal()));
  EXPECT_THROW(of.extend(tn, d("2024-10-09"), 21, "刘主任", true, "office", cal()), domain::Conflict);
  EXPECT_THROW(of.extend(tn, d("2024-10-09"), 10, "", true, "office", cal()), domain::Conflict);
  EXPECT_THROW(of.extend(tn, d("2024-10-09"), 10, "刘主任", false, "office", cal()), domain::Conflict);
  EXPECT_FALSE(r.find(tn)->request.extension);
  ASSERT_TRUE(of.extend(tn, d("2024-10-09"), 20, "刘主任", true, "office", cal()));
  // 2024-10-30 + 20 working days = 2024-11-27.
  EXPECT_EQ(domain::due_date(r.find(tn)->request, cal(), d("2024-10-09")).due_on, d("2024-11-27"));
}

TEST_F(RequestStoreTest, CorrectionRestartsTheClock) {
  auto r = repo();
  auto& of = office();
  const auto tn = of.register_request(person_request("2024-09-27")).tracking_number;
  EXPECT_EQ(domain::due_date(r.find(tn)->request, cal(), d("2024-09-27")).due_on, d("2024-10-30"));
  ASSERT_TRUE(of.request_correction(tn, d("2024-09-30"), d("2024-10-15"), "office", cal()));
  ASSERT_TRUE(of.receive_correction(tn, d("2024-10-14"), "office", cal()));
  // Day zero is now 2024-10-14 (Mon): 20 working days later is 2024-11-11.
  EXPECT_EQ(domain::due_date(r.find(tn)->request, cal(), d("2024-10-14")).due_on, d("2024-11-11"));
}

TEST_F(RequestStoreTest, NoCorrectionInTimeClosesWithOutcomeSixOne) {
  auto r = repo();
  auto& of = office();
  const auto tn = of.register_request(person_request("2024-09-27")).tracking_number;
  ASSERT_TRUE(of.request_correction(tn, d("2024-09-30"), d("2024-10-15"), "office", cal()));
  EXPECT_THROW(of.close_no_correction(tn, d("2024-10-15"), "office", cal()), domain::Conflict)
      << "the period has not run out";
  ASSERT_TRUE(of.close_no_correction(tn, d("2024-10-16"), "office", cal()));
  auto s = r.find(tn)->request;
  EXPECT_EQ(s.state, RequestState::ClosedNoCorrection);
  EXPECT_EQ(s.outcome, ReplyOutcome::NoCorrectionInTime);
  auto three = r.section_three(site.id, 2024);
  for (const auto& [o, row] : three.outcomes) {
    if (o == ReplyOutcome::NoCorrectionInTime) {
      EXPECT_EQ(row[0], 1);
    }
  }
}

TEST_F(RequestStoreTest, ThirdPartyPauseMovesTheDueDate) {
  auto r = repo();
  auto& of = office();
  const auto tn = of.register_request(person_request("2024-09-27")).tracking_number;
  ASSERT_TRUE(of.assign(tn, d("2024-10-08"), named_department("市政府办"), "office", cal()));
  ASSERT_TRUE(of.start_consultation(tn, d("2024-10-14"), "某建设公司", "dept", cal()));
  EXPECT_EQ(domain::classify_due(r.find(tn)->request, cal(), d("2024-10-20")), domain::DueStatus::Paused);
  ASSERT_TRUE(of.end_consultation(tn, d("2024-10-18"), "dept", cal()));
  // 10-14..10-18 (five working days) are not counted: 2024-10-30 -> 2024-11-06.
  EXPECT_EQ(domain::due_date(r.find(tn)->request, cal(), d("2024-10-20")).due_on, d("2024-11-06"));
}

TEST_F(RequestStoreTest, DueDateFollowsACalendarChange) {
  auto r = repo();
  auto& of = office();
  const auto tn = of.register_request(person_request("2025-09-26")).tracking_number;
  // Without the 2025 notice the year is counted on weekends alone, with a warning.
  const auto without = zwgk::test::shipped_calendar({2025});
  const auto before = domain::due_date(r.find(tn)->request, without, d("2025-09-26"));
  EXPECT_EQ(before.warning.missing_years, std::vector<int>{2025});
  // The same stored application once the 2025 file is there: 国庆节、中秋节 10-01..08 off,
  // 09-28 and 10-11 make-up days.
  const auto after = domain::due_date(r.find(tn)->request, cal(), d("2025-09-26"));
  EXPECT_TRUE(after.warning.empty());
  EXPECT_NE(before.due_on, after.due_on);
  EXPECT_EQ(after.due_on, d("2025-10-30"));
}

TEST_F(RequestStoreTest, Dashboard) {
  auto r = repo();
  auto& of = office();
  const auto soon = of.register_request(person_request("2024-09-27")).tracking_number;     // due 10-30
  const auto late = of.register_request(person_request("2024-09-02")).tracking_number;     // long past
  const auto paused = of.register_request(person_request("2024-10-25")).tracking_number;
  const auto fine = of.register_request(person_request("2024-10-21")).tracking_number;
  const auto done = of.register_request(person_request("2024-10-21")).tracking_number;
  ASSERT_TRUE(of.request_correction(paused, d("2024-10-28"), d("2024-11-08"), "office", cal()));
  ASSERT_TRUE(of.assign(fine, d("2024-10-22"), named_department("邵阳市教育局"), "office", cal()));
  ASSERT_TRUE(of.assign(soon, d("2024-10-22"), named_department("邵阳市教育局"), "office", cal()));
  ASSERT_TRUE(of.assign(done, d("2024-10-22"), named_department("邵阳市教育局"), "office", cal()));
  ASSERT_TRUE(of.reply(done, d("2024-10-25"), ReplyOutcome::Disclosed, "", "", "office", cal()));

  auto dash = r.dashboard(site.id, cal(), d("2024-10-28"));
  ASSERT_EQ(dash.due_soon.size(), 1u);
  EXPECT_EQ(dash.due_soon[0].tracking_number, soon);
  EXPECT_EQ(dash.due_soon[0].deadline.due_on, d("2024-10-30"));
  ASSERT_EQ(dash.overdue.size(), 1u);
  EXPECT_EQ(dash.overdue[0].tracking_number, late);
  ASSERT_EQ(dash.paused.size(), 1u);
  EXPECT_EQ(dash.paused[0].tracking_number, paused);
  ASSERT_EQ(dash.on_time.size(), 1u);
  EXPECT_EQ(dash.on_time[0].tracking_number, fine);
  EXPECT_EQ(dash.by_department["邵阳市教育局"].size(), 2u);
  EXPECT_EQ(dash.by_department[""].size(), 2u) << "not yet assigned";
  // Another site's dashboard is empty; site 0 is every site.
  domain::Site other;
  other.code = "xinshao";
  other.name = "新邵县人民政府";
  other.path_prefix = "/xinshao";
  other = SiteRepository(*db).save(other);
  EXPECT_TRUE(r.open_requests(other.id, cal(), d("2024-10-28")).empty());
  EXPECT_EQ(r.open_requests(0, cal(), d("2024-10-28")).size(), 4u);
}

TEST_F(RequestStoreTest, AnnualReportSectionsThreeAndFour) {
  auto r = repo();
  auto& of = office();
  // Carried over from 2023, answered in 2024.
  const auto old = of.register_request(person_request("2023-12-20")).tracking_number;
  ASSERT_TRUE(of.assign(old, d("2023-12-21"), named_department("市政府办"), "office", cal()));
  ASSERT_TRUE(of.reply(old, d("2024-01-10"), ReplyOutcome::NotHeld, "", "", "office", cal()));
  // New in 2024, answered: a law firm (法律服务机构), 不予公开 4.
  const auto firm = of.register_request(organisation_request("2024-03-01", domain::OrganisationKind::LegalServiceInstitution)).tracking_number;
  ASSERT_TRUE(of.assign(firm, d("2024-03-04"), named_department("市政府办"), "office", cal()));
  ASSERT_TRUE(of.reply(firm, d("2024-03-20"), ReplyOutcome::ThirdPartyRights, "", "", "office", cal()));
  // New in 2024, still open at the year's end.
  of.register_request(organisation_request("2024-12-27", domain::OrganisationKind::CommercialEnterprise));
  // Withdrawn in 2024: （六）3.其他.
  const auto w = of.register_request(person_request("2024-05-06")).tracking_number;
  ASSERT_TRUE(of.apply(w, {domain::RequestEventKind::Withdraw, d("2024-05-07"), "office"}, cal()));
  // Closed in 2023: not in 2024.
  const auto gone = of.register_request(person_request("2023-03-01")).tracking_number;
  ASSERT_TRUE(of.assign(gone, d("2023-03-02"), named_department("市政府办"), "office", cal()));
  ASSERT_TRUE(of.reply(gone, d("2023-03-10"), ReplyOutcome::Disclosed, "", "", "office", cal()));

  const auto t = r.section_three(site.id, 2024);
  EXPECT_EQ(t.new_this_year, (domain::ApplicantRow{1, 1, 0, 0, 1, 0, 3}));
  EXPECT_EQ(t.carried_over, (domain::ApplicantRow{1, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(t.total, (domain::ApplicantRow{2, 0, 0, 0, 1, 0, 3}));
  EXPECT_EQ(t.carried_forward, (domain::ApplicantRow{0, 1, 0, 0, 0, 0, 1}));
  for (const auto& [o, row] : t.outcomes) {
    long long expected = (o == ReplyOutcome::NotHeld || o == ReplyOutcome::ThirdPartyRights || o == ReplyOutcome::Other) ? 1 : 0;
    EXPECT_EQ(row[6], expected) << domain::to_full_label(o);
  }
  EXPECT_EQ(t.new_this_year[6] + t.carried_over[6], t.total[6] + t.carried_forward[6]) << "the table's own check";

  // Table 四.
  domain::RequestReview rv;
  rv.tracking_number = firm;
  rv.kind = domain::ReviewKind::Reconsideration;
  rv.filed_on = d("2024-04-01");
  rv = of.add_review(rv);
  domain::RequestReview lit = rv;
  lit.kind = domain::ReviewKind::LitigationDirect;
  lit.filed_on = d("2024-05-01");
  lit.outcome = domain::ReviewOutcome::Upheld;
  lit.decided_on = d("2024-09-01");
  of.add_review(lit);
  EXPECT_THROW(of.decide_review(firm, rv.id, domain::ReviewOutcome::Corrected, std::nullopt), domain::ValidationError);
  of.decide_review(firm, rv.id, domain::ReviewOutcome::Corrected, d("2025-02-01"));
  domain::RequestReview open_one;
  open_one.tracking_number = of.register_request(person_request("2024-06-03")).tracking_number;
  open_one.filed_on = d("2024-07-01");
  EXPECT_THROW(of.add_review(open_one), domain::ValidationError) << "not yet answered";

  const auto four = r.section_four(site.id, 2024);
  EXPECT_EQ(four.reconsideration, (domain::ReviewRow{0, 0, 0, 1, 1})) << "decided after the year's end";
  EXPECT_EQ(four.litigation_direct, (domain::ReviewRow{1, 0, 0, 0, 1}));
  EXPECT_EQ(four.litigation_after_reconsideration, (domain::ReviewRow{0, 0, 0, 0, 0}));
  EXPECT_EQ(r.section_four(site.id, 2025).reconsideration, (domain::ReviewRow{0, 0, 0, 0, 0}));
  EXPECT_EQ(r.reviews(firm).size(), 2u);
}

TEST_F(RequestStoreTest, DisclosedFilesByPrivateToken) {
  auto r = repo();
  auto& of = office();
  const auto tn = of.register_request(person_request("2024-09-27")).tracking_number;
  auto f = of.add_disclosed_file(tn, "批复文件.pdf", "%PDF-1.4 test", "application/pdf");
  EXPECT_EQ(f.download_token.size(), 48u);
  EXPECT_EQ(r.disclosed_files(tn).size(), 1u);
  EXPECT_EQ(r.file_by_token(f.download_token)->file_name, "批复文件.pdf");
  EXPECT_FALSE(r.file_by_token("0000"));
  EXPECT_THROW(of.add_disclosed_file(tn, "../x", "x", "text/plain"), domain::ValidationError);
}

// Assignment is by department id: a rename keeps the application with its department
// (the name at the time stays for display), and the list filters by id.
TEST_F(RequestStoreTest, AssignmentFollowsTheDepartmentIdAcrossARename) {
  auto r = repo();
  auto& of = office();
  const auto tn = of.register_request(person_request("2024-09-27")).tracking_number;
  const auto other = of.register_request(person_request("2024-09-27")).tracking_number;
  ASSERT_TRUE(of.assign(tn, d("2024-10-08"), department, "office", cal()));
  auto found = r.find(tn);
  ASSERT_TRUE(found->request.department_id);
  EXPECT_EQ(*found->request.department_id, department.id);
  EXPECT_EQ(found->request.department, department.name);

  auto renamed = department;
  renamed.name = "邵阳市民政局（更名后）";
  DepartmentRepository(*db).save(renamed);
  found = r.find(tn);
  EXPECT_EQ(found->request.department_id, department.id);
  RequestListQuery q;
  q.site_id = site.id;
  q.department_id = department.id;
  const auto page = r.list(q);
  ASSERT_EQ(page.total, 1);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].request.tracking_number, tn);
  const auto open = r.open_requests(site.id, cal(), d("2024-10-09"));
  for (const auto& o : open)
    if (o.tracking_number == tn) EXPECT_EQ(o.department_id, department.id);
    else EXPECT_EQ(o.tracking_number, other);
}

TEST_F(RequestStoreTest, ListIsPagedInSqlNewestFirst) {
  auto r = repo();
  auto& of = office();
  std::vector<std::string> tns;
  for (int day = 1; day <= 7; ++day) {
    const std::string date = "2024-10-0" + std::to_string(day);
    tns.push_back(of.register_request(person_request(date.c_str())).tracking_number);
  }
  RequestListQuery q;
  q.site_id = site.id;
  q.per_page = 3;
  auto p1 = r.list(q);
  EXPECT_EQ(p1.total, 7);
  ASSERT_EQ(p1.items.size(), 3u);
  EXPECT_EQ(p1.items[0].request.tracking_number, tns[6]);
  EXPECT_EQ(p1.items[2].request.tracking_number, tns[4]);
  q.page = 3;
  auto p3 = r.list(q);
  EXPECT_EQ(p3.total, 7);
  ASSERT_EQ(p3.items.size(), 1u);
  EXPECT_EQ(p3.items[0].request.tracking_number, tns[0]);
  EXPECT_EQ(p3.items[0].request.state, RequestState::Received);  // events replayed
  q.page = 4;
  EXPECT_TRUE(r.list(q).items.empty());
  q.page = 1;
  q.state = RequestState::Replied;
  EXPECT_EQ(r.list(q).total, 0);
}


// The online form's use case: received today (Art. 31), audited as ysqgk.submit by "public"
// with the tracking number and no personal data, in the same transaction as the rows.
TEST_F(RequestStoreTest, OnlineSubmissionIsAuditedWithoutPersonalData) {
  auto r = repo();
  auto in = Office::registration(person_request("2024-09-27"));
  in.channel.reset();  // the online form does not ask
  const auto reg = office().service().submit_online(site.id, in);
  const auto stored = r.find(reg.tracking_number);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->request.channel, domain::RequestChannel::Online);
  EXPECT_EQ(stored->request.received_on, today) << "the receipt confirms it online, on the service's clock";
  const auto entries = AuditLog(*db).entries("disclosure_request", reg.tracking_number);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "ysqgk.submit");
  EXPECT_EQ(entries[0].actor.username, "public");
  EXPECT_EQ(entries[0].actor.address, "");
  const std::string text = entries[0].changes;
  EXPECT_EQ(text.find(kDistinctiveId), std::string::npos);
  EXPECT_EQ(text.find("张小明"), std::string::npos);
  EXPECT_EQ(text.find("13873912345"), std::string::npos);

  // A bad one: every problem at once, nothing written, no entry.
  auto bad = in;
  bad.description = "";
  bad.applicant.person.phone = "123";
  try {
    office().service().submit_online(site.id, bad);
    FAIL() << "accepted";
  } catch (const domain::Invalid& e) {
    EXPECT_EQ(e.problems().size(), 2u);
  }
  EXPECT_EQ(r.list(site.id, std::nullopt).size(), 1u);
  EXPECT_EQ(AuditLog(*db).entries("disclosure_request").size(), 1u);
}

// Each use case writes its own audit entry, named module.action, with ids and codes only.
TEST_F(RequestStoreTest, EveryStepIsAuditedByItsUseCase) {
  auto& of = office();
  const auto tn = of.register_request(person_request("2024-09-27")).tracking_number;
  ASSERT_TRUE(of.assign(tn, d("2024-10-08"), department, "office", cal()));
  EXPECT_THROW(of.reply(tn, d("2024-10-09"), ReplyOutcome::NoCorrectionInTime, "", "", "office", cal()),
               domain::Conflict);
  ASSERT_TRUE(of.reply(tn, d("2024-10-09"), ReplyOutcome::Disclosed, "", "", "office", cal()));
  std::vector<std::string> actions;
  for (const auto& n : of.audited) {
    actions.push_back(n.action);
    EXPECT_EQ(n.object_type, "disclosure_request");
    EXPECT_EQ(n.object_id, tn);
    EXPECT_EQ(n.detail.find(kDistinctiveId), std::string::npos);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"ysqgk.register", "ysqgk.assign", "ysqgk.reply"}))
      << "the refused reply wrote no entry";
  EXPECT_EQ(of.audited[1].detail, "department_id=" + std::to_string(department.id));
  EXPECT_EQ(of.audited[2].detail, "outcome=disclosed");
  EXPECT_EQ(repo().find(tn)->request.history.back().actor, "office") << "the caller's name is the step's actor";
}

// The use case asks the registry on the application: a department editor may not register
// or answer; another site's application does not exist for the caller.
TEST_F(RequestStoreTest, UseCasesAskThePermissionRegistry) {
  auto& of = office();
  const auto tn = of.register_request(person_request("2024-09-27")).tracking_number;
  auto editor = of.caller("editor");
  editor.account.role = domain::Role::DepartmentEditor;
  editor.account.department_id = department.id;
  auto svc = of.service();
  EXPECT_THROW(svc.register_received(editor, Office::registration(person_request("2024-09-27"))), domain::Forbidden);
  domain::RequestEvent assign{domain::RequestEventKind::Assign, d("2024-10-08"), ""};
  assign.department_id = department.id;
  EXPECT_THROW(svc.apply(editor, tn, assign), domain::Forbidden);
  EXPECT_EQ(repo().find(tn)->request.state, RequestState::Received);

  domain::Site other;
  other.code = "xinshao";
  other.name = "新邵县人民政府";
  other.path_prefix = "/xinshao";
  other = SiteRepository(*db).save(other);
  auto stranger = of.caller("stranger");
  stranger.account.site_id = other.id;
  EXPECT_THROW(svc.apply(stranger, tn, assign), domain::NotFound);
  // A department of another site is refused by name and by id.
  domain::RequestEvent foreign = assign;
  domain::Department theirs;
  theirs.site_id = other.id;
  theirs.name = "新邵县民政局";
  foreign.department_id = DepartmentRepository(*db).save(theirs).id;
  EXPECT_THROW(svc.apply(of.caller(), tn, foreign), domain::Invalid);
  EXPECT_EQ(of.audited.size(), 1u) << "only the registration";
}

// The notices that were only recorded (补正, 延期, 答复) reach the applicant's e-mail through
// the outbox, in the transaction of the step; an applicant without e-mail gets none.
TEST_F(RequestStoreTest, CorrectionExtensionAndReplyNoticesGoToTheOutbox) {
  auto& of = office();
  const auto tn = of.register_request(person_request("2024-09-27")).tracking_number;
  const auto quiet = of.register_request(organisation_request("2024-09-27", domain::OrganisationKind::Other)).tracking_number;
  for (const auto& t : {tn, quiet}) {
    ASSERT_TRUE(of.request_correction(t, d("2024-09-29"), d("2024-10-15"), "office", cal()));
    ASSERT_TRUE(of.receive_correction(t, d("2024-10-08"), "office", cal()));
    ASSERT_TRUE(of.assign(t, d("2024-10-08"), named_department("邵阳市人民政府办公室"), "office", cal()));
    ASSERT_TRUE(of.extend(t, d("2024-10-09"), 10, "王主任", true, "office", cal()));
    ASSERT_TRUE(of.reply(t, d("2024-10-10"), ReplyOutcome::Disclosed, "", "", "office", cal()));
  }
  std::vector<std::string> kinds;
  for (const auto& e : OutboxRepository(*db, key).list()) {
    EXPECT_EQ(e.object_id, tn) << "the organisation gave no e-mail";
    EXPECT_EQ(e.recipient_hint, "z***@example.cn");
    kinds.push_back(e.kind);
  }
  std::sort(kinds.begin(), kinds.end());
  EXPECT_EQ(kinds, (std::vector<std::string>{"ysqgk.correction_notice", "ysqgk.extension_notice", "ysqgk.reply"}));
  // The reply's text names the outcome and the remedy.
  auto claimed = OutboxRepository(*db, key).claim_next(outbox_time(4102444800), outbox_time(4102444800 - 600));
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->subject.find(tn) != std::string::npos, true) << claimed->subject;
  EXPECT_EQ(claimed->body.find(kDistinctiveId), std::string::npos) << "no ID number in mail";
}

}  // namespace
}  // namespace zwgk::store::test
