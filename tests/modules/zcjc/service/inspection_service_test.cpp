// 自查监测, the use cases on both backends, each on a small site built for it (the default
// 公开目录, one department): the homepage 11 days stale warns and 15 days is a veto; 3 and 5
// stale 6-month columns; a column the office marks 无需定期更新 is not counted; blank columns;
// a letter 61 days unanswered warns and 92 days is a veto; a policy without its 解读; a
// serious wording error found in the archive; the week's availability ratio from recorded
// probes; the warning mail sent once, then again when it worsens. Settings need
// zcjc.configure and are audited; bad input is refused with the reason and saves nothing.
#include "modules/zcjc/service/inspection_service.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "modules/publishing/store/workflow_fixture.hpp"
#include "modules/zmhd/service/letter_service.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/document_repository.hpp"
#include "store/outbox_repository.hpp"
#include "support/holiday_calendar.hpp"

namespace zwgk::store::test {
namespace {

using domain::CheckLevel;
using modules::zcjc::InspectionReport;
using modules::zcjc::InspectionService;

class InspectionServiceTest : public WorkflowTest {
 protected:
  // The service on `day` at 10:00 China time.
  InspectionService on(const char* day) {
    now = domain::china_midnight(date(day)).time_since_epoch().count() + 10 * 3600;
    return InspectionService(*db, key, zwgk::test::calendar(), [this] { return now; });
  }
  // "2026-11-01" -> that day 10:00 China time, as the store keeps instants.
  static std::string instant(const char* day) {
    return domain::to_utc_iso_of_unix(domain::china_midnight(date(day)).time_since_epoch().count() + 10 * 3600);
  }
  std::int64_t publish(const std::string& code, const std::string& title, const char* first_published,
                       const std::string& body = "<p>正文</p>", std::optional<std::int64_t> interprets = {}) {
    auto d = complete_draft(title);
    d.catalogue_id = catalogue(code);
    d.body_html = body;
    d.first_published_at = instant(first_published);
    if (interprets) {
      d.kind = domain::DocumentKind::Interpretation;
      d.interprets_id = interprets;
    }
    DocumentRepository docs(*db);
    const auto id = docs.save(d);
    docs.publish(id);
    return id;
  }
  domain::Caller caller(const domain::Account& a) {
    domain::Caller c;
    c.account = a;
    c.name = a.username;
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n); };
    return c;
  }
  static const domain::CheckResult& result(const InspectionReport& r, const std::string& code) {
    for (const auto& c : r.results)
      if (c.code == code) return c;
    throw std::runtime_error("no check " + code);
  }
  static bool names(const domain::CheckResult& r, const std::string& text) {
    for (const auto& e : r.evidence)
      if (e.subject.find(text) != std::string::npos || e.detail.find(text) != std::string::npos) return true;
    return false;
  }
  // Every leaf column that the blank check counts, but `spare` of them, gets one document.
  // Columns in `skip` get nothing either (the test fills them itself).
  std::vector<std::string> fill_columns_but(int spare, const std::set<std::string>& skip = {}) {
    std::vector<std::string> left;
    for (const auto& c : InspectionService(*db, key, zwgk::test::calendar()).columns(site.id)) {
      if (c.has_children || c.rule.kind == domain::ColumnKind::NotChecked || skip.count(c.code)) continue;
      if (static_cast<int>(left.size()) < spare) {
        left.push_back(c.code);
        continue;
      }
      publish(c.code, "《" + c.code + "》栏目信息", "2026-10-30");
    }
    return left;
  }

  PersonalDataKey key = PersonalDataKey::derive_from(std::string(32, 'k'));
  std::int64_t now = 0;
  std::vector<domain::AuditNote> audited;
};

TEST_F(InspectionServiceTest, AHomepageElevenDaysStaleWarnsAndFifteenDaysIsAVeto) {
  publish("ywdt", "市政府召开常务会议", "2026-11-01");
  EXPECT_EQ(result(on("2026-11-10").run(site.id), "homepage_update").level, CheckLevel::Normal);  // 9 days
  const auto warned = on("2026-11-12").run(site.id);
  const auto& w = result(warned, "homepage_update");
  EXPECT_EQ(w.level, CheckLevel::Warning);
  EXPECT_NE(w.summary.find("11 天"), std::string::npos) << w.summary;
  const auto vetoed = on("2026-11-16").run(site.id);
  EXPECT_EQ(result(vetoed, "homepage_update").level, CheckLevel::Veto);
  EXPECT_EQ(vetoed.level, CheckLevel::Veto);
  EXPECT_EQ(vetoed.results.front().level, CheckLevel::Veto) << "the report starts with the vetoes";
  EXPECT_EQ(vetoed.vetoes, warned.vetoes + 1) << "the homepage joins the blank columns of this empty site";
  // Each day's result is kept: the history has both days, newest first.
  const auto history = on("2026-11-16").history(site.id);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].run_on, date("2026-11-16"));
  EXPECT_EQ(history[0].vetoes, vetoed.vetoes);
  EXPECT_EQ(history[1].run_on, date("2026-11-12"));
  EXPECT_EQ(history[1].vetoes, warned.vetoes);
  const auto back = on("2026-11-16").on_day(site.id, date("2026-11-12"));
  ASSERT_TRUE(back);
  EXPECT_EQ(result(*back, "homepage_update").level, CheckLevel::Warning);
}

TEST_F(InspectionServiceTest, ThreeStaleSixMonthColumnsWarnFiveAreAVetoAndANoUpdateColumnIsNotCounted) {
  // 通知公告 (tzgg), 政策解读 (zcjd), 政策文件 (zcwj) and 行政法规、规章和规范性文件 (fgwj): 6 months;
  // 要闻动态 (ywdt): 2 weeks. Each last updated 200 days before 2026-11-20.
  for (const char* code : {"tzgg", "zcjd", "zcwj"}) publish(code, std::string("旧信息 ") + code, "2026-05-04");
  auto three = result(on("2026-11-20").run(site.id), "column_update");
  EXPECT_EQ(three.level, CheckLevel::Warning);
  EXPECT_EQ(three.findings, 3);
  EXPECT_TRUE(names(three, "通知公告"));
  EXPECT_TRUE(names(three, "200 天")) << three.evidence.front().detail;
  for (const char* code : {"fgwj", "ywdt"}) publish(code, std::string("旧信息 ") + code, "2026-05-04");
  auto five = result(on("2026-11-20").run(site.id), "column_update");
  EXPECT_EQ(five.level, CheckLevel::Veto);
  EXPECT_EQ(five.findings, 5);
  // A fresh item takes a column off the list.
  publish("ywdt", "新动态", "2026-11-19");
  EXPECT_EQ(result(on("2026-11-20").run(site.id), "column_update").findings, 4);

  // The office says 政策解读 needs no regular update: a reason is required, then it is not counted.
  auto s = on("2026-11-20");
  domain::ColumnUpdateRule no_update{domain::ColumnKind::NoUpdate, 0, "", true};
  EXPECT_THROW(s.set_column_rule(caller(publisher), site.id, "zcjd", no_update), domain::Invalid);
  no_update.reason = "解读随政策文件发布，不单独定期更新";
  EXPECT_THROW(s.set_column_rule(caller(editor), site.id, "zcjd", no_update), domain::Forbidden);
  EXPECT_THROW(s.set_column_rule(caller(publisher), site.id, "no-such-column", no_update), domain::NotFound);
  s.set_column_rule(caller(publisher), site.id, "zcjd", no_update);
  EXPECT_EQ(audited.back().action, "zcjc.configure");
  EXPECT_EQ(audited.back().object_id, "zcjd");
  const auto after = result(s.run(site.id), "column_update");
  EXPECT_EQ(after.findings, 3);
  EXPECT_EQ(after.level, CheckLevel::Warning);
  EXPECT_FALSE(names(after, "政策解读"));
  // A longer period of the office's own keeps a column in time; back to the default counts it again.
  s.set_column_rule(caller(publisher), site.id, "tzgg", domain::ColumnUpdateRule{domain::ColumnKind::Notice, 365, "", true});
  EXPECT_EQ(result(s.run(site.id), "column_update").findings, 2);
  s.set_column_rule(caller(publisher), site.id, "tzgg", std::nullopt);
  EXPECT_EQ(result(s.run(site.id), "column_update").findings, 3);
  EXPECT_THROW(s.set_column_rule(caller(publisher), site.id, "tzgg",
                                 domain::ColumnUpdateRule{domain::ColumnKind::Notice, 0, "", true}),
               domain::Invalid);
}

TEST_F(InspectionServiceTest, BlankColumnsWarnAboveTwoAndFiveAreAVeto) {
  const auto left = fill_columns_but(5);
  ASSERT_EQ(left.size(), 5u);
  auto five = result(on("2026-11-01").run(site.id), "blank_column");
  EXPECT_EQ(five.level, CheckLevel::Veto);
  EXPECT_EQ(five.findings, 5);
  EXPECT_EQ(five.evidence.front().url, "/xxgk/" + left.front() + "/");
  publish(left[0], "补充信息一", "2026-10-31");
  publish(left[1], "补充信息二", "2026-10-31");
  auto three = result(on("2026-11-01").run(site.id), "blank_column");
  EXPECT_EQ(three.level, CheckLevel::Warning);
  EXPECT_EQ(three.findings, 3);
  // A column whose content lives elsewhere is not checked at all.
  on("2026-11-01").set_column_rule(caller(publisher), site.id, left[2],
                                   domain::ColumnUpdateRule{domain::ColumnKind::NotChecked, 0, "内容在专题页提供", true});
  auto two = result(on("2026-11-01").run(site.id), "blank_column");
  EXPECT_EQ(two.level, CheckLevel::Normal);
  EXPECT_EQ(two.findings, 2);
}

TEST_F(InspectionServiceTest, ALetterUnansweredSixtyOneDaysWarnsAndNinetyTwoDaysIsAVeto) {
  // No mailbox at all: no working channel for questions and suggestions.
  auto none = result(on("2026-08-01").run(site.id), "interaction");
  EXPECT_EQ(none.level, CheckLevel::Veto);
  EXPECT_TRUE(names(none, "没有启用的信箱"));

  MailboxRepository(*db).ensure_default_mailboxes(site.id, "市长信箱");
  domain::LetterSubmission s;
  s.category = domain::LetterCategory::Suggestion;
  s.title = "关于增设公交线路的建议";
  s.content = "建议增设一条连接高铁站和市中心的公交线路。";
  s.writer = {"李明", "13973955501", "liming@example.cn"};
  const auto number =
      modules::zmhd::LetterService(*db, key, zwgk::test::calendar(), date("2026-08-01")).submit(site.id, "leader", s).number;
  EXPECT_EQ(result(on("2026-08-01").run(site.id), "interaction").level, CheckLevel::Normal);
  modules::zmhd::StepInput accept{domain::LetterEvent{domain::LetterEventKind::Accept, date("2026-08-03"), ""}, ""};
  modules::zmhd::LetterService(*db, key, zwgk::test::calendar(), date("2026-08-03")).apply(caller(publisher), number, accept);

  EXPECT_EQ(result(on("2026-09-29").run(site.id), "interaction").level, CheckLevel::Normal);  // 59 days
  const auto warned = result(on("2026-10-01").run(site.id), "interaction");  // 61 days
  EXPECT_EQ(warned.level, CheckLevel::Warning);
  EXPECT_TRUE(names(warned, number));
  EXPECT_TRUE(names(warned, "61 天"));
  const auto vetoed = result(on("2026-11-01").run(site.id), "interaction");  // 92 days
  EXPECT_EQ(vetoed.level, CheckLevel::Veto);
  EXPECT_TRUE(names(vetoed, "92 天"));
  // Nothing of the writer is in the evidence.
  for (const auto& e : vetoed.evidence) {
    EXPECT_EQ(e.detail.find("李明"), std::string::npos);
    EXPECT_EQ(e.detail.find("1397395"), std::string::npos);
  }
}

TEST_F(InspectionServiceTest, APolicyPublishedWithoutItsInterpretationIsListedUntilOneIsPublished) {
  const auto policy = publish("zcwj", "邵阳市优化营商环境若干措施", "2026-10-20");
  publish("ghjh", "邵阳市“十五五”规划纲要", "2026-10-20");  // not a policy column
  auto missing = result(on("2026-11-01").run(site.id), "interpretation");
  EXPECT_EQ(missing.level, CheckLevel::Warning);
  EXPECT_EQ(missing.findings, 1);
  EXPECT_TRUE(names(missing, "邵阳市优化营商环境若干措施"));
  EXPECT_EQ(missing.evidence.front().url, "/content/" + std::to_string(policy) + ".html");
  publish("zcjd", "《邵阳市优化营商环境若干措施》解读", "2026-10-21", "<p>一、出台背景</p>", policy);
  auto done = result(on("2026-11-01").run(site.id), "interpretation");
  EXPECT_EQ(done.level, CheckLevel::Normal);
  EXPECT_NE(done.summary.find("检查 1 件"), std::string::npos) << done.summary;
}

TEST_F(InspectionServiceTest, ASeriousWordingErrorIsFoundInTheArchiveAndWarnedOnPublish) {
  publish("ghjh", "邵阳市国民经济和社会发展计划", "2026-03-01",
          "<p>根据《中华人民共合国预算法》，做好政务舆情回应工作。</p>");
  auto s = on("2026-11-01");
  EXPECT_EQ(result(s.run(site.id), "wording").level, CheckLevel::Normal) << "an empty list finds nothing";
  EXPECT_EQ(s.add_example_wording_rules(site.id), 4);
  EXPECT_EQ(s.add_example_wording_rules(site.id), 0) << "examples already listed are not added twice";
  const auto found = result(s.run(site.id), "wording");
  EXPECT_EQ(found.level, CheckLevel::Veto) << "中华人民共合国 is a serious rule";
  EXPECT_EQ(found.findings, 1) << "政务舆情 is the right form, not 政务情";
  EXPECT_TRUE(names(found, "邵阳市国民经济和社会发展计划"));
  EXPECT_TRUE(names(found, "应为“中华人民共和国”"));
  // On publish it is a warning text, never a refusal.
  const auto warnings = s.wording_warnings(site.id, "深入分析政务情，回应关切");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("政务舆情"), std::string::npos);
  // The office's own rule: refused when empty or already listed, audited when added.
  EXPECT_THROW(s.add_wording_rule(caller(publisher), site.id, {0, "", "邵阳市", "", false}), domain::Invalid);
  EXPECT_THROW(s.add_wording_rule(caller(publisher), site.id, {0, "政务情", "政务舆情", "", false}), domain::Invalid);
  EXPECT_THROW(s.add_wording_rule(caller(editor), site.id, {0, "邵阳市政府办", "邵阳市人民政府办公室", "", false}),
               domain::Forbidden);
  const auto id = s.add_wording_rule(caller(publisher), site.id, {0, "邵阳市政府办", "邵阳市人民政府办公室", "机构名称", false});
  EXPECT_EQ(audited.back().action, "zcjc.configure");
  EXPECT_EQ(s.wording_rules(site.id).size(), 5u);
  s.remove_wording_rule(caller(publisher), site.id, id);
  EXPECT_EQ(s.wording_rules(site.id).size(), 4u);
  EXPECT_THROW(s.remove_wording_rule(caller(publisher), site.id, id), domain::NotFound);
}

TEST_F(InspectionServiceTest, TheWeeksAvailabilityRatioComesFromTheRecordedProbes) {
  auto s = on("2026-11-08");
  EXPECT_FALSE(result(s.run(site.id), "availability").checked) << "no probe yet";
  InspectionRepository repo(*db);
  long long at = now - 7 * 86400 + 60;  // within the week, one probe every 72 minutes
  auto probe = [&](bool ok) {
    repo.record_probe(site.id, {domain::to_utc_iso_of_unix(at), ok, ok ? 200 : 0, ok ? 35 : 15000, ok ? "" : "超时"},
                      "node-a");
    at += 72 * 60;
  };
  // Failures older than the week do not count.
  for (int i = 0; i < 10; ++i)
    repo.record_probe(site.id, {domain::to_utc_iso_of_unix(now - 9 * 86400 + i), false, 0, 15000, "超时"}, "node-a");
  for (int i = 0; i < 133; ++i) probe(true);
  for (int i = 0; i < 4; ++i) probe(false);
  auto ok = result(s.run(site.id), "availability");
  EXPECT_EQ(ok.level, CheckLevel::Normal) << ok.summary;  // 4 / 137 = 2.9%
  EXPECT_NE(ok.summary.find("探测 137 次，失败 4 次（2.9%）"), std::string::npos) << ok.summary;
  EXPECT_NE(ok.summary.find("少于检查要求的 140 次"), std::string::npos) << ok.summary;
  probe(false);
  auto warned = result(s.run(site.id), "availability");
  EXPECT_EQ(warned.level, CheckLevel::Warning) << warned.summary;  // 5 / 138 = 3.6%
  EXPECT_EQ(warned.findings, 5);
  EXPECT_TRUE(names(warned, "超时"));
  probe(false);
  probe(false);
  auto vetoed = result(s.run(site.id), "availability");
  EXPECT_EQ(vetoed.level, CheckLevel::Veto) << vetoed.summary;  // 7 / 140 = 5.0%
  EXPECT_EQ(vetoed.summary.find("少于"), std::string::npos) << "140 probes are what the inspection asks for";
}

TEST_F(InspectionServiceTest, AWarningMailIsSentOnceThenAgainWhenItWorsens) {
  auto s = on("2026-11-20");
  EXPECT_THROW(s.save_settings(caller(publisher), site.id, {"office@example.cn", "不是邮箱"}, "", false), domain::Invalid);
  EXPECT_THROW(s.save_settings(caller(publisher), site.id, {}, "homepage_warn_days=十", false), domain::Invalid);
  EXPECT_THROW(s.save_settings(caller(editor), site.id, {"office@example.cn"}, "", false), domain::Forbidden);
  EXPECT_TRUE(s.settings(site.id).contacts.empty()) << "a refused save keeps nothing";
  s.save_settings(caller(publisher), site.id, {" office@example.cn ", "", "head@example.cn"}, "", false);
  EXPECT_EQ(s.settings(site.id).contacts, (std::vector<std::string>{"office@example.cn", "head@example.cn"}));
  EXPECT_EQ(audited.back().action, "zcjc.configure");

  MailboxRepository(*db).ensure_default_mailboxes(site.id, "市长信箱");
  fill_columns_but(0, {"tzgg", "zcjd", "zcwj", "fgwj", "ywdt"});
  for (const char* code : {"tzgg", "zcjd", "zcwj"}) publish(code, std::string("旧信息 ") + code, "2026-05-04");
  publish("tjxx", "2026年10月全市经济运行情况", "2026-11-19");  // the homepage stays fresh
  OutboxRepository outbox(*db, key);
  auto alerts = [&] {
    int n = 0;
    for (const auto& e : outbox.list({site.id, "", 100})) n += e.kind == "zcjc.alert";
    return n;
  };
  const auto first = s.run(site.id);
  ASSERT_EQ(result(first, "column_update").level, CheckLevel::Warning);
  EXPECT_EQ(s.send_alerts(first, "https://zwgk.example.cn"), 2) << "one digest to each contact";
  EXPECT_EQ(alerts(), 2);
  // The next day the same findings: nothing new to say.
  auto next = on("2026-11-21");
  EXPECT_EQ(next.send_alerts(next.run(site.id), "https://zwgk.example.cn"), 0);
  // Worse: two more stale columns make it a veto.
  for (const char* code : {"fgwj", "ywdt"}) publish(code, std::string("旧信息 ") + code, "2026-05-04");
  auto worse = on("2026-11-22");
  const auto report = worse.run(site.id);
  ASSERT_EQ(result(report, "column_update").level, CheckLevel::Veto);
  EXPECT_EQ(worse.send_alerts(report, "https://zwgk.example.cn"), 2);
  EXPECT_EQ(alerts(), 4);
  // What the contacts read: the finding, its evidence and the report's address.
  const auto mail = outbox.claim_next(domain::to_utc_iso_of_unix(now + 3600), domain::to_utc_iso_of_unix(now));
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->kind, "zcjc.alert");
  EXPECT_NE(mail->subject.find("邵阳"), std::string::npos) << mail->subject;
  EXPECT_NE(mail->body.find("【预警】栏目不更新"), std::string::npos) << mail->body;
  EXPECT_NE(mail->body.find("栏目“通知公告”"), std::string::npos) << mail->body;
  EXPECT_NE(mail->body.find("https://zwgk.example.cn/console/inspection/?site="), std::string::npos) << mail->body;
}

}  // namespace
}  // namespace zwgk::store::test
