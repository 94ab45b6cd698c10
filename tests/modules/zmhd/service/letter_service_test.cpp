// 政民互动: the use cases (modules/zmhd/service/letter_service.hpp) and the rows they leave,
// on both backends. Dates on the shipped calendar: 2024 国庆节 10-01..07 off, 09-29 (Sun)
// and 10-12 (Sat) make-up working days; a 咨询 received and accepted on Fri 2024-09-27 is due
// 5 working days later, 2024-10-10 (09-29, 09-30, 10-08, 10-09, 10-10).
#include "modules/zmhd/service/letter_service.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "modules/ysqgk/store/request_fixture.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/account_repository.hpp"
#include "store/outbox_repository.hpp"
#include "support/holiday_calendar.hpp"

namespace zwgk::store::test {
namespace {

using domain::LetterEventKind;
using domain::LetterState;
using modules::zmhd::LetterService;
using modules::zmhd::StepInput;

const std::string kId = resident_id("43052219800101123");

class LetterServiceTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    MailboxRepository(*db).ensure_default_mailboxes(site.id, "市长信箱");
    domain::Department other;
    other.site_id = site.id;
    other.name = "邵阳市住房和城乡建设局";
    other_department = DepartmentRepository(*db).save(other);
  }

  LetterService at(const char* day) { return LetterService(*db, key, zwgk::test::calendar(), date(day)); }

  domain::Caller caller(domain::Role role, std::optional<std::int64_t> department_id = std::nullopt,
                        std::int64_t site_id = 0) {
    domain::Caller c;
    c.account.id = role == domain::Role::Publisher ? 1 : 2;
    c.account.username = role == domain::Role::Publisher ? "office" : "editor";
    c.account.role = role;
    c.account.site_id = site_id ? site_id : site.id;
    c.account.department_id = department_id;
    c.name = c.account.username;
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n); };
    return c;
  }
  domain::Caller office() { return caller(domain::Role::Publisher); }
  domain::Caller editor() { return caller(domain::Role::DepartmentEditor, department.id); }

  domain::LetterSubmission consultation(bool consent = true) {
    domain::LetterSubmission s;
    s.category = domain::LetterCategory::Consultation;
    s.title = "关于小区加装电梯补贴的咨询";
    s.content = "我是欧阳青山，身份证号" + kId + "，想咨询老旧小区加装电梯的补贴标准和申请流程。";
    s.writer = {"欧阳青山", "13973955501", "qingshan@example.cn"};
    s.consent_publish = consent;
    return s;
  }

  StoredLetter step(const char* day, const std::string& number, LetterEventKind kind,
                    const std::function<void(domain::LetterEvent&)>& fill = {}, std::optional<domain::Caller> who = {}) {
    StepInput in{domain::LetterEvent{kind, date(day), ""}, ""};
    if (fill) fill(in.event);
    return at(day).apply(who ? *who : office(), number, in);
  }
  StoredLetter assign(const char* day, const std::string& number, std::int64_t dep) {
    return step(day, number, LetterEventKind::Assign, [dep](auto& e) { e.department_id = dep; });
  }
  StoredLetter draft(const char* day, const std::string& number, const std::string& text) {
    return step(day, number, LetterEventKind::DraftReply, [&](auto& e) { e.text = text; }, editor());
  }

  LetterListQuery all_letters() const {
    LetterListQuery q;
    q.site_id = site.id;
    return q;
  }
  PublicationQuery published(std::string text = {}) const {
    PublicationQuery q;
    q.site_id = site.id;
    q.text = std::move(text);
    return q;
  }

  PersonalDataKey key = PersonalDataKey::derive_from(std::string(32, 'k'));
  domain::Department other_department;
  std::vector<domain::AuditNote> audited;
  const std::string kProperReply =
      "您好！老旧小区加装电梯每台补贴15万元，由业主委员会向所在街道提交申请，具体流程见市住建局网站“加装电梯”专栏。";
};

TEST_F(LetterServiceTest, ReceivedWithANumberAndTheWriterSealedApart) {
  auto out = at("2024-09-27").submit(site.id, "leader", consultation());
  EXPECT_EQ(out.number, "XJ-2024-000001");
  EXPECT_EQ(out.query_code.size(), 10u);
  EXPECT_EQ(out.mailbox_name, "市长信箱");
  EXPECT_EQ(at("2024-09-27").submit(site.id, "consult", consultation()).number, "XJ-2024-000002");
  // The receipt says what publication would mask.
  EXPECT_NE(std::find(out.masked_on_publication.begin(), out.masked_on_publication.end(), "身份证号码"),
            out.masked_on_publication.end());

  LetterRepository repo(*db, key);
  auto found = repo.find(out.number);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->letter.state, LetterState::Received);
  EXPECT_EQ(found->letter.received_on, date("2024-09-27"));
  EXPECT_TRUE(repo.find_public(out.number, out.query_code));
  EXPECT_FALSE(repo.find_public(out.number, "ABCDEFGHJK"));
  auto w = repo.writer(found->id);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->name, "欧阳青山");
  EXPECT_EQ(w->phone, "13973955501");
  // Opened with another installation secret, the seal holds.
  auto foreign = LetterRepository(*db, PersonalDataKey::derive_from(std::string(32, 'x'))).writer(found->id);
  EXPECT_NE(foreign->name, "欧阳青山");
  EXPECT_NE(foreign->phone, "13973955501");
}

TEST_F(LetterServiceTest, BadSubmissionsListEveryProblemInChinese) {
  domain::LetterSubmission s;
  s.category = domain::LetterCategory::ErrorReport;  // the 市长信箱 does not take 找错
  s.content = "太短";
  s.writer.phone = "12345";
  s.writer.email = "not-an-email";
  try {
    at("2024-09-27").submit(site.id, "leader", s);
    FAIL() << "accepted";
  } catch (const domain::Invalid& e) {
    const auto p = e.problems();
    auto has = [&](const std::string& t) {
      return std::any_of(p.begin(), p.end(), [&](const auto& x) { return x.find(t) != std::string::npos; });
    };
    EXPECT_TRUE(has("不受理“找错”类来信"));
    EXPECT_TRUE(has("请填写来信标题"));
    EXPECT_TRUE(has("来信内容过短"));
    EXPECT_TRUE(has("请填写姓名"));
    EXPECT_TRUE(has("手机号码格式不正确"));
    EXPECT_TRUE(has("电子邮箱格式不正确"));
  }
  EXPECT_THROW(at("2024-09-27").submit(site.id, "leader", consultation(), {{"a.exe", "MZ", "application/x-dosexec"}}),
               domain::Invalid);
  EXPECT_THROW(at("2024-09-27").submit(site.id, "nosuch", consultation()), domain::NotFound);
  EXPECT_EQ(LetterRepository(*db, key).list(all_letters()).total, 0) << "nothing half-written";
}

TEST_F(LetterServiceTest, TheWholeCaseAcrossTheNationalDayHoliday) {
  auto out = at("2024-09-27").submit(site.id, "leader", consultation());
  const auto& n = out.number;
  auto l = step("2024-09-27", n, LetterEventKind::Accept);
  const auto settings = MailboxRepository(*db).settings(site.id);
  EXPECT_EQ(domain::letter_due_on(l.letter, zwgk::test::calendar(), settings.deadlines), date("2024-10-10"));
  l = assign("2024-09-29", n, department.id);
  EXPECT_EQ(l.letter.state, LetterState::Assigned);
  EXPECT_EQ(l.letter.department, "邵阳市人民政府办公室");
  // The department's first answer is perfunctory: flagged, nothing saved.
  try {
    draft("2024-09-30", n, "已阅。");
    FAIL() << "a stock phrase was accepted";
  } catch (const domain::Invalid& e) {
    EXPECT_EQ(e.code(), "reply_quality");
    EXPECT_FALSE(e.problems().empty());
  }
  EXPECT_EQ(LetterRepository(*db, key).find(n)->letter.state, LetterState::Assigned);
  l = draft("2024-09-30", n, kProperReply);
  EXPECT_EQ(l.letter.state, LetterState::ReplyPending);
  l = step("2024-10-08", n, LetterEventKind::ApproveReply);
  EXPECT_EQ(l.letter.state, LetterState::Replied);
  EXPECT_EQ(l.letter.replied_on, date("2024-10-08"));
  // The writer rates with the code; a wrong code is an unknown letter.
  EXPECT_THROW(at("2024-10-09").rate(site.id, n, "ABCDEFGHJK", domain::Satisfaction::Satisfied), domain::NotFound);
  l = at("2024-10-09").rate(site.id, n, out.query_code, domain::Satisfaction::Satisfied);
  EXPECT_EQ(l.letter.state, LetterState::Closed);
  EXPECT_EQ(l.letter.rating, domain::Satisfaction::Satisfied);
  // History and audit: every step, no personal data.
  auto stored = LetterRepository(*db, key).find(n);
  ASSERT_EQ(stored->letter.history.size(), 5u);
  EXPECT_EQ(stored->letter.history[1].department, "邵阳市人民政府办公室");
  EXPECT_EQ(stored->letter.history[2].text, kProperReply);
  for (const auto& a : audited) {
    EXPECT_EQ(a.object_id, n);
    EXPECT_EQ(a.detail.find("13973955501"), std::string::npos);
  }
}

TEST_F(LetterServiceTest, OnlyTheAssignedDepartmentDraftsAndOnlyTheOfficeScreens) {
  auto n = at("2024-09-27").submit(site.id, "leader", consultation()).number;
  StepInput accept{{LetterEventKind::Accept, date("2024-09-27"), ""}, ""};
  EXPECT_THROW(at("2024-09-27").apply(editor(), n, accept), domain::Forbidden) << "受理 is the office's";
  step("2024-09-27", n, LetterEventKind::Accept);
  assign("2024-09-27", n, other_department.id);
  EXPECT_THROW(draft("2024-09-30", n, kProperReply), domain::Forbidden) << "another department's letter";
  // Another site's office: the letter is absent.
  domain::Site county;
  county.code = "xinshao";
  county.name = "新邵县人民政府";
  county.path_prefix = "/xinshao";
  county = SiteRepository(*db).save(county);
  StepInput supervise{{LetterEventKind::Supervise, date("2024-09-30"), ""}, ""};
  supervise.event.reason = "请尽快答复";
  EXPECT_THROW(at("2024-09-30").apply(caller(domain::Role::Publisher, std::nullopt, county.id), n, supervise),
               domain::NotFound);
  // Assigning to a department of another site is refused.
  domain::Department theirs;
  theirs.site_id = county.id;
  theirs.name = "新邵县住房和城乡建设局";
  theirs = DepartmentRepository(*db).save(theirs);
  EXPECT_THROW(assign("2024-09-30", n, theirs.id), domain::Invalid);
  // 督办 leaves the state as it was and names itself in the history.
  auto l = at("2024-09-30").apply(office(), n, supervise);
  EXPECT_EQ(l.letter.state, LetterState::Assigned);
  EXPECT_EQ(l.letter.history.back().kind, LetterEventKind::Supervise);
}

TEST_F(LetterServiceTest, OneExtensionApprovedByTheOfficeMovesTheDueDate) {
  auto n = at("2024-09-27").submit(site.id, "leader", consultation()).number;
  step("2024-09-27", n, LetterEventKind::Accept);
  assign("2024-09-27", n, department.id);
  auto ask = [&](int days) {
    return step("2024-09-30", n, LetterEventKind::RequestExtension,
                [days](auto& e) {
                  e.working_days = days;
                  e.reason = "需要现场核实补贴资格";
                },
                editor());
  };
  EXPECT_THROW(ask(6), domain::Conflict) << "at most the original 5 working days";
  ask(5);
  EXPECT_THROW(ask(3), domain::Conflict) << "only once";
  auto l = step("2024-09-30", n, LetterEventKind::ApproveExtension);
  EXPECT_EQ(domain::letter_due_on(l.letter, zwgk::test::calendar(), MailboxRepository(*db).settings(site.id).deadlines),
            date("2024-10-16"))
      << "10-10 + 5 working days: 10-11, 10-12 (make-up Saturday), 10-14, 10-15, 10-16";
}

TEST_F(LetterServiceTest, DissatisfiedReopensOnceThenTheCaseCloses) {
  auto out = at("2024-09-27").submit(site.id, "leader", consultation());
  const auto& n = out.number;
  step("2024-09-27", n, LetterEventKind::Accept);
  assign("2024-09-27", n, department.id);
  draft("2024-09-30", n, kProperReply);
  step("2024-09-30", n, LetterEventKind::ApproveReply);
  auto l = at("2024-10-08").rate(site.id, n, out.query_code, domain::Satisfaction::Dissatisfied);
  EXPECT_EQ(l.letter.state, LetterState::Assigned);
  EXPECT_EQ(l.letter.round, 2);
  EXPECT_EQ(l.letter.department_id, department.id) << "back to the same department";
  draft("2024-10-09", n, kProperReply + "补贴申请表可在街道办事处领取。");
  step("2024-10-09", n, LetterEventKind::ApproveReply);
  l = at("2024-10-10").rate(site.id, n, out.query_code, domain::Satisfaction::Dissatisfied);
  EXPECT_EQ(l.letter.state, LetterState::Closed) << "二次办理 once only";
  EXPECT_EQ(l.letter.rating, domain::Satisfaction::Dissatisfied);
}

TEST_F(LetterServiceTest, DuplicatesMergeIntoACaseOfTheSameSiteAndRejectionsNameTheirReason) {
  auto first = at("2024-09-27").submit(site.id, "leader", consultation()).number;
  auto second = at("2024-09-27").submit(site.id, "consult", consultation()).number;
  auto third = at("2024-09-27").submit(site.id, "consult", consultation()).number;
  step("2024-09-27", first, LetterEventKind::Accept);
  EXPECT_THROW(step("2024-09-27", second, LetterEventKind::Merge, [](auto& e) { e.merged_into = "XJ-2024-999999"; }),
               domain::Invalid);
  auto l = step("2024-09-27", second, LetterEventKind::Merge, [&](auto& e) { e.merged_into = first; });
  EXPECT_EQ(l.letter.state, LetterState::Merged);
  EXPECT_EQ(l.letter.merged_into, first);
  EXPECT_THROW(step("2024-09-27", third, LetterEventKind::Merge, [&](auto& e) { e.merged_into = second; }),
               domain::Invalid)
      << "not into a letter that is itself merged";
  EXPECT_THROW(step("2024-09-27", third, LetterEventKind::Reject), domain::Conflict) << "a reason is required";
  l = step("2024-09-27", third, LetterEventKind::Reject,
           [](auto& e) { e.rejection = domain::RejectionReason::Petition; });
  EXPECT_EQ(l.letter.state, LetterState::Rejected);
  EXPECT_EQ(l.letter.rejection, domain::RejectionReason::Petition);
  EXPECT_NE(domain::rejection_notice(*l.letter.rejection).find("信访"), std::string::npos);
}

TEST_F(LetterServiceTest, PublishedWithTheIdTheNameAndThePhoneMaskedAndOnlyWithConsent) {
  auto n = at("2024-09-27").submit(site.id, "leader", consultation()).number;
  auto no = at("2024-09-27").submit(site.id, "leader", consultation(false)).number;
  for (const auto& x : {n, no}) {
    step("2024-09-27", x, LetterEventKind::Accept);
    assign("2024-09-27", x, department.id);
    draft("2024-09-30", x, kProperReply + "如有疑问请拨打13973955501以外的热线0739-5363114。");
    step("2024-09-30", x, LetterEventKind::ApproveReply);
  }
  EXPECT_THROW(at("2024-10-08").publish(office(), no), domain::Conflict);
  EXPECT_THROW(at("2024-10-08").publish(editor(), n), domain::Forbidden);
  auto p = at("2024-10-08").publish(office(), n);
  for (const auto* text : {&p.title, &p.question, &p.answer}) {
    EXPECT_EQ(text->find(kId), std::string::npos) << *text;
    EXPECT_EQ(text->find("欧阳青山"), std::string::npos) << *text;
    EXPECT_EQ(text->find("13973955501"), std::string::npos) << *text;
  }
  EXPECT_NE(p.question.find(kId.substr(0, 6) + "********"), std::string::npos) << p.question;
  EXPECT_NE(p.answer.find("0739-5363114"), std::string::npos) << "an office landline stays";
  auto page = LetterRepository(*db, key).publications(published());
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].number, n);
  EXPECT_EQ(LetterRepository(*db, key).publications(published("加装电梯")).total, 1);
  EXPECT_EQ(LetterRepository(*db, key).publications(published("不存在的词")).total, 0);
  at("2024-10-09").unpublish(office(), n);
  EXPECT_EQ(LetterRepository(*db, key).publications(published()).total, 0);
}

TEST_F(LetterServiceTest, TheApiTokenBelongsToOneSystemAndOneSite) {
  MailboxRepository boxes(*db);
  auto [client, token] = boxes.add_client(site.id, "邵阳市12345政务服务便民热线");
  EXPECT_EQ(token.size(), 5u + 48u);
  ASSERT_TRUE(boxes.client_by_token(token));
  EXPECT_FALSE(boxes.client_by_token(token + "x"));
  EXPECT_FALSE(boxes.client_by_token(""));
  auto s = consultation();
  s.external_id = "GD20240927001";
  auto out = at("2024-09-27").submit_from_system(client, "consult", s);
  auto stored = LetterRepository(*db, key).find(out.number);
  EXPECT_EQ(stored->letter.channel, domain::LetterChannel::Hotline12345);
  EXPECT_EQ(stored->source_system, client.id);
  EXPECT_THROW(at("2024-09-27").submit_from_system(client, "consult", s), domain::Conflict) << "the same 工单 twice";
  boxes.revoke_client(client.id);
  EXPECT_FALSE(boxes.client_by_token(token));
}


TEST_F(LetterServiceTest, EveryNoticeGoesToTheOutboxWithItsChangeAndRemindersOnce) {
  MailboxRepository(*db).save_contact(site.id, {department.id, "banli@example.cn", "fuzeren@example.cn"});
  auto out = at("2024-09-27").submit(site.id, "leader", consultation());
  const auto& n = out.number;
  step("2024-09-27", n, LetterEventKind::Accept);
  assign("2024-09-27", n, department.id);
  // A refused step writes no mail.
  EXPECT_THROW(draft("2024-09-30", n, "已阅"), domain::Invalid);
  step("2024-09-30", n, LetterEventKind::Supervise, [](auto& e) { e.reason = "请于本周内答复"; });
  auto kinds = [&] {
    std::vector<std::pair<std::string, std::string>> v;  // kind, masked recipient
    for (const auto& e : OutboxRepository(*db, key).list()) v.push_back({e.kind, e.recipient_hint});
    std::sort(v.begin(), v.end());
    return v;
  };
  auto k = kinds();
  const std::vector<std::pair<std::string, std::string>> expected = {{"zmhd.accepted", "q***@example.cn"},
                                                                     {"zmhd.assigned", "b***@example.cn"},
                                                                     {"zmhd.received", "q***@example.cn"},
                                                                     {"zmhd.supervised", "f***@example.cn"}};
  EXPECT_EQ(k, expected);
  // Reminders: due on 10-10; on 10-09 the department hears "明日到期", once, however often the job runs.
  EXPECT_EQ(at("2024-10-09").send_reminders(site.id), 1);
  EXPECT_EQ(at("2024-10-09").send_reminders(site.id), 0);
  EXPECT_EQ(at("2024-10-11").send_reminders(0), 1) << "then 已超期, once";
  EXPECT_EQ(at("2024-10-14").send_reminders(0), 0);
  draft("2024-10-14", n, kProperReply);
  step("2024-10-14", n, LetterEventKind::ApproveReply);
  // The rating reminder within 3 working days of the end of the rating period (10-28).
  EXPECT_EQ(at("2024-10-15").send_reminders(0), 0);
  EXPECT_EQ(at("2024-10-23").send_reminders(0), 1);
  k = kinds();
  EXPECT_EQ(std::count_if(k.begin(), k.end(), [](const auto& p) { return p.first == "zmhd.replied"; }), 1);
  EXPECT_EQ(std::count_if(k.begin(), k.end(), [](const auto& p) { return p.first == "zmhd.rating_reminder"; }), 1);
  EXPECT_EQ(std::count_if(k.begin(), k.end(), [](const auto& p) { return p.first == "zmhd.due_tomorrow"; }), 1);
  EXPECT_EQ(std::count_if(k.begin(), k.end(), [](const auto& p) { return p.first == "zmhd.overdue"; }), 1);
}

}  // namespace
}  // namespace zwgk::store::test
