// 回应关切: the clocks in clock hours (国办发〔2016〕61号, 国办发〔2016〕80号) — 5 h and 24 h for
// 特别重大 / 重大 突发事件, 48 h for 政务舆情 — across midnight and a weekend (working days play
// no part), met early, met late and missed with by how much; the settings' text forms; the
// console's input checked in Chinese; the notices due.
#include <gtest/gtest.h>

#include "modules/hygq/domain/incident.hpp"
#include "modules/hygq/domain/incident_notices.hpp"

namespace zwgk::domain {
namespace {

using namespace std::chrono_literals;

Instant at(const char* china) {
  auto t = parse_china_minute(china);
  EXPECT_TRUE(t) << china;
  return t.value_or(Instant{});
}

Incident incident(IncidentLevel level, const char* known) {
  Incident i;
  i.id = 1;
  i.level = level;
  i.known_at = at(known);
  i.title = "某化工厂爆炸事故";
  return i;
}

const ClockStatus* find(const std::vector<ClockStatus>& v, ClockKind k) {
  for (const auto& s : v)
    if (s.clock == k) return &s;
  return nullptr;
}

TEST(IncidentClock, SeriousIncidentAcrossMidnightHasFiveAndTwentyFourHours) {
  // Known Fri 2026-12-04 22:30 China time: 权威发布 due Sat 03:30, 新闻发布会 due Sat 22:30.
  const auto i = incident(IncidentLevel::Serious, "2026-12-04 22:30");
  const auto clocks = incident_clocks(i, default_clock_rules(), {}, at("2026-12-05 01:10"));
  ASSERT_EQ(clocks.size(), 2u);
  const auto* release = find(clocks, ClockKind::Release);
  const auto* press = find(clocks, ClockKind::PressConference);
  ASSERT_TRUE(release && press);
  EXPECT_EQ(format_china_minute(release->due), "2026-12-05 03:30") << "over midnight";
  EXPECT_EQ(format_china_minute(press->due), "2026-12-05 22:30") << "a Saturday counts";
  EXPECT_EQ(release->state, ClockState::Running);
  EXPECT_EQ(describe(*release), "剩余2小时20分");
  EXPECT_EQ(public_text(*release), "进行中，截止 2026-12-05 03:30") << "the public column shows no countdown";
  EXPECT_EQ(to_utc_iso(release->due), "2026-12-04T19:30:00Z");
}

TEST(IncidentClock, PublicOpinionOverAWeekendHasFortyEightClockHours) {
  // Known Fri 2026-12-04 18:00: due Sun 12-06 18:00, not the next working days.
  const auto i = incident(IncidentLevel::PublicOpinion, "2026-12-04 18:00");
  const auto clocks = incident_clocks(i, default_clock_rules(), {}, at("2026-12-05 09:00"));
  ASSERT_EQ(clocks.size(), 1u);
  EXPECT_EQ(clocks[0].clock, ClockKind::Response);
  EXPECT_EQ(format_china_minute(clocks[0].due), "2026-12-06 18:00");
  EXPECT_EQ(describe(clocks[0]), "剩余33小时");
  // Sunday 19:00 with nothing done: missed by an hour, still counting.
  const auto late = incident_clocks(i, default_clock_rules(), {}, at("2026-12-06 19:00"));
  EXPECT_EQ(late[0].state, ClockState::Missed);
  EXPECT_EQ(describe(late[0]), "已超时1小时，尚未回应");
}

TEST(IncidentClock, MetEarlyAndMetLateSayByHowMuch) {
  const auto i = incident(IncidentLevel::ParticularlySerious, "2026-12-02 10:00");
  const std::vector<Fulfilment> f = {{ClockKind::Release, at("2026-12-02 13:40")},
                                     {ClockKind::Release, at("2026-12-02 14:30")},  // not the first
                                     {ClockKind::PressConference, at("2026-12-03 10:35")}};
  const auto clocks = incident_clocks(i, default_clock_rules(), f, at("2026-12-04 00:00"));
  const auto* release = find(clocks, ClockKind::Release);
  const auto* press = find(clocks, ClockKind::PressConference);
  ASSERT_TRUE(release && press);
  EXPECT_EQ(release->state, ClockState::Met);
  EXPECT_EQ(describe(*release), "提前1小时20分完成");
  EXPECT_EQ(public_text(*release), "提前1小时20分完成");
  EXPECT_EQ(press->state, ClockState::Missed);
  EXPECT_EQ(describe(*press), "超时35分");
  EXPECT_EQ(format_china_minute(*press->met_at), "2026-12-03 10:35");
  // Exactly at due is on time.
  const auto exact = incident_clocks(i, default_clock_rules(), {{ClockKind::Release, at("2026-12-02 15:00")}},
                                     at("2026-12-02 16:00"));
  EXPECT_EQ(find(exact, ClockKind::Release)->state, ClockState::Met);
  EXPECT_EQ(describe(*find(exact, ClockKind::Release)), "按时完成");
}

TEST(IncidentClock, LevelsWithoutRulesHaveNoClockAndRulesAreData) {
  EXPECT_TRUE(incident_clocks(incident(IncidentLevel::Major, "2026-12-02 10:00"), default_clock_rules(), {},
                              at("2026-12-02 11:00"))
                  .empty());
  std::string error;
  auto rules = parse_clock_rules("major.release=12, serious.release=3", error);
  ASSERT_TRUE(rules) << error;
  const auto c = incident_clocks(incident(IncidentLevel::Major, "2026-12-02 10:00"), *rules, {}, at("2026-12-02 11:00"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(format_china_minute(c[0].due), "2026-12-02 22:00");
  EXPECT_EQ(format_clock_rules(*rules), "major.release=12,serious.release=3");
  EXPECT_EQ(*parse_clock_rules(format_clock_rules(default_clock_rules()), error), default_clock_rules());
  EXPECT_FALSE(parse_clock_rules("huge.release=5", error));
  EXPECT_NE(error.find("未知的事件级别"), std::string::npos);
  EXPECT_FALSE(parse_clock_rules("serious.release=0", error));
  EXPECT_NE(error.find("小时"), std::string::npos);
  EXPECT_FALSE(parse_clock_rules("serious.release=abc", error));
  auto minutes = parse_notice_minutes("15，60", error);
  ASSERT_TRUE(minutes) << error;
  EXPECT_EQ(*minutes, (std::vector<int>{60, 15}));
  EXPECT_FALSE(parse_notice_minutes("0", error));
}

TEST(IncidentClock, InputIsCheckedInChinese) {
  Incident out;
  const auto now = at("2026-12-02 12:00");
  EXPECT_TRUE(incident_input_problems({"serious", "2026-12-02T10:30", "某事故", "", std::nullopt}, now, out).empty());
  EXPECT_EQ(format_china_minute(out.known_at), "2026-12-02 10:30");
  auto p = incident_input_problems({"huge", "昨天晚上", "某事故", "", std::nullopt}, now, out);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NE(p[0].find("未知的事件级别"), std::string::npos);
  EXPECT_NE(p[1].find("获知时间无法识别"), std::string::npos);
  p = incident_input_problems({"serious", "2026-12-02 25:00", "", "", std::nullopt}, now, out);
  EXPECT_EQ(p.size(), 2u) << "hour 25 and no title";
  p = incident_input_problems({"serious", "2026-12-03 10:00", "某事故", "", std::nullopt}, now, out);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("不能晚于现在"), std::string::npos);

  const auto i = incident(IncidentLevel::Serious, "2026-12-02 10:00");
  RecordedResponse r;
  EXPECT_TRUE(response_input_problems({"release", "2026-12-02 11:00", "邵阳日报发布", "https://example.cn/a"}, i, now, r).empty());
  EXPECT_EQ(r.clock, ClockKind::Release);
  p = response_input_problems({"tweet", "2026-12-02 09:00", "", "ftp://x"}, i, now, r);
  EXPECT_EQ(p.size(), 4u);
}

TEST(IncidentClock, NoticesBeforeExpiryAndOnMiss) {
  const auto i = incident(IncidentLevel::Serious, "2026-12-02 10:00");
  const std::vector<int> minutes = {60, 15};
  EXPECT_TRUE(due_notices(incident_clocks(i, default_clock_rules(), {}, at("2026-12-02 13:59")), minutes).empty());
  auto n = due_notices(incident_clocks(i, default_clock_rules(), {}, at("2026-12-02 14:10")), minutes);
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].once_key, "before:release:60");
  n = due_notices(incident_clocks(i, default_clock_rules(), {}, at("2026-12-02 14:50")), minutes);
  EXPECT_EQ(n[0].once_key, "before:release:15");
  n = due_notices(incident_clocks(i, default_clock_rules(), {}, at("2026-12-02 15:01")), minutes);
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].once_key, "missed:release");
  EXPECT_EQ(n[0].kind, IncidentNoticeKind::Missed);
  const auto text = incident_notice(n[0], i, "邵阳市人民政府", "");
  EXPECT_NE(text.subject.find("已超时"), std::string::npos);
  EXPECT_NE(text.body.find("2026-12-02 15:00"), std::string::npos);
  EXPECT_NE(text.body.find("国办发〔2016〕61号"), std::string::npos);
  // Met: nothing more.
  EXPECT_TRUE(due_notices(incident_clocks(i, default_clock_rules(), {{ClockKind::Release, at("2026-12-02 14:00")}},
                                          at("2026-12-02 14:50")),
                          minutes)
                  .empty());
}

TEST(IncidentClock, TimeTextRoundTrips) {
  EXPECT_EQ(parse_utc_iso("2026-12-02T07:00:00Z"), at("2026-12-02 15:00"));
  EXPECT_FALSE(parse_utc_iso("2026-12-02 07:00"));
  EXPECT_EQ(format_china_local_input(at("2026-12-02T08:05")), "2026-12-02T08:05");
  EXPECT_FALSE(parse_china_minute("2026-02-30 10:00"));
  EXPECT_EQ(duration_text(30s), "不足1分");
  EXPECT_EQ(duration_text(26h + 5min), "26小时5分");
  EXPECT_EQ(duration_text(72h), "3天");
}

}  // namespace
}  // namespace zwgk::domain
