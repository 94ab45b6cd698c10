// 回应关切: the use cases on both backends — a clock met by a linked document's first
// publication and by a linked 新闻发布会 (an events row of migration 0015, inserted here), a
// missed clock reported, the notices written to the outbox before expiry and on the miss,
// each once, and the office-only recording.
#include "modules/hygq/service/incident_service.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "modules/module.hpp"
#include "store/outbox_repository.hpp"
#include "store/store_fixture.hpp"

namespace zwgk::store::test {
namespace {

using domain::ClockKind;
using domain::ClockState;
using modules::hygq::IncidentService;

std::int64_t unix_of(const char* china) { return domain::parse_china_minute(china)->time_since_epoch().count(); }

class IncidentServiceTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    modules::install_permissions();
    key = PersonalDataKey::derive_from(random_secret());
  }
  IncidentService at(const char* china) {
    const auto t = unix_of(china);
    return IncidentService(*db, key, [t] { return t; }, "https://admin.example.cn");
  }
  domain::Caller caller(domain::Role role) {
    domain::Caller c;
    c.account.id = 1;
    c.account.username = "office";
    c.account.role = role;
    c.account.site_id = site.id;
    c.account.department_id = role == domain::Role::DepartmentEditor ? std::optional<std::int64_t>(department.id) : std::nullopt;
    c.name = c.account.username;
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n); };
    return c;
  }
  std::int64_t record(const char* now, const char* level, const char* known) {
    return at(now).record(caller(domain::Role::Publisher),
                          {level, known, "城南化工厂爆炸事故", "内部摘要", department.id});
  }
  std::vector<domain::ClockStatus> clocks(const char* now, std::int64_t id) {
    IncidentRepository repo(*db);
    return at(now).clocks(*repo.find(id), repo.settings(site.id));
  }
  std::int64_t published_document(const char* first_published_utc) {
    DocumentRepository docs(*db);
    const auto id = docs.save(complete_draft("关于城南化工厂爆炸事故的情况通报"));
    docs.publish(id);
    db->execute(std::string("UPDATE documents SET first_published_at = '") + first_published_utc + "' WHERE id = " +
                std::to_string(id));
    return id;
  }
  std::int64_t event(const char* state, const char* starts_utc, const char* kind = "press_conference") {
    db->execute(std::string("INSERT INTO events (site_id, kind, title, starts_at, ends_at, state, created_at, updated_at) "
                            "VALUES (") + std::to_string(site.id) + ", '" + kind + "', '城南化工厂爆炸事故新闻发布会', '" +
                starts_utc + "', '" + starts_utc + "', '" + state + "', '" + starts_utc + "', '" + starts_utc + "')");
    std::int64_t id = 0;
    for (int i = 1; i < 1000 && id == 0; ++i)  // the only one: found through the repository
      if (IncidentRepository(*db).event_of_site(site.id, i)) id = i;
    return id;
  }
  PersonalDataKey key = PersonalDataKey::derive_from(std::string(32, 'k'));
  std::vector<domain::AuditNote> audited;
};

TEST_F(IncidentServiceTest, ReleaseMetByALinkedDocumentsFirstPublication) {
  // Known Sat 2026-12-05 22:30 China time (14:30Z): 权威发布 due Sun 03:30.
  const auto id = record("2026-12-05 23:00", "serious", "2026-12-05 22:30");
  EXPECT_EQ(audited.back().action, "hygq.record");
  const auto doc = published_document("2026-12-05T17:10:00Z");  // Sun 01:10 China time
  at("2026-12-06 02:00").link_document(caller(domain::Role::Publisher), id, doc);
  EXPECT_THROW(at("2026-12-06 02:00").link_document(caller(domain::Role::Publisher), id, doc), domain::Conflict);
  const auto c = clocks("2026-12-06 09:00", id);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].clock, ClockKind::Release);
  EXPECT_EQ(c[0].state, ClockState::Met);
  EXPECT_EQ(domain::describe(c[0]), "提前2小时20分完成");
  EXPECT_EQ(c[1].clock, ClockKind::PressConference);
  EXPECT_EQ(c[1].state, ClockState::Running);
  // A draft does not count.
  DocumentRepository docs(*db);
  const auto draft = docs.save(complete_draft("草稿通报"));
  const auto other = record("2026-12-05 23:00", "serious", "2026-12-05 22:30");
  at("2026-12-06 02:00").link_document(caller(domain::Role::Publisher), other, draft);
  EXPECT_EQ(clocks("2026-12-06 04:00", other)[0].state, ClockState::Missed);
  EXPECT_EQ(domain::describe(clocks("2026-12-06 04:00", other)[0]), "已超时30分，尚未回应");
}

TEST_F(IncidentServiceTest, PressConferenceMetByALinkedLiveOrEndedEvent) {
  const auto id = record("2026-12-02 12:00", "particularly_serious", "2026-12-02 10:00");
  const auto announced = event("announced", "2026-12-02T08:00:00Z");
  at("2026-12-02 12:00").link_event(caller(domain::Role::Publisher), id, announced);
  EXPECT_EQ(clocks("2026-12-02 17:00", id)[1].state, ClockState::Running) << "announced only";
  db->execute("UPDATE events SET state = 'ended' WHERE id = " + std::to_string(announced));
  const auto c = clocks("2026-12-04 00:00", id);
  EXPECT_EQ(c[1].state, ClockState::Met);
  EXPECT_EQ(domain::describe(c[1]), "提前18小时完成");  // 16:00 against due 12-03 10:00
  EXPECT_EQ(c[0].state, ClockState::Missed) << "the event does not meet 权威发布";
  // A response made elsewhere meets the one it names, reported late.
  at("2026-12-04 00:00").record_response(caller(domain::Role::Publisher), id,
                                         {"release", "2026-12-02 15:35", "在邵阳日报发布权威信息", ""});
  EXPECT_EQ(domain::describe(clocks("2026-12-04 00:00", id)[0]), "超时35分");
  EXPECT_THROW(at("2026-12-04 00:00").link_event(caller(domain::Role::Publisher), id, 999999), domain::Invalid);
}

TEST_F(IncidentServiceTest, RecordingIsTheOfficesAndInputIsChecked) {
  EXPECT_THROW(at("2026-12-02 12:00").record(caller(domain::Role::DepartmentEditor), {"serious", "2026-12-02 10:00", "某事故", "", std::nullopt}),
               domain::Forbidden);
  try {
    at("2026-12-02 12:00").record(caller(domain::Role::Publisher), {"huge", "not a time", "某事故", "", std::nullopt});
    FAIL() << "accepted";
  } catch (const domain::Invalid& e) {
    EXPECT_EQ(e.problems().size(), 2u);
  }
  EXPECT_TRUE(IncidentRepository(*db).of_site(site.id).empty());
}

TEST_F(IncidentServiceTest, NoticesBeforeExpiryAndOnMissEachOnce) {
  db->execute("INSERT INTO letter_contacts (site_id, department_id, staff_email) VALUES (" + std::to_string(site.id) +
              ", " + std::to_string(department.id) + ", 'duty@example.cn')");
  modules::hygq::SettingsInput s{domain::format_clock_rules(domain::default_clock_rules()), "60", false, "office@example.cn"};
  at("2026-12-02 09:00").save_settings(caller(domain::Role::SiteAdmin), s);
  record("2026-12-02 12:00", "public_opinion", "2026-12-02 10:00");  // due 12-04 10:00
  OutboxRepository outbox(*db, key);
  EXPECT_EQ(at("2026-12-04 08:00").send_notices(), 0);
  EXPECT_EQ(at("2026-12-04 09:05").send_notices(), 2) << "60 minutes before: the department and the office";
  EXPECT_EQ(at("2026-12-04 09:30").send_notices(), 0) << "once";
  EXPECT_EQ(at("2026-12-04 10:01").send_notices(), 2) << "missed";
  EXPECT_EQ(at("2026-12-04 12:00").send_notices(), 0) << "once";
  const auto rows = outbox.list();
  ASSERT_EQ(rows.size(), 4u);
  int missed = 0;
  for (const auto& r : rows) missed += r.kind == "hygq.missed";
  EXPECT_EQ(missed, 2);
}

}  // namespace
}  // namespace zwgk::store::test
